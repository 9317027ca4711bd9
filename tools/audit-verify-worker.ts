// Worker for tools/audit-verify: checks each event's own digest and hash (independent per event)
// and returns the fields the main thread needs to link the chains in order.
import { parentPort } from 'node:worker_threads';
import { AuditEvent, checkEventIntegrity, withholdingFact, type IntegrityProblem, type WithholdingFact } from '@parley/domain';

export interface BatchRequest {
  id: number;
  text: string;
}

export interface BatchResult {
  id: number;
  lines: number;
  /** scope, sequence, previousHash, hash per event, in order */
  links: [string, number, string, string][];
  /** index into links -> integrity problem */
  problems: ({ index: number } & IntegrityProblem)[];
  /** index into links -> what the chain walk must know about withholding (rare: ballots that hide choices, withheld votes) */
  withholding: { index: number; fact: WithholdingFact }[];
  /** line offset (within the batch, 0-based) of the first line that is not JSON */
  badLine: number | null;
  /** events served with their change withheld (not public yet): their form and hash are checked, not their change */
  withheld: number;
}

parentPort!.on('message', ({ id, text }: BatchRequest) => {
  const rows = text.split('\n');
  const result: BatchResult = { id, lines: rows.length, links: [], problems: [], withholding: [], badLine: null, withheld: 0 };
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (!row.trim()) continue;
    let e: AuditEvent;
    try {
      e = JSON.parse(row) as AuditEvent;
    } catch {
      result.badLine = i;
      break;
    }
    if (e.withheld !== undefined) result.withheld++;
    const problem = checkEventIntegrity(e);
    if (problem) result.problems.push({ index: result.links.length, ...problem });
    const fact = withholdingFact(e);
    if (fact) result.withholding.push({ index: result.links.length, fact });
    result.links.push([e.scope, e.sequence, e.previousHash, e.hash]);
  }
  parentPort!.postMessage(result);
});
