// A flame graph as a self-contained SVG, drawn from folded stacks (cpuprofile.js): each frame is a
// rectangle as wide as the time spent in it and in what it called, its callers below it. Hovering
// a rectangle shows its name, milliseconds and share (an SVG <title>). Colour says whose code it
// is: this repository green, node-postgres blue, TypeORM orange, the HTTP framework yellow, Node's
// built-in modules grey, V8 itself (garbage collector, compiler) red.

const WIDTH = 1200;
const ROW = 16;
const PAD = 10;
const HEADER = 58;
const CHAR_PX = 6.6; // 11 px monospace
const MIN_PX = 0.3;

/** The merged call tree: children keyed by frame name, each with the milliseconds under it. */
function treeOf(stacks) {
  const root = { name: 'all', ms: 0, children: new Map() };
  for (const [key, ms] of stacks) {
    root.ms += ms;
    let node = root;
    for (const name of key.split(';')) {
      let child = node.children.get(name);
      if (!child) node.children.set(name, (child = { name, ms: 0, children: new Map() }));
      child.ms += ms;
      node = child;
    }
  }
  return root;
}

/** Whose code a frame name ("fn where:line") is, for its colour. */
function ownerOf(name) {
  const where = name.split(' ')[1];
  if (!where) return 'v8';
  if (where.startsWith('node:')) return 'node';
  if (/^(apps|libs)\//.test(where)) return 'parley';
  const pkg = where.startsWith('@') ? where.split('/').slice(0, 2).join('/') : where.split('/')[0];
  if (pkg === 'pg' || pkg.startsWith('pg-')) return 'pg';
  if (pkg === 'typeorm') return 'typeorm';
  if (/^(@nestjs\/|express|body-parser|helmet|router|raw-body|on-finished|finalhandler|send|serve-static|cookie|qs|path-to-regexp)/.test(pkg)) return 'http';
  return 'other';
}

const HUES = { parley: [110, 55], pg: [210, 60], typeorm: [28, 80], http: [50, 85], node: [0, 0], v8: [0, 70], other: [280, 35] };

function colourOf(name) {
  const [hue, sat] = HUES[ownerOf(name)];
  // A little lightness jitter from the name, so neighbours of one owner stay apart.
  let h = 0;
  for (let i = 0; i < name.length; i++) h = (h * 31 + name.charCodeAt(i)) >>> 0;
  return `hsl(${hue},${sat}%,${62 + (h % 16)}%)`;
}

const escapeXml = (s) => s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]);

function depthOf(node) {
  let d = 0;
  for (const c of node.children.values()) d = Math.max(d, depthOf(c));
  return d + 1;
}

/** The SVG text of the flame graph of `stacks` (Map "a;b;c" → ms), titled `title`. */
function flameSvg(stacks, { title = 'CPU flame graph', subtitle = '' } = {}) {
  const root = treeOf(stacks);
  const depth = depthOf(root);
  const height = HEADER + depth * ROW + PAD * 2;
  const scale = root.ms > 0 ? (WIDTH - PAD * 2) / root.ms : 0;
  const rects = [];
  const draw = (node, x, level) => {
    const w = node.ms * scale;
    if (w < MIN_PX) return;
    const y = height - PAD - (level + 1) * ROW;
    const share = root.ms ? ((node.ms / root.ms) * 100).toFixed(2) : '0';
    const label = `${node.name} — ${node.ms.toFixed(1)} ms, ${share} %`;
    const fits = Math.floor((w - 4) / CHAR_PX);
    const text = fits >= 3 ? (node.name.length <= fits ? node.name : `${node.name.slice(0, fits - 1)}…`) : '';
    rects.push(
      `<g><title>${escapeXml(label)}</title><rect x="${x.toFixed(2)}" y="${y}" width="${w.toFixed(2)}" height="${ROW - 1}" fill="${level === 0 ? '#ddd' : colourOf(node.name)}" rx="1"/>` +
        (text ? `<text x="${(x + 2).toFixed(2)}" y="${y + ROW - 4}">${escapeXml(text)}</text>` : '') +
        '</g>',
    );
    let cx = x;
    for (const child of [...node.children.values()].sort((a, b) => (a.name < b.name ? -1 : 1))) {
      draw(child, cx, level + 1);
      cx += child.ms * scale;
    }
  };
  draw(root, PAD, 0);
  const legend = Object.entries({ parley: 'Parley', pg: 'node-postgres', typeorm: 'TypeORM', http: 'NestJS / Express', node: 'Node built-ins', v8: 'V8 (GC, compiler)', other: 'other packages' })
    .map(([k, label], i) => {
      const [hue, sat] = HUES[k];
      const x = PAD + i * 150;
      return `<rect x="${x}" y="41" width="10" height="10" fill="hsl(${hue},${sat}%,66%)"/><text x="${x + 14}" y="50">${label}</text>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="monospace" font-size="11">
<rect width="100%" height="100%" fill="#fff"/>
<text x="${PAD}" y="16" font-size="14" font-weight="bold">${escapeXml(title)}</text>
<text x="${PAD}" y="33">${escapeXml(subtitle)}</text>
${legend}
${rects.join('\n')}
</svg>
`;
}

module.exports = { flameSvg, ownerOf, treeOf };
