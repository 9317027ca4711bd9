import { directionOf, parseAuditEvent, subjectsOf, type AuditAction, type AuditEventResponse, type TypedAuditEvents } from '@parley/contracts';
import { paragraphList, withoutMentionMarkup, type StakeholderGroup } from '@parley/domain';
import type { TFunction } from 'i18next';
import { formatDate } from '../../i18n';
import { isolatedIn } from '../../ui/isolate-text';
import { subjectTitleOf } from '../ballots/ballot-title';
import { closedBeforeItsTime } from '../ballots/closed-before-its-time';
import { actionLabel } from './action-names';
import { changedPassage } from './changed-passage';
import { chairsTextTitle } from '../negotiation/chairs-text-name';
import { formatDuration } from '../../ui/duration';
import { languageName } from '../documents/language-versions/language-names';

/**
 * Each audit event as one sentence in the reader's language, from its action, its actor's
 * affiliation snapshot at that moment and its change: "Ana Ruiz (Access Now, civil society)
 * proposed an amendment replacing “…” with “…”". The event is read through the catalogue
 * (libs/contracts/src/audit/), and there is one sentence per action: a new action does not compile
 * until it has one. An event the catalogue cannot read (an action this web does not know yet, a
 * change of another shape) reads "actor: action", never nothing.
 */
export type SentenceKey = Parameters<TFunction>[0];

interface Ctx {
  t: TFunction;
  lng: string;
  actor: string;
}

