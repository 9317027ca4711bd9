#!/usr/bin/env node
// Micro-benchmark of word segmentation (decision 0047): the word diff (compareVersions) and the
// provenance (traceProvenance) of a 300-clause version after 50 amendments, in English (the long
// document every benchmark reads) and in Chinese, measured in process on libs/domain's sources.
//
//   node tools/bench/word-segmentation.js [domain-src]   (default libs/domain/src)
// To compare with an earlier tokenizer: `git archive <commit> libs/domain | tar -x -C /tmp/before`
// then `node tools/bench/word-segmentation.js /tmp/before/libs/domain/src`. Prints medians in ms.
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const { transformSync } = require('@swc/core');

const root = path.resolve(process.argv[2] ?? path.join(__dirname, '../../libs/domain/src'));
require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), { filename, jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } });
  module._compile(code, filename);
};
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  if (request.startsWith('.') && parent?.filename?.endsWith('.ts')) {
    const base = path.resolve(path.dirname(parent.filename), request);
    for (const candidate of [`${base}.ts`, path.join(base, 'index.ts')]) if (fs.existsSync(candidate)) return candidate;
  }
  if (!request.startsWith('.') && !request.startsWith('node:') && !path.isAbsolute(request)) return resolve.call(this, request, module, ...rest); // packages from this checkout
  return resolve.call(this, request, parent, ...rest);
};
const { compareVersions } = require(path.join(root, 'drafting/compare-versions.ts'));
const { traceProvenance } = require(path.join(root, 'drafting/provenance.ts'));

const snapshot = (group) => ({ organisationId: `o-${group}`, organisationName: group, stakeholderGroup: group, subtype: null, confirmed: true, affiliationConfirmedAt: '2026-01-01T00:00:00Z' });
const author = (group) => ({ authorId: `p-${group}`, snapshot: snapshot(group) });
const TEXTS = {
  en: (i) => `States, companies and civil society shall cooperate to prevent malicious cyber activity of kind ${i + 1}, and report on it every year to the working group.`,
  zh: (i) => `各国、企业和民间社会应合作防止第${i + 1}类恶意网络活动，并每年向工作组报告。`,
};
const AMEND = {
  en: (text) => text.replace('shall cooperate to prevent', 'should work together to prevent and deter').replace('every year', 'every two years'),
  zh: (text) => text.replace('应合作防止', '应共同努力防止和遏制').replace('每年', '每两年'),
};

function versions(lang) {
  const v1 = Array.from({ length: 300 }, (_, i) => ({ id: `c${i}`, kind: 'operative', text: TEXTS[lang](i) }));
  const v2 = v1.map((c, i) => (i % 6 === 0 ? { ...c, text: AMEND[lang](c.text) } : c)); // 50 amended clauses
  const amendments = v2.filter((_, i) => i % 6 === 0).map((c) => ({ amendmentId: `am-${c.id}`, clauseId: c.id, author: author('civil-society') }));
  return { v1, v2, chain: { original: { clauses: v1, author: author('government') }, revisions: [{ version: 2, clauses: v2, amendments }], locale: lang } };
}

function median(run, times = 30) {
  for (let i = 0; i < 3; i++) run();
  const samples = [];
  for (let i = 0; i < times; i++) {
    const start = process.hrtime.bigint();
    run();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)].toFixed(1);
}

for (const lang of ['en', 'zh']) {
  const { v1, v2, chain } = versions(lang);
  const changed = compareVersions(v1, v2, lang).clauses.filter((c) => c.status === 'changed').length;
  const diff = median(() => compareVersions(v1, v2, lang));
  const provenance = median(() => traceProvenance(chain));
  console.log(`${lang}: 300 clauses, ${changed} changed: compareVersions ${diff} ms, traceProvenance ${provenance} ms (median of 30)`);
}
