import type { NotificationView } from '@parley/contracts';

export interface DocumentBucket {
  document: { id: string; title: string } | null;
  items: NotificationView[];
}
export interface GroupBucket {
  group: { id: string; name: string } | null;
  documents: DocumentBucket[];
}

/**
 * The centre's sections: by working group, then by document (the group's own items first), each in
 * the order the items came (newest first); a group or document appears where its newest item is.
 * Items of no group (an affiliation to confirm) form a last section.
 */
export function groupNotifications(items: readonly NotificationView[]): GroupBucket[] {
  const groups = new Map<string, GroupBucket>();
  for (const n of items) {
    const gKey = n.group?.id ?? '';
    let g = groups.get(gKey);
    if (!g) {
      g = { group: n.group, documents: [] };
      groups.set(gKey, g);
    }
    const dKey = n.document?.id ?? null;
    let d = g.documents.find((b) => (b.document?.id ?? null) === dKey);
    if (!d) {
      d = { document: n.document, items: [] };
      if (dKey === null) g.documents.unshift(d);
      else g.documents.push(d);
    }
    d.items.push(n);
  }
  const out = [...groups.values()];
  const none = out.findIndex((g) => g.group === null);
  if (none >= 0) out.push(...out.splice(none, 1));
  return out;
}