/** A quoted passage, cut to a readable length at a word boundary. */
export function excerpt(text: string | null, max = 90): string {
  if (!text) return '';
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

const group = (t: TFunction, g: StakeholderGroup | undefined) => (g ? t(`audit.groups.${g}`) : '');

/** "Ana Ruiz (Access Now, civil society)", "Ana Ruiz", or "Parley" for acts of the system (a ballot closing at its time). */
export function actorPhrase(t: TFunction, e: Pick<AuditEventResponse, 'actorName' | 'actorSnapshot'>, lng = 'en'): string {
  if (!e.actorName) return t('audit.actor.system');
  const s = e.actorSnapshot;
  const own = isolatedIn(lng);
  // The same compact form in every language: name, then organisation and stakeholder group.
  return s ? `${own(e.actorName)} (${own(s.organisationName)}, ${group(t, s.stakeholderGroup)})` : own(e.actorName);
}

const counted = (totals: { yes: number; no: number; abstain: number }) => ({ yes: totals.yes, no: totals.no, abstain: totals.abstain });
const outcome = (x: Ctx, v: 'passed' | 'failed' | 'no-quorum') => x.t(`audit.outcomes.${v}`);
const kind = (x: Ctx, v: 'member' | 'observer') => x.t(`audit.kinds.${v}`);
const role = (x: Ctx, r: { kind: 'member' | 'observer'; rapporteur: boolean }) =>
  r.rapporteur ? x.t('audit.roleWithRapporteur', { kind: kind(x, r.kind) }) : kind(x, r.kind);
const quote = (v: string | null) => excerpt(v);
const date = (x: Ctx, iso: string) => formatDate(iso, x.lng);
/** What the actor wrote with the act (a reason, a note), quoted after the sentence; nothing when they wrote nothing or the row predates it. */
const said = (x: Ctx, what: 'reason' | 'note', text: string | null | undefined) => (text ? x.t(`audit.sentence.said.${what}`, { text: excerpt(text) }) : '');

type Sentences = { [A in AuditAction]: (e: TypedAuditEvents[A], x: Ctx) => string };

/** A vote: on a secret ballot only that it was cast or changed; otherwise the choice, and the reason when given. */
const vote = (verb: 'cast' | 'changed') => (e: TypedAuditEvents['vote.cast' | 'vote.changed'], x: Ctx) => {
  const c = e.change;
  if ('commitment' in c) return byProxy(c, x, x.t(`audit.sentence.vote.${verb}-secret`, { actor: x.actor }));
  const sentence = byProxy(c, x, x.t(`audit.sentence.vote.${verb}-${c.choice}`, { actor: x.actor }));
  const reason = quote(c.reason);
  return reason ? x.t('audit.withReason', { sentence, reason }) : sentence;
};

/** A vote cast by proxy names whom it was cast for; the grantor's own vote over it says so (decision record 0040). */
const byProxy = (c: TypedAuditEvents['vote.cast']['change'], x: Ctx, sentence: string) => {
  if (c.castFor) return x.t('audit.sentence.vote.forProxy', { sentence, name: c.castFor.name });
  if (c.overridesProxyVote) return x.t('audit.sentence.vote.overridesProxy', { sentence });
  return sentence;
};

const proxyGiven = (e: TypedAuditEvents['proxy.given'], x: Ctx) => {
  const c = e.change;
  return c.scope === 'ballot'
    ? x.t('audit.sentence.proxy.given-ballot', { actor: x.actor, holder: c.holder.name })
    : x.t('audit.sentence.proxy.given-period', { actor: x.actor, holder: c.holder.name, from: date(x, c.from ?? ''), to: date(x, c.to ?? '') });
};

const SENTENCES: Sentences = {
  'person.registered': (_e, x) => x.t('audit.sentence.person.registered', { actor: x.actor }),
  'person.made-steward': (e, x) => x.t('audit.sentence.person.made-steward', { actor: x.actor, name: e.change.name }),
  'person.sessions-ended': (e, x) => x.t('audit.sentence.person.sessions-ended', { actor: x.actor, name: e.change.name, count: e.change.sessionsEnded }) + said(x, 'reason', e.change.reason),
  'organisation.created': (e, x) =>
    x.t('audit.sentence.organisation.created', { actor: x.actor, name: e.change.name, group: group(x.t, e.change.stakeholderGroup) }),
  'organisation.verified': (e, x) => x.t('audit.sentence.organisation.verified', { actor: x.actor, name: e.change.name }),
  'affiliation.added': (e, x) => x.t('audit.sentence.affiliation.added', { actor: x.actor, organisation: e.change.organisationName, title: e.change.title }),
  'affiliation.ended': (e, x) =>
    x.t('audit.sentence.affiliation.ended', { actor: x.actor, organisation: e.change.organisationName, date: date(x, e.change.endDate) }),
  'affiliation.made-primary': (e, x) => x.t('audit.sentence.affiliation.made-primary', { actor: x.actor, organisation: e.change.organisationName }),
  'affiliation.confirmed': (e, x) =>
    x.t(e.change.reason ? 'audit.sentence.affiliation.confirmed-because' : 'audit.sentence.affiliation.confirmed', decidedOn(e.change, x)),
  'affiliation.refused': (e, x) => x.t('audit.sentence.affiliation.refused', decidedOn(e.change, x)),
  'affiliation.confirmation-ended': (e, x) => x.t('audit.sentence.affiliation.confirmation-ended', decidedOn(e.change, x)),
  'identity-provider.registered': (e, x) => x.t('audit.sentence.identity-provider.registered', { actor: x.actor, name: e.change.name }),
  'identity-provider.updated': (e, x) => x.t('audit.sentence.identity-provider.updated', { actor: x.actor, name: e.change.name }),
  'identity-provider.linked': (e, x) => x.t('audit.sentence.identity-provider.linked', { actor: x.actor, provider: e.change.providerName }),
  'identity-provider.unlinked': (e, x) => x.t('audit.sentence.identity-provider.unlinked', { actor: x.actor, provider: e.change.providerName }),
  'focal-point.appointed': (e, x) =>
    x.t(e.change.reason ? 'audit.sentence.focal-point.appointed-because' : 'audit.sentence.focal-point.appointed', decidedOn(e.change, x)),
  'focal-point.appointment-ended': (e, x) =>
    x.t(e.change.reason ? 'audit.sentence.focal-point.appointment-ended-because' : 'audit.sentence.focal-point.appointment-ended', decidedOn(e.change, x)),
  'declaration.added': (e, x) =>
    x.t('audit.sentence.declaration.added', {
      actor: x.actor,
      kind: x.t(`declarationKinds.${e.change.kind}`).toLowerCase(),
      organisation: e.change.organisationName,
    }),
  'working-group.created': (e, x) => x.t('audit.sentence.working-group.created', { actor: x.actor, name: e.change.name }),
  'membership.requested': (e, x) => x.t('audit.sentence.membership.requested', { actor: x.actor, kind: kind(x, e.change.kind) }),
  'membership.admitted': (e, x) =>
    e.change.personId === e.actorId
      ? x.t('audit.sentence.membership.joined', { actor: x.actor, kind: kind(x, e.change.kind) })
      : x.t('audit.sentence.membership.admitted', { actor: x.actor, name: e.change.name ?? '', kind: kind(x, e.change.kind) }),
  'membership.refused': (e, x) => x.t('audit.sentence.membership.refused', { actor: x.actor, name: e.change.name, reason: quote(e.change.reason) }),
  'membership.left': (_e, x) => x.t('audit.sentence.membership.left', { actor: x.actor }),
  'membership.removed': (e, x) => x.t('audit.sentence.membership.removed', { actor: x.actor, name: e.change.name, reason: quote(e.change.reason) }),
  'membership.request-withdrawn': (_e, x) => x.t('audit.sentence.membership.request-withdrawn', { actor: x.actor }),
  'role.changed': (e, x) => x.t('audit.sentence.role.changed', { actor: x.actor, name: e.change.name, from: role(x, e.change.from), to: role(x, e.change.to) }),
  'chair.nominated': (e, x) =>
    e.change.selfNomination
      ? x.t('audit.sentence.chair.self-nominated', { actor: x.actor })
      : x.t('audit.sentence.chair.nominated', { actor: x.actor, name: e.change.nomineeName, organisation: e.change.nomineeSnapshot.organisationName }),
  'chair.nomination-accepted': (_e, x) => x.t('audit.sentence.chair.nomination-accepted', { actor: x.actor }),
  'chair.nomination-declined': (_e, x) => x.t('audit.sentence.chair.nomination-declined', { actor: x.actor }),
  'chair.nomination-withdrawn': (e, x) =>
    e.change.nomineeId === e.actorId
      ? x.t('audit.sentence.chair.nomination-withdrawn-own', { actor: x.actor })
      : x.t('audit.sentence.chair.nomination-withdrawn', { actor: x.actor, name: e.change.nomineeName }),
  'chair.confirmed': (e, x) =>
    x.t('audit.sentence.chair.confirmed', {
      name: e.change.name,
      organisation: e.change.snapshot?.organisationName ?? '',
      group: group(x.t, e.change.snapshot?.stakeholderGroup),
      ...counted(e.change.totals),
    }),
  'chair.rejected': (e, x) =>
    e.change.status === 'lapsed'
      ? x.t('audit.sentence.chair.lapsed', { name: e.change.name })
      : x.t('audit.sentence.chair.rejected', { name: e.change.name, outcome: outcome(x, e.change.outcome), ...counted(e.change.totals) }),
  'chair.resigned': (_e, x) => x.t('audit.sentence.chair.resigned', { actor: x.actor }),
  'chair.removal-proposed': (e, x) => x.t('audit.sentence.chair.removal-proposed', { actor: x.actor, name: e.change.name, reason: quote(e.change.reason) }),
  'chair.removed': (e, x) => x.t('audit.sentence.chair.removed', { name: e.change.name, ...counted(e.change.totals) }),
  'chair.removal-failed': (e, x) => x.t('audit.sentence.chair.removal-failed', { name: e.change.name }),
  'chair.imported': (e, x) => x.t('audit.sentence.chair.imported', { name: e.change.name, organisation: e.change.snapshot.organisationName }),
  'ballot.opened': (e, x) =>
    x.t(e.change.visibility === 'secret' ? 'audit.sentence.ballot.opened-secret' : 'audit.sentence.ballot.opened', {
      actor: x.actor,
      // Said from the recorded subject when the event carries one (ballots opened since it is recorded), else the stored title.
      title: subjectTitleOf(x.t, e.change.subject.details) ?? e.change.title,
      rule: x.t(`audit.rules.${e.change.rule}`),
      date: date(x, e.change.closesAt),
    }),
  'ballot.closed': (e, x) =>
    x.t(
      e.change.closedBy === 'chair' || closedBeforeItsTime(e.change.closedAt, e.change.closesAt)
        ? 'audit.sentence.ballot.closed-early'
        : 'audit.sentence.ballot.closed',
      {
        actor: x.actor,
        outcome: outcome(x, e.change.outcome),
        ...counted(e.change.totals),
      },
    ) + said(x, 'reason', e.change.reason),
  'vote.cast': vote('cast'),
  'vote.changed': vote('changed'),
  'document.created': (e, x) => x.t('audit.sentence.document.created', { actor: x.actor, title: e.change.title, count: e.change.clauses }),
  'version.created': (e, x) =>
    x.t('audit.sentence.version.created', { actor: x.actor, number: e.change.number, count: e.change.applied.length }) +
    (e.change.bracketChoices?.applied.length ? x.t('audit.sentence.version.createdChoices', { count: e.change.bracketChoices.applied.length }) : '') +
    said(x, 'note', e.change.note),
  'version.chairs-text-issued': (e, x) =>
    x.t('audit.sentence.version.chairs-text-issued', { actor: x.actor, number: e.change.number, title: chairsTextTitle(x.t, e.change) }) + said(x, 'note', e.change.note),
  'version.adopted': (e, x) =>
    'silenceProcedureId' in e.change ? x.t('silence.audit.adopted', { number: e.change.number, date: date(x, e.change.deadline) }) : x.t('audit.sentence.version.adopted', { number: e.change.number }),
  'version.published': (e, x) => x.t('audit.sentence.version.published', { number: e.change.number, until: date(x, e.change.membersOnlyUntil) }),
  'comment.posted': (e, x) =>
    e.change.parentId
      ? x.t('audit.sentence.comment.replied', { actor: x.actor, text: quote(withoutMentionMarkup(e.change.body)) })
      : x.t('audit.sentence.comment.posted', { actor: x.actor, kind: x.t(`audit.commentKinds.${e.change.kind}`), text: quote(withoutMentionMarkup(e.change.body)) }),
  'comment.translated': (e, x) =>
    x.t('audit.sentence.comment.translated', { actor: x.actor, language: x.t(`writtenLanguage.languages.${e.change.language}`), text: quote(e.change.text) }),
  'amendment.rationale-translated': (e, x) =>
    x.t('audit.sentence.amendment.rationale-translated', { actor: x.actor, language: x.t(`writtenLanguage.languages.${e.change.language}`), text: quote(e.change.text) }),
  'comment.disposed': (e, x) =>
    x.t('audit.sentence.comment.disposed', { actor: x.actor, disposition: x.t(`audit.dispositions.${e.change.disposition}`), reason: quote(e.change.reason) }),
  'amendment.proposed': (e, x) => {
    const c = e.change;
    if (c.kind === 'replace') {
      // The words that change, in place, rather than both whole texts cut at one length.
      const { before, after } = changedPassage(c.targetText ?? '', c.text ?? '', undefined, c.writtenLanguage);
      return x.t('audit.sentence.amendment.proposed-replace', { actor: x.actor, target: quote(before), text: quote(after) });
    }
    if (c.kind === 'insert') return x.t('audit.sentence.amendment.proposed-insert', { actor: x.actor, text: quote(c.text) });
    return x.t('audit.sentence.amendment.proposed-delete', { actor: x.actor, target: quote(c.targetText) });
  },
  'amendment.cosponsored': (e, x) =>
    x.t(e.change.crossGroup ? 'audit.sentence.amendment.cosponsored-across' : 'audit.sentence.amendment.cosponsored', { actor: x.actor }),
  'amendment.cosponsorship-withdrawn': (_e, x) => x.t('audit.sentence.amendment.cosponsorship-withdrawn', { actor: x.actor }),
  'amendment.withdrawn': (_e, x) => x.t('audit.sentence.amendment.withdrawn', { actor: x.actor }),
  'amendment.accepted': (_e, x) => x.t('audit.sentence.amendment.accepted'),
  'amendment.rejected': (e, x) => x.t('audit.sentence.amendment.rejected', { outcome: outcome(x, e.change.outcome) }),
  'amendment.outdated': (_e, x) => x.t('audit.sentence.amendment.outdated'),
  'endorsement.made': (e, x) => x.t('audit.sentence.endorsement.made', { actor: x.actor, organisation: e.change.organisationName, version: e.change.version }),
  'endorsement.withdrawn': (e, x) =>
    x.t('audit.sentence.endorsement.withdrawn', { actor: x.actor, organisation: e.change.organisationName, version: e.change.version }),
  'bracket.opened': (e, x) =>
    x.t('audit.sentence.bracket.opened', { actor: x.actor, passage: quote(e.change.passage), reason: quote(e.change.reason), count: e.change.options.length }),
  'bracket.option-proposed': (e, x) => x.t('audit.sentence.bracket.option-proposed', { actor: x.actor, text: quote(e.change.text) }),
  'bracket.removed': (e, x) =>
    e.change.resolution === 'option-chosen'
      ? x.t('audit.sentence.bracket.removed-option', { actor: x.actor, passage: quote(e.change.passage), text: quote(e.change.optionText), reason: quote(e.change.reason) })
      : x.t('audit.sentence.bracket.removed-agreed', { actor: x.actor, passage: quote(e.change.passage), reason: quote(e.change.reason) }),
  'amendment.streamlined': (e, x) => x.t('audit.sentence.amendment.streamlined', { actor: x.actor, count: e.change.sources.length, text: quote(e.change.text) }),
  'amendment.merged': (e, x) => x.t(e.change.ballotId ? 'audit.sentence.amendment.merged-by-ballot' : 'audit.sentence.amendment.merged'),
  'amendment.recommendation-given': (e, x) =>
    x.t('audit.sentence.amendment.recommendation-given', { actor: x.actor, recommendation: x.t(`negotiation.recommendation.kinds.${e.change.recommendation}`), reason: quote(e.change.reason) }),
  'bracket.options-streamlined': (e, x) => x.t('audit.sentence.bracket.options-streamlined', { actor: x.actor, count: e.change.sources.length, text: quote(e.change.text) }),
  'recommendations.put-to-ballot': (e, x) => x.t('audit.sentence.recommendations.put-to-ballot', { actor: x.actor, count: e.change.items.length }),
  'recommendations.decided': (e, x) =>
    x.t('audit.sentence.recommendations.decided', { outcome: outcome(x, e.change.outcome), count: e.change.items.length, followed: e.change.items.filter((i) => i.followed === true).length }),
  'bracket.choice-consolidated': (e, x) => x.t(`audit.sentence.bracket.consolidated-${e.change.outcome}`, { version: e.change.version }),
  'clause.status-changed': (e, x) =>
    x.t('audit.sentence.clause.status-changed', { actor: x.actor, previous: x.t(`clauseStatus.statuses.${e.change.previous}`), status: x.t(`clauseStatus.statuses.${e.change.status}`) }) +
    said(x, 'note', e.change.note),
  'clause.ad-ref-agreed': (e, x) =>
    x.t('audit.sentence.clause.ad-ref-agreed', { actor: x.actor, organisation: e.change.organisationName, date: date(x, e.change.expiresOn) }) + said(x, 'note', e.change.note),
  'clause.ad-ref-lifted': (e, x) => x.t('audit.sentence.clause.ad-ref-lifted', { actor: x.actor, organisation: e.change.organisationName }) + said(x, 'note', e.change.note),
  'clause.ad-ref-withdrawn': (e, x) => x.t('audit.sentence.clause.ad-ref-withdrawn', { actor: x.actor, organisation: e.change.organisationName }) + said(x, 'note', e.change.note),
  'explanation.placed': (e, x) => {
    const paragraphs = paragraphList(e.change.labels, x.t('explanations.and'));
    const on = paragraphs ? x.t('audit.sentence.explanation.on', { paragraphs }) : '';
    const facts = { actor: x.actor, organisation: e.change.organisationName, version: e.change.version, timing: x.t(`explanations.timingShort.${e.change.timing}`), paragraphs, on };
    return x.t(`audit.sentence.explanation.placed-${e.change.kind}`, facts) + said(x, 'note', e.change.text);
  },
  'join-request.circulated': (e, x) => x.t('audit.sentence.join-request.circulated', { actor: x.actor, date: date(x, e.change.endsAt) }),
  'join-request.objection-raised': (e, x) =>
    x.t('audit.sentence.join-request.objection-raised', { actor: x.actor, organisation: e.change.snapshot.organisationName, name: e.change.applicantName, reason: quote(e.change.reason) }),
  'join-request.objection-withdrawn': (e, x) =>
    x.t('audit.sentence.join-request.objection-withdrawn', { actor: x.actor, name: e.change.applicantName }) + said(x, 'note', e.change.note),
  'working-group.rules-changed': (e, x) =>
    x.t('audit.sentence.working-group.rules-changed', { actor: x.actor, policy: x.t(`workingGroups.joinPolicy.${e.change.after.joinPolicy}`) }) + said(x, 'note', e.change.note),
  'proxy.given': proxyGiven,
  'proxy.revoked': (e, x) => x.t('audit.sentence.proxy.revoked', { actor: x.actor, holder: e.change.holderName }),
  'proxy.ended': (e, x) =>
    x.t('audit.sentence.proxy.ended', { grantor: e.change.grantorName, holder: e.change.holderName, why: x.t(`proxies.endReason.${e.change.reason}`) }),
  'silence.started': (e, x) => x.t('silence.audit.started', { actor: x.actor, number: e.change.version, title: e.change.documentTitle, date: date(x, e.change.deadline) }),
  'silence.objection-raised': (e, x) => x.t('silence.audit.objection', { actor: x.actor, number: e.change.version, reason: excerpt(e.change.reason) }),
  'silence.withdrawn': (e, x) => x.t('silence.audit.withdrawn', { actor: x.actor, number: e.change.version, reason: excerpt(e.change.reason) }),
  'silence.passed': (e, x) => x.t('silence.audit.passed', { number: e.change.version, date: date(x, e.change.deadline) }),
  'division.requested': (e, x) =>
    x.t('audit.sentence.division.requested', { actor: x.actor, clauses: e.change.clauseLabels.map((l) => (l ? x.t('division.paragraph', { label: l }) : x.t('division.unlabelled'))).join(', ') }) + said(x, 'reason', e.change.reason),
  'division.put-to-ballot': (e, x) => x.t('audit.sentence.division.put-to-ballot', { actor: x.actor, count: e.change.clauseIds.length }),
  'division.declined': (e, x) => x.t('audit.sentence.division.declined', { actor: x.actor }) + said(x, 'reason', e.change.reason),
  'division.decided': (e, x) => x.t(`audit.sentence.division.decided-${e.change.result}`, { outcome: outcome(x, e.change.outcome) }),
  'division.applied': (e, x) => x.t('audit.sentence.division.applied', { version: e.change.version, count: e.change.clauseIds.length }),
  'voting-order.set': (e, x) => x.t('audit.sentence.voting-order.set', { actor: x.actor, count: e.change.amendmentIds.length }) + said(x, 'reason', e.change.reason),
  'last-call.opened': (e, x) => x.t('audit.sentence.last-call.opened', { actor: x.actor, count: e.change.days, version: e.change.version }) + said(x, 'note', e.change.note),
  'meeting.scheduled': (e, x) => x.t('audit.sentence.meeting.scheduled', { actor: x.actor, title: e.change.title, date: date(x, e.change.startsAt) }),
  'meeting.details-changed': (e, x) => x.t('audit.sentence.meeting.details-changed', { actor: x.actor, title: e.change.title, date: date(x, e.change.startsAt) }),
  'meeting.agenda-set': (e, x) => x.t('audit.sentence.meeting.agenda-set', { actor: x.actor, title: e.change.title, count: e.change.agenda.length }),
  'meeting.opened': (e, x) => x.t('audit.sentence.meeting.opened', { actor: x.actor, title: e.change.title }),
  'meeting.item-taken-up': (e, x) =>
    x.t('audit.sentence.meeting.item-taken-up', { actor: x.actor, title: e.change.title, position: e.change.position, item: excerpt(e.change.itemTitle) }),
  'meeting.closed': (e, x) => x.t('audit.sentence.meeting.closed', { actor: x.actor, title: e.change.title, attendees: e.change.attendees, turns: e.change.turns }),
  'meeting.attendance-recorded': (e, x) =>
    x.t(e.change.byChair ? 'audit.sentence.meeting.attendance-recorded-by-chair' : 'audit.sentence.meeting.attendance-recorded', {
      actor: x.actor,
      attendee: actorPhrase(x.t, { actorName: e.change.attendee.name, actorSnapshot: e.change.attendee.snapshot }, x.lng),
      mode: x.t(`audit.sentence.meetingModes.${e.change.mode}`),
    }),
  'meeting.floor-requested': (e, x) =>
    x.t(
      e.change.byChair
        ? 'audit.sentence.meeting.floor-requested-by-chair'
        : e.change.kind === 'point-of-order'
          ? 'audit.sentence.meeting.floor-requested-point-of-order'
          : 'audit.sentence.meeting.floor-requested',
      { actor: x.actor, speaker: speakerOf(e.change.speaker, x) },
    ),
  'meeting.floor-withdrawn': (e, x) =>
    x.t(e.change.byChair ? 'audit.sentence.meeting.floor-withdrawn-by-chair' : 'audit.sentence.meeting.floor-withdrawn', { actor: x.actor, speaker: speakerOf(e.change.speaker, x) }),
  'meeting.floor-given': (e, x) =>
    x.t(e.change.kind === 'point-of-order' ? 'audit.sentence.meeting.floor-given-point-of-order' : 'audit.sentence.meeting.floor-given', {
      actor: x.actor,
      speaker: speakerOf(e.change.speaker, x),
    }),
  'meeting.floor-ended': (e, x) => x.t('audit.sentence.meeting.floor-ended', { speaker: speakerOf(e.change.speaker, x), duration: formatDuration(e.change.seconds, x.lng) }),
  'meeting.report-drafted': (e, x) => x.t('audit.sentence.meeting.report-drafted', { actor: x.actor, title: e.change.title, document: e.change.documentTitle }),
  'translation.saved': (e, x) =>
    x.t('audit.sentence.translation.saved', { actor: x.actor, language: languageName(e.change.language, x.lng), version: e.change.version, text: quote(e.change.text) }),
  'document.original-language-changed': (e, x) => x.t('audit.sentence.document.original-language-changed', { actor: x.actor, language: languageName(e.change.after, x.lng) }),
  'working-group.authentic-languages-changed': (e, x) =>
    (e.change.after.length === 0
      ? x.t('audit.sentence.working-group.authentic-languages-none', { actor: x.actor })
      : x.t('audit.sentence.working-group.authentic-languages-changed', { actor: x.actor, languages: e.change.after.map((l) => languageName(l, x.lng)).join(', ') })) +
    said(x, 'note', e.change.note),
  'two-factor.enabled': (_e, x) => x.t('audit.sentence.two-factor.enabled', { actor: x.actor }),
  'two-factor.recovery-codes-regenerated': (_e, x) => x.t('audit.sentence.two-factor.recovery-codes-regenerated', { actor: x.actor }),
  'two-factor.disabled': (_e, x) => x.t('audit.sentence.two-factor.disabled', { actor: x.actor }),
  'two-factor.recovery-code-used': (_e, x) => x.t('audit.sentence.two-factor.recovery-code-used', { actor: x.actor }),
  'two-factor.locked': (e, x) => x.t('audit.sentence.two-factor.locked', { actor: x.actor, until: date(x, e.change.until) }),
  'two-factor.reset-by-steward': (e, x) => x.t('audit.sentence.two-factor.reset-by-steward', { actor: x.actor, name: e.change.name }) + said(x, 'reason', e.change.reason),
  'working-group.chairs-two-factor-set': (e, x) => x.t(`audit.sentence.working-group.chairs-two-factor-${e.change.required ? 'on' : 'off'}`, { actor: x.actor }),
};

/** A speaker or attendee as the record names them: name, organisation and stakeholder group at that moment. */
function speakerOf(p: { name: string; snapshot: AuditEventResponse['actorSnapshot'] }, x: Ctx): string {
  return actorPhrase(x.t, { actorName: p.name, actorSnapshot: p.snapshot }, x.lng);
}

/** A decision on someone's affiliation or appointment: who, for which organisation, and why (when said). */
function decidedOn(c: { name: string; organisationName: string; reason: string | null }, x: Ctx) {
  return { actor: x.actor, organisation: c.organisationName, name: c.name, reason: c.reason ?? '' };
}

/** Each action's own sentence for its own event (the map is indexed by the event's action). */
const sentenceOf = <A extends AuditAction>(e: TypedAuditEvents[A], action: A, x: Ctx): string => SENTENCES[action](e, x);

/** The event as a sentence; an event the catalogue cannot read gets the fallback. */
export function auditSentence(tIn: TFunction, e: AuditEventResponse, lng: string): string {
  const t = directionOf(lng) === 'rtl' ? isolatingParams(tIn, lng) : tIn;
  const x: Ctx = { t, lng, actor: actorPhrase(tIn, e, lng) };
  // A vote the public log withholds until its ballot closes: that it was cast, not what.
  if (e.withheld && (e.action === 'vote.cast' || e.action === 'vote.changed'))
    return t(`audit.sentence.vote.${e.action === 'vote.cast' ? 'cast' : 'changed'}-withheld`, { actor: x.actor });
  const parsed = parseAuditEvent(e);
  return parsed.typed ? sentenceOf(parsed.event, parsed.event.action, x) : t('audit.sentence.fallback', { actor: x.actor, action: actionLabel(t, e.action) });
}

/**
 * In a right-to-left interface every text a sentence quotes (a passage, a reason, a title, a name) is
 * isolated, so an English passage inside an Arabic sentence keeps its own order ("«Prevent and
 * recover from…»" does not break around its punctuation). Words of the catalogue are isolated too:
 * harmless for an Arabic word inside an Arabic sentence.
 */
function isolatingParams(t: TFunction, lng: string): TFunction {
  const own = isolatedIn(lng);
  const isolate = (options: unknown) =>
    options && typeof options === 'object'
      ? Object.fromEntries(Object.entries(options).map(([k, v]) => [k, typeof v === 'string' && k !== 'actor' && v !== '' && !v.startsWith('\u2068') ? own(v) : v]))
      : options;
  return ((key: unknown, options?: unknown) => (t as unknown as (k: unknown, o?: unknown) => string)(key, isolate(options))) as unknown as TFunction;
}

/** Where the event's subject can be seen: its ballot, document, amendment or person page. */
export function subjectLink(e: AuditEventResponse): string | null {
  switch (e.subjectType) {
    case 'ballot':
      return `/ballots/${e.subjectId}`;
    case 'document':
      return `/documents/${e.subjectId}`;
    case 'person':
      return `/people/${e.subjectId}`;
    case 'working-group':
      return `/working-groups/${e.subjectId}`;
    case 'meeting':
      return `/meetings/${e.subjectId}`;
  }
  const parsed = parseAuditEvent(e);
  if (!parsed.typed) return null;
  const p = parsed.event;
  if (p.action === 'endorsement.made' || p.action === 'endorsement.withdrawn')
    return `/documents/${p.change.documentId}/versions/${p.change.version}/signatories`;
  const { ballotId, documentId } = subjectsOf(p);
  if (ballotId) return `/ballots/${ballotId}`;
  if (documentId) return `/documents/${documentId}`;
  return null;
}
