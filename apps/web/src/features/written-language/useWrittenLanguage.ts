import type { AddTranslationRequest, UnLanguage } from '@parley/contracts';
import { useTranslation } from 'react-i18next';
import { apiCall } from '../../api/typed-client';
import { currentLanguage } from '../../i18n';
import { useDocumentWrite } from '../documents/useDocuments';

/** The reader's interface language: what a writer writes in by default, and what the marks compare with. */
export function useReaderLanguage(): UnLanguage {
  const { i18n } = useTranslation();
  return currentLanguage(i18n);
}

/** What a participant translates: a comment (or reply), or an amendment's rationale. */
export type TranslatedSubject = { kind: 'comment'; id: string } | { kind: 'rationale'; id: string };

/** Adds the signed-in member's translation; the document's reads (threads, amendments) reload. */
export const useAddTranslation = (documentId: string) =>
  useDocumentWrite(documentId, ({ subject, ...body }: AddTranslationRequest & { subject: TranslatedSubject }) =>
    subject.kind === 'comment'
      ? apiCall('POST /api/comments/:id/translations', { params: { id: subject.id }, body })
      : apiCall('POST /api/amendments/:id/rationale-translations', { params: { id: subject.id }, body }),
  );
