import { z } from 'zod';
import { CONFIRMER_ROLES, ORGANISATION_SUBTYPES, STAKEHOLDER_GROUPS, type AffiliationSnapshot, type OrganisationSubtype } from '@parley/domain';

/**
 * One entry of the audit-event catalogue: the type of subject the event is about and the schema of
 * its `change`, exactly as the writers record it (every key, with its nullability). Never change an
 * entry's meaning once shipped: rows written under it stay in the log forever.
 */
export interface CatalogueEntry<S extends string = string, C extends z.ZodType = z.ZodType> {
  subjectType: S;
  change: C;
  /** Shapes the writers recorded before this one, read and brought to the current shape (never on write). */
  earlier: EarlierShape<z.infer<C>>[];
}

/** A change as an older writer recorded it: which writer, and how it reads in today's shape. */
export interface EarlierShape<T> {
  until: string;
  read: (change: unknown) => T | null;
}

export const earlier = <S extends z.ZodType, T>(until: string, change: S, upgrade: (old: z.infer<S>) => T): EarlierShape<T> => ({
  until,
  read: (c) => {
    const old = change.safeParse(c);
    return old.success ? upgrade(old.data) : null;
  },
});

export const event = <const S extends string, C extends z.ZodType>(
  subjectType: S,
  change: C,
  ...earlierShapes: EarlierShape<z.infer<C>>[]
): CatalogueEntry<S, C> => ({
  subjectType,
  change,
  earlier: earlierShapes,
});

/**
 * A nested value the domain computes and the event records as is (a ballot's breakdowns, a
 * consolidation report): typed by its domain type, and on read only checked to be an object
 * (or array). The top-level keys of every change are checked exactly.
 */
export const recorded = <T extends object>() => z.custom<T>((v) => typeof v === 'object' && v !== null);

export const id = z.string();
export const isoTime = z.string();
export const confirmerRole = z.enum(CONFIRMER_ROLES);
export const stakeholderGroupOf = z.enum(STAKEHOLDER_GROUPS);
export const subtypeOf = z.custom<OrganisationSubtype>((v) => typeof v === 'string' && (ORGANISATION_SUBTYPES as readonly string[]).includes(v));

/** An actor's or a subject's affiliation at the moment of an act (libs/domain's AffiliationSnapshot). */
export const affiliationSnapshot = z.object({
  affiliationId: id,
  organisationId: id,
  organisationName: z.string(),
  stakeholderGroup: stakeholderGroupOf,
  subtype: subtypeOf,
  country: z.string().nullable(),
  title: z.string(),
  organisationVerified: z.boolean(),
  confirmation: z
    .object({ by: z.object({ id, name: z.string() }), as: confirmerRole, at: isoTime })
    .nullable()
    .optional(),
}) satisfies z.ZodType<AffiliationSnapshot>;

/** yes / no / abstain / recuse / notVoted, as a ballot's result counts them. */
export const choiceCounts = z.object({ yes: z.number(), no: z.number(), abstain: z.number(), recuse: z.number(), notVoted: z.number() });
