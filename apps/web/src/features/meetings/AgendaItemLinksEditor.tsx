import { MultiSelect, Select, SimpleGrid } from '@mantine/core';
import type { AgendaItemInput, BallotSummary, ClauseResponse } from '@parley/contracts';
import { isUndecided } from '@parley/domain';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { apiCall } from '../../api/typed-client';
import { currentLanguage, intlLocale } from '../../i18n';
import { ballotTitle } from '../ballots/ballot-title';
import { documentKey, useDocument, useGroupDocuments } from '../documents/useDocuments';
import { useDocumentSilences } from '../procedures/useSilence';
import { useGroupBallots } from '../public/usePublicRecord';

/** The links of an item the editor sets, by the request's own field names. */
export type LinkField = 'documentId' | 'version' | 'clauseIds' | 'amendmentId' | 'ballotId' | 'silenceId';
export type ItemErrors = Partial<Record<LinkField | 'title', string>>;

/** A closed ballot is offered for this long after it closed ("recent"): a session reviews its result. */
const RECENT_MS = 30 * 86_400_000;

const excerpt = (text: string, max = 60) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

/** A paragraph named as the document page names it ("Clause 4." when numbered, else its kind), and its opening words. */
export function clauseOptionLabel(t: TFunction, c: Pick<ClauseResponse, 'label' | 'kind' | 'text'>): string {
  const name = c.label ? t('documents.clause.name', { label: c.label }) : t(`documents.kinds.${c.kind}`);
  return t('meetings.links.clauseOption', { name, text: excerpt(c.text) });
}

/** The group's ballots a session may take up: those open, and those closed in the last 30 days (and the one already linked). */
export function ballotChoices(ballots: BallotSummary[], now: number, keep: string | null | undefined): BallotSummary[] {
  return ballots.filter((b) => b.id === keep || b.status === 'open' || (b.closedAt != null && now - Date.parse(b.closedAt) <= RECENT_MS));
}

function useDocumentAmendments(documentId: string | null | undefined) {
  return useQuery({
    queryKey: [...documentKey(documentId ?? ''), 'amendments', { all: true }],
    queryFn: ({ signal }) => apiCall('GET /api/documents/:id/amendments', { params: { id: documentId ?? '' }, query: { limit: 200 }, signal }),
    enabled: !!documentId,
  });
}

