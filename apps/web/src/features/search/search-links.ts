import type { SearchResult } from '@parley/contracts';

/** Where a result leads in the web app: the clause (or comment, amendment) in its version, the ballot, the person, the organisation, the group, the audit log's event. */
export function searchResultLink(r: SearchResult): string {
  const { document, version, clauseId, workingGroup } = r.target;
  const inDocument = (extra: Record<string, string>) => {
    const p = new URLSearchParams();
    if (version) p.set('v', String(version));
    if (clauseId) p.set('clause', clauseId);
    for (const [k, v] of Object.entries(extra)) p.set(k, v);
    return `/documents/${document!.id}?${p.toString()}`;
  };
  switch (r.kind) {
    case 'clause':
    case 'explanation':
      return document ? inDocument({}) : '/';
    case 'comment':
      return document ? inDocument({ comment: r.id }) : '/';
    case 'amendment':
      return document ? inDocument({ panel: 'amendments' }) : '/';
    case 'ballot':
      return `/ballots/${r.id}`;
    case 'person':
      return `/people/${r.id}`;
    case 'organisation':
      return `/organisations/${r.id}`;
    case 'working-group':
      return `/working-groups/${workingGroup?.id ?? r.id}`;
    case 'audit':
      return r.target.auditEvent?.page ?? '/audit';
  }
}
