import { Alert, Blockquote, Button, CloseButton, Group, Paper, Select, Stack, Text, Textarea } from '@mantine/core';
import { COMMENT_KINDS, DISPOSITIONS, type CommentKind, type CommentResponse, type Disposition } from '@parley/contracts';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorText } from '../../i18n/server-messages';
import { AffiliationBadge } from '../../ui/AffiliationBadge';
import { FormAlert, mapServerErrors } from '../../ui/FormErrors';
import { notifySuccess } from '../../ui/notify';
import { QueryError } from '../../ui/QueryError';
import { useFormatters } from '../../ui/useFormatters';
import type { Quote } from './ClauseList';
import { useClauseComments, useDispose, usePostComment, useReply } from './useDocuments';
import { ToneBadge, TONES, type Tone } from './ToneBadge';
import { MentionText, mentionsOf } from '../notifications/MentionText';
import { MentionTextarea } from '../notifications/MentionTextarea';
import { useLinkedComment, type LinkedComment } from '../notifications/useLinkedComment';
import { TranslatableText } from '../written-language/TranslatableText';
import { useReaderLanguage } from '../written-language/useWrittenLanguage';
import { WrittenLanguageSelect } from '../written-language/WrittenLanguageSelect';
import type { UnLanguage } from '@parley/contracts';

const DISPOSITION_TONES: Record<Disposition, Tone> = { accepted: 'green', noted: 'blue', rejected: 'red' };

function KindBadge({ kind }: { kind: CommentKind }) {
  const { t } = useTranslation();
  return (
    <ToneBadge tone={kind === 'clarification' ? 'yellow' : 'gray'} size="xs">
      {t(`documents.commentKinds.${kind}`)}
    </ToneBadge>
  );
}

