// Where an API process's CPU went, from `node --cpu-prof` profiles: a short table by package and by
// function (self time), for the live fan-out benchmark's section. The flame graph is tools/profile's.

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const IDLE = new Set(['(idle)', '(program)']);

/** "socket.io", "pg", "parley (apps/api)", "node internals"… for a frame's script. */
function packageOf(url: string, fn: string): string {
  const m = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  if (url.includes('apps/api/')) return 'Parley API (apps/api)';
  if (url.includes('libs/')) return 'Parley libs';
  if (url.startsWith('node:')) return 'Node.js (JavaScript)';
  return fn === '(garbage collector)' ? 'garbage collector' : 'native (writes to sockets, syscalls)';
}

/** Self time by package and the top functions, summed over the profiles (one per API process). */
export function cpuTopTable(profiles: string[], top = 12): string {
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let busy = 0;
  for (const text of profiles) {
    const p = JSON.parse(text) as CpuProfile;
    const self = new Map<number, number>();
    p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000));
    for (const n of p.nodes) {
      const t = self.get(n.id) ?? 0;
      const { functionName, url, lineNumber } = n.callFrame;
      if (t === 0 || IDLE.has(functionName)) continue;
      busy += t;
      const pkg = packageOf(url, functionName);
      byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + t);
      const where = url ? `${url.replace(/.*node_modules\//, '').replace(/.*\/(apps|libs)\//, '$1/')}:${lineNumber + 1}` : '';
      const key = `${functionName || '(anonymous)'}${where ? ` (${where})` : ''}`;
      byFunction.set(key, (byFunction.get(key) ?? 0) + t);
    }
  }
  const rows = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `| ${k.replace(/\|/g, '\\|')} | ${(v / 1000).toFixed(2)} s | ${((v / busy) * 100).toFixed(1)} % |`);
  return [
    `Busy CPU in the profiles: ${(busy / 1000).toFixed(1)} s (idle excluded).`,
    '',
    '| package | self time | share |',
    '| --- | --- | --- |',
    ...rows(byPackage, 8),
    '',
    '| function | self time | share |',
    '| --- | --- | --- |',
    ...rows(byFunction, top),
    '',
  ].join('\n');
}
