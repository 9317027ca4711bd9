import type { AuditEventResponse } from '@parley/contracts';
import type { StakeholderGroup } from '@parley/domain';
import type { TFunction } from 'i18next';
import { formatDate } from '../../i18n';
import { subjectTitleOf } from '../ballots/ballot-title';

/**
 * Each audit event as one sentence in the reader's language, from its action, its actor's
 * affiliation snapshot at that moment and its change: "Ana Ruiz (Access Now, civil society)
 * proposed an amendment replacing “…” with “…”". One renderer per action family; an action this
 * web does not know yet (or a change it cannot read) falls back to "actor: action", never to
 * nothing. The change is untrusted data: only plain strings and numbers are read from it.
 */
export type SentenceKey = Parameters<TFunction>[0];

type Change = Record<string, unknown>;
type Renderer = (e: AuditEventResponse, x: Ctx) => string | null;

interface Ctx {
  t: TFunction;
  lng: string;
  actor: string;
  change: Change;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const obj = (v: unknown): Change => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Change) : {});

/** A quoted passage, cut to a readable length at a word boundary. */
export function excerpt(text: string | null, max = 90): string {
  if (!text) return '';
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

const group = (t: TFunction, g: unknown) =>
  typeof g === 'string' && ['government', 'private-sector', 'civil-society'].includes(g) ? t(`audit.groups.${g as StakeholderGroup}`) : '';

/** "Ana Ruiz (Access Now, civil society)", "Ana Ruiz", or "Parley" for acts of the system (a ballot closing at its time). */
export function actorPhrase(t: TFunction, e: Pick<AuditEventResponse, 'actorName' | 'actorSnapshot'>): string {
  if (!e.actorName) return t('audit.actor.system');
  const s = e.actorSnapshot;
  // The same compact form in every language: name, then organisation and stakeholder group.
  return s ? `${e.actorName} (${s.organisationName}, ${group(t, s.stakeholderGroup)})` : e.actorName;
}

const counted = (x: Ctx, totals: unknown) => {
  const c = obj(totals);
  return { yes: num(c.yes) ?? 0, no: num(c.no) ?? 0, abstain: num(c.abstain) ?? 0 };
};
const outcome = (x: Ctx, v: unknown) => (v === 'passed' || v === 'failed' || v === 'no-quorum' ? x.t(`audit.outcomes.${v}`) : String(v ?? ''));
const kind = (x: Ctx, v: unknown) => (v === 'member' || v === 'observer' ? x.t(`audit.kinds.${v}`) : String(v ?? ''));
const role = (x: Ctx, v: unknown) => {
  const r = obj(v);
  return r.rapporteur === true ? x.t('audit.roleWithRapporteur', { kind: kind(x, r.kind) }) : kind(x, r.kind);
};
const quoteOf = (v: unknown) => excerpt(str(v));

const FAMILIES: Record<string, Renderer> = {
  person: (e, x) => {
    if (e.action === 'person.registered') return x.t('audit.sentence.person.registered', { actor: x.actor });
    if (e.action === 'person.made-steward') return x.t('audit.sentence.person.made-steward', { actor: x.actor, name: str(x.change.name) ?? '' });
    return null;
  },
  organisation: (e, x) => {
    const name = str(x.change.name) ?? '';
    if (e.action === 'organisation.created')
      return x.t('audit.sentence.organisation.created', { actor: x.actor, name, group: group(x.t, x.change.stakeholderGroup) });
    if (e.action === 'organisation.verified') return x.t('audit.sentence.organisation.verified', { actor: x.actor, name });
    return null;
  },
  affiliation: (e, x) => {
    const organisation = str(x.change.organisationName) ?? '';
    if (e.action === 'affiliation.added') return x.t('audit.sentence.affiliation.added', { actor: x.actor, organisation, title: str(x.change.title) ?? '' });
    if (e.action === 'affiliation.ended')
      return x.t('audit.sentence.affiliation.ended', {
        actor: x.actor,
        organisation,
        date: str(x.change.endDate) ? formatDate(str(x.change.endDate)!, x.lng) : '',
      });
    if (e.action === 'affiliation.made-primary') return x.t('audit.sentence.affiliation.made-primary', { actor: x.actor, organisation });
    const decided = { actor: x.actor, organisation, name: str(x.change.name) ?? '', reason: str(x.change.reason) ?? '' };
    if (e.action === 'affiliation.confirmed') return x.t(decided.reason ? 'audit.sentence.affiliation.confirmed-because' : 'audit.sentence.affiliation.confirmed', decided);
    if (e.action === 'affiliation.refused') return x.t('audit.sentence.affiliation.refused', decided);
    if (e.action === 'affiliation.confirmation-ended') return x.t('audit.sentence.affiliation.confirmation-ended', decided);
    return null;
  },
  'focal-point': (e, x) => {
    const values = { actor: x.actor, organisation: str(x.change.organisationName) ?? '', name: str(x.change.name) ?? '', reason: str(x.change.reason) ?? '' };
    if (e.action === 'focal-point.appointed') return x.t(values.reason ? 'audit.sentence.focal-point.appointed-because' : 'audit.sentence.focal-point.appointed', values);
    if (e.action === 'focal-point.appointment-ended') return x.t(values.reason ? 'audit.sentence.focal-point.appointment-ended-because' : 'audit.sentence.focal-point.appointment-ended', values);
    return null;
  },
  declaration: (e, x) => {
    if (e.action !== 'declaration.added') return null;
    const k = str(x.change.kind);
    const kindWord =
      k && ['employment', 'board', 'equity', 'funding', 'consultancy', 'other'].includes(k) ? x.t(`declarationKinds.${k as 'other'}`) : (k ?? '');
    return x.t('audit.sentence.declaration.added', { actor: x.actor, kind: kindWord.toLowerCase(), organisation: str(x.change.organisationName) ?? '' });
  },
  'working-group': (e, x) =>
    e.action === 'working-group.created' ? x.t('audit.sentence.working-group.created', { actor: x.actor, name: str(x.change.name) ?? '' }) : null,
  membership: (e, x) => {
    const name = str(x.change.name) ?? '';
    const self = x.change.personId === e.actorId;
    switch (e.action) {
      case 'membership.requested':
        return x.t('audit.sentence.membership.requested', { actor: x.actor, kind: kind(x, x.change.kind) });
      case 'membership.admitted':
        return self
          ? x.t('audit.sentence.membership.joined', { actor: x.actor, kind: kind(x, x.change.kind) })
          : x.t('audit.sentence.membership.admitted', { actor: x.actor, name, kind: kind(x, x.change.kind) });
      case 'membership.refused':
        return x.t('audit.sentence.membership.refused', { actor: x.actor, name, reason: quoteOf(x.change.reason) });
      case 'membership.left':
        return x.t('audit.sentence.membership.left', { actor: x.actor });
      case 'membership.removed':
        return x.t('audit.sentence.membership.removed', { actor: x.actor, name, reason: quoteOf(x.change.reason) });
      case 'membership.request-withdrawn':
        return x.t('audit.sentence.membership.request-withdrawn', { actor: x.actor });
      default:
        return null;
    }
  },
  role: (e, x) =>
    e.action === 'role.changed'
      ? x.t('audit.sentence.role.changed', { actor: x.actor, name: str(x.change.name) ?? '', from: role(x, x.change.from), to: role(x, x.change.to) })
      : null,
  chair: (e, x) => {
    const c = x.change;
    const name = str(c.name) ?? str(c.nomineeName) ?? '';
    const snapshot = obj(c.snapshot ?? c.nomineeSnapshot ?? c.termSnapshot);
    const organisation = str(snapshot.organisationName) ?? '';
    switch (e.action) {
      case 'chair.nominated':
        return c.selfNomination === true
          ? x.t('audit.sentence.chair.self-nominated', { actor: x.actor })
          : x.t('audit.sentence.chair.nominated', { actor: x.actor, name, organisation });
      case 'chair.nomination-accepted':
        return x.t('audit.sentence.chair.nomination-accepted', { actor: x.actor });
      case 'chair.nomination-declined':
        return x.t('audit.sentence.chair.nomination-declined', { actor: x.actor });
      case 'chair.nomination-withdrawn':
        return c.nomineeId === e.actorId
          ? x.t('audit.sentence.chair.nomination-withdrawn-own', { actor: x.actor })
          : x.t('audit.sentence.chair.nomination-withdrawn', { actor: x.actor, name });
      case 'chair.confirmed':
        return x.t('audit.sentence.chair.confirmed', { name, organisation, group: group(x.t, snapshot.stakeholderGroup), ...counted(x, c.totals) });
      case 'chair.rejected':
        return c.status === 'lapsed'
          ? x.t('audit.sentence.chair.lapsed', { name })
          : x.t('audit.sentence.chair.rejected', { name, outcome: outcome(x, c.outcome), ...counted(x, c.totals) });
      case 'chair.resigned':
        return x.t('audit.sentence.chair.resigned', { actor: x.actor });
      case 'chair.removal-proposed':
        return x.t('audit.sentence.chair.removal-proposed', { actor: x.actor, name, reason: quoteOf(c.reason) });
      case 'chair.removed':
        return x.t('audit.sentence.chair.removed', { name, ...counted(x, c.totals) });
      case 'chair.removal-failed':
        return x.t('audit.sentence.chair.removal-failed', { name });
      case 'chair.imported':
        return x.t('audit.sentence.chair.imported', { name, organisation });
      default:
        return null;
    }
  },
  ballot: (e, x) => {
    const c = x.change;
    if (e.action === 'ballot.opened') {
      const rule = str(c.rule);
      const ruleWord = rule && ['majority', 'supermajority', 'chambered', 'consensus'].includes(rule) ? x.t(`audit.rules.${rule as 'majority'}`) : (rule ?? '');
      return x.t(c.visibility === 'secret' ? 'audit.sentence.ballot.opened-secret' : 'audit.sentence.ballot.opened', {
        actor: x.actor,
        // Said from the recorded subject when the event carries one (ballots opened since it is recorded), else the stored title.
        title: subjectTitleOf(x.t, obj(c.subject).details) ?? str(c.title) ?? '',
        rule: ruleWord,
        date: str(c.closesAt) ? formatDate(str(c.closesAt)!, x.lng) : '',
      });
    }
    if (e.action === 'ballot.closed')
      return x.t(c.closedBy === 'chair' ? 'audit.sentence.ballot.closed-early' : 'audit.sentence.ballot.closed', {
        actor: x.actor,
        outcome: outcome(x, c.outcome),
        ...counted(x, c.totals),
      });
    return null;
  },
  vote: (e, x) => {
    if (e.action !== 'vote.cast' && e.action !== 'vote.changed') return null;
    const verb = e.action === 'vote.cast' ? 'cast' : 'changed';
    if (e.withheld) return x.t(`audit.sentence.vote.${verb}-withheld`, { actor: x.actor });
    if (typeof x.change.commitment === 'string') return x.t(`audit.sentence.vote.${verb}-secret`, { actor: x.actor });
    const choice = x.change.choice;
    if (choice !== 'yes' && choice !== 'no' && choice !== 'abstain' && choice !== 'recuse') return null;
    const sentence = x.t(`audit.sentence.vote.${verb}-${choice}`, { actor: x.actor });
    const reason = quoteOf(x.change.reason);
    return reason ? x.t('audit.withReason', { sentence, reason }) : sentence;
  },
  document: (e, x) =>
    e.action === 'document.created'
      ? x.t('audit.sentence.document.created', { actor: x.actor, title: str(x.change.title) ?? '', count: num(x.change.clauses) ?? 0 })
      : null,
  version: (e, x) => {
    if (e.action === 'version.created') {
      const applied = Array.isArray(x.change.applied) ? x.change.applied.length : 0;
      return x.t('audit.sentence.version.created', { actor: x.actor, number: num(x.change.number) ?? '', count: applied });
    }
    if (e.action === 'version.adopted') return x.t('audit.sentence.version.adopted', { number: num(x.change.number) ?? '' });
    return null;
  },
  comment: (e, x) => {
    const c = x.change;
    if (e.action === 'comment.posted') {
      if (str(c.parentId)) return x.t('audit.sentence.comment.replied', { actor: x.actor, text: quoteOf(c.body) });
      const k = str(c.kind);
      const kindWord = k && ['general', 'technical', 'editorial', 'clarification'].includes(k) ? x.t(`audit.commentKinds.${k as 'general'}`) : (k ?? '');
      return x.t('audit.sentence.comment.posted', { actor: x.actor, kind: kindWord, text: quoteOf(c.body) });
    }
    if (e.action === 'comment.disposed') {
      const d = str(c.disposition);
      const word = d && ['accepted', 'noted', 'rejected'].includes(d) ? x.t(`audit.dispositions.${d as 'noted'}`) : (d ?? '');
      return x.t('audit.sentence.comment.disposed', { actor: x.actor, disposition: word, reason: quoteOf(c.reason) });
    }
    return null;
  },
  amendment: (e, x) => {
    const c = x.change;
    switch (e.action) {
      case 'amendment.proposed':
        if (c.kind === 'replace')
          return x.t('audit.sentence.amendment.proposed-replace', { actor: x.actor, target: quoteOf(c.targetText), text: quoteOf(c.text) });
        if (c.kind === 'insert') return x.t('audit.sentence.amendment.proposed-insert', { actor: x.actor, text: quoteOf(c.text) });
        if (c.kind === 'delete') return x.t('audit.sentence.amendment.proposed-delete', { actor: x.actor, target: quoteOf(c.targetText) });
        return null;
      case 'amendment.cosponsored':
        return x.t(c.crossGroup === true ? 'audit.sentence.amendment.cosponsored-across' : 'audit.sentence.amendment.cosponsored', { actor: x.actor });
      case 'amendment.cosponsorship-withdrawn':
        return x.t('audit.sentence.amendment.cosponsorship-withdrawn', { actor: x.actor });
      case 'amendment.withdrawn':
        return x.t('audit.sentence.amendment.withdrawn', { actor: x.actor });
      case 'amendment.accepted':
        return x.t('audit.sentence.amendment.accepted');
      case 'amendment.rejected':
        return x.t('audit.sentence.amendment.rejected', { outcome: outcome(x, c.outcome) });
      case 'amendment.outdated':
        return x.t('audit.sentence.amendment.outdated');
      default:
        return null;
    }
  },
  endorsement: (e, x) => {
    const values = { actor: x.actor, organisation: str(x.change.organisationName) ?? '', version: num(x.change.version) ?? '' };
    if (e.action === 'endorsement.made') return x.t('audit.sentence.endorsement.made', values);
    if (e.action === 'endorsement.withdrawn') return x.t('audit.sentence.endorsement.withdrawn', values);
    return null;
  },
};

/** The event as a sentence; an unknown action (or a change this renderer cannot read) gets the fallback. */
export function auditSentence(t: TFunction, e: AuditEventResponse, lng: string): string {
  const x: Ctx = { t, lng, actor: actorPhrase(t, e), change: obj(e.change) };
  const family = FAMILIES[e.action.split('.')[0]];
  let sentence: string | null = null;
  try {
    sentence = family ? family(e, x) : null;
  } catch {
    sentence = null;
  }
  return sentence ?? t('audit.sentence.fallback', { actor: x.actor, action: e.action });
}

/** Where the event's subject can be seen: its ballot, document, amendment or person page. */
export function subjectLink(e: AuditEventResponse): string | null {
  const c = obj(e.change);
  const ballotId = str(c.ballotId);
  const documentId = str(c.documentId);
  switch (e.subjectType) {
    case 'ballot':
      return `/ballots/${e.subjectId}`;
    case 'document':
      return `/documents/${e.subjectId}`;
    case 'person':
      return `/people/${e.subjectId}`;
    case 'working-group':
      return `/working-groups/${e.subjectId}`;
    case 'endorsement':
      return documentId && num(c.version) ? `/documents/${documentId}/versions/${num(c.version)}/signatories` : null;
    default:
      if (ballotId) return `/ballots/${ballotId}`;
      if (documentId) return `/documents/${documentId}`;
      return null;
  }
}
