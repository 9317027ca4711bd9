import { z } from 'zod';

/** A person named next to an act or a role. */
export const personRef = /* @__PURE__ */ z.object({ id: z.string(), name: z.string() }).meta({ id: 'PersonRef' });
export type PersonRef = z.infer<typeof personRef>;

/** A working group named next to what belongs to it. */
export const workingGroupRef = /* @__PURE__ */ z.object({ id: z.string(), name: z.string() }).meta({ id: 'WorkingGroupRef' });
export type WorkingGroupRef = z.infer<typeof workingGroupRef>;
