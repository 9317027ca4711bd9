import { ballotSubjectDetails, type BallotSubjectDetails, type BallotSummary } from '@parley/contracts';
import type { TFunction } from 'i18next';

/**
 * A ballot's title in the reader's language, said from what it is about (an amendment, the adoption
 * of a version, a chair's confirmation or removal). Free motions, and ballots opened before their
 * subject was recorded, keep the title as written when they opened.
 */
export function ballotTitle(t: TFunction, ballot: Pick<BallotSummary, 'title' | 'subject'>): string {
  return ballot.subject.details ? subjectTitle(t, ballot.subject.details) : ballot.title;
}

/** The same from an untrusted record (an audit event's change): null unless it reads as a subject. */
export function subjectTitleOf(t: TFunction, details: unknown): string | null {
  const parsed = ballotSubjectDetails.safeParse(details);
  return parsed.success ? subjectTitle(t, parsed.data) : null;
}

export function subjectTitle(t: TFunction, d: BallotSubjectDetails): string {
  switch (d.type) {
    case 'amendment': {
      const variant = d.atStart ? 'insert-start' : d.clauseLabel ? d.kind : (`${d.kind}-unlabelled` as const);
      return t(`ballots.subjectTitle.amendment.${variant}`, { clause: d.clauseLabel ?? '', document: d.documentTitle, version: d.version });
    }
    case 'adoption':
      return t('ballots.subjectTitle.adoption', { document: d.documentTitle, version: d.version });
    case 'recommendations':
      return t('ballots.subjectTitle.recommendations', { count: d.count, document: d.documentTitle, version: d.version });
    case 'division':
      return t('ballots.subjectTitle.division', { clauses: d.clauseLabels.map((l) => l ?? '—').join(', '), document: d.documentTitle, version: d.version });
    case 'chair-confirmation':
    case 'chair-removal':
      return t(`ballots.subjectTitle.${d.type}`, { name: d.personName, organisation: d.organisationName, group: d.groupName });
  }
}