/** The parts of the chosen document: a version, paragraphs of it, an open amendment, a silence procedure. */
function DocumentParts({
  item,
  onChange,
  errors,
  idBase,
}: {
  item: AgendaItemInput;
  onChange: (patch: Partial<AgendaItemInput>) => void;
  errors: ItemErrors;
  idBase: string;
}) {
  const { t, i18n } = useTranslation();
  const documentId = item.documentId as string;
  const doc = useDocument(documentId, item.version ?? undefined);
  const amendments = useDocumentAmendments(documentId);
  const silences = useDocumentSilences(documentId);
  const lng = intlLocale(currentLanguage(i18n));
  const date = (iso: string) => new Intl.DateTimeFormat(lng, { dateStyle: 'medium' }).format(new Date(iso));
  const d = doc.data?.id === documentId ? doc.data : undefined;
  const versions = (d?.versions ?? []).map((v) => ({ value: String(v.number), label: t('meetings.links.versionOption', { number: v.number }) }));
  const clauses = (d?.version.clauses ?? []).filter((c) => c.kind !== 'heading' || (item.clauseIds ?? []).includes(c.id));
  const clauseData = clauses.map((c) => ({ value: c.id, label: clauseOptionLabel(t, c) }));
  const amendmentData = (amendments.data?.items ?? [])
    .filter((a) => isUndecided(a.status) || a.id === item.amendmentId)
    .map((a) => ({
      value: a.id,
      label: t('meetings.links.amendmentOption', {
        where: a.targetLabel ? t('documents.clause.name', { label: a.targetLabel }) : t('meetings.links.newParagraph'),
        author: a.author.name ?? '—',
        status: t(`documents.amendmentStatus.${a.status}`),
      }),
    }));
  const silenceData = (silences.data?.items ?? []).map((s) => ({
    value: s.id,
    label: t('meetings.links.silenceOption', { number: s.version, date: date(s.deadline), state: t(`meetings.links.silenceState.${s.state}`) }),
  }));
  return (
    <>
      <Select
        id={`${idBase}-version`}
        label={t('meetings.links.version')}
        placeholder={t('meetings.links.versionCurrent')}
        data={versions}
        value={item.version == null ? null : String(item.version)}
        onChange={(v) => onChange({ version: v ? Number(v) : null })}
        clearable
        error={errors.version}
        data-testid="agenda-link-version"
      />
      <MultiSelect
        id={`${idBase}-clauses`}
        label={t('meetings.links.clauses')}
        placeholder={(item.clauseIds ?? []).length ? undefined : t('meetings.links.clausesNone')}
        data={clauseData}
        value={(item.clauseIds ?? []).filter((c) => clauseData.some((o) => o.value === c))}
        onChange={(v) => onChange({ clauseIds: v })}
        searchable
        clearable
        maxValues={50}
        error={errors.clauseIds}
        data-testid="agenda-link-clauses"
      />
      <Select
        id={`${idBase}-amendment`}
        label={t('meetings.links.amendment')}
        placeholder={t('meetings.links.none')}
        data={amendmentData}
        value={item.amendmentId ?? null}
        onChange={(v) => onChange({ amendmentId: v })}
        clearable
        searchable
        nothingFoundMessage={t('meetings.links.noAmendment')}
        error={errors.amendmentId}
        data-testid="agenda-link-amendment"
      />
      <Select
        id={`${idBase}-silence`}
        label={t('meetings.links.silence')}
        placeholder={t('meetings.links.none')}
        data={silenceData}
        value={item.silenceId ?? null}
        onChange={(v) => onChange({ silenceId: v })}
        clearable
        nothingFoundMessage={t('meetings.links.noSilence')}
        error={errors.silenceId}
        data-testid="agenda-link-silence"
      />
    </>
  );
}

/**
 * What an agenda item links to (issue #21): a document of the group and, of it, a version, paragraphs
 * (named as its page numbers them), an open amendment and a silence procedure; and a ballot of the
 * group, open or recent. The room screen shows them when the item is taken up.
 */
export function AgendaItemLinksEditor({
  groupId,
  item,
  onChange,
  errors,
  idBase,
}: {
  groupId: string;
  item: AgendaItemInput;
  onChange: (patch: Partial<AgendaItemInput>) => void;
  errors: ItemErrors;
  idBase: string;
}) {
  const { t } = useTranslation();
  const docs = useGroupDocuments(groupId);
  const ballots = useGroupBallots(groupId);
  const docData = (docs.data?.items ?? []).map((d) => ({ value: d.id, label: d.title }));
  const ballotData = ballotChoices(ballots.data?.items ?? [], Date.now(), item.ballotId).map((b) => ({
    value: b.id,
    label: t(b.status === 'open' ? 'meetings.links.ballotOpen' : 'meetings.links.ballotClosed', { title: ballotTitle(t, b) }),
  }));
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" data-testid="agenda-links-editor">
      <Select
        id={`${idBase}-document`}
        label={t('meetings.agenda.document')}
        placeholder={t('meetings.links.none')}
        data={docData}
        value={item.documentId ?? null}
        // Another document: its version, paragraphs, amendment and silence procedure no longer apply.
        onChange={(v) => onChange({ documentId: v, version: null, clauseIds: [], amendmentId: null, silenceId: null })}
        clearable
        searchable
        error={errors.documentId}
        data-testid="agenda-link-document"
      />
      <Select
        id={`${idBase}-ballot`}
        label={t('meetings.links.ballot')}
        placeholder={t('meetings.links.none')}
        data={ballotData}
        value={item.ballotId ?? null}
        onChange={(v) => onChange({ ballotId: v })}
        clearable
        searchable
        nothingFoundMessage={t('meetings.links.noBallot')}
        error={errors.ballotId}
        data-testid="agenda-link-ballot"
      />
      {item.documentId ? <DocumentParts item={item} onChange={onChange} errors={errors} idBase={idBase} /> : null}
    </SimpleGrid>
  );
}
