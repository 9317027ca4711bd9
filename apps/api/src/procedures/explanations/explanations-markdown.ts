import { paragraphList } from '@parley/domain';
import type { ExplanationsResponse } from '@parley/contracts';

const KIND = { position: 'Position', reservation: 'Reservation', disassociation: 'Disassociation' } as const;
const TIMING = { before: 'before the decision', after: 'after the decision' } as const;

/**
 * The "Explanations of position" section of the adopted-text Markdown export (decision record 0037):
 * who disassociated from what, then each statement in the order placed, with its delegation, its
 * speaker, the paragraphs it names, and whether it came before or after the decision. Nothing when
 * no delegation explained its position. `md` escapes text as the export does.
 */
export function explanationsMarkdown(read: Pick<ExplanationsResponse, 'explanations' | 'disassociations'>, md: (s: string | null | undefined) => string): string[] {
  if (read.explanations.length === 0) return [];
  const out = ['## Explanations of position', '', 'Statements placed on the record by delegations. They are not votes and change no outcome.', ''];
  const byOrganisation = new Map<string, string[]>();
  for (const d of read.disassociations) for (const o of d.organisations) byOrganisation.set(o.organisationName, [...(byOrganisation.get(o.organisationName) ?? []), d.label ?? '']);
  for (const [organisation, labels] of byOrganisation) out.push(`- ${md(organisation)} disassociated from ${paragraphList(labels)}.`);
  if (byOrganisation.size) out.push('');
  for (const e of read.explanations) {
    const on = e.paragraphs.length ? `on ${paragraphList(e.paragraphs.map((p) => p.label ?? ''))}` : 'on the text as a whole';
    const who = `${md(e.by.name)}${e.by.snapshot ? `, ${md(e.by.snapshot.title)}` : ''}`;
    out.push(`### ${md(e.organisationName)}: ${KIND[e.kind]} (${TIMING[e.timing]})`, '', `${KIND[e.kind]} ${on}, placed by ${who} on ${e.at.slice(0, 10)}.`, '', `> ${md(e.text)}`, '');
  }
  return out;
}
