import { chainOf, type ChainAct } from '../audit/chain.fixture';
import { verifyChain } from '../audit/hash-chain';
import { WITHHELD_UNTIL_PUBLICATION, withheldFormProblem } from '../audit/withholding';
import {
  isDueForPublication,
  isMembersOnly,
  MEMBERS_ONLY_MAX_DAYS,
  membersOnlyUntilProblem,
  readsMembersOnly,
  shortFingerprint,
  versionTextDigest,
} from './publication';

const now = new Date('2026-12-06T09:00:00.000Z');
const later = (ms: number) => new Date(now.getTime() + ms);
const DAY = 86_400_000;

describe('when a version may be kept to members', () => {
  it('accepts any date in the future up to the bound', () => {
    expect(membersOnlyUntilProblem(later(1000), now)).toBeNull();
    expect(membersOnlyUntilProblem(later(MEMBERS_ONLY_MAX_DAYS * DAY), now)).toBeNull();
  });
  it('refuses now or a date already past: members-only until then would publish it at once', () => {
    expect(membersOnlyUntilProblem(now, now)).toEqual({ code: 'members-only-not-future', params: {} });
    expect(membersOnlyUntilProblem(later(-DAY), now)?.code).toBe('members-only-not-future');
  });
  it(`refuses more than ${MEMBERS_ONLY_MAX_DAYS} days ahead: a negotiating text is not a secret archive`, () => {
    expect(membersOnlyUntilProblem(later(MEMBERS_ONLY_MAX_DAYS * DAY + 1), now)).toEqual({
      code: 'members-only-too-far',
      params: { days: MEMBERS_ONLY_MAX_DAYS },
    });
  });
});

describe('who reads a members-only version, and until when', () => {
  it('keeps it to members from its issue until the scheduler publishes it, even past its date', () => {
    const terms = { membersOnlyUntil: later(DAY), publishedAt: null };
    expect(isMembersOnly(terms)).toBe(true);
    expect(isDueForPublication(terms, now)).toBe(false);
    expect(isDueForPublication(terms, later(DAY))).toBe(true);
    expect(isMembersOnly({ ...terms, publishedAt: later(DAY) })).toBe(false);
    expect(isDueForPublication({ ...terms, publishedAt: later(DAY) }, later(2 * DAY))).toBe(false);
  });
  it('a version issued public has no terms and is never kept', () => {
    expect(isMembersOnly(null)).toBe(false);
  });
  it('members (voting or observing) and chairs read it; a signed-out visitor, a non-member and someone who left do not', () => {
    expect(readsMembersOnly({ membership: { kind: 'member' }, isChair: false })).toBe(true);
    expect(readsMembersOnly({ membership: { kind: 'observer' }, isChair: false })).toBe(true);
    expect(readsMembersOnly({ membership: null, isChair: true })).toBe(true);
    expect(readsMembersOnly({ membership: null, isChair: false })).toBe(false);
    expect(readsMembersOnly(null)).toBe(false);
  });
});

describe('the fingerprint of a version', () => {
  const clauses = [
    { id: 'a', kind: 'preamble', text: 'Recalling…' },
    { id: 'b', kind: 'operative', text: 'Calls upon States…' },
  ];
  it('is the SHA-256 of its ordered clauses: the same text gives the same fingerprint', () => {
    expect(versionTextDigest(clauses)).toMatch(/^[0-9a-f]{64}$/);
    expect(versionTextDigest(clauses.map((c) => ({ text: c.text, kind: c.kind, id: c.id })))).toBe(versionTextDigest(clauses));
  });
  it('changes with one word, one kind, or the order of the clauses', () => {
    const base = versionTextDigest(clauses);
    expect(versionTextDigest([clauses[0], { ...clauses[1], text: 'Calls upon all States…' }])).not.toBe(base);
    expect(versionTextDigest([clauses[0], { ...clauses[1], kind: 'preamble' }])).not.toBe(base);
    expect(versionTextDigest([clauses[1], clauses[0]])).not.toBe(base);
  });
  it('is shown short, in groups of four, for people to compare by eye', () => {
    expect(shortFingerprint('0123456789abcdef0123')).toBe('0123 4567 89ab cdef');
  });
});

