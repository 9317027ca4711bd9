import { Popover, Stack, Text, UnstyledButton } from '@mantine/core';
import type { ActorRef, BracketView, ClauseResponse } from '@parley/contracts';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AffiliationBadge } from '../../ui/AffiliationBadge';
import { useFormatters } from '../../ui/useFormatters';
import { useClauseBrackets } from './BracketsContext';
import './brackets.css';

/** Who put an alternative on the table, when, and why: shown a tap, a hover or a keyboard press away. */
export function Attribution({ lead, who, at, why }: { lead: string; who: ActorRef; at: string; why: string | null }) {
  const { date } = useFormatters();
  return (
    <Stack gap={4} maw="40rem">
      {/* The date first, so the lead ("… proposed by") runs into the name below it. */}
      <Text size="xs" c="dimmed">
        {date(at)} · {lead}
      </Text>
      <AffiliationBadge name={who.name ?? '?'} personId={who.id ?? undefined} affiliation={who.snapshot} size="xs" withTitle />
      {why ? (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {why}
        </Text>
      ) : null}
    </Stack>
  );
}

/**
 * One alternative of a bracket, `[text]`: a button whose attribution opens on tap, click, Enter or
 * hover. The square brackets are marks (`data-not-text`), not part of the clause text; an option's
 * text is not part of it either, the passage's is.
 */
function Alternative({ text, partOfClause, label, attribution }: { text: string; partOfClause: boolean; label: string; attribution: ReactNode }) {
  const [opened, setOpened] = useState(false);
  const mark = (m: string) => (
    <span className="bracket-mark" data-not-text aria-hidden="true">
      {m}
    </span>
  );
  return (
    <span className="bracket-alternative" data-option={!partOfClause || undefined} {...(partOfClause ? {} : { 'data-not-text': true })}>
      {mark('[')}
      <Popover opened={opened} onChange={setOpened} position="bottom-start" withArrow shadow="md">
        <Popover.Target>
          <UnstyledButton
            component="span"
            role="button"
            tabIndex={0}
            className="bracket-text"
            aria-expanded={opened}
            aria-label={`${label}${text}`}
            onClick={(e) => {
              // A tap or click shows the attribution (a hover may already have); Escape, a click elsewhere or leaving closes it.
              e.stopPropagation();
              setOpened(true);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                e.stopPropagation();
                setOpened((o) => !o);
              }
              if (e.key === 'Escape' && opened) {
                e.stopPropagation();
                setOpened(false);
              }
            }}
            onMouseEnter={() => setOpened(true)}
            onMouseLeave={() => setOpened(false)}
          >
            {text}
          </UnstyledButton>
        </Popover.Target>
        <Popover.Dropdown style={{ width: 'auto', maxWidth: 'min(22rem, 92vw)' }}>{attribution}</Popover.Dropdown>
      </Popover>
      {mark(']')}
    </span>
  );
}

/** A bracketed passage with its options side by side: `[passage][option 1][option 2]`. */
export function BracketGroup({ bracket }: { bracket: BracketView }) {
  const { t } = useTranslation();
  // Only live alternatives are offered inline; an option streamlined into another lives on in it (the clause panel and the ledger keep it).
  const options = bracket.options.map((o, i) => ({ o, n: i + 1 })).filter(({ o }) => o.mergedInto === null);
  return (
    <span className="bracket-group" data-testid="bracket" data-bracket-id={bracket.id}>
      <Alternative
        text={bracket.passage}
        partOfClause
        label={t('negotiation.brackets.passageLabel')}
        attribution={<Attribution lead={t('negotiation.brackets.askedBy')} who={bracket.requestedBy} at={bracket.requestedAt} why={bracket.reason} />}
      />
      {options.map(({ o, n }) => (
        <Alternative
          key={o.id}
          text={o.text}
          partOfClause={false}
          label={t('negotiation.brackets.optionLabel', { n })}
          attribution={
            <Attribution
              lead={t(bracket.options.some((s) => s.mergedInto === o.id) ? 'negotiation.brackets.streamlinedBy' : 'negotiation.brackets.proposedBy')}
              who={o.proposedBy}
              at={o.proposedAt}
              why={o.rationale}
            />
          }
        />
      ))}
    </span>
  );
}

/**
 * A clause's text as the page shows it: as it reads, with each open bracket's passage and options in
 * square brackets in place. Everything that is not the clause's own text is marked `data-not-text`,
 * so a selection in it still gives offsets in the clause text.
 */
export function ClauseText({ clause }: { clause: Pick<ClauseResponse, 'id' | 'text'> }) {
  const brackets = useClauseBrackets(clause.id);
  if (brackets.length === 0) return <>{clause.text}</>;
  const parts: ReactNode[] = [];
  let at = 0;
  for (const b of brackets) {
    if (b.start === null || b.end === null || b.start < at) continue;
    if (b.start > at) parts.push(clause.text.slice(at, b.start));
    parts.push(<BracketGroup key={b.id} bracket={b} />);
    at = b.end;
  }
  parts.push(clause.text.slice(at));
  return <>{parts}</>;
}
