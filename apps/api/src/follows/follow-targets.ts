import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { numberClauses, type FollowTarget } from '@parley/domain';
import type { Actor } from '../identity/actor';
import { DocumentRepository } from '../drafting/document.repository';
import { notFound } from '../platform/http/problem';
import { VersionVisibility } from '../procedures/publication/version-visibility';
import { WorkingGroupAccess } from '../working-groups/working-group-access';

/** What a follow points at, as the list shows it. */
export interface ResolvedTarget {
  workingGroupId: string;
  groupName: string;
  document: { id: string; title: string } | null;
  /** The group's name, the document's title, or the clause's label. */
  title: string;
  /** The web page it opens. */
  link: string;
}

/**
 * Finds what a follow names, as the reader may open it (issue #20). Groups and documents are
 * public; a clause is opened in a version that holds it, and a clause that only members-only
 * versions hold is, for anyone else, as if it did not exist (404: following must not tell a
 * stranger that it does).
 */
@Injectable()
export class FollowTargets {
  constructor(
    private readonly dataSource: DataSource,
    private readonly groups: WorkingGroupAccess,
    private readonly documents: DocumentRepository,
    private readonly visibility: VersionVisibility,
  ) {}

  async resolve(reader: Actor | null, type: FollowTarget, id: string): Promise<ResolvedTarget> {
    switch (type) {
      case 'working-group': {
        const group = await this.groups.settings(this.dataSource.manager, id);
        if (!group) throw notFound('working-group');
        return { workingGroupId: group.id, groupName: group.name, document: null, title: group.name, link: `/working-groups/${group.id}` };
      }
      case 'document': {
        const doc = await this.documents.findDocument(id);
        if (!doc) throw notFound('document');
        const group = (await this.groups.settings(this.dataSource.manager, doc.workingGroupId))!;
        return { workingGroupId: group.id, groupName: group.name, document: { id: doc.id, title: doc.title }, title: doc.title, link: `/documents/${doc.id}` };
      }
      case 'clause':
        return this.clause(reader, id);
    }
  }

  private async clause(reader: Actor | null, clauseId: string): Promise<ResolvedTarget> {
    const versions = await this.documents.versionsWithClause(clauseId);
    if (versions.length === 0) throw notFound('clause');
    const doc = (await this.documents.findDocument(versions[0].documentId))!;
    const lens = await this.visibility.lens(reader, doc);
    const readable = versions.find((v) => !lens.withheld(v.number));
    if (!readable) throw notFound('clause');
    const group = (await this.groups.settings(this.dataSource.manager, doc.workingGroupId))!;
    const clauses = await this.documents.clausesOf(readable.versionId);
    const numbered = numberClauses(clauses.map((c) => ({ id: c.clauseId, kind: c.kind, text: c.text })));
    const at = numbered.findIndex((c) => c.id === clauseId);
    const title = numbered[at]?.label ?? `¶${at + 1}`;
    return {
      workingGroupId: group.id,
      groupName: group.name,
      document: { id: doc.id, title: doc.title },
      title,
      link: `/documents/${doc.id}?clause=${clauseId}`,
    };
  }
}
