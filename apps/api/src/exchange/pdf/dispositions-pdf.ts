import { directionOf } from '@parley/contracts';
import { withoutMentionMarkup } from '@parley/domain';
import type { DispositionReport, DispositionReportEntry } from '@parley/contracts';
import type { Span } from './line-breaking';
import { printedDate, type PdfWords } from './pdf-words';
import { PrintLayout, STYLES } from './print-layout';

const TITLE = { face: 'serifBold', size: 14, leading: 19 } as const;

function row(e: DispositionReportEntry, clauseRef: string, w: PdfWords): Span[][] {
  const a = e.author.snapshot;
  const d = e.disposition;
  return [
    [{ text: clauseRef }],
    [{ text: e.parentId ? w.reply : w.commentKind[e.kind] }],
    [{ text: e.author.name ?? '—', face: 'sansBold' }, ...(a ? [{ text: `\n${a.organisationName}\n${w.group[a.stakeholderGroup]}` }] : [])],
    [...(e.quote ? [{ text: `“${e.quote}”\n`, face: 'serifItalic' as const }] : []), { text: withoutMentionMarkup(e.body) }],
    d
      ? [
          { text: w.disposition[d.disposition], face: 'sansBold' },
          { text: `\n${d.reason}` },
          { text: `\n${w.disposedBy(d.by.name ?? '—', printedDate(w, d.at))}`, face: 'serifItalic' },
        ]
      : [{ text: w.disposition.pending, face: 'sansBold' }],
  ];
}

/**
 * The disposition-of-comments report as a PDF (decision 0044): the same entries as its JSON and CSV
 * (every comment made on the version, replies included), one table row each: clause, kind, author
 * with organisation and stakeholder group, the comment, its disposition and reason.
 */
export async function dispositionsPdf(
  report: DispositionReport,
  groupName: string,
  refOf: (e: DispositionReportEntry) => string,
  w: PdfWords,
  now: Date,
): Promise<Buffer> {
  const versionLabel = w.version(report.version);
  const layout = new PrintLayout({
    header: { left: `${w.dispositionTitle} — ${report.title}`, right: versionLabel },
    footer: w.page,
    cover: false,
    lineNumbers: false,
    info: { title: `${w.dispositionTitle} — ${report.title} — ${versionLabel}`, subject: groupName, language: w.locale },
    direction: directionOf(w.locale),
  });
  await layout.paragraph([{ text: w.dispositionTitle }], { style: STYLES.section });
  await layout.paragraph([{ text: report.title }], { style: TITLE, before: 4 });
  await layout.paragraph([{ text: `${groupName} · ${versionLabel}` }], { style: STYLES.small, before: 2 });
  const t = report.totals;
  const totals = (['accepted', 'noted', 'rejected', 'pending'] as const).map((k) => `${w.disposition[k]}${w.colon}${t[k]}`).join(' · ');
  await layout.paragraph([{ text: `${w.totals}${w.colon}${totals}` }], { style: STYLES.small, before: 6 });
  await layout.paragraph([{ text: w.printed(printedDate(w, now.toISOString())) }], { style: STYLES.small, color: '#555555' });
  layout.gap(12);
  if (report.entries.length === 0) {
    await layout.paragraph([{ text: w.noComments }]);
    return layout.finish();
  }
  await layout.table(
    w.dispositionColumns.map((title, i) => ({ title, share: [1.5, 1.5, 2, 3.2, 2.4][i] })),
    report.entries.map((e) => row(e, refOf(e), w)),
  );
  return layout.finish();
}
