// docs/benchmarks.md: its sections, the machine a run was on, and the figures' formats.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const DOC = path.resolve(__dirname, '../../docs/benchmarks.md');

function readDoc() {
  return fs.existsSync(DOC) ? fs.readFileSync(DOC, 'utf8') : '';
}

function section(title) {
  const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`(^|\\n)(## ${escaped}[^\\n]*\\n[\\s\\S]*?)(?=\\n## |$)`).exec(readDoc());
  return m ? m[2] : null;
}

const PREAMBLE = `# Benchmarks and fault drills

Written by \`npm run bench\` (tests/load, tools/run-bench.js) and \`npm run drills\` (tests/fault,
tools/run-drills.js). Each workload is measured beside its physical limit in the same run and
reported as a ratio, because the machines these run on are shared and noisy (2 cores): absolute
numbers drift from run to run, ratios much less. Each benchmark's section is replaced by its latest
run; drill runs are appended under "Drills".
`;

/** Replaces a `## title` section or inserts it (before "## Drills", or first after the preamble when `first`). */
function writeSection(title, body, { first = false } = {}) {
  if (process.env.BENCH_WRITE === 'false') return;
  let doc = readDoc() || PREAMBLE;
  const text = `## ${title}${body.startsWith(' ') ? '' : '\n'}${body.trimEnd()}\n`;
  const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`(^|\\n)## ${escaped}[^\\n]*\\n[\\s\\S]*?(?=\\n## |$)`);
  if (re.test(doc)) doc = doc.replace(re, (_m, lead) => `${lead}${text}`);
  else if (first && /\n## /.test(doc)) doc = doc.replace(/\n## /, `\n${text}\n## `);
  else if (/\n## Drills\n/.test(doc)) doc = doc.replace(/\n## Drills\n/, `\n${text}\n## Drills\n`);
  else doc = `${doc.trimEnd()}\n\n${text}`;
  fs.mkdirSync(path.dirname(DOC), { recursive: true });
  fs.writeFileSync(DOC, doc.replace(/\n{3,}/g, '\n\n'));
}

function machineNow() {
  const cpus = os.cpus();
  return `Machine: ${cpus.length} cores (${cpus[0]?.model?.trim() ?? 'unknown CPU'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; load average at start ${os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ')} (1 / 5 / 15 min) on a shared machine.`;
}

const stamp = () => new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
const f1 = (n) => (typeof n === 'number' && Number.isFinite(n) ? n.toLocaleString('en', { maximumFractionDigits: 1 }) : 'n/a');
const pct = (x) => (typeof x === 'number' && Number.isFinite(x) ? `${(x * 100).toFixed(0)} %` : 'n/a');
const met = (b) => (b === true ? 'met' : b === false ? '**missed**' : 'not measured');

module.exports = { DOC, readDoc, section, writeSection, machineNow, stamp, f1, pct, met };
