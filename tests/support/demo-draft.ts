/**
 * The international norms group's draft of the Paris Call among the group's documents: the demo also
 * gives the group short procedural texts (put under silence, decision 0036), so "the first document"
 * is not the draft.
 */
export const demoDraft = <T extends { title: string }>(items: T[]): T => {
  const draft = items.find((i) => i.title.startsWith('Paris Call'));
  if (!draft) throw new Error('the demo’s norms group has no Paris Call draft');
  return draft;
};
