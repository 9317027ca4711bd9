// The Summary section's rows: one per workload, its figure beside its limit measured in the same run.
const os = require('node:os');
const { f1, met, pct } = require('./report');

/**
 * A row a benchmark judged itself by an interleaved ratio (tests/load/support/interleave.ts,
 * JudgedRow): the ratio is the median of the pairs, printed with the smallest and largest pair.
 */
function judgedRowText(x) {
  const ratio = Number.isFinite(x.ratio) ? `${x.ratio.toFixed(2)}× (pairs ${x.min.toFixed(2)}–${x.max.toFixed(2)}, ${x.pairs} pairs)` : 'n/a';
  return `| ${x.workload} | ${x.measured} | ${x.limit} | ${ratio} | ${x.goal} | ${met(x.met)}${x.info ? `; ${x.info}` : ''} |`;
}

function summaryRows(results) {
  const rows = [];
  // Benchmarks that emit judged rows are printed the same way; the others by their own lines below.
  const judged = new Set();
  for (const [name, v] of results)
    if (Array.isArray(v.result?.rows)) {
      rows.push(...v.result.rows.map(judgedRowText));
      judged.add(name);
    }
  const r = (name) => (judged.has(name) ? undefined : results.get(name));
  const vs = r('vote-storm');
  if (vs?.result) {
    const x = vs.result;
    rows.push(
      `| Vote storm: ${x.voters} voters, ${x.members} members, ${x.seconds} s | ${f1(x.api.votesPerSecond)} votes/s, p99 ${f1(x.api.p99)} ms | vote upsert + audit row straight through node-postgres: ${f1(x.limitA.commitsPerSecond)} commits/s (on one hash chain: ${f1(x.limitB.commitsPerSecond)}) | ${pct(x.ratioA)} (${pct(x.ratioB)} of one chain) | ≥ 33 %, p99 < 100 ms, 0 lost/duplicated | ${met(x.goals.throughput)}, ${met(x.goals.p99)}, ${met(x.goals.integrity)} (lost ${x.audit.lost}, duplicated ${x.audit.duplicated}, chain ${x.audit.chain.ok ? 'valid' : 'BROKEN'}) |`,
    );
  }
  const tr = r('tally-read');
  if (tr?.result)
    for (const c of tr.result.cases)
      rows.push(
        `| Tally read: ballot with ${c.votes.toLocaleString('en')} votes | GET p50 ${f1(c.api.p50)} ms | the SQL aggregate alone: p50 ${f1(c.sql.p50)} ms | ${f1(c.ratio)}× | ≤ 2× | ${met(c.met)} |`,
      );
  const dr = r('document-read');
  if (dr?.result) {
    const x = dr.result;
    rows.push(
      `| Document read: 300 clauses, 5,000 comments, 1,000 amendments | GET p50 ${f1(x.api.p50)} ms | the document's SQL reads alone: p50 ${f1(x.sql?.p50)} ms | ${f1(x.ratio)}× | p50 < 50 ms | ${met(x.goals.apiP50)} |`,
    );
    rows.push(
      `| Document page in chromium | ${x.page ? `interactive at ${f1(x.page.interactiveMs)} ms` : `not measured: ${x.pageSkipped}`} | an empty page of the same app: ${x.page ? `${f1(x.page.emptyInteractiveMs)} ms` : 'n/a'} | ${x.page ? `${f1(x.page.interactiveMs / x.page.emptyInteractiveMs)}×` : 'n/a'} | < 1,500 ms | ${met(x.goals.page)} |`,
    );
  }
  const cp = r('compilation');
  if (cp?.result) {
    const x = cp.result;
    rows.push(
      `| Compilation: 300 clauses, 1,000 open amendments, 500 brackets | GET p50 ${f1(x.api.p50)} ms | its SQL reads alone: p50 ${f1(x.sql?.p50)} ms | ${f1(x.ratio)}× | ≤ 3×, p50 < 100 ms | ${met(x.goals.apiRatio && x.goals.apiP50)} |`,
    );
    rows.push(
      `| Compilation page in chromium | ${x.page ? `interactive at ${f1(x.page.interactiveMs)} ms` : `not measured: ${x.pageSkipped}`} | | | < 1,500 ms | ${met(x.goals.page)} |`,
    );
  }
  const pr = r('procedures');
  if (pr?.result)
    for (const c of pr.result.cases)
      rows.push(
        `| Procedures (group of 500): ${c.name} | GET p50 ${f1(c.api.p50)} ms | its SQL reads alone: p50 ${f1(c.sql.p50)} ms | ${f1(c.ratio)}× | ≤ 3× | ${met(c.met)} |`,
      );
  const nt = r('notifications');
  if (nt?.result) {
    const x = nt.result;
    rows.push(
      `| Notifications: a ballot opened in a group of ${x.members} | POST p50 ${f1(x.on.p50)} ms with notifications; its ${x.members - 1} notifications exist after p50 ${f1(x.delivered.p50)} ms | the same opening without notifications: p50 ${f1(x.off.p50)} ms | ${f1(x.ratio)}× | ≤ 2×, no duplicates | ${met(x.met)} |`,
    );
  }
  const dg = r('digest');
  if (dg?.result) {
    const x = dg.result;
    rows.push(
      `| Daily e-mail digest: ${x.people.toLocaleString('en')} people, ${x.perPerson} notifications each | built in ${f1(x.buildSeconds)} s | the same rendered rows by one bare INSERT … SELECT: ${f1(x.limitSeconds)} s | ${f1(x.ratio)}× | < 60 s | ${met(x.met)} |`,
    );
  }
  const lv = r('language-versions');
  if (lv?.result) {
    const x = lv.result;
    rows.push(
      `| Language versions: a 300-clause text read side by side in two languages | p50 ${f1(x.sideBySide.p50)} ms | the version alone, interleaved: p50 ${f1(x.alone.p50)} ms | ${f1(x.ratio)}× | ≤ 2× | ${met(x.met)} |`,
    );
  }
  const sn = r('sessions');
  if (sn?.result) {
    const x = sn.result;
    rows.push(
      `| Sessions: GET /api/me by ${x.concurrency} clients over ${x.sessions} sessions, last use recorded (at most once a minute) | ${x.on.cpu.toFixed(2)} ms CPU per request (${f1(x.on.rate)} requests/s) | the same without last use, interleaved rounds: ${x.off.cpu.toFixed(2)} ms (${f1(x.off.rate)} requests/s) | ${x.cpuRatio.toFixed(3)}× (written every second: ${x.stressRatio.toFixed(3)}×) | ≤ 1.05× CPU per request | ${met(x.met)} |`,
    );
  }
  const se = r('search');
  if (se?.result) {
    const x = se.result;
    rows.push(
      `| Search: ${x.comments.toLocaleString('en')} comments, ${x.clauses.toLocaleString('en')} clause versions | GET /api/search p50 ${f1(x.api.p50)} ms, p99 ${f1(x.api.p99)} ms | the same SQL alone: p50 ${f1(x.sql.p50)} ms | ${f1(x.ratio)}× | ≤ 2×, p50 < 50 ms, p99 < 200 ms | ${met(x.goals.ratio && x.goals.apiP50 && x.goals.apiP99)} |`,
    );
    rows.push(
      `| Search: comment write path with the index | POST p50 ${f1(x.write.with.p50)} ms | the same without the index trigger, interleaved: p50 ${f1(x.write.without.p50)} ms | ${f1(x.write.ratio)}× | ≤ 1.2× | ${met(x.goals.write)} |`,
    );
  }
  const mt = r('meetings');
  if (mt?.result) {
    const x = mt.result;
    rows.push(
      `| Meetings: ${x.changes} queue changes of a session of ${x.attendees} to ${x.clients} room screens | p99 ${f1(x.parley.p99)} ms, lost ${x.parley.lost} | bare socket.io, same clients, interleaved: p99 ${f1(x.bare.p99)} ms | ${f1(x.ratio)}× | ≤ 2×, 0 lost | ${met(x.met)} |`,
    );
  }
  const av = r('audit-verify');
  if (av?.result) {
    const x = av.result;
    const best = x.floor ? x.floor.perEventSeconds / os.cpus().length : null;
    rows.push(
      `| Audit verify: ${x.events.toLocaleString('en')} events | ${x.verifySeconds} s (${x.eventsPerSecond.toLocaleString('en')} events/s) | the per-event work alone, spread on ${os.cpus().length} cores: ${best ? `${best.toFixed(1)} s` : 'n/a'} | ${best ? `${(x.verifySeconds / best).toFixed(2)}×` : ''} | < 10 s | ${met(x.met)} |`,
    );
  }
  const ss = r('start-size');
  if (ss?.result) {
    const x = ss.result;
    rows.push(
      `| npm start, warm install, empty data directory (demo loaded) | ready in ${f1(x.start.firstReadySeconds)} s | the same, data already there: ${f1(x.start.secondReadySeconds)} s | | < 15 s | ${met(x.goals.start)} |`,
    );
    rows.push(
      `| Web initial JavaScript (gzipped) | ${f1(x.size.initialGzipKB)} KB in ${x.size.initialFiles} files | all JavaScript of the app: ${f1(x.size.allGzipKB)} KB | ${pct(x.size.initialGzipKB / x.size.allGzipKB)} | < 300 KB | ${met(x.goals.size)} |`,
    );
  }
  const hm = r('home');
  if (hm?.result) {
    const x = hm.result;
    rows.push(
      `| Home (front door): ${x.groups} groups of 500, a 10,000-vote ballot | GET /api/home p50 ${f1(x.api.p50)} ms (signed-in chair ${f1(x.apiSignedIn.p50)} ms; right after an act ${f1(x.groupList?.p50)} ms) | every current membership read alone: p50 ${f1(x.sql.p50)} ms | ${f1(x.ratio)}× | none yet (first measurement) | not judged |`,
    );
  }
  for (const [name, v] of results)
    if (!v.result) rows.push(`| ${name} | did not complete (exit ${v.code}) | | | | **not measured** |`);
  return rows;
}

module.exports = { summaryRows };
