import { Button, Group, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import type { DocumentResponse } from '@parley/contracts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { refusalMessage } from '../../i18n/server-messages';
import { AmendmentForm, ClauseAmendments } from './Amendments';
import { StreamlineProposals } from '../negotiation/Streamlining';
import type { Quote } from './ClauseList';
import { CommentForm, CommentThreads } from './CommentThreads';
import { QuotePicker } from './QuotePicker';
import { ClauseBrackets } from '../negotiation/ClauseBrackets';
import { ClauseStatusPanel } from '../negotiation/ClauseStatusPanel';
import { VotingOrderPanel } from '../procedures/VotingOrderPanel';
import { FollowButton } from '../notifications/FollowButton';

export interface ClausePanelProps {
  doc: DocumentResponse;
  clauseId: string;
  quote: Quote | null;
  onQuote: (quote: Quote) => void;
  onClearQuote: () => void;
  onClose: () => void;
  /** Under the clause in the text (a phone) rather than beside it. */
  inline: boolean;
}

/** Whether Escape belongs to a control inside the panel (an open list closes first, not the panel). */
const escapeIsTaken = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  // An open list, or a comment field's list of members to mention (a text box naming its active option).
  (target.getAttribute('aria-expanded') === 'true' || (target.getAttribute('aria-autocomplete') === 'list' && target.hasAttribute('aria-activedescendant')));

/**
 * The open clause's threads and amendments, and the forms to add to them: beside the text, or under
 * the clause on a phone. Opening it moves the focus to its title; Escape closes it (the page then
 * returns the focus to the clause's button).
 */
export function ClausePanel({ doc, clauseId, quote, onQuote, onClearQuote, onClose, inline }: ClausePanelProps) {
  const { t } = useTranslation();
  const clause = doc.version.clauses.find((c) => c.id === clauseId);
  // `?panel=amendments` (a ballot's link to its amendment) opens the clause on its amendments.
  const [params] = useSearchParams();
  const initialTab = (['amendments', 'brackets', 'status'] as const).find((p) => params.get('panel') === p) ?? 'comments';
  const [tab, setTab] = useState<string | null>(initialTab);
  const title = useRef<HTMLHeadingElement>(null);
  const panel = useRef<HTMLElement>(null);
  useEffect(() => {
    title.current?.focus({ preventScroll: !inline });
    if (inline) title.current?.scrollIntoView({ block: 'nearest' });
  }, [clauseId, inline]);
  // Escape closes the panel from within it, or from nowhere (a button that went busy drops the focus to the page).
  // Listened to in the capture phase, before an open list inside the panel closes itself on the same key.
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key !== 'Escape' || escapeIsTaken(e.target)) return;
      const inside = e.target instanceof Node && !!panel.current?.contains(e.target);
      if (!inside && e.target !== document.body) return;
      if (e.target instanceof HTMLElement && e.target.closest('[role="dialog"]')) return;
      e.preventDefault();
      closeRef.current();
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, []);
  if (!clause) return null;
  const name = clause.label ? t('documents.clause.name', { label: clause.label }) : t(`documents.kinds.${clause.kind}`);
  const commentCount = clause.counts.comments + clause.counts.earlierComments;
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      className={inline ? 'inline-panel' : 'side-panel'}
      id="clause-panel"
      component="section"
      aria-labelledby="clause-panel-title"
      data-testid="clause-panel"
      ref={panel}
    >
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={2} size="h4" id="clause-panel-title" ref={title} tabIndex={-1}>
            {name}
          </Title>
          <Button size="compact-xs" variant="subtle" onClick={onClose}>
            {t('common.close')}
          </Button>
        </Group>
        {inline ? null : (
          <Text size="sm" lineClamp={3} c="dimmed" dir="auto">
            {clause.text}
          </Text>
        )}
        {doc.can.comment || doc.can.amend ? <QuotePicker key={clause.id} clauseId={clause.id} text={clause.text} onQuote={onQuote} /> : null}
        {/* After the quote picker, so "Quote a passage" stays the panel's second stop. */}
        <FollowButton type="clause" id={clause.id} name={name} compact alignEnd />
        <Tabs value={tab} onChange={setTab} keepMounted={false} className="clause-panel-tabs-root">
          <Tabs.List className="clause-panel-tabs">
            <Tabs.Tab value="comments">{t('documents.panel.comments', { count: commentCount })}</Tabs.Tab>
            <Tabs.Tab value="amendments">{t('documents.panel.amendments', { count: clause.amendments.open + clause.amendments.accepted })}</Tabs.Tab>
            <Tabs.Tab value="brackets">{t('negotiation.brackets.tab')}</Tabs.Tab>
            {clause.kind === 'heading' ? null : <Tabs.Tab value="status">{t('clauseStatus.open')}</Tabs.Tab>}
          </Tabs.List>
          <Tabs.Panel value="comments" pt="sm">
            <Stack gap="sm">
              {doc.can.comment ? (
                <CommentForm key={clause.id} documentId={doc.id} groupId={doc.workingGroupId} clauseId={clause.id} version={doc.version.number} quote={quote} onClearQuote={onClearQuote} />
              ) : doc.can.reason ? (
                <Text size="sm" c="dimmed">
                  {(doc.can.reasonCode ? refusalMessage(t, doc.can.reasonCode) : null) ?? doc.can.reason}
                </Text>
              ) : null}
              <CommentThreads documentId={doc.id} groupId={doc.workingGroupId} clauseId={clause.id} version={doc.version.number} />
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="amendments" pt="sm">
            <Stack gap="sm">
              {doc.can.amend ? <AmendmentForm key={clause.id} documentId={doc.id} clause={clause} version={doc.version.number} quote={quote} /> : null}
              {doc.can.consolidate && doc.version.isCurrent ? <StreamlineProposals documentId={doc.id} clauseId={clause.id} /> : null}
              <VotingOrderPanel doc={doc} clause={clause} />
              <ClauseAmendments documentId={doc.id} clauseId={clause.id} />
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="brackets" pt="sm">
            <ClauseBrackets doc={doc} clause={clause} quote={quote} onClearQuote={onClearQuote} />
          </Tabs.Panel>
          <Tabs.Panel value="status" pt="sm">
            <ClauseStatusPanel doc={doc} clause={clause} />
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </Paper>
  );
}
