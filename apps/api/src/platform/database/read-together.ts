import type { EntityManager } from 'typeorm';

type Reads<T extends readonly unknown[]> = { [K in keyof T]: () => Promise<T[K]> };

/**
 * Runs independent reads together: in parallel on the pool, one after the other inside a
 * transaction, whose single connection can only run one query at a time (node-postgres queues
 * them today and will refuse them in pg 9).
 */
export async function readTogether<T extends readonly unknown[]>(manager: EntityManager, reads: Reads<T>): Promise<T> {
  if (!manager.queryRunner) return (await Promise.all(reads.map((r) => r()))) as unknown as T;
  const out: unknown[] = [];
  for (const read of reads) out.push(await read());
  return out as unknown as T;
}
