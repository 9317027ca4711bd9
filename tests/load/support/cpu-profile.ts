// BENCH_PROFILE=1: a benchmark starts the API under `node --cpu-prof`, marks the windows it wants
// profiled (on the monotonic clock the profile uses), and after the API has stopped (the profile is
// written at exit) turns it into a flame graph SVG and top tables (tools/profile).
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './harness';

interface ProfileTools {
  reportProfile(file: string, o: { svg?: string; top?: number; title?: string; windows?: [number, number][] }): { markdown: string; folded: { busyMs: number } };
}
interface ProfileFiles {
  profileFiles(where: string): string[];
}

export interface ApiProfiler {
  /** Node flags for startApi (none unless BENCH_PROFILE=1). */
  nodeArgs: string[];
  enabled: boolean;
  /** Marks the start and end of a window to keep (samples outside are left out: start-up, seeding, the limit's rounds). */
  start(): void;
  stop(): void;
  /** After the API has exited: the SVG written to `svg` (relative to the repository) and the markdown tables, or null. */
  report(svg: string, title: string, top?: number): { markdown: string; busyMs: number } | null;
}

const nowUs = () => Number(process.hrtime.bigint() / 1000n);

export function apiProfiler(): ApiProfiler {
  const enabled = process.env.BENCH_PROFILE === '1';
  const dir = enabled ? mkdtempSync(join(tmpdir(), 'parley-cpu-prof-')) : '';
  const windows: [number, number][] = [];
  let from: number | null = null;
  return {
    enabled,
    nodeArgs: enabled ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [],
    start: () => void (from = nowUs()),
    stop: () => {
      if (from !== null) windows.push([from, nowUs()]);
      from = null;
    },
    report: (svg, title, top = 15) => {
      if (!enabled) return null;
      try {
        const files = (require(join(root, 'tools/profile/cpuprofile.js')) as ProfileFiles).profileFiles(dir);
        if (!files.length) return null;
        const tools = require(join(root, 'tools/profile/index.js')) as ProfileTools;
        // BENCH_PROFILE_KEEP=path: the raw profile and its windows kept for a closer look (node tools/profile).
        const keep = process.env.BENCH_PROFILE_KEEP;
        if (keep) {
          copyFileSync(files[files.length - 1], keep);
          writeFileSync(`${keep}.windows.json`, JSON.stringify(windows));
        }
        const r = tools.reportProfile(files[files.length - 1], { svg: join(root, svg), title, top, windows });
        return { markdown: r.markdown, busyMs: r.folded.busyMs };
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