/** A chair or rapporteur answers a comment: accepted, noted or rejected, always with a reason. */
function DispositionForm({ documentId, comment }: { documentId: string; comment: CommentResponse }) {
  const { t } = useTranslation();
  const dispose = useDispose(documentId);
  const [open, setOpen] = useState(false);
  const [disposition, setDisposition] = useState<Disposition | null>(null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ disposition?: string; reason?: string }>({});
  const [general, setGeneral] = useState<string[]>([]);
  if (!open)
    return (
      <Button size="compact-xs" variant="subtle" onClick={() => setOpen(true)}>
        {t('documents.disposition.give')}
      </Button>
    );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!disposition) return setErrors({ disposition: t('documents.disposition.pick') });
    if (reason.trim() === '') return setErrors({ reason: t('documents.disposition.reasonRequired') });
    dispose.mutate(
      { commentId: comment.id, disposition, reason: reason.trim() },
      {
        onSuccess: () => notifySuccess(t, t('documents.disposition.done')),
        onError: (error) => {
          const mapped = mapServerErrors(error, ['disposition', 'reason'] as const, t);
          setErrors(mapped.fieldErrors);
          setGeneral(mapped.general);
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <Select
          label={t('documents.disposition.label')}
          data={DISPOSITIONS.map((d) => ({ value: d, label: t(`documents.dispositions.${d}`) }))}
          value={disposition}
          onChange={(v) => setDisposition(v as Disposition | null)}
          error={errors.disposition}
          required
          size="xs"
        />
        <Textarea
          label={t('documents.disposition.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={errors.reason}
          required
          autosize
          minRows={2}
          size="xs"
        />
        <FormAlert messages={general} />
        <Group gap="xs">
          <Button type="submit" size="xs" loading={dispose.isPending}>
            {t('documents.disposition.submit')}
          </Button>
          <Button size="xs" variant="default" onClick={() => setOpen(false)}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function CommentBody({ documentId, comment }: { documentId: string; comment: CommentResponse }) {
  const { t } = useTranslation();
  const f = useFormatters();
  return (
    <Stack gap={4}>
      <Group gap={6} wrap="wrap">
        <AffiliationBadge name={comment.author.name ?? '?'} personId={comment.author.id ?? undefined} affiliation={comment.author.snapshot} size="xs" />
        <KindBadge kind={comment.kind} />
        <Text size="xs" c="dimmed">
          {f.date(comment.createdAt)}
        </Text>
      </Group>
      {comment.onEarlierText ? (
        <Text size="xs" c="dimmed" fs="italic">
          {t('documents.comments.onEarlierText', { version: comment.version })}
        </Text>
      ) : null}
      {comment.quote ? (
        <Blockquote p={6} ps="sm" m={0} fz="sm" color="gray" iconSize={0} dir="auto">
          {comment.quote.text}
        </Blockquote>
      ) : null}
      <TranslatableText
        documentId={documentId}
        subject={{ kind: 'comment', id: comment.id }}
        language={comment.writtenLanguage}
        translations={comment.translations}
        canTranslate={comment.can.translate}
      >
        <MentionText text={comment.body} mentions={mentionsOf(comment)} />
      </TranslatableText>
      {comment.disposition ? (
        <Paper withBorder p={6} radius="sm" bg="gray.0" data-testid="disposition">
          <Group gap={6} wrap="wrap">
            <ToneBadge tone={DISPOSITION_TONES[comment.disposition.disposition]} size="xs">
              {t(`documents.dispositions.${comment.disposition.disposition}`)}
            </ToneBadge>
            <AffiliationBadge
              name={comment.disposition.by.name ?? '?'}
              personId={comment.disposition.by.id ?? undefined}
              affiliation={comment.disposition.by.snapshot}
              size="xs"
            />
          </Group>
          <Text size="sm" mt={4}>
            {comment.disposition.reason}
          </Text>
        </Paper>
      ) : comment.can.dispose ? (
        <DispositionForm documentId={documentId} comment={comment} />
      ) : comment.kind === 'clarification' ? (
        <Text size="xs" c={TONES.yellow.fg} fw={600}>
          {t('documents.comments.awaitingAnswer')}
        </Text>
      ) : null}
    </Stack>
  );
}

function ReplyForm({ documentId, groupId, comment, onDone }: { documentId: string; groupId: string; comment: CommentResponse; onDone: () => void }) {
  const { t } = useTranslation();
  const reply = useReply(documentId);
  const [body, setBody] = useState('');
  const reader = useReaderLanguage();
  const [writtenLanguage, setWrittenLanguage] = useState<UnLanguage>(reader);
  const [error, setError] = useState<string | undefined>();
  const [general, setGeneral] = useState<string[]>([]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (body.trim() === '') return setError(fieldErrorText(t, 'required'));
    reply.mutate(
      { commentId: comment.id, kind: 'general', body: body.trim(), writtenLanguage },
      {
        onSuccess: () => {
          setBody('');
          onDone();
        },
        onError: (err) => {
          const mapped = mapServerErrors(err, ['body'] as const, t);
          setError(mapped.fieldErrors.body);
          setGeneral(mapped.general);
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap={6}>
        <MentionTextarea
          groupId={groupId}
          label={t('documents.comments.replyLabel')}
          value={body}
          onChange={setBody}
          error={error}
          autosize
          minRows={2}
          size="xs"
          lang={writtenLanguage}
          dir="auto"
        />
        <WrittenLanguageSelect value={writtenLanguage} onChange={setWrittenLanguage} size="xs" />
        <FormAlert messages={general} />
        <Group gap="xs">
          <Button type="submit" size="xs" loading={reply.isPending}>
            {t('documents.comments.replySubmit')}
          </Button>
          <Button size="xs" variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** One thread: the comment, its replies folded away until asked for, and a reply form on demand. */
function Thread({ documentId, groupId, comment, linked }: { documentId: string; groupId: string; comment: CommentResponse; linked: LinkedComment }) {
  const { t } = useTranslation();
  const [showReplies, setShowReplies] = useState(() => comment.replies.some((r) => r.id === linked.id));
  const [replying, setReplying] = useState(false);
  const repliesId = `replies-${comment.id}`;
  return (
    <Paper component="li" withBorder p="sm" radius="md" data-testid="thread" data-kind={comment.kind}>
      <Stack gap="xs">
        <div {...linked.props(comment.id)}>
          <CommentBody documentId={documentId} comment={comment} />
        </div>
        <Group gap="xs">
          {comment.replies.length > 0 ? (
            <Button size="compact-xs" variant="subtle" aria-expanded={showReplies} aria-controls={repliesId} onClick={() => setShowReplies((s) => !s)}>
              {showReplies ? t('documents.comments.hideReplies') : t('documents.comments.showReplies', { count: comment.replies.length })}
            </Button>
          ) : null}
          {comment.can.reply && !replying ? (
            <Button size="compact-xs" variant="subtle" onClick={() => setReplying(true)}>
              {t('documents.comments.reply')}
            </Button>
          ) : null}
        </Group>
        {showReplies ? (
          <Stack component="ol" gap="xs" m={0} ps="md" id={repliesId} style={{ listStyle: 'none', borderInlineStart: '2px solid var(--mantine-color-gray-3)' }}>
            {comment.replies.map((r) => (
              <li key={r.id} {...linked.props(r.id)}>
                <CommentBody documentId={documentId} comment={r} />
              </li>
            ))}
          </Stack>
        ) : null}
        {replying ? (
          <ReplyForm
            documentId={documentId}
            groupId={groupId}
            comment={comment}
            onDone={() => {
              setReplying(false);
              setShowReplies(true);
            }}
          />
        ) : null}
      </Stack>
    </Paper>
  );
}

/** A new comment on the open clause, on the quoted passage when the reader selected one. */
export function CommentForm({
  documentId,
  groupId,
  clauseId,
  version,
  quote,
  onClearQuote,
}: {
  documentId: string;
  groupId: string;
  clauseId: string;
  version: number;
  quote: Quote | null;
  onClearQuote: () => void;
}) {
  const { t } = useTranslation();
  const post = usePostComment(documentId);
  const bodyField = useRef<HTMLTextAreaElement>(null);
  const [kind, setKind] = useState<CommentKind>('general');
  const [body, setBody] = useState('');
  const reader = useReaderLanguage();
  const [writtenLanguage, setWrittenLanguage] = useState<UnLanguage>(reader);
  const [errors, setErrors] = useState<{ body?: string; kind?: string }>({});
  const [general, setGeneral] = useState<string[]>([]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setGeneral([]);
    if (body.trim() === '') return setErrors({ body: fieldErrorText(t, 'required') });
    post.mutate(
      { clauseId, version, kind, body: body.trim(), writtenLanguage, ...(quote ? { quote } : {}) },
      {
        onSuccess: () => {
          setBody('');
          setKind('general');
          onClearQuote();
          notifySuccess(t, t('documents.comments.posted'));
          // The busy submit button dropped the focus; the writer stays in the form.
          bodyField.current?.focus();
        },
        onError: (error) => {
          const mapped = mapServerErrors(error, ['body', 'kind'] as const, t, { quote: 'body' });
          setErrors(mapped.fieldErrors);
          setGeneral(mapped.general);
        },
      },
    );
  };
  return (
    <Paper withBorder p="sm" radius="md" component="form" onSubmit={submit} noValidate aria-label={t('documents.comments.formTitle')}>
      <Stack gap="xs">
        {quote ? (
          <Group gap="xs" wrap="nowrap" align="flex-start" data-testid="quote">
            <Blockquote p={6} ps="sm" m={0} fz="sm" color="blue" iconSize={0} style={{ flex: 1 }}>
              <Text span size="xs" c="dimmed" display="block">
                {t('documents.comments.quoting')}
              </Text>
              {quote.text}
            </Blockquote>
            <CloseButton aria-label={t('documents.comments.removeQuote')} onClick={onClearQuote} />
          </Group>
        ) : (
          <Text size="xs" c="dimmed">
            {t('documents.comments.quoteHint')}
          </Text>
        )}
        <Select
          label={t('documents.comments.kind')}
          data={COMMENT_KINDS.map((k) => ({ value: k, label: t(`documents.commentKinds.${k}`) }))}
          value={kind}
          onChange={(v) => setKind((v as CommentKind) ?? 'general')}
          allowDeselect={false}
          error={errors.kind}
          size="sm"
        />
        {kind === 'clarification' ? (
          <Text size="xs" c="dimmed">
            {t('documents.comments.clarificationHint')}
          </Text>
        ) : null}
        <MentionTextarea
          ref={bodyField}
          groupId={groupId}
          label={t('documents.comments.body')}
          value={body}
          onChange={setBody}
          error={errors.body}
          required
          autosize
          minRows={3}
          size="sm"
          lang={writtenLanguage}
          dir="auto"
        />
        <WrittenLanguageSelect value={writtenLanguage} onChange={setWrittenLanguage} />
        <FormAlert messages={general} />
        <Group>
          <Button type="submit" size="sm" loading={post.isPending}>
            {t('documents.comments.submit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** The open clause's threads, a page at a time. */
export function CommentThreads({ documentId, groupId, clauseId, version }: { documentId: string; groupId: string; clauseId: string; version: number }) {
  const { t } = useTranslation();
  const threads = useClauseComments(documentId, clauseId, version);
  const linked = useLinkedComment(threads);
  if (threads.isPending) return <Text size="sm">{t('common.loading')}</Text>;
  if (threads.isError) return <QueryError error={threads.error} onRetry={() => void threads.refetch()} />;
  const items = threads.data.pages.flatMap((p) => p.items);
  if (items.length === 0)
    return (
      <Alert variant="light" color="gray">
        {t('documents.comments.none')}
      </Alert>
    );
  return (
    <Stack gap="xs">
      <Stack component="ol" gap="xs" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('documents.comments.threadsLabel')}>
        {items.map((c) => (
          <Thread key={c.id} documentId={documentId} groupId={groupId} comment={c} linked={linked} />
        ))}
      </Stack>
      {threads.hasNextPage ? (
        <Button variant="default" size="xs" loading={threads.isFetchingNextPage} onClick={() => void threads.fetchNextPage()}>
          {t('common.loadMore')}
        </Button>
      ) : null}
    </Stack>
  );
}
