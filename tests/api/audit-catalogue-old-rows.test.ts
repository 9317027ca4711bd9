import { PROCEDURES_DIVISION_EVENTS } from '../../libs/contracts/src/audit/procedures-division';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AUDIT_ACTIONS, parseAuditEvent } from '@parley/contracts';
import { NEGOTIATION_BRACKET_EVENTS } from '../../libs/contracts/src/audit/negotiation-brackets';
import { NEGOTIATION_STREAMLINING_EVENTS } from '../../libs/contracts/src/audit/negotiation-streamlining';
import { CLAUSE_STATUS_EVENTS } from '../../libs/contracts/src/audit/negotiation-clause-status';
import { CHAIRS_TEXT_EVENTS } from '../../libs/contracts/src/audit/negotiation-chairs-texts';
import { EXPLANATION_EVENTS } from '../../libs/contracts/src/audit/procedures-explanations';
import { ACCREDITATION_EVENTS } from '../../libs/contracts/src/audit/procedures-accreditation';
import { PROXY_EVENTS } from '../../libs/contracts/src/audit/procedures-proxies';
import { SILENCE_EVENTS } from '../../libs/contracts/src/audit/procedures-silence';
import { PUBLICATION_EVENTS } from '../../libs/contracts/src/audit/procedures-publication';
import { MEETING_EVENTS } from '../../libs/contracts/src/audit/meetings';
import { LANGUAGE_VERSION_EVENTS } from '../../libs/contracts/src/audit/language-versions';
import { IDENTITY_PROVIDER_EVENTS } from '../../libs/contracts/src/audit/identity-providers';
import { TWO_FACTOR_EVENTS } from '../../libs/contracts/src/audit/two-factor';
import { SESSION_EVENTS } from '../../libs/contracts/src/audit/sessions';
import type { AuditEvent } from '@parley/domain';
import { loadAuditRows, PRE_CATALOGUE_EXPORTS, readAuditFixture, type StoredAuditRow } from '../support/audit-fixture';
import { verifyExport } from '../support/audit-verify-cli';
import { startTestApp } from '../support/test-app';

jest.setTimeout(180_000);

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const expected = JSON.parse(readFileSync(PRE_CATALOGUE_EXPORTS, 'utf8')) as Record<string, { events: number; jsonl: string; head: string; page: string }>;
const logs = readAuditFixture();
/** A participant's translation of a comment or rationale (issue #23, decision 0047). */
const WRITTEN_LANGUAGE_ACTIONS = ['comment.translated', 'amendment.rationale-translated'];
/** Actions the catalogue gained after c604a0d: no row of the fixture can have them (issue #18: decisions 0031–0034); their samples are in tests/support/audit-samples.ts. */
const ADDED_SINCE = new Set<string>([...Object.keys(NEGOTIATION_BRACKET_EVENTS), ...Object.keys(CLAUSE_STATUS_EVENTS), ...Object.keys(NEGOTIATION_STREAMLINING_EVENTS), ...Object.keys(CHAIRS_TEXT_EVENTS), ...Object.keys(EXPLANATION_EVENTS), ...Object.keys(ACCREDITATION_EVENTS), ...Object.keys(PROXY_EVENTS), ...Object.keys(SILENCE_EVENTS), ...Object.keys(PROCEDURES_DIVISION_EVENTS), ...Object.keys(PUBLICATION_EVENTS), ...Object.keys(MEETING_EVENTS), ...Object.keys(LANGUAGE_VERSION_EVENTS), ...WRITTEN_LANGUAGE_ACTIONS, ...Object.keys(IDENTITY_PROVIDER_EVENTS), ...Object.keys(TWO_FACTOR_EVENTS), ...Object.keys(SESSION_EVENTS)]);

/** A stored row as the log serves it (camelCase, ISO time with milliseconds). */
const asEvent = (r: StoredAuditRow): AuditEvent => ({
  scope: r.scope,
  sequence: r.sequence,
  occurredAt: new Date(r.occurred_at).toISOString(),
  actorId: r.actor_id,
  actorName: r.actor_name,
  actorSnapshot: r.actor_snapshot as AuditEvent['actorSnapshot'],
  action: r.action,
  subjectType: r.subject_type,
  subjectId: r.subject_id,
  change: r.change,
  changeDigest: r.change_digest,
  previousHash: r.previous_hash,
  hash: r.hash,
});

/**
 * Events written by the code before the event catalogue (main at c604a0d: every action, votes on
 * secret, hidden and live roll-call ballots) still read, verify and export exactly as they did:
 * the catalogue types them without changing a stored byte.
 */
describe('audit events written before the catalogue', () => {
  const rows = [...logs.values()].flat();

  it('cover every action of the catalogue', () => {
    expect(new Set(rows.map((r) => r.action))).toEqual(new Set(AUDIT_ACTIONS.filter((a) => !ADDED_SINCE.has(a))));
  });

  it('every one parses with the catalogue in its current shape: none falls back, none needs an earlier shape', () => {
    const parsed = rows.map((r) => parseAuditEvent(asEvent(r)));
    const untyped = parsed.filter((p) => !p.typed);
    expect(untyped.map((p) => (p.typed ? null : `${p.event.action} ${p.event.scope}#${p.event.sequence}: ${p.why}`))).toEqual([]);
    expect(parsed.filter((p) => p.typed && p.earlierShape).length).toBe(0);
  });

  it('a row the catalogue cannot read is kept as stored and says why, never throws', () => {
    const vote = asEvent(rows.find((r) => r.action === 'vote.cast')!);
    const drifted = { ...vote, change: { ...vote.change, colour: 'blue' } };
    expect(parseAuditEvent(drifted)).toEqual({ typed: false, event: drifted, why: 'change-does-not-match' });
    expect(parseAuditEvent({ ...vote, action: 'vote.painted' })).toMatchObject({ typed: false, why: 'unknown-action' });
    expect(parseAuditEvent({ ...vote, subjectType: 'amendment' })).toMatchObject({ typed: false, why: 'other-subject-type' });
    expect(parseAuditEvent({ ...vote, change: {}, withheld: 'until-close' })).toMatchObject({ typed: false, why: 'withheld' });
  });

  describe.each([...logs.keys()])('the %s log, loaded into a fresh database', (log) => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-old-rows-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('exports byte for byte what the code before the catalogue exported, and the offline verifier finds its chains intact', async () => {
      const t = await startTestApp();
      try {
        await loadAuditRows(t.databaseUrl, logs.get(log)!);
        const jsonl = await (await fetch(`${t.baseUrl}/api/audit/export.jsonl`)).text();
        const head = await (await fetch(`${t.baseUrl}/api/audit/head`)).text();
        const page = await (await fetch(`${t.baseUrl}/api/audit?scope=all&limit=100&order=asc`)).text();
        expect({ events: jsonl.trim().split('\n').length, jsonl: sha256(jsonl), head: sha256(head), page: sha256(page) }).toEqual(expected[log]);

        writeFileSync(join(dir, 'export.jsonl'), jsonl);
        writeFileSync(join(dir, 'head.json'), head);
        const verdict = await verifyExport(join(dir, 'export.jsonl'), join(dir, 'head.json'));
        expect(verdict.out).toMatch(/verified|valid|ok/i);
        expect(verdict.code).toBe(0);
      } finally {
        await t.close();
      }
    });
  });
});
