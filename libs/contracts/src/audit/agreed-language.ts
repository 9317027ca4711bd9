import { z } from 'zod';
import { id } from './define';

/** A citation of agreed language as the act that made it records it (decision 0054): the adopted clause quoted, and the passage. */
const cited = { documentId: id, version: z.number(), clauseId: id, passage: z.string() };

/** On `amendment.proposed`: the agreed language its text quotes; absent when none (and on events written before). */
export const AMENDMENT_CITATIONS = { citations: z.array(z.strictObject(cited)).optional() };

/** On `version.chairs-text-issued`: the agreed language its clauses quote, each with the quoting clause (`inClause`); absent when none. */
export const CHAIRS_TEXT_CITATIONS = { citations: z.array(z.strictObject({ inClause: id, ...cited })).optional() };
