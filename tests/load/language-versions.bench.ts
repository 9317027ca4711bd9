// Benchmark: language versions of a 300-clause text (issue #23, decision 0045).
//
// A group (seedGroup) whose chair creates the 300-clause document over HTTP; a voting member then
// saves its translation into French and into Arabic, clause by clause (600 POSTs, each an audited
// act). Measured in the same run:
//  - saving one clause's translation (POST …/versions/1/translations), p50 and p99;
//  - reading the version side by side in French and Arabic (GET …/versions/1/language-versions?languages=fr,ar:
//    the 300 clauses, each in both languages with its state and translator, and every language's
//    counts), alternating with its limit, reading the version alone (GET …/versions/1), one request
//    at a time, in BENCH_ROUNDS interleaved pairs of blocks. Goal: side-by-side p50 ≤ 2× the version
//    alone, median of the pairs.
//
// Environment: BENCH_SAMPLES (40 reads each way), BENCH_ROUNDS (5).
import { Pool } from 'pg';
import { emitResult, http, log, machine, machineLine, ms, runMain, seedGroup, startApi, startCluster, summarise, today, writeSection } from './support/harness';
import { createLongDocument } from './support/long-document';
import { judgedRow } from './support/interleave';
import { blocks, blocksRatio, cpuText, loadText, machineCpu, perRound, ROUNDS } from './support/rounds';

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 40);
const RATIO = 2;

async function main(): Promise<void> {
  const m = machine();
  log(`language versions: a 300-clause text translated into French and Arabic, then read side by side ${SAMPLES} times against the version alone`);
  const cluster = await startCluster('language-versions');
  const db = new Pool({ connectionString: cluster.url('parley_bench'), max: 2 });
  db.on('error', () => undefined);
  let api: Awaited<ReturnType<typeof startApi>> | null = null;
  try {
    api = await startApi(cluster.url('parley_bench'), { name: 'api' });
    const seeded = await seedGroup(db, { members: 4, withSessions: 2 });
    const translator = seeded.members.find((p) => p.token && p.id !== seeded.chair.id)!;
    const { doc } = await createLongDocument(db, api.base, seeded.groupId, seeded.chair.token, 'Cyber principles (language versions bench)');
    const saves: number[] = [];
    for (const [language, words] of [
      ['fr', 'Les États coopèrent pour prévenir les cyberactivités malveillantes'],
      ['ar', 'تتعاون الدول لمنع الأنشطة السيبرانية الخبيثة'],
    ] as const) {
      for (const [i, c] of doc.version.clauses.entries()) {
        const r = await http('POST', `${api.base}/api/documents/${doc.id}/versions/1/translations`, { token: translator.token!, body: { clauseId: c.id, language, text: `${words} (${i + 1}).` } });
        if (r.status !== 201) throw new Error(`save a translation: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
        saves.push(r.ms);
      }
    }
    const bothUrl = `${api.base}/api/documents/${doc.id}/versions/1/language-versions?languages=fr,ar`;
    const aloneUrl = `${api.base}/api/documents/${doc.id}/versions/1`;
    const readBoth = async () => {
      const both = await http<{ clauses: { languages: unknown[] }[] }>('GET', bothUrl);
      if (both.status !== 200) throw new Error(`side by side: ${both.status}`);
      if (both.body.clauses.length !== 300 || both.body.clauses.some((c) => c.languages.length !== 2)) throw new Error('the side-by-side read is not 300 clauses in two languages');
      return both.ms;
    };
    const readAlone = async () => {
      const one = await http('GET', aloneUrl);
      if (one.status !== 200) throw new Error(`the version alone: ${one.status}`);
      return one.ms;
    };
    for (let i = 0; i < 5; i++) {
      await readBoth();
      await readAlone();
    }
    const x = await blocks({ perRound: perRound(SAMPLES), a: readBoth, b: readAlone, cpu: machineCpu(cluster, api) });
    const events = (await db.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'translation.saved'`)).rows[0].n as number;
    const saveS = summarise(saves);
    const bothS = x.a;
    const aloneS = x.b;
    const row = judgedRow('Language versions: a 300-clause text read side by side in two languages', x.r, {
      measured: `p50 ${ms(x.r.aMedian)}`,
      limit: `the version alone: p50 ${ms(x.r.bMedian)}`,
      goal: { atMost: RATIO },
      extraMet: events === 600,
      info: cpuText(x),
    });
    const met = row.met;
    const ratio = x.r.ratio;
    log(`save p50 ${ms(saveS.p50)} p99 ${ms(saveS.p99)}; side by side p50 ${ms(bothS.p50)} vs version alone ${ms(aloneS.p50)}: ${blocksRatio(x)}; ${cpuText(x)}`);
    writeSection(
      'Language versions',
      ` (${today()})

${machineLine(m)}
Workload (issue #23, decision 0045): the 300-clause document, translated clause by clause into French and then Arabic by a voting member over HTTP (600 saves, each an audited act: ${events} \`translation.saved\` events), then read side by side in French and Arabic (\`GET …/versions/1/language-versions?languages=fr,ar\`: every clause in both languages with its state, the original it was made from and its translator, and every language's counts), interleaved with its limit, the version alone (\`GET …/versions/1\`), one request at a time in ${ROUNDS} pairs of blocks of ${perRound(SAMPLES)} (A B, then B A…) after five of each to warm up; the ratio is the median of the pairs' p50 ratios, with the smallest and largest pair. Goal: side by side p50 ≤ ${RATIO}× the version alone.

| | p50 | p90 | p99 | max |
| --- | --- | --- | --- | --- |
| saving one clause's translation | ${ms(saveS.p50)} | ${ms(saveS.p90)} | ${ms(saveS.p99)} | ${ms(saveS.max)} |
| reading the version side by side (fr, ar) | ${ms(bothS.p50)} | ${ms(bothS.p90)} | ${ms(bothS.p99)} | ${ms(bothS.max)} |
| reading the version alone | ${ms(aloneS.p50)} | ${ms(aloneS.p90)} | ${ms(aloneS.p99)} | ${ms(aloneS.max)} |

Ratio side by side / alone (p50), pair by pair: ${blocksRatio(x)} — goal ≤ ${RATIO}×: ${ratio <= RATIO ? 'met' : '**missed**'}. ${cpuText(x)} (API, PostgreSQL and client, from /proc). ${loadText(x.r)}.
`,
    );
    emitResult('BENCH', { bench: 'language-versions', rows: [row], save: saveS, events, met, machine: m });
    if (!met) process.exitCode = 1;
  } finally {
    await api?.stop();
    await db.end().catch(() => undefined);
    await cluster.destroy();
  }
}

runMain(main);
