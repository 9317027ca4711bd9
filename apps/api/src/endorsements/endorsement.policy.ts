import { isConfirmed, type AffiliationSnapshot } from '@parley/domain';

/**
 * Who may endorse or withdraw, as small pure functions over plain facts. An organisation endorses
 * through a person holding a current affiliation to it THAT IT CONFIRMED (a focal point's or a
 * steward's word, not just the person's declaration), and only an adopted text; one active
 * endorsement per organisation and version. Tables of cases in tests/api/endorsements.test.ts.
 */
export interface Refusal {
  kind: 'forbidden' | 'conflict';
  message: string;
}

export interface EndorseFacts {
  version: number;
  adopted: boolean;
  organisationName: string;
  /** The person's current affiliation to the organisation, or null. */
  affiliation: AffiliationSnapshot | null;
  /** The organisation's active endorsement of this version, if any. */
  existing: { endorserName: string; endorsedAt: Date } | null;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

export const notAdopted = (version: number) => `Version ${version} is not adopted: only an adopted text can be endorsed`;
export const noAffiliation = (organisation: string) =>
  `You have no current affiliation to ${organisation}: only a person currently affiliated to an organisation can endorse on its behalf`;

export const unconfirmedAffiliation = (organisation: string, act: string) =>
  `${organisation} has not confirmed your affiliation: only a person whose affiliation the organisation confirmed can ${act} on its behalf (ask one of its focal points)`;

export function endorseRefusal(f: EndorseFacts): Refusal | null {
  if (!f.adopted) return { kind: 'conflict', message: notAdopted(f.version) };
  if (!f.affiliation) return { kind: 'forbidden', message: noAffiliation(f.organisationName) };
  if (!isConfirmed(f.affiliation)) return { kind: 'forbidden', message: unconfirmedAffiliation(f.organisationName, 'endorse') };
  if (f.existing)
    return {
      kind: 'conflict',
      message: `${f.organisationName} already endorsed version ${f.version} (by ${f.existing.endorserName}, ${day(f.existing.endorsedAt)}); an organisation endorses a text once`,
    };
  return null;
}

export interface WithdrawFacts {
  organisationName: string;
  affiliation: AffiliationSnapshot | null;
  withdrawnAt: Date | null;
}

export function withdrawRefusal(f: WithdrawFacts): Refusal | null {
  if (f.withdrawnAt) return { kind: 'conflict', message: `This endorsement was already withdrawn on ${day(f.withdrawnAt)}` };
  if (!f.affiliation)
    return { kind: 'forbidden', message: `You have no current affiliation to ${f.organisationName}: only its current delegates can withdraw its endorsement` };
  if (!isConfirmed(f.affiliation)) return { kind: 'forbidden', message: unconfirmedAffiliation(f.organisationName, 'withdraw its endorsement') };
  return null;
}
