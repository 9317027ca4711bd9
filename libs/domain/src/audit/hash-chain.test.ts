import fc from 'fast-check';
import type { AuditEvent } from './audit-event';
import { canonicalJson } from './canonical-json';
import { chainOfChanges } from './chain.fixture';
import { ChainVerifier, verifyChain } from './hash-chain';

const buildChain = chainOfChanges;

const changeArb = fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null)), { maxKeys: 4 });

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[1,{"y":2,"z":1}]},"b":1}');
  });
  it('gives the same text whatever the key order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(obj));
      }),
    );
  });
  it('refuses values JSON cannot carry', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/finite/);
  });
});

describe('hash chain verification', () => {
  it('accepts an intact chain and reports its head', () => {
    const events = buildChain('platform', [{ a: 1 }, { b: 2 }, { c: 3 }]);
    const verdict = verifyChain(events);
    expect(verdict).toMatchObject({ ok: true, events: 3, chains: 1 });
    if (verdict.ok) expect(verdict.heads.platform).toEqual({ sequence: 3, hash: events[2].hash });
  });

  it('verifies interleaved chains independently', () => {
    const a = buildChain('wg:a', [{ x: 1 }, { x: 2 }]);
    const b = buildChain('wg:b', [{ y: 1 }, { y: 2 }]);
    expect(verifyChain([a[0], b[0], a[1], b[1]])).toMatchObject({ ok: true, events: 4, chains: 2 });
  });

  it('names the event whose change was altered', () => {
    const events = buildChain('platform', [{ a: 1 }, { b: 2 }, { c: 3 }]);
    events[1] = { ...events[1], change: { b: 3 } };
    expect(verifyChain(events)).toMatchObject({ ok: false, broken: { scope: 'platform', sequence: 2, problem: 'change-digest' } });
  });

  it('accepts no withheld line on an event the server never withholds (the rules are in withholding.test.ts)', () => {
    const chain = buildChain('wg:1', [{ a: 1 }, { choice: 'no', reason: 'secret until close' }, { c: 3 }]);
    const served = chain.map((e, i) => (i === 1 ? { ...e, change: {}, withheld: 'The choice is hidden until the ballot closes' } : e));
    expect(verifyChain(served)).toMatchObject({ ok: false, broken: { sequence: 2, problem: 'withheld' } });
  });

  it('names a gap when an event is dropped', () => {
    const events = buildChain('platform', [{ a: 1 }, { b: 2 }, { c: 3 }]);
    expect(verifyChain([events[0], events[2]])).toMatchObject({ ok: false, broken: { sequence: 3, problem: 'sequence' } });
  });

  it('detects a pinned head that the export does not reach or contradicts', () => {
    const events = buildChain('platform', [{ a: 1 }, { b: 2 }]);
    expect(verifyChain(events, { platform: { sequence: 3, hash: 'x' } })).toMatchObject({ ok: false, broken: { problem: 'head' } });
    expect(verifyChain(events, { platform: { sequence: 2, hash: 'f'.repeat(64) } })).toMatchObject({ ok: false, broken: { problem: 'head' } });
    expect(verifyChain(events, { platform: { sequence: 2, hash: events[1].hash } })).toMatchObject({ ok: true });
  });

  it('detects any single changed field, dropped event or swapped pair', () => {
    const fields = ['occurredAt', 'actorId', 'actorName', 'action', 'subjectType', 'subjectId', 'previousHash', 'hash', 'changeDigest'] as const;
    fc.assert(
      fc.property(
        fc.array(changeArb, { minLength: 2, maxLength: 12 }),
        fc.nat(),
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom(...fields),
        (changes, pick, kind, field) => {
          const events = buildChain('wg:1', changes);
          const i = pick % events.length;
          let tampered: AuditEvent[];
          if (kind === 0) {
            tampered = events.map((e, j) => (j === i ? { ...e, [field]: `${String(e[field])}x` } : e));
          } else if (kind === 1) {
            tampered = events.map((e, j) => (j === i ? { ...e, change: { ...e.change, injected: true } } : e));
          } else if (kind === 2) {
            tampered = events.filter((_, j) => j !== Math.min(i, events.length - 2)); // dropping the last one is only visible against a pinned head
          } else {
            const j = Math.min(i, events.length - 2);
            tampered = [...events];
            [tampered[j], tampered[j + 1]] = [tampered[j + 1], tampered[j]];
          }
          expect(verifyChain(tampered).ok).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('stops at the first broken link and ignores what follows', () => {
    const events = buildChain('platform', [{ a: 1 }, { b: 2 }, { c: 3 }]);
    const v = new ChainVerifier();
    expect(v.add(events[0])).toBe(true);
    expect(v.add(events[2])).toBe(false);
    expect(v.add(events[1])).toBe(false);
    expect(v.result()).toMatchObject({ ok: false, events: 2, broken: { sequence: 3 } });
  });
});
