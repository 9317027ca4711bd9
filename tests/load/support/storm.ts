// The vote storm's clients: `voters` members each casting and changing their vote on one ballot in a
// closed loop (a voter's next request leaves when the previous one is answered), recording every
// answer in a ledger that auditVotes later checks against the database and the audit chain.
import { performance } from 'node:perf_hooks';
import { http, Member, resetConnections, sleep, VoterLedger } from './harness';

const CHOICES = ['yes', 'no', 'abstain'] as const;

export interface StormStats {
  seconds: number;
  requests: number;
  ok: number;
  byStatus: Record<string, number>;
  latencies: number[];
  /** Latencies of 2xx answers only. */
  okLatencies: number[];
  /** Per second since the start: 2xx answers. */
  okPerSecond: number[];
  /** Error answers (4xx/5xx) that were not application/problem+json. */
  notProblemJson: number;
  firstErrors: string[];
}

export interface StormOptions {
  base: () => string;
  ballotId: string;
  voters: Member[];
  ledgers: Map<string, VoterLedger>;
  /** Runs until this returns true (checked before each request) or `seconds` have passed. */
  seconds: number;
  stop?: () => boolean;
  /** Waits between a failed request and the next one (a client backing off); default 50 ms. */
  backoffMs?: number;
  /** Record latencies (false during a warm-up). */
  measure?: boolean;
  /** Each voter waits this long after an acknowledged vote (paced activity rather than a storm). */
  paceMs?: number;
  /** Keep the idle keep-alive connections (several storms started together: the caller resets them once). */
  keepConnections?: boolean;
}

export function newStormStats(): StormStats {
  return { seconds: 0, requests: 0, ok: 0, byStatus: {}, latencies: [], okLatencies: [], okPerSecond: [], notProblemJson: 0, firstErrors: [] };
}

export async function storm(o: StormOptions, stats: StormStats = newStormStats()): Promise<StormStats> {
  const t0 = performance.now();
  const until = t0 + o.seconds * 1000;
  const measure = o.measure !== false;
  if (!o.keepConnections) resetConnections();
  await Promise.all(
    o.voters.map(async (voter, w) => {
      const ledger = o.ledgers.get(voter.id) ?? { acknowledged: [], unanswered: [] };
      o.ledgers.set(voter.id, ledger);
      let k = w;
      while (performance.now() < until && !(o.stop?.() ?? false)) {
        // Always a different choice from the last acknowledged one: each request is a cast or a change.
        const last = ledger.acknowledged[ledger.acknowledged.length - 1]?.choice;
        let choice: string = CHOICES[k++ % 3];
        if (choice === last) choice = CHOICES[k++ % 3];
        const reason = k % 5 === 0 ? `Reason ${k} of ${voter.name}` : null;
        const r = await http<{ action: string; vote: { choice: string; changes: number } }>('POST', `${o.base()}/api/ballots/${o.ballotId}/votes`, {
          token: voter.token ?? undefined,
          body: { choice, reason },
          timeoutMs: 15_000,
        });
        const key = r.status ? String(r.status) : (r.error ?? 'error');
        if (measure) {
          stats.requests++;
          stats.byStatus[key] = (stats.byStatus[key] ?? 0) + 1;
          stats.latencies.push(r.ms);
        }
        if (r.status >= 200 && r.status < 300) {
          ledger.acknowledged.push({ choice, action: r.body.action, changes: r.body.vote.changes });
          if (measure) {
            stats.ok++;
            stats.okLatencies.push(r.ms);
            const sec = Math.floor((performance.now() - t0) / 1000);
            stats.okPerSecond[sec] = (stats.okPerSecond[sec] ?? 0) + 1;
          }
          if (o.paceMs) await sleep(o.paceMs);
        } else {
          if (r.status >= 400 && !/application\/problem\+json/.test(r.contentType)) stats.notProblemJson++;
          // Refused before it was sent: nothing can have committed. A failure without an answer
          // (reset, hang-up, timeout) or a 5xx may have come after the commit: the audit allows for it.
          if ((r.status === 0 && r.error !== 'ECONNREFUSED') || r.status >= 500) ledger.unanswered.push({ choice });
          if (stats.firstErrors.length < 5) stats.firstErrors.push(`${key}: ${JSON.stringify(r.body as unknown)?.slice(0, 200)}`);
          await sleep(o.backoffMs ?? 50);
        }
      }
    }),
  );
  stats.seconds += (performance.now() - t0) / 1000;
  return stats;
}
