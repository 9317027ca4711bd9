import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { workingGroupScope } from '@parley/domain';
import { ChainBatcher, type ChainAct } from '../platform/batching/chain-batcher';

/** What a drafting act is on, as the table that holds it and its id. */
export type DraftingSubject = { document: string } | { comment: string } | { amendment: string } | { bracket: string };

/** The document a subject belongs to, by the table holding the subject (the names are constants, never input). */
const DOCUMENT_OF: Record<string, string> = {
  document: `SELECT d.working_group_id FROM documents d WHERE d.id = $1`,
  comment: `SELECT d.working_group_id FROM comments s JOIN documents d ON d.id = s.document_id WHERE s.id = $1`,
  amendment: `SELECT d.working_group_id FROM amendments s JOIN documents d ON d.id = s.document_id WHERE s.id = $1`,
  bracket: `SELECT d.working_group_id FROM brackets s JOIN documents d ON d.id = s.document_id WHERE s.id = $1`,
};

/** Subjects whose chain has been looked up: a document never moves to another group, so this never goes stale. */
const REMEMBERED = 10_000;

/**
 * The drafting acts (comments, amendments, co-sponsorships, brackets, clause status) run through the
 * chain batcher of their working group's audit chain (decision 0055), so a busy group's acts share
 * transactions instead of queueing one by one on the chain lock.
 */
@Injectable()
export class DraftingChains {
  private readonly scopes = new Map<string, string>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly chains: ChainBatcher,
  ) {}

  /** Runs `act` in a transaction shared with the other acts on the subject's chain; answered once committed. */
  async run<T>(subject: DraftingSubject, act: ChainAct<T>): Promise<T> {
    return this.chains.run(await this.scopeOf(subject), act);
  }

  private async scopeOf(subject: DraftingSubject): Promise<string> {
    const [kind, id] = Object.entries(subject)[0] as [string, string];
    const key = `${kind}:${id}`;
    const known = this.scopes.get(key);
    if (known) return known;
    const [row] = (await this.dataSource.query(DOCUMENT_OF[kind], [id])) as { working_group_id: string }[];
    // Not found: the act runs on its own key and answers its own 404.
    if (!row) return key;
    const scope = workingGroupScope(row.working_group_id);
    if (this.scopes.size >= REMEMBERED) this.scopes.delete(this.scopes.keys().next().value!);
    this.scopes.set(key, scope);
    return scope;
  }
}
