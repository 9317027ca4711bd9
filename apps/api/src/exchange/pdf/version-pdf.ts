import { directionOf } from '@parley/contracts';
import { clauseReferences, isWithheld, paragraphList, type ChoiceCounts } from '@parley/domain';
import type { ActorRef, BracketView, ClauseResponse } from '@parley/contracts';
import { bracketPieces } from '../../negotiation/brackets/bracket-markdown';
import type { AdoptionRecord, VersionRecord } from '../../transparency/version-record';
import type { Face, Span } from './line-breaking';
import { printedDate, type PdfWords } from './pdf-words';
import { PrintLayout, STYLES } from './print-layout';

const INDENT = 26;
const COVER = {
  group: { face: 'sans', size: 12, leading: 17 },
  title: { face: 'serifBold', size: 22, leading: 29 },
  status: { face: 'sansBold', size: 17, leading: 23 },
  detail: { face: 'sans', size: 10.5, leading: 15 },
  record: { face: 'sans', size: 9.5, leading: 13.5 },
} as const;
const OPTION = { face: 'serifItalic', size: 9.5, leading: 13 } as const;
const SUBHEAD = { face: 'sansBold', size: 10, leading: 14 } as const;
const VOTE_TABLE = { face: 'sans', size: 8, leading: 11 } as const;

/** "Ana Ruiz (Ministry of X)": who, as the printed record names them. */
export const whoOf = (a: ActorRef): string => `${a.name ?? '—'}${a.snapshot ? ` (${a.snapshot.organisationName})` : ''}`;

/** A clause's text with its open brackets as [ ] (the square brackets in bold, so they show on paper), and the bracketed passages. */
function bracketed(text: string, brackets: readonly BracketView[], face: Face): { spans: Span[]; passages: { bracket: BracketView; passage: string }[] } {
  const bold: Face = face === 'serif' || face === 'serifItalic' ? 'serifBold' : face;
  const spans: Span[] = [];
  const passages: { bracket: BracketView; passage: string }[] = [];
  for (const p of bracketPieces(text, brackets)) {
    if (!p.bracket) spans.push({ text: p.text });
    else {
      spans.push({ text: '[', face: bold }, { text: p.text }, { text: ']', face: bold });
      passages.push({ bracket: p.bracket, passage: p.text });
    }
  }
  return { spans, passages };
}

/**
 * A version as a print-grade PDF (decision 0044): a cover with its status (draft, chair's text,
 * adopted with the vote record), the text with operative numbers, paragraph numbers in the margin
 * and a number on every line, brackets with their options under the clause; on an adopted text the
 * explanations of position and the signatories.
 */
export async function versionPdf(record: VersionRecord, w: PdfWords, now: Date): Promise<Buffer> {
  const { doc, brackets, adoption } = record;
  const v = doc.version;
  const ct = v.chairsText ?? null;
  const versionLabel = [w.version(v.number), ct?.label, ct?.symbol].filter(Boolean).join(' · ');
  const layout = new PrintLayout({
    header: { left: `${doc.workingGroup.name} — ${doc.title}`, right: versionLabel },
    footer: w.page,
    cover: true,
    lineNumbers: true,
    info: { title: `${doc.title} — ${versionLabel}`, subject: doc.workingGroup.name, language: w.locale },
    direction: directionOf(w.locale),
  });

  await cover(layout, record, w, now);
  layout.newPage();
  await layout.paragraph([{ text: doc.title }], { style: STYLES.section, keepWithNext: 2 });
  layout.gap(6);
  const refs = clauseReferences(v.clauses);
  for (const c of v.clauses)
    await clause(
      layout,
      c,
      refs.get(c.id) ?? '',
      brackets.filter((b) => b.clauseId === c.id),
      w,
    );
  if (adoption) {
    await explanations(layout, adoption, w);
    await signatories(layout, adoption, w);
  }
  return layout.finish();
}