describe('the offline verifier and a members-only version', () => {
  const text = [{ id: 'c1', kind: 'operative', text: 'Calls upon States to consult.' }];
  const issued = (digest = versionTextDigest(text)): ChainAct => ({
    action: 'document.created',
    subjectType: 'document',
    subjectId: 'd1',
    change: { documentId: 'd1', title: 'Draft', version: 1, from: 'clauses', clauses: 1, textDigest: digest, membersOnlyUntil: '2026-12-12T09:00:00.000Z' },
  });
  const comment: ChainAct = {
    action: 'comment.posted',
    subjectType: 'comment',
    subjectId: 'k1',
    change: { documentId: 'd1', body: 'Why consult?', quote: { text: 'consult', start: 20, end: 27 } },
  };
  const published = (clauses = text): ChainAct => ({
    action: 'version.published',
    subjectType: 'version',
    subjectId: 'v1',
    change: { documentId: 'd1', number: 1, membersOnlyUntil: '2026-12-12T09:00:00.000Z', textDigest: versionTextDigest(clauses), clauses },
  });
  const withheld = (events: ReturnType<typeof chainOf>, i: number) =>
    events.map((e, j) => (j === i ? { ...e, change: {}, withheld: WITHHELD_UNTIL_PUBLICATION } : e));

  it('accepts a quote withheld while the version is members-only, and the same chain in full once it is published', () => {
    const during = chainOf('wg:1', [issued(), comment]);
    expect(verifyChain(withheld(during, 1))).toMatchObject({ ok: true });
    const after = chainOf('wg:1', [issued(), comment, published()]);
    expect(verifyChain(after)).toMatchObject({ ok: true });
  });

  it('names the version whose published text differs from what its issue committed to', () => {
    const forged = chainOf('wg:1', [issued(), published([{ ...text[0], text: 'Calls upon States to act.' }])]);
    expect(verifyChain(forged)).toMatchObject({
      ok: false,
      broken: { sequence: 2, problem: 'publication', detail: expect.stringMatching(/d1 version 1 does not match the fingerprint/) },
    });
  });

  it('refuses a withheld quote with no members-only version behind it, or after it was published', () => {
    const plain = chainOf('wg:1', [comment]);
    expect(verifyChain(withheld(plain, 0))).toMatchObject({
      ok: false,
      broken: { problem: 'withheld', detail: expect.stringMatching(/no version of this chain is members-only/) },
    });
    const afterPublication = chainOf('wg:1', [issued(), published(), comment]);
    expect(verifyChain(withheld(afterPublication, 2))).toMatchObject({ ok: false, broken: { sequence: 3, problem: 'withheld' } });
  });

  it('refuses the publication notice on an event that never quotes text', () => {
    expect(withheldFormProblem({ action: 'document.created', subjectType: 'document', change: {}, withheld: WITHHELD_UNTIL_PUBLICATION })).toMatch(
      /never quotes a document's text/,
    );
  });
});

describe('the offline verifier and a publication that contradicts itself', () => {
  it('names the version whose published text does not hash to the fingerprint its publication states', () => {
    const clauses = [{ id: 'c1', kind: 'operative', text: 'As published.' }];
    const chain = chainOf('wg:1', [
      {
        action: 'version.published',
        subjectType: 'version',
        subjectId: 'v1',
        change: {
          documentId: 'd1',
          number: 1,
          membersOnlyUntil: '2026-12-12T09:00:00.000Z',
          textDigest: versionTextDigest([{ ...clauses[0], text: 'As committed.' }]),
          clauses,
        },
      },
    ]);
    expect(verifyChain(chain)).toMatchObject({
      ok: false,
      broken: { sequence: 1, problem: 'publication', detail: expect.stringMatching(/d1 version 1 does not match the fingerprint it states/) },
    });
  });
});
