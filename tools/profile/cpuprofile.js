// A V8 CPU profile (`node --cpu-prof`, a .cpuprofile JSON file) folded into weighted stacks: the
// input of the flame graph (flame-svg.js) and of the top tables (top-table.js).
//
// A .cpuprofile holds a call tree (`nodes`, each with a call frame and its children) and the
// sampled node at each tick (`samples`) with the microseconds since the previous tick
// (`timeDeltas`). A sample's weight is the time until the next one, so an irregular sampler still
// adds up to wall time; the last sample gets the median interval.
const fs = require('node:fs');
const path = require('node:path');

/** Frames that are not JavaScript running: V8's own bookkeeping names, put in parentheses. */
const IDLE = '(idle)';

/** A short, stable name for a source location: a package name, a node: module, or a path from the repository. */
function shortUrl(url) {
  if (!url) return '';
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) return url.slice(nm + '/node_modules/'.length);
  if (url.startsWith('node:')) return url;
  const dist = url.search(/\/dist\/[^/]+\//);
  if (dist >= 0) return url.slice(dist + 1).replace(/^dist\/[^/]+\//, '');
  return url.replace(/^file:\/\//, '').replace(`${process.cwd()}/`, '');
}

/** The package a frame belongs to: 'pg', '@nestjs/core', 'node:internal', 'parley' (this repository), or the V8 pseudo-frame itself. */
function packageOf(frame) {
  const url = frame.url;
  if (!url) return frame.functionName.startsWith('(') ? frame.functionName : '(native)';
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const parts = url.slice(nm + '/node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  if (url.startsWith('node:')) return 'node (built-in modules)';
  return 'parley';
}

function frameName(cf) {
  const fn = cf.functionName || '(anonymous)';
  if (!cf.url) return fn;
  return `${fn} ${shortUrl(cf.url)}:${cf.lineNumber + 1}`;
}

/**
 * Reads a profile and folds it: `stacks` maps "root;…;leaf" (frame names) to milliseconds, and
 * each frame's self and total time are summed (total counted once per sample, however often the
 * frame recurs in it). `windows` (optional, [fromUs, toUs] pairs on the profile's clock, which is
 * the monotonic clock `process.hrtime` reads) keeps only the samples taken inside them.
 */
function foldProfile(profile, { windows } = {}) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const stackOf = new Map();
  const stackFor = (id) => {
    let s = stackOf.get(id);
    if (s) return s;
    const frames = [];
    for (let at = id; at !== undefined; at = parent.get(at)) frames.push(byId.get(at).callFrame);
    frames.reverse();
    // The tree's "(root)" frame is in every stack: leave it out.
    s = frames.filter((f) => f.functionName !== '(root)');
    stackOf.set(id, s);
    return s;
  };
  const deltas = profile.timeDeltas ?? [];
  const sorted = [...deltas].slice(1).sort((a, b) => a - b);
  const typical = sorted.length ? sorted[Math.floor(sorted.length / 2)] : 1000;
  const inWindow = (t) => !windows || windows.some(([from, to]) => t >= from && t <= to);

  const stacks = new Map();
  const self = new Map();
  const total = new Map();
  const packages = new Map();
  let t = profile.startTime;
  let busyMs = 0;
  let idleMs = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    t += deltas[i] ?? 0;
    if (!inWindow(t)) continue;
    const ms = (i + 1 < deltas.length ? deltas[i + 1] : typical) / 1000;
    const frames = stackFor(profile.samples[i]);
    const leaf = frames[frames.length - 1];
    if (!leaf || leaf.functionName === IDLE) {
      idleMs += ms;
      continue;
    }
    busyMs += ms;
    const names = frames.map(frameName);
    const key = names.join(';');
    stacks.set(key, (stacks.get(key) ?? 0) + ms);
    const leafName = names[names.length - 1];
    self.set(leafName, (self.get(leafName) ?? 0) + ms);
    for (const name of new Set(names)) total.set(name, (total.get(name) ?? 0) + ms);
    const pkg = packageOf(leaf);
    packages.set(pkg, (packages.get(pkg) ?? 0) + ms);
  }
  return { stacks, self, total, packages, busyMs, idleMs };
}

/** The .cpuprofile files of a directory (node --cpu-prof-dir), newest last, or the file itself. */
function profileFiles(where) {
  if (!fs.statSync(where).isDirectory()) return [where];
  return fs
    .readdirSync(where)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => path.join(where, f))
    .sort((a, b) => fs.statSync(a).mtimeMs - fs.statSync(b).mtimeMs);
}

function readProfile(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

module.exports = { foldProfile, frameName, packageOf, profileFiles, readProfile, shortUrl };