async function clause(layout: PrintLayout, c: ClauseResponse, ref: string, brackets: readonly BracketView[], w: PdfWords): Promise<void> {
  const style = c.kind === 'heading' ? STYLES.heading : STYLES.body;
  const { spans, passages } = bracketed(c.text, brackets, style.face);
  if (c.kind === 'heading') await layout.paragraph(spans, { style, ref, before: 12, keepWithNext: 2 });
  else await layout.paragraph(spans, { ref, before: 7, indent: INDENT, label: c.kind === 'operative' ? (c.label ?? undefined) : undefined });
  for (const { bracket, passage } of passages) {
    const options = bracket.options.filter((o) => o.mergedInto === null);
    if (!options.length) continue;
    await layout.paragraph([{ text: w.optionsFor(passage) }], { style: OPTION, indent: INDENT + 14, before: 3 });
    for (const [i, o] of options.entries())
      await layout.paragraph([{ text: w.option(i + 1, o.text, whoOf(o.proposedBy)) }], { style: OPTION, indent: INDENT + 28 });
  }
}

async function cover(layout: PrintLayout, { doc, adoption }: VersionRecord, w: PdfWords, now: Date): Promise<void> {
  const v = doc.version;
  const ct = v.chairsText ?? null;
  const centred = { align: 'center', numbered: false } as const;
  layout.moveTo(130);
  await layout.paragraph([{ text: doc.workingGroup.name }], { ...centred, style: COVER.group, color: '#444444' });
  await layout.paragraph([{ text: doc.title }], { ...centred, style: COVER.title, before: 22 });
  if (ct?.symbol) await layout.paragraph([{ text: w.symbol(ct.symbol) }], { ...centred, style: COVER.detail, before: 8 });
  await layout.paragraph([{ text: w.version(v.number) }], { ...centred, style: COVER.detail, before: 14 });
  const status = v.adoptedAt ? w.adoptedOn(printedDate(w, v.adoptedAt)) : ct ? ct.label : w.draft;
  await layout.paragraph([{ text: status }], { ...centred, style: COVER.status, before: 26 });
  if (ct) {
    await layout.paragraph([{ text: w.chairsText(ct.office, ct.standing) }], { ...centred, style: COVER.detail, before: 4 });
    if (ct.penHolder.name) await layout.paragraph([{ text: w.penHeldBy(whoOf(ct.penHolder)) }], { ...centred, style: COVER.detail });
  }
  if (adoption) {
    layout.moveTo(420);
    layout.separator(0, 12);
    await voteRecord(layout, adoption, w);
  }
  layout.moveTo(720);
  await layout.paragraph([{ text: w.printed(printedDate(w, now.toISOString())) }], { numbered: false, style: COVER.record, color: '#555555' });
}

const countCells = (c: ChoiceCounts): Span[][] => [c.yes, c.no, c.abstain, c.recuse, c.notVoted].map((n) => [{ text: String(n) }]);

async function voteRecord(layout: PrintLayout, adoption: AdoptionRecord, w: PdfWords): Promise<void> {
  const numbered = false;
  const ballot = adoption.ballot;
  if (!ballot) {
    await layout.paragraph([{ text: w.adoptionVote }], { numbered, style: SUBHEAD });
    await layout.paragraph([{ text: w.silence(adoption.silence!.deadline.replace('T', ' ').slice(0, 16)) }], { numbered, style: COVER.record, before: 4 });
    return;
  }
  await layout.paragraph([{ text: w.adoptionVote }], { numbered, style: SUBHEAD });
  const closed = ballot.closedAt ? `, ${w.closedOn(printedDate(w, ballot.closedAt))}` : '';
  await layout.paragraph(
    [
      {
        text: `${w.ballot(ballot.title)}${w.colon}${w.rule[ballot.rule]}, ${w.countingUnit[ballot.countingUnit]}, ${w.visibility[ballot.visibility as 'roll-call' | 'secret']}${closed}.`,
      },
    ],
    {
      numbered,
      style: COVER.record,
      before: 4,
    },
  );
  const r = ballot.result;
  if (!r) return;
  await layout.paragraph([{ text: `${w.outcomeLabel}${w.colon}` }, { text: w.outcome[r.outcome], face: 'sansBold' }], {
    numbered,
    style: COVER.record,
    before: 4,
  });
  // The result's sentence is English only: the French record says the same through its rule, outcome and counts.
  if (w.locale.startsWith('en')) await layout.paragraph([{ text: r.explanation }], { numbered, style: COVER.record, before: 2 });
  layout.gap(8);
  await layout.table(
    w.voteColumns.map((title, i) => ({ title, share: i === 0 ? 1.3 : 1.1, align: i === 0 ? 'left' : 'right' })),
    [
      [[{ text: w.total, face: 'sansBold' }], ...countCells(r.totals)],
      ...r.byStakeholderGroup
        .filter((g) => g.eligible > 0)
        .map((g) => [[{ text: w.group[g.stakeholderGroup] }], ...(isWithheld(g) ? Array.from({ length: 5 }, () => [{ text: w.withheld }]) : countCells(g))]),
    ],
    { numbered, style: VOTE_TABLE },
  );
  if (r.disclosureControl && r.disclosureControl.withheldStakeholderGroups.length > 0)
    await layout.paragraph([{ text: w.withheldNote(r.disclosureControl.threshold) }], { numbered, style: COVER.record, before: 6 });
  else if (ballot.visibility === 'secret') await layout.paragraph([{ text: w.secretNote }], { numbered, style: COVER.record, before: 6 });
}

