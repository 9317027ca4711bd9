import { Injectable } from '@nestjs/common';
import type { AuditEvent } from '@parley/domain';

/**
 * For a batch of events of the actions it registered for, the reason each one's change must not be
 * public yet (null: public). It loads what it needs once per batch.
 */
export type WithholdRule = (events: AuditEvent[]) => Promise<(string | null)[]>;

/**
 * What the public log may show of each event. The log is public, but a few changes are not yet:
 * a roll-call vote on a ballot whose choices stay hidden until it closes. The context that owns
 * the rule registers it here (the audit module knows nothing of ballots); every public read of
 * the log (the API's pages, single events, the JSON Lines export) passes its events through
 * `disclose`. A withheld event keeps every hashed field, so the chain still verifies offline; its
 * change is served empty with a `withheld` notice, and in full once the reason has passed.
 */
@Injectable()
export class AuditDisclosure {
  private readonly rules: { actions: ReadonlySet<string>; rule: WithholdRule }[] = [];

  register(actions: readonly string[], rule: WithholdRule): void {
    this.rules.push({ actions: new Set(actions), rule });
  }

  async disclose(events: AuditEvent[]): Promise<AuditEvent[]> {
    if (this.rules.length === 0 || events.length === 0) return events;
    const out = [...events];
    for (const { actions, rule } of this.rules) {
      const at: number[] = [];
      for (let i = 0; i < out.length; i++) if (actions.has(out[i].action)) at.push(i);
      if (at.length === 0) continue;
      const reasons = await rule(at.map((i) => out[i]));
      at.forEach((i, k) => {
        const reason = reasons[k];
        if (reason) out[i] = { ...out[i], change: {}, withheld: reason };
      });
    }
    return out;
  }
}
