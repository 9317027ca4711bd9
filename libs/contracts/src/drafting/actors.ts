import { z } from 'zod';
import { affiliationSnapshotSchema } from '../api/domain-shapes';

/** A person as they appear next to an act: name and the affiliation they held at that moment. */
export const actorRef = /* @__PURE__ */ z
  .object({ id: z.string().nullable(), name: z.string().nullable(), snapshot: affiliationSnapshotSchema.nullable() })
  .meta({ id: 'ActorRef' });
export type ActorRef = z.infer<typeof actorRef>;

/** A reason in machine form: a stable code and the facts its sentence names. */
export const reasonParams = /* @__PURE__ */ z.record(z.string(), z.union([z.string(), z.number(), z.null()]));
