import type { AuditEventResponse, Problem } from '@parley/contracts';
import type { DataSource } from 'typeorm';
import type { ApiResponse } from './http-client';
import { ApiClient } from './http-client';

/** Asserts an RFC 9457 answer: status, problem+json media type, and (when given) its type and the fields it names. */
export function expectProblem(res: ApiResponse, status: number, expected: { type?: string; fields?: string[] } = {}): Problem {
  const body = res.body as Problem;
  expect({ status: res.status, contentType: res.headers.get('content-type') }).toEqual({ status, contentType: expect.stringContaining('application/problem+json') });
  expect(body).toMatchObject({ status, type: expect.stringMatching(/^\/problems\//), title: expect.any(String), detail: expect.any(String) });
  if (expected.type) expect(body.type).toBe(expected.type);
  if (expected.fields) expect((body.errors ?? []).map((e) => e.field)).toEqual(expect.arrayContaining(expected.fields));
  return body;
}

const TABLES = ['people', 'sessions', 'organisations', 'affiliations', 'declarations', 'audit_events'] as const;

/** Row counts (and the latest audit sequence) of every identity table: equal before and after means nothing was written. */
export async function rowCounts(dataSource: DataSource): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of TABLES) out[table] = Number((await dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
  out.affiliationState = Number((await dataSource.query(`SELECT count(*) AS n FROM affiliations WHERE is_primary OR end_date IS NOT NULL`))[0].n);
  out.verified = Number((await dataSource.query(`SELECT count(*) AS n FROM organisations WHERE verified_at IS NOT NULL`))[0].n);
  out.stewards = Number((await dataSource.query(`SELECT count(*) AS n FROM people WHERE is_steward`))[0].n);
  return out;
}

/** Runs a request that must be refused and checks the database holds exactly what it held before (by `counts`: the identity tables unless told). */
export async function expectNothingWritten<T>(dataSource: DataSource, attempt: () => Promise<T>, counts: (d: DataSource) => Promise<Record<string, number>> = rowCounts): Promise<T> {
  const before = await counts(dataSource);
  const result = await attempt();
  expect(await counts(dataSource)).toEqual(before);
  return result;
}

/** Every event of a chain, read through the public API. */
export async function auditEvents(baseUrl: string, scope = 'platform'): Promise<AuditEventResponse[]> {
  const client = new ApiClient(baseUrl);
  const all: AuditEventResponse[] = [];
  for (;;) {
    const res = await client.get<{ items: AuditEventResponse[] }>(`/api/audit?scope=${encodeURIComponent(scope)}&after=${all.length ? all[all.length - 1].sequence : 0}&limit=1000`);
    if (res.status !== 200) throw new Error(`audit read failed: ${res.status} ${JSON.stringify(res.body)}`);
    all.push(...res.body.items);
    if (res.body.items.length < 1000) return all;
  }
}

/** The audit events about one subject, in order. */
export async function eventsAbout(baseUrl: string, subjectId: string): Promise<AuditEventResponse[]> {
  return (await auditEvents(baseUrl)).filter((e) => e.subjectId === subjectId);
}