async function explanations(layout: PrintLayout, { explanations: read }: AdoptionRecord, w: PdfWords): Promise<void> {
  if (read.explanations.length === 0) return;
  await layout.paragraph([{ text: w.explanations }], { style: STYLES.section, before: 22, keepWithNext: 2 });
  await layout.paragraph([{ text: w.explanationsIntro }], { style: STYLES.small, before: 4 });
  const byOrganisation = new Map<string, string[]>();
  for (const d of read.disassociations)
    for (const o of d.organisations) byOrganisation.set(o.organisationName, [...(byOrganisation.get(o.organisationName) ?? []), d.label ?? '']);
  for (const [organisation, labels] of byOrganisation)
    await layout.paragraph([{ text: w.disassociated(organisation, paragraphList(labels, w.and)) }], { before: 4 });
  for (const e of read.explanations) {
    const kind = w.explanationKind[e.kind];
    await layout.paragraph([{ text: `${e.organisationName}${w.colon}${kind} (${w.timing[e.timing]})` }], { style: SUBHEAD, before: 12, keepWithNext: 2 });
    const on = e.paragraphs.length
      ? paragraphList(
          e.paragraphs.map((p) => p.label ?? ''),
          w.and,
        )
      : null;
    const who = `${e.by.name ?? '—'}${e.by.snapshot ? `, ${e.by.snapshot.title}` : ''}`;
    await layout.paragraph([{ text: w.placedBy(kind, on, who, printedDate(w, e.at)) }], { style: STYLES.small, before: 2, keepWithNext: 2 });
    await layout.paragraph([{ text: e.text }], { indent: INDENT, before: 4 });
  }
}

async function signatories(layout: PrintLayout, { signatories: s }: AdoptionRecord, w: PdfWords): Promise<void> {
  await layout.paragraph([{ text: w.signatories }], { style: STYLES.section, before: 22, keepWithNext: 2 });
  if (s.signatories.length === 0) {
    await layout.paragraph([{ text: w.noSignatories }], { before: 4 });
    return;
  }
  const groups = Object.keys(w.group) as (keyof PdfWords['group'])[];
  const counts = groups.map((g) => `${w.group[g]}${w.colon}${s.signatories.filter((x) => x.organisation.stakeholderGroup === g).length}`);
  await layout.paragraph([{ text: `${w.signatoryCount(s.signatories.length)} — ${counts.join(' · ')}` }], { before: 4 });
  layout.gap(8);
  await layout.table(
    w.signatoryColumns.map((title, i) => ({ title, share: [2.8, 1.8, 1.2, 2.6, 1.4][i] })),
    s.signatories.map((x) => [
      [{ text: x.organisation.name }],
      [{ text: w.group[x.organisation.stakeholderGroup] }],
      [{ text: x.organisation.country ?? '' }],
      [{ text: `${x.endorsedBy.name ?? ''}${x.endorsedBy.snapshot?.title ? `, ${x.endorsedBy.snapshot.title}` : ''}` }],
      [{ text: printedDate(w, x.endorsedAt) }],
    ]),
  );
}
