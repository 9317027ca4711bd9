#!/usr/bin/env node
// `node tools/profile <file.cpuprofile | directory> [--svg out.svg] [--top N] [--title text] [--windows w.json]`:
// a V8 CPU profile (node --cpu-prof --cpu-prof-dir=DIR) as a flame graph SVG and markdown tables
// of the frames with the most self and total time. A directory means its newest .cpuprofile.
const fs = require('node:fs');
const path = require('node:path');
const { foldProfile, profileFiles, readProfile } = require('./cpuprofile');
const { flameSvg } = require('./flame-svg');
const { topTables } = require('./top-table');

/** Folds a profile, writes its SVG (when asked) and answers the markdown tables. */
function reportProfile(file, { svg, top = 15, title, windows } = {}) {
  const folded = foldProfile(readProfile(file), { windows });
  if (svg) {
    fs.mkdirSync(path.dirname(svg), { recursive: true });
    const subtitle = `${path.basename(file)}: ${folded.busyMs.toFixed(0)} ms of busy CPU sampled (idle left out). Hover a frame for its time.`;
    fs.writeFileSync(svg, flameSvg(folded.stacks, { title: title ?? 'CPU flame graph', subtitle }));
  }
  return { folded, markdown: topTables(folded, top) };
}

function main(argv) {
  const args = { top: 15 };
  const rest = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--svg') args.svg = argv[++i];
    else if (argv[i] === '--top') args.top = Number(argv[++i]);
    else if (argv[i] === '--title') args.title = argv[++i];
    // [[fromUs, toUs], …] on the profile's clock (what BENCH_PROFILE_KEEP writes beside the profile).
    else if (argv[i] === '--windows') args.windows = JSON.parse(fs.readFileSync(argv[++i], 'utf8'));
    else rest.push(argv[i]);
  }
  if (rest.length !== 1) {
    process.stderr.write('usage: node tools/profile <file.cpuprofile | directory> [--svg out.svg] [--top N] [--title text] [--windows w.json]\n');
    process.exit(2);
  }
  const files = profileFiles(rest[0]);
  if (!files.length) {
    process.stderr.write(`no .cpuprofile in ${rest[0]}\n`);
    process.exit(1);
  }
  const { markdown } = reportProfile(files[files.length - 1], args);
  process.stdout.write(`${markdown}\n`);
}

if (require.main === module) main(process.argv.slice(2));

module.exports = { reportProfile };
