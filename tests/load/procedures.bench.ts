// Benchmark: the reads of the procedures of issue #19 at the project's planning sizes.
//
// A group of 500 members (seedGroup) and, written by SQL through the real schema as the services
// in apps/api/src/procedures write them:
//  - a 300-clause document (created over HTTP) adopted by a silence procedure that passed
//    (document_versions.adoption_silence_id, as DocumentRepository.markAdopted), with 200
//    explanations of position (positions, reservations naming a paragraph, disassociations naming
//    two), placed before and after the adoption;
//  - 50 join requests under non-objection circulation (join_request_circulations, 72 hours), with
//    300 signed objections (six each);
//  - 250 proxies for a period (grantor and holder of the same delegation, one held each: the
//    default cap);
//  - a second 300-clause document under a silence procedure under way: all 500 members may object.
// Measured in the same run, each read anonymous, one request at a time, alternating with its
// physical limit: the SQL reads that answer needs (the same queries with the same parameters, as
// the reads/repository code runs them), in parallel straight through node-postgres. Goal for each:
// API p50 ≤ 3× its SQL, median of BENCH_ROUNDS interleaved pairs of blocks (absolute figures for information).
//  - GET /api/documents/:id/versions/1/explanations
//  - GET /api/working-groups/:id/circulations
//  - GET /api/working-groups/:id/proxies
//  - GET /api/silence/:id
//
// Environment: BENCH_SAMPLES (40 per side), BENCH_ROUNDS (5).
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import {
  emitResult,
  http,
  log,
  machine,
  machineLine,
  ms,
  num,
  runMain,
  seedGroup,
  startApi,
  startCluster,
  today,
  writeSection,
} from './support/harness';
import { createLongDocument } from './support/long-document';
import { judgedRow, type JudgedRow } from './support/interleave';
import { apiBesideSql, type Blocks, blocksRatio, cpuText, loadText, machineCpu, perRound, ROUNDS } from './support/rounds';

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 40);
const API_RATIO = 3;

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

type Limit = [string, () => unknown[]][];

interface Case {
  name: string;
  what: string;
  url: string;
  sqlWhat: string;
  limit: Limit;
  check: (body: any) => string | null;
}

// The SQL of each answer, copied from the reads it runs (see each case).
const GROUP_SETTINGS = `SELECT id, name, status, join_policy AS "joinPolicy", decision_rules AS "decisionRules", quorum::float AS quorum,
        quorum_per_stakeholder_group AS "quorumPerStakeholderGroup", convener_id AS "convenerId", procedure_rules AS "procedureRules"
   FROM working_groups WHERE id = $1`;

