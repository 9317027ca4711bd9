import { webcrypto } from 'node:crypto';
import { GENESIS_HASH, sealEvent, type AuditEvent } from '@parley/domain';
import { pinnedHeads, verifyExport } from './verify-export';

/** A chain sealed as the server seals it (node:crypto), to be checked with WebCrypto. */
function chainOfChanges(scope: string, changes: Record<string, unknown>[]): AuditEvent[] {
  const out: AuditEvent[] = [];
  changes.forEach((change, i) => {
    const e = sealEvent({
      scope,
      sequence: i + 1,
      occurredAt: new Date(Date.UTC(2026, 11, 1, 9, 0, i)).toISOString(),
      actorId: `person-${i}`,
      actorName: `Person ${i}`,
      actorSnapshot: null,
      action: 'thing.changed',
      subjectType: 'thing',
      subjectId: String(i),
      change,
      previousHash: out[i - 1]?.hash ?? GENESIS_HASH,
    });
    out.push(e);
  });
  return out;
}

const subtle = webcrypto.subtle as unknown as SubtleCrypto;
const jsonl = (events: unknown[]) => events.map((e) => JSON.stringify(e)).join('\n') + '\n';
const chain = () => chainOfChanges('wg:1', [{ a: 1 }, { b: 'é' }, { c: [1, 2] }, { d: null }]);

describe('the browser verifier (WebCrypto hashes, libs/domain rules)', () => {
  it('finds an export as sealed by the server intact', async () => {
    expect(await verifyExport(jsonl(chain()), subtle)).toMatchObject({ kind: 'intact', events: 4, chains: 1, heads: [{ scope: 'wg:1', sequence: 4 }] });
  });

  it('names the first edited event, counted in the file', async () => {
    const events = chain();
    events[2] = { ...events[2], change: { c: [1, 3] } };
    expect(await verifyExport(jsonl(events), subtle)).toMatchObject({ kind: 'broken', event: 3, link: { sequence: 3, problem: 'change-digest' } });
    const resealed = chain();
    resealed[1] = { ...resealed[1], actorName: 'Someone else' };
    expect(await verifyExport(jsonl(resealed), subtle)).toMatchObject({ kind: 'broken', event: 2, link: { problem: 'hash' } });
  });

  it('names a removed event by the one that no longer links', async () => {
    const events = chain();
    events.splice(1, 1);
    expect(await verifyExport(jsonl(events), subtle)).toMatchObject({ kind: 'broken', event: 2, link: { sequence: 3, problem: 'sequence' } });
  });

  it('says a cut download and an empty file for what they are', async () => {
    const text = jsonl(chain());
    expect(await verifyExport(text.slice(0, -20), subtle)).toMatchObject({ kind: 'not-json', event: 4, cutShort: true });
    expect(await verifyExport('', subtle)).toEqual({ kind: 'empty' });
  });

  it('with pinned heads, as the CLI’s --head, proves nothing was cut from the end', async () => {
    const events = chain();
    const head = JSON.stringify({ chains: [{ scope: 'wg:1', sequence: 4, hash: events[3].hash }] });
    expect(await verifyExport(jsonl(events), subtle, pinnedHeads(head))).toMatchObject({ kind: 'intact', pinned: true });
    expect(await verifyExport(jsonl(events.slice(0, 3)), subtle, pinnedHeads(head))).toMatchObject({
      kind: 'head-mismatch',
      link: { scope: 'wg:1', sequence: 4, problem: 'head' },
    });
    expect(() => pinnedHeads('{"nope":1}')).toThrow();
  });
});
