#!/usr/bin/env node
// Offline verifier for an audit export (JSON Lines, one event per line, as GET /api/audit/export.jsonl
// gives): chain order, hashes, each change against its digest, and optionally pinned heads
// (`--head head.json`, the body of GET /api/audit/head). Uses the same libs/domain code as the API.
// Streams the file (memory stays flat whatever its size); each event's own digest and hash are
// checked in worker threads, the chains are linked in order on the main thread.
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ChainHead, ChainVerifier, verificationReport } from '@parley/domain';
import type { BatchResult } from './audit-verify-worker';

const BATCH_BYTES = 1 << 20;

function parseArgs(argv: string[]): { file: string | null; headFile: string | null } {
  const headAt = argv.indexOf('--head');
  const headFile = headAt >= 0 ? (argv[headAt + 1] ?? null) : null;
  const file = argv.find((a, i) => !a.startsWith('--') && (headAt < 0 || i !== headAt + 1)) ?? null;
  return { file, headFile };
}

async function main(): Promise<number> {
  const { file, headFile } = parseArgs(process.argv.slice(2));
  if (!file) {
    console.error('usage: parley-audit-verify export.jsonl [--head head.json]   (or: npm run audit:verify -- export.jsonl [--head head.json])');
    return 2;
  }
  let pinned: Record<string, ChainHead> | undefined;
  if (headFile) {
    const head = JSON.parse(await readFile(headFile, 'utf8')) as { chains: { scope: string; sequence: number; hash: string }[] };
    pinned = Object.fromEntries(head.chains.map((c) => [c.scope, { sequence: c.sequence, hash: c.hash }]));
  }

  const verifier = new ChainVerifier();
  const workers = Array.from({ length: Math.max(1, availableParallelism()) }, () => new Worker(join(__dirname, 'audit-verify-worker.js')));
  const pending = new Map<number, BatchResult>();
  let nextToSend = 0;
  let nextToLink = 0;
  let linesBefore = 0;
  let badLine: number | null = null;
  let badBatch: number | null = null;
  let withheld = 0;
  let stop = false;

  // Results come back in any order; link them in file order.
  const link = () => {
    while (!stop && pending.has(nextToLink)) {
      const r = pending.get(nextToLink)!;
      pending.delete(nextToLink);
      nextToLink++;
      const problems = new Map(r.problems.map((p) => [p.index, p]));
      const withholding = new Map(r.withholding.map((w) => [w.index, w.fact]));
      withheld += r.withheld;
      for (let i = 0; i < r.links.length && !stop; i++) {
        const [scope, sequence, previousHash, hash] = r.links[i];
        if (!verifier.addChecked({ scope, sequence, previousHash, hash, withholding: withholding.get(i) }, problems.get(i) ?? null)) stop = true;
      }
      if (!stop && r.badLine !== null) {
        badLine = linesBefore + r.badLine + 1;
        badBatch = r.id;
        stop = true;
      }
      linesBefore += r.lines - 1;
    }
  };

  let inFlight = 0;
  let wake: (() => void) | null = null;
  for (const w of workers)
    w.on('message', (r: BatchResult) => {
      inFlight--;
      pending.set(r.id, r);
      link();
      wake?.();
    });
  const send = async (text: string) => {
    while (inFlight >= workers.length * 2) await new Promise<void>((r) => (wake = r));
    inFlight++;
    workers[nextToSend % workers.length].postMessage({ id: nextToSend++, text });
  };

  let carry = '';
  let cutBatch: number | null = null;
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: BATCH_BYTES })) {
    if (stop) break;
    const text = carry + (chunk as string);
    const cut = text.lastIndexOf('\n');
    if (cut < 0) {
      carry = text;
      continue;
    }
    carry = text.slice(cut + 1);
    await send(text.slice(0, cut + 1));
  }
  // A last line without its newline: the server ends every line with one, so the download was cut.
  if (carry && !stop) {
    cutBatch = nextToSend;
    await send(carry + '\n');
  }
  while (!stop && nextToLink < nextToSend) await new Promise<void>((r) => (wake = r));
  await Promise.all(workers.map((w) => w.terminate()));

  const verdict = verifier.result(pinned);
  const lastLineCut = cutBatch !== null && badBatch === cutBatch;
  const report = verificationReport(verdict, {
    pinned: pinned !== undefined,
    withheld,
    badLine: badLine === null ? null : { line: badLine, cutShort: lastLineCut },
  });
  (report.ok ? console.log : console.error)(report.lines.join('\n'));
  return report.ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e: Error) => {
    console.error(`audit-verify: ${e.message}`);
    process.exit(2);
  },
);