async function main(): Promise<void> {
  const m = machine();
  log(`procedures: a group of 500; 200 explanations, 50 circulated requests with 300 objections, 250 proxies, one silence under way; ${SAMPLES} samples each`);
  const cluster = await startCluster('procedures');
  const db = new Pool({ connectionString: cluster.url('parley_bench'), max: 8 });
  db.on('error', () => undefined);
  let api: Awaited<ReturnType<typeof startApi>> | null = null;
  try {
    api = await startApi(cluster.url('parley_bench'));
    const seeded = await seedGroup(db, { members: 500, withSessions: 2 });
    const groupId = seeded.groupId;
    const members = (
      await db.query(
        `SELECT m.person_id AS id, p.name, m.admission_snapshot AS snapshot FROM memberships m JOIN people p ON p.id = m.person_id
          WHERE m.working_group_id = $1 ORDER BY p.name, p.id`,
        [groupId],
      )
    ).rows as { id: string; name: string; snapshot: Record<string, unknown> }[];
    if (members.length !== 500) throw new Error(`${members.length} members`);
    const ids = members.map((x) => x.id);
    const names = members.map((x) => x.name);
    const snaps = members.map((x) => JSON.stringify(x.snapshot));
    const chairSnap = JSON.stringify(members.find((x) => x.id === seeded.chair.id)!.snapshot);
    const adopted = await createLongDocument(db, api.base, groupId, seeded.chair.token, 'An adopted declaration');
    const silenced = await createLongDocument(db, api.base, groupId, seeded.chair.token, 'A declaration under silence');
    const t0 = performance.now();

    // 1. The first document adopted by a silence procedure that passed three days ago (as SilenceService.pass and markAdopted write it).
    const [passed] = (
      await db.query(
        `INSERT INTO silence_procedures (document_id, working_group_id, version_id, version_number, started_by, started_snapshot, started_at, deadline, state, ended_at)
         VALUES ($1, $2, $3, 1, $4, $5, now() - interval '10 days', now() - interval '3 days', 'passed', now() - interval '3 days') RETURNING id, deadline`,
        [adopted.doc.id, groupId, adopted.versionId, seeded.chair.id, chairSnap],
      )
    ).rows;
    await db.query(`UPDATE document_versions SET adopted_at = $2, adoption_ballot_id = NULL, adoption_silence_id = $3 WHERE id = $1`, [
      adopted.versionId,
      passed.deadline,
      passed.id,
    ]);
    await db.query(`UPDATE documents SET status = 'adopted' WHERE id = $1`, [adopted.doc.id]);
    // 200 explanations, one an hour from the start of the silence: before the adoption, then after it.
    await db.query(
      `INSERT INTO explanations_of_position (document_id, version_id, version_number, kind, organisation_id, organisation_name, text, timing, placed_by, placed_snapshot, placed_at)
       SELECT $1, $2, 1, CASE i % 4 WHEN 0 THEN 'disassociation' WHEN 1 THEN 'reservation' ELSE 'position' END,
              (($4::jsonb[])[i + 1]->>'organisationId')::uuid, ($4::jsonb[])[i + 1]->>'organisationName',
              'Our delegation states its position on this text, paragraph by paragraph, for the record (' || i || ').',
              CASE WHEN t.at < $5::timestamptz THEN 'before' ELSE 'after' END, ($3::uuid[])[i + 1], ($4::jsonb[])[i + 1], t.at
         FROM generate_series(1, 200) AS i, LATERAL (SELECT now() - interval '10 days' + make_interval(mins => i * 60) AS at) t`,
      [adopted.doc.id, adopted.versionId, ids, snaps, passed.deadline],
    );
    // Paragraphs: a reservation names one, a disassociation two (never a heading; a delegation disassociates from a paragraph once).
    await db.query(
      `INSERT INTO explanation_paragraphs (explanation_id, ordinal, version_id, clause_id, organisation_id, kind)
       SELECT e.id, k, $2, c.clause_id, e.organisation_id, e.kind
         FROM (SELECT id, organisation_id, kind, row_number() OVER (ORDER BY placed_at, id) AS n FROM explanations_of_position WHERE document_id = $1) e
        CROSS JOIN generate_series(0, 1) AS k
        CROSS JOIN LATERAL (SELECT clause_id FROM version_clauses WHERE version_id = $2 AND kind <> 'heading' ORDER BY position OFFSET ((e.n * 7 + k * 13) % 294) LIMIT 1) c
        WHERE e.kind = 'disassociation' OR (e.kind = 'reservation' AND k = 0)`,
      [adopted.doc.id, adopted.versionId],
    );

    // 2. Non-objection: 50 people of another group ask to join; each request circulated 72 hours (as AccreditationService writes it), six objections each.
    const outside = await seedGroup(db, { members: 50, withSessions: 0 });
    await db.query(`UPDATE working_groups SET join_policy = 'non-objection', procedure_rules = $2 WHERE id = $1`, [
      groupId,
      JSON.stringify({ nonObjectionHours: 72 }),
    ]);
    const requesters = (
      await db.query(`SELECT person_id AS id, admission_snapshot AS snapshot FROM memberships WHERE working_group_id = $1 ORDER BY person_id`, [
        outside.groupId,
      ])
    ).rows as { id: string; snapshot: unknown }[];
    await db.query(
      `INSERT INTO join_requests (working_group_id, person_id, kind, statement, snapshot, requested_at)
       SELECT $1, p, 'member', 'I ask to join the working group as a member (' || n || ').', s, now() - make_interval(hours => n::int)
         FROM unnest($2::uuid[], $3::jsonb[]) WITH ORDINALITY AS t(p, s, n)`,
      [groupId, requesters.map((r) => r.id), requesters.map((r) => JSON.stringify(r.snapshot))],
    );
    await db.query(
      `INSERT INTO join_request_circulations (join_request_id, working_group_id, hours, ends_at)
       SELECT id, working_group_id, 72, requested_at + interval '72 hours' FROM join_requests WHERE working_group_id = $1 AND status = 'pending'`,
      [groupId],
    );
    await db.query(
      `INSERT INTO join_request_objections (join_request_id, person_id, snapshot, reason, raised_at)
       SELECT r.id, ($2::uuid[])[1 + ((r.n * 6 + k) % 500)::int], ($3::jsonb[])[1 + ((r.n * 6 + k) % 500)::int],
              'We object: the organisation does not meet the group''s criteria (' || k || ').', r.requested_at + make_interval(mins => k + 1)
         FROM (SELECT id, requested_at, row_number() OVER (ORDER BY requested_at, id) AS n FROM join_requests WHERE working_group_id = $1) r
        CROSS JOIN generate_series(0, 5) AS k`,
      [groupId, ids, snaps],
    );

    // 3. 250 proxies for a period: the second delegate of each organisation gives their vote to the first (as ProxiesService.give writes it).
    // Members are ordered by name ("Delegate 0001 …"): the two delegates of organisation k are 2k and 2k + 1.
    await db.query(
      `INSERT INTO proxies (working_group_id, grantor_id, grantor_name, grantor_snapshot, holder_id, holder_name, holder_snapshot, scope, from_day, to_day, given_at)
       SELECT $1, ($2::uuid[])[2 * k + 2], ($3::text[])[2 * k + 2], ($4::jsonb[])[2 * k + 2], ($2::uuid[])[2 * k + 1], ($3::text[])[2 * k + 1], ($4::jsonb[])[2 * k + 1],
              'period', current_date, current_date + 30, now() - make_interval(mins => k)
         FROM generate_series(0, 249) AS k`,
      [groupId, ids, names, snaps],
    );

    // 4. The second document under a silence procedure started an hour ago, three days to go (as SilenceService.start writes it).
    const [silence] = (
      await db.query(
        `INSERT INTO silence_procedures (document_id, working_group_id, version_id, version_number, started_by, started_snapshot, started_at, deadline, warnings)
         VALUES ($1, $2, $3, 1, $4, $5, now() - interval '1 hour', now() + interval '3 days', NULL) RETURNING id`,
        [silenced.doc.id, groupId, silenced.versionId, seeded.chair.id, chairSnap],
      )
    ).rows;
    await db.query('ANALYZE');
    const counts = (
      await db.query(
        `SELECT (SELECT count(*)::int FROM explanations_of_position WHERE document_id = $1) AS explanations,
                (SELECT count(*)::int FROM join_request_circulations WHERE working_group_id = $2) AS circulations,
                (SELECT count(*)::int FROM join_request_objections o JOIN join_request_circulations c ON c.join_request_id = o.join_request_id WHERE c.working_group_id = $2) AS objections,
                (SELECT count(*)::int FROM proxies WHERE working_group_id = $2) AS proxies`,
        [adopted.doc.id, groupId],
      )
    ).rows[0];
    log(`written in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${JSON.stringify(counts)}`);

    const electorateIds = ids;

    const cases: Case[] = [
      {
        name: 'explanations',
        what: 'GET /api/documents/:id/versions/1/explanations (200 explanations, adopted 300-clause version)',
        url: `${api.base}/api/documents/${adopted.doc.id}/versions/1/explanations`,
        sqlWhat: 'the document, the version and its decision, the explanations with their paragraphs, the version’s clauses, the group’s settings',
        // ExplanationsService.list: findDocument, versionFacts, explanationsOn (two reads), standings.settings.
        limit: [
          [`SELECT * FROM documents WHERE id = $1 LIMIT 1`, () => [adopted.doc.id]],
          [
            `SELECT v.id, v.number, v.adopted_at,
                    (EXISTS (SELECT 1 FROM adoption_ballots a WHERE a.version_id = v.id AND a.outcome IS NULL)
                      OR EXISTS (SELECT 1 FROM silence_procedures s WHERE s.version_id = v.id AND s.state = 'under-way')) AS under_adoption
               FROM document_versions v WHERE v.document_id = $1 AND v.number = $2`,
            () => [adopted.doc.id, 1],
          ],
          [
            `SELECT e.id, e.document_id, e.version_number, e.kind, e.organisation_id, e.organisation_name, e.text, e.timing,
                    e.placed_by, p.name AS placed_name, e.placed_snapshot, e.placed_at,
                    COALESCE(array_agg(ep.clause_id ORDER BY ep.ordinal) FILTER (WHERE ep.clause_id IS NOT NULL), '{}') AS clause_ids
               FROM explanations_of_position e
               JOIN people p ON p.id = e.placed_by
               LEFT JOIN explanation_paragraphs ep ON ep.explanation_id = e.id
              WHERE e.document_id = $1 AND e.version_number = $2
              GROUP BY e.id, p.name
              ORDER BY e.placed_at, e.id`,
            () => [adopted.doc.id, 1],
          ],
          [`SELECT clause_id AS id, kind FROM version_clauses WHERE version_id = $1 ORDER BY position`, () => [adopted.versionId]],
          [GROUP_SETTINGS, () => [groupId]],
        ],
        check: (b) => (b.explanations?.length === 200 ? null : `${b.explanations?.length} explanations`),
      },
      {
        name: 'circulations',
        what: 'GET /api/working-groups/:id/circulations (50 requests, 300 objections)',
        url: `${api.base}/api/working-groups/${groupId}/circulations`,
        sqlWhat: 'the group, its circulated requests with their deciders, the objections',
        // AccreditationService.circulations, in one round trip: findGroup, circulatedRequests, objectionsInGroup.
        limit: [
          [
            `SELECT g.id, g.name, g.mandate, g.status, g.join_policy AS "joinPolicy", g.decision_rules AS "decisionRules",
                    g.quorum::float AS quorum, g.quorum_per_stakeholder_group AS "quorumPerStakeholderGroup",
                    g.max_stakeholder_group_share::float AS "maxStakeholderGroupShare", g.max_voting_members_per_organisation AS "maxVotingMembersPerOrganisation",
                    g.convener_id AS "convenerId", cp.name AS "convenerName", g.convener_snapshot AS "convenerSnapshot", g.created_at AS "createdAt",
                    g.requires_confirmed_affiliations AS "requiresConfirmedAffiliations", g.procedure_rules AS "procedureRules"
               FROM working_groups g JOIN people cp ON cp.id = g.convener_id WHERE g.id = $1`,
            () => [groupId],
          ],
          [
            `SELECT r.id, r.working_group_id AS "workingGroupId", r.person_id AS "personId", p.name AS "personName", r.kind, r.statement,
                    r.snapshot, r.requested_at AS "requestedAt", r.status, r.decided_by AS "decidedBy", d.name AS "decidedByName", r.decided_at AS "decidedAt",
                    r.reason, r.membership_id AS "membershipId", c.hours, c.ends_at AS "endsAt", r.decider_snapshot AS "deciderSnapshot"
               FROM join_request_circulations c
               JOIN (join_requests r JOIN people p ON p.id = r.person_id LEFT JOIN people d ON d.id = r.decided_by) ON r.id = c.join_request_id
              WHERE c.working_group_id = $1 ORDER BY c.ends_at DESC`,
            () => [groupId],
          ],
          [
            `SELECT o.id, o.join_request_id AS "requestId", o.person_id AS "personId", p.name AS "personName", o.snapshot, o.reason,
                    o.raised_at AS "raisedAt", o.withdrawn_at AS "withdrawnAt", o.withdrawal_note AS "withdrawalNote"
               FROM join_request_objections o JOIN join_request_circulations c ON c.join_request_id = o.join_request_id
               JOIN people p ON p.id = o.person_id
              WHERE c.working_group_id = $1 ORDER BY o.raised_at, o.id`,
            () => [groupId],
          ],
        ],
        check: (b) => {
          const n = (b.items ?? []).reduce((s: number, i: any) => s + (i.objections?.length ?? 0), 0);
          return b.items?.length === 50 && n === 300 ? null : `${b.items?.length} circulations, ${n} objections`;
        },
      },
      {
        name: 'proxies',
        what: 'GET /api/working-groups/:id/proxies (250 proxies)',
        url: `${api.base}/api/working-groups/${groupId}/proxies`,
        sqlWhat: 'the group’s settings, its proxies (with their ballots, who ended them, whether live)',
        // ProxiesService.list, anonymous, in one round trip: groups.settings, proxiesOfGroup (today, now, limit 500).
        limit: [
          [GROUP_SETTINGS, () => [groupId]],
          [
            `SELECT p.id, p.working_group_id AS "workingGroupId", p.grantor_id AS "grantorId", p.grantor_name AS "grantorName",
                    p.grantor_snapshot AS "grantorSnapshot", p.holder_id AS "holderId", p.holder_name AS "holderName", p.holder_snapshot AS "holderSnapshot",
                    p.scope, p.ballot_id AS "ballotId", b.title AS "ballotTitle", to_char(p.from_day, 'YYYY-MM-DD') AS "fromDay", to_char(p.to_day, 'YYYY-MM-DD') AS "toDay",
                    p.given_at AS "givenAt", p.ended_at AS "endedAt", p.end_reason AS "endReason", p.ended_by AS "endedById", e.name AS "endedByName",
                    (p.ended_at IS NULL AND ((p.scope = 'period' AND p.to_day >= $2::date)
                      OR (p.scope = 'ballot' AND EXISTS (SELECT 1 FROM ballots lb WHERE lb.id = p.ballot_id AND lb.status = 'open' AND lb.closes_at > $3::timestamptz)))) AS live
               FROM proxies p LEFT JOIN ballots b ON b.id = p.ballot_id LEFT JOIN people e ON e.id = p.ended_by
              WHERE p.working_group_id = $1 ORDER BY p.given_at DESC, p.id DESC LIMIT $4`,
            () => {
              const now = new Date();
              return [groupId, isoDay(now), now, 500];
            },
          ],
        ],
        check: (b) => (b.items?.length === 250 ? null : `${b.items?.length} proxies`),
      },
      {
        name: 'silence',
        what: 'GET /api/silence/:id (under way, 500 members may object)',
        url: `${api.base}/api/silence/${silence.id}`,
        sqlWhat: 'the procedure, the voting electorate, its 500 members’ affiliations with their organisations',
        // SilenceService.get: silenceById, then views → votingElectorate: the members, then PeopleService.snapshotsOf
        // (affiliationsOfMany: TypeORM find with the organisation and the eager confirmer and closer).
        limit: [
          [
            `SELECT s.id, s.document_id AS "documentId", d.title AS "documentTitle", s.working_group_id AS "workingGroupId", s.version_id AS "versionId",
                    s.version_number AS "versionNumber", s.started_by AS "startedBy", ps.name AS "startedName", s.started_snapshot AS "startedSnapshot",
                    s.started_at AS "startedAt", s.deadline, s.warnings, s.state, s.ended_at AS "endedAt", s.withdrawn_by AS "withdrawnBy",
                    pw.name AS "withdrawnName", s.withdrawn_snapshot AS "withdrawnSnapshot", s.withdrawal_reason AS "withdrawalReason",
                    CASE WHEN o.id IS NULL THEN NULL ELSE json_build_object('id', o.id, 'personId', o.person_id, 'name', po.name, 'snapshot', o.snapshot, 'reason', o.reason, 'at', o.at) END AS objection
               FROM silence_procedures s JOIN documents d ON d.id = s.document_id JOIN people ps ON ps.id = s.started_by
               LEFT JOIN people pw ON pw.id = s.withdrawn_by
               LEFT JOIN silence_objections o ON o.silence_id = s.id LEFT JOIN people po ON po.id = o.person_id WHERE s.id = $1`,
            () => [silence.id],
          ],
          [
            `SELECT m.person_id AS "personId", p.name FROM memberships m JOIN people p ON p.id = m.person_id
              WHERE m.working_group_id = $1 AND m.left_at IS NULL AND m.kind = 'member' ORDER BY p.name, p.id`,
            () => [groupId],
          ],
          [
            `SELECT a.*, o.*, c.*, x.* FROM affiliations a
               LEFT JOIN organisations o ON o.id = a.organisation_id
               LEFT JOIN people c ON c.id = a.confirmed_by
               LEFT JOIN people x ON x.id = a.confirmation_closed_by
              WHERE a.person_id = ANY($1::uuid[])`,
            () => [electorateIds],
          ],
        ],
        check: (b) => (b.state === 'under-way' && b.mayObject?.length === 500 ? null : `state ${b.state}, ${b.mayObject?.length} may object`),
      },
    ];

    const results: { c: Case; bytes: number; x: Blocks; row: JudgedRow }[] = [];
    for (const c of cases) {
      const first = await http('GET', c.url);
      if (first.status !== 200) throw new Error(`${c.what}: ${first.status} ${JSON.stringify(first.body).slice(0, 300)}`);
      const wrong = c.check(first.body);
      if (wrong) throw new Error(`${c.name}: the answer shows ${wrong}`);
      const bytes = Buffer.byteLength(JSON.stringify(first.body));
      const sqlOnce = () => Promise.all(c.limit.map(([sql, params]) => db.query(sql, params())));
      for (let i = 0; i < 3; i++) {
        await http('GET', c.url);
        await sqlOnce();
      }
      const x = await apiBesideSql({ url: c.url, what: c.what, sql: sqlOnce, samples: SAMPLES, cpu: machineCpu(cluster, api) });
      const row = judgedRow(`Procedures (group of 500): ${c.name}`, x.r, {
        measured: `GET p50 ${ms(x.r.aMedian)}`,
        limit: `its SQL reads alone: p50 ${ms(x.r.bMedian)}`,
        goal: { atMost: API_RATIO },
        info: cpuText(x),
      });
      results.push({ c, bytes, x, row });
      log(`${c.name}: API p50 ${ms(x.a.p50)} p99 ${ms(x.a.p99)}; SQL p50 ${ms(x.b.p50)} p99 ${ms(x.b.p99)}; ${blocksRatio(x)}; ${cpuText(x)}; ${num(bytes / 1024, 0)} KB`);
    }

    const yes = (b: boolean) => (b ? 'met' : '**missed**');
    const missed = results.filter((r) => !r.row.met);
    writeSection(
      'Procedures',
      ` (${today()})

${machineLine(m)}
Workload (issue #19, at the planning sizes): a group of 500 members; a 300-clause document adopted by a silence procedure with 200 explanations of position (reservations naming a paragraph, disassociations naming two); 50 join requests circulated under non-objection with 300 signed objections; 250 proxies for a period; a second 300-clause document under a silence procedure under way, which all 500 members may break. All written by SQL through the real schema, as the procedures' services write them.

What is measured: each read anonymous, interleaved with its physical limit, the SQL reads that answer needs (the same queries with the same parameters as the reads/repository code, in parallel straight through node-postgres), in ${ROUNDS} pairs of blocks of ${perRound(SAMPLES)} sequential requests (A B, then B A…). The ratio is the median of the pairs' p50 ratios, with the smallest and largest pair. Goal: API p50 ≤ ${API_RATIO}× its SQL; the absolute figures are for information. CPU per request: the API process, PostgreSQL and the client, from /proc. The API runs these reads as its code does: explanations in three steps (the document, the version, then the rest together), circulations three reads at once (the group, its circulated requests, their objections), proxies two at once, silence three (the procedure, the electorate, then its 500 affiliations through TypeORM with their organisation and eager confirmer and closer); the limit runs them all at once, so every round trip the API waits for counts against it.

| read | API p50 | API p99 | its SQL alone | SQL p50 | SQL p99 | ratio, pair by pair | goal ≤ ${API_RATIO}× | CPU per request API / SQL |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
${results
  .map(
    (r) =>
      `| ${r.c.what}, ${num(r.bytes / 1024, 0)} KB of JSON | ${ms(r.x.a.p50)} | ${ms(r.x.a.p99)} | ${r.c.sqlWhat} (${r.c.limit.length} reads) | ${ms(r.x.b.p50)} | ${ms(r.x.b.p99)} | ${blocksRatio(r.x)} | ${yes(r.row.met)} | ${r.x.aCpu.toFixed(1)} / ${r.x.bCpu.toFixed(1)} ms |`,
  )
  .join('\n')}

${results.length ? `${loadText(results[0].x.r)} (first read), ${loadText(results[results.length - 1].x.r)} (last).` : ''}
${missed.length ? `\nMissed: ${missed.map((r) => r.c.name).join(', ')} (the goal is left as it is).\n` : ''}`,
    );
    const result = { bench: 'procedures', rows: results.map((r) => r.row), met: missed.length === 0, machine: m };
    emitResult('BENCH', result);
    if (!result.met) process.exitCode = 1;
  } finally {
    await api?.stop();
    await db.end().catch(() => undefined);
    await cluster.destroy();
  }
}

runMain(main);
