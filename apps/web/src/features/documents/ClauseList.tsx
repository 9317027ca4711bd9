import { Box, VisuallyHidden } from '@mantine/core';
import type { ClauseResponse } from '@parley/contracts';
import { memo, useCallback, type MouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ClauseText } from '../negotiation/BracketedText';
import { ToneBadge } from './ToneBadge';
import { clauseStatusBadges } from '../negotiation/ClauseStatusBadges';
import { currentLanguage, intlLocale } from '../../i18n';

export interface Quote {
  text: string;
  start: number;
  end: number;
}

/** The length of the clause text in a range: what is marked `data-not-text` (bracket marks, options) is not clause text. */
function textLength(range: Range): number {
  const copy = range.cloneContents();
  copy.querySelectorAll('[data-not-text]').forEach((n) => n.remove());
  return copy.textContent?.length ?? 0;
}

/**
 * The passage of a clause the reader selected, with its offsets in the clause text (the paragraph
 * holds the clause text; bracket marks and options in it are marked `data-not-text` and not counted). Null when the selection
 * is empty or strays outside the paragraph. Whitespace at either end is left out.
 */
export function quoteFromSelection(paragraph: HTMLElement, text: string): Quote | null {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!paragraph.contains(range.startContainer) || !paragraph.contains(range.endContainer)) return null;
  const before = document.createRange();
  before.selectNodeContents(paragraph);
  before.setEnd(range.startContainer, range.startOffset);
  let start = textLength(before);
  let end = start + textLength(range);
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end <= start || end > text.length) return null;
  return { text: text.slice(start, end), start, end };
}

interface ClauseRowProps {
  clause: ClauseResponse;
  selected: boolean;
  onOpen: (clauseId: string, quote?: Quote) => void;
  /** The open clause's panel, when it is shown under the clause (a phone). */
  panel?: ReactNode;
}

/** One clause: its number, its text (select words in it to quote them), and what is going on around it. */
const ClauseRow = memo(function ClauseRow({ clause, selected, onOpen, panel }: ClauseRowProps) {
  const { t, i18n } = useTranslation();
  const { comments, earlierComments, unansweredClarifications } = clause.counts;
  const { open, balloting, accepted } = clause.amendments;
  const totalComments = comments + earlierComments;

  const onMouseUp = useCallback(
    (e: MouseEvent<HTMLParagraphElement>) => {
      const quote = quoteFromSelection(e.currentTarget, clause.text);
      if (quote) onOpen(clause.id, quote);
    },
    [clause.id, clause.text, onOpen],
  );

  // Plain elements styled by documents.css rather than Mantine's layout components, which resolve
  // their style props on every render: a document renders 300 of these rows at once (issue #26).
  return (
    <li className="clause-row" data-selected={selected} data-clause-id={clause.id} data-label={clause.label ?? ''}>
      <div className="clause-line">
        <span className="clause-label" aria-hidden={clause.label === null}>
          {clause.label ?? ''}
        </span>
        <div className="clause-body">
          <p
            className="clause-text"
            dir="auto"
            data-kind={clause.kind}
            onMouseUp={onMouseUp}
            onClick={() => window.getSelection()?.isCollapsed !== false && onOpen(clause.id)}
          >
            <ClauseText clause={clause} />
          </p>
          <div className="clause-actions">
            <button
              type="button"
              className="clause-open"
              style={{ width: 'auto' }}
              onClick={() => onOpen(clause.id)}
              aria-pressed={selected}
              // The panel exists only while a clause is open: pointing at a missing id is an invalid ARIA reference.
              aria-controls={selected ? 'clause-panel' : undefined}
            >
              <VisuallyHidden component="span">{t('documents.clause.lead', { name: clause.label ? t('documents.clause.name', { label: clause.label }) : t(`documents.kinds.${clause.kind}`) })}</VisuallyHidden>
              <span className="clause-marks">
                <span className="clause-discuss" data-selected={selected}>
                  {t('documents.clause.discuss')}
                </span>
                {totalComments > 0 ? (
                  <ToneBadge tone="gray" data-testid="comment-count">
                    {t('documents.clause.comments', { count: totalComments })}
                  </ToneBadge>
                ) : null}
                {unansweredClarifications > 0 ? (
                  <ToneBadge tone="yellow">{t('documents.clause.unanswered', { count: unansweredClarifications })}</ToneBadge>
                ) : null}
                {open > 0 ? (
                  <ToneBadge tone="grape" data-testid="amendment-marker">
                    {t('documents.clause.amendments', { count: open })}
                    {balloting > 0 ? ` · ${t('documents.clause.balloting', { count: balloting })}` : ''}
                  </ToneBadge>
                ) : null}
                {accepted > 0 ? <ToneBadge tone="green">{t('documents.clause.accepted', { count: accepted })}</ToneBadge> : null}
                {clauseStatusBadges(t, intlLocale(currentLanguage(i18n)), clause.kind, clause.negotiation)}
              </span>
            </button>
          </div>
        </div>
      </div>
      {panel}
    </li>
  );
});

/** The clauses of a version in reading order. Rows are memoised, and off-screen rows are not laid out (content-visibility). */
export function ClauseList({
  clauses,
  selectedId,
  onOpen,
  panel = null,
}: {
  clauses: ClauseResponse[];
  selectedId: string | null;
  onOpen: (clauseId: string, quote?: Quote) => void;
  panel?: ReactNode;
}) {
  return (
    <Box component="ol" m={0} p={0} style={{ listStyle: 'none', display: 'flex', flexDirection: 'column', gap: 4 }} data-testid="clauses">
      {clauses.map((c) => (
        <ClauseRow key={c.id} clause={c} selected={c.id === selectedId} onOpen={onOpen} panel={c.id === selectedId ? panel : undefined} />
      ))}
    </Box>
  );
}
