import type { AffiliationSnapshot } from '@parley/domain';

export type FeedLanguage = 'en' | 'fr';

/**
 * Acts a feed never carries: single votes (a secret ballot's voters stay out of feeds; a ballot's
 * result is its `ballot.closed`), and a session's check-ins and turns at the floor (hundreds per
 * session: they are on the session's page; the feed says it was scheduled, opened, closed, reported).
 */
export const NOT_IN_FEEDS = (action: string) => action.startsWith('vote.') || action.startsWith('meeting.floor-') || action === 'meeting.attendance-recorded';

/**
 * What a feed entry's title says an actor did, by audit action, in English and French. `{doc}`
 * is the document's title in quotes, `{group}` the group's name in quotes, `{n}` a version
 * number. An action missing here reads through the fallback (`acted: amendment merged`), so a
 * new action never breaks a feed.
 */
const ACTS: Record<string, Record<FeedLanguage, string>> = {
  'meeting.scheduled': { en: 'scheduled a session of {group}', fr: 'a programmé une séance de {group}' },
  'meeting.details-changed': { en: 'changed when or where a session of {group} is held', fr: 'a modifié la date ou le lieu d’une séance de {group}' },
  'meeting.agenda-set': { en: 'set the agenda of a session of {group}', fr: 'a fixé l’ordre du jour d’une séance de {group}' },
  'meeting.opened': { en: 'opened a session of {group}', fr: 'a ouvert une séance de {group}' },
  'meeting.item-taken-up': { en: 'took up an agenda item in a session of {group}', fr: 'a abordé un point de l’ordre du jour d’une séance de {group}' },
  'meeting.closed': { en: 'closed a session of {group}', fr: 'a levé une séance de {group}' },
  'meeting.report-drafted': { en: 'drafted the report of a session of {group}', fr: 'a rédigé le rapport d’une séance de {group}' },
  'working-group.created': { en: 'convened the working group {group}', fr: 'a réuni le groupe de travail {group}' },
  'working-group.rules-changed': { en: 'changed the rules of procedure of {group}', fr: 'a modifié le règlement intérieur de {group}' },
  'membership.requested': { en: 'asked to join {group}', fr: 'a demandé à rejoindre {group}' },
  'membership.admitted': { en: 'admitted a member to {group}', fr: 'a admis un membre dans {group}' },
  'membership.refused': { en: 'refused a request to join {group}', fr: 'a refusé une demande d’adhésion à {group}' },
  'membership.left': { en: 'left {group}', fr: 'a quitté {group}' },
  'membership.removed': { en: 'removed a member from {group}', fr: 'a retiré un membre de {group}' },
  'membership.request-withdrawn': { en: 'withdrew a request to join {group}', fr: 'a retiré une demande d’adhésion à {group}' },
  'role.changed': { en: 'changed a member’s role in {group}', fr: 'a changé le rôle d’un membre de {group}' },
  'join-request.circulated': { en: 'circulated a request to join {group} for objections', fr: 'a diffusé une demande d’adhésion à {group} pour objections' },
  'join-request.objection-raised': { en: 'objected to a request to join {group}', fr: 's’est opposé à une demande d’adhésion à {group}' },
  'join-request.objection-withdrawn': {
    en: 'withdrew an objection to a request to join {group}',
    fr: 'a retiré une objection à une demande d’adhésion à {group}',
  },
  'chair.nominated': { en: 'nominated a chair of {group}', fr: 'a proposé une présidence de {group}' },
  'chair.nomination-accepted': { en: 'accepted a nomination to chair {group}', fr: 'a accepté de présider {group}' },
  'chair.nomination-declined': { en: 'declined a nomination to chair {group}', fr: 'a décliné la présidence de {group}' },
  'chair.nomination-withdrawn': { en: 'withdrew a nomination to chair {group}', fr: 'a retiré une proposition de présidence de {group}' },
  'chair.confirmed': { en: 'recorded the confirmation of a chair of {group}', fr: 'a enregistré la confirmation d’une présidence de {group}' },
  'chair.rejected': { en: 'recorded that a chair of {group} was not confirmed', fr: 'a enregistré qu’une présidence de {group} n’a pas été confirmée' },
  'chair.resigned': { en: 'resigned as chair of {group}', fr: 'a démissionné de la présidence de {group}' },
  'chair.removal-proposed': { en: 'moved to remove a chair of {group}', fr: 'a proposé le retrait d’une présidence de {group}' },
  'chair.removed': { en: 'recorded the removal of a chair of {group}', fr: 'a enregistré le retrait d’une présidence de {group}' },
  'chair.removal-failed': {
    en: 'recorded that a motion to remove a chair of {group} failed',
    fr: 'a enregistré l’échec d’une motion de retrait de la présidence de {group}',
  },
  'chair.imported': { en: 'recorded a chair of {group} without a ballot', fr: 'a enregistré une présidence de {group} sans scrutin' },
  'ballot.opened': { en: 'opened a ballot in {group}', fr: 'a ouvert un scrutin dans {group}' },
  'ballot.closed': { en: 'closed a ballot in {group}', fr: 'a clos un scrutin dans {group}' },
  'document.created': { en: 'created the document {doc}', fr: 'a créé le document {doc}' },
  'version.created': { en: 'consolidated version {n} of {doc}', fr: 'a consolidé la version {n} de {doc}' },
  'version.adopted': { en: 'recorded the adoption of version {n} of {doc}', fr: 'a enregistré l’adoption de la version {n} de {doc}' },
  'version.chairs-text-issued': { en: 'issued a chair’s text as version {n} of {doc}', fr: 'a publié un texte de la présidence, version {n} de {doc}' },
  'version.published': {
    en: 'published version {n} of {doc}, until then for members only',
    fr: 'a rendu publique la version {n} de {doc}, jusque-là réservée aux membres',
  },
  'comment.posted': { en: 'commented on {doc}', fr: 'a commenté {doc}' },
  'comment.disposed': { en: 'gave a disposition on a comment on {doc}', fr: 'a donné suite à un commentaire sur {doc}' },
  // A participant's translation (decision 0047): theirs, never official.
  'comment.translated': { en: 'added their translation of a comment on {doc}', fr: 'a ajouté sa traduction d’un commentaire sur {doc}' },
  'amendment.rationale-translated': { en: 'added their translation of an amendment’s rationale on {doc}', fr: 'a ajouté sa traduction de l’exposé des motifs d’un amendement à {doc}' },
  'amendment.proposed': { en: 'proposed an amendment to {doc}', fr: 'a proposé un amendement à {doc}' },
  'amendment.cosponsored': { en: 'co-sponsored an amendment to {doc}', fr: 'a cosigné un amendement à {doc}' },
  'amendment.cosponsorship-withdrawn': { en: 'withdrew a co-sponsorship of an amendment to {doc}', fr: 'a retiré sa cosignature d’un amendement à {doc}' },
  'amendment.withdrawn': { en: 'withdrew an amendment to {doc}', fr: 'a retiré un amendement à {doc}' },
  'amendment.accepted': { en: 'recorded that an amendment to {doc} was accepted', fr: 'a enregistré l’acceptation d’un amendement à {doc}' },
  'amendment.rejected': { en: 'recorded that an amendment to {doc} was rejected', fr: 'a enregistré le rejet d’un amendement à {doc}' },
  'amendment.outdated': { en: 'recorded that an amendment to {doc} is outdated', fr: 'a enregistré qu’un amendement à {doc} est devenu caduc' },
  'amendment.streamlined': { en: 'streamlined proposals on {doc}', fr: 'a fusionné des propositions sur {doc}' },
  'amendment.merged': { en: 'merged an amendment to {doc}', fr: 'a fusionné un amendement à {doc}' },
  'amendment.recommendation-given': { en: 'gave a recommendation on an amendment to {doc}', fr: 'a donné une recommandation sur un amendement à {doc}' },
  'recommendations.put-to-ballot': { en: 'put recommendations on {doc} to a ballot', fr: 'a soumis au scrutin des recommandations sur {doc}' },
  'recommendations.decided': { en: 'recorded the decision on recommendations on {doc}', fr: 'a enregistré la décision sur des recommandations sur {doc}' },
  'bracket.opened': { en: 'bracketed a passage of {doc}', fr: 'a mis entre crochets un passage de {doc}' },
  'bracket.option-proposed': { en: 'proposed an option for a bracket in {doc}', fr: 'a proposé une option pour des crochets dans {doc}' },
  'bracket.removed': { en: 'removed a bracket in {doc}', fr: 'a levé des crochets dans {doc}' },
  'bracket.choice-consolidated': { en: 'consolidated the chosen option of a bracket in {doc}', fr: 'a intégré l’option retenue de crochets dans {doc}' },
  'bracket.options-streamlined': { en: 'streamlined the options of a bracket in {doc}', fr: 'a fusionné les options de crochets dans {doc}' },
  'clause.status-changed': { en: 'changed the status of a paragraph of {doc}', fr: 'a modifié le statut d’un paragraphe de {doc}' },
  'clause.ad-ref-agreed': { en: 'agreed a paragraph of {doc} ad referendum', fr: 'a accepté un paragraphe de {doc} ad referendum' },
  'clause.ad-ref-lifted': { en: 'lifted an ad referendum on {doc}', fr: 'a levé un ad referendum sur {doc}' },
  'clause.ad-ref-withdrawn': { en: 'withdrew an ad referendum on {doc}', fr: 'a retiré un ad referendum sur {doc}' },
  'explanation.placed': { en: 'placed an explanation of position on {doc}', fr: 'a consigné une explication de position sur {doc}' },
  'endorsement.made': { en: 'endorsed {doc}', fr: 'a approuvé {doc}' },
  'endorsement.withdrawn': { en: 'withdrew an endorsement of {doc}', fr: 'a retiré une approbation de {doc}' },
  'proxy.given': { en: 'gave a proxy in {group}', fr: 'a donné une procuration dans {group}' },
  'proxy.revoked': { en: 'revoked a proxy in {group}', fr: 'a révoqué une procuration dans {group}' },
  'proxy.ended': { en: 'recorded the end of a proxy in {group}', fr: 'a enregistré la fin d’une procuration dans {group}' },
  'silence.started': { en: 'put {doc} under a silence procedure', fr: 'a engagé une procédure d’approbation tacite sur {doc}' },
  'silence.objection-raised': { en: 'broke the silence on {doc}', fr: 'a rompu le silence sur {doc}' },
  'silence.withdrawn': { en: 'withdrew the silence procedure on {doc}', fr: 'a retiré la procédure d’approbation tacite sur {doc}' },
  'silence.passed': { en: 'recorded that the silence on {doc} held', fr: 'a enregistré que le silence sur {doc} n’a pas été rompu' },
  'division.requested': { en: 'requested a separate vote on {doc}', fr: 'a demandé un scrutin séparé sur {doc}' },
  'division.put-to-ballot': { en: 'put a separate vote on {doc} to a ballot', fr: 'a ouvert un scrutin séparé sur {doc}' },
  'division.declined': { en: 'declined a separate vote on {doc}', fr: 'a refusé un scrutin séparé sur {doc}' },
  'division.decided': { en: 'recorded the outcome of a separate vote on {doc}', fr: 'a enregistré l’issue d’un scrutin séparé sur {doc}' },
  'division.applied': { en: 'deleted paragraphs of {doc} by separate vote', fr: 'a supprimé des paragraphes de {doc} par scrutin séparé' },
  'voting-order.set': { en: 'set the order of voting on {doc}', fr: 'a fixé l’ordre de mise aux voix sur {doc}' },
  'last-call.opened': { en: 'opened a last call on {doc}', fr: 'a ouvert un dernier appel sur {doc}' },
};

const STAKEHOLDER_GROUPS: Record<string, Record<FeedLanguage, string>> = {
  government: { en: 'government', fr: 'gouvernement' },
  'private-sector': { en: 'private sector', fr: 'secteur privé' },
  'civil-society': { en: 'civil society', fr: 'société civile' },
};

const PLATFORM: Record<FeedLanguage, string> = { en: 'Parley (automatically)', fr: 'Parley (automatiquement)' };
const quoted = (s: string, lang: FeedLanguage) => (lang === 'fr' ? `« ${s} »` : `“${s}”`);

/** An actor as a reader sees them: name, then organisation and stakeholder group as at the act. */
export function actorText(name: string | null, snapshot: AffiliationSnapshot | null, lang: FeedLanguage): string {
  if (!name) return PLATFORM[lang];
  if (!snapshot) return name;
  return `${name} (${snapshot.organisationName}, ${STAKEHOLDER_GROUPS[snapshot.stakeholderGroup]?.[lang] ?? snapshot.stakeholderGroup})`;
}

export interface FeedAct {
  action: string;
  actorName: string | null;
  actorSnapshot: AffiliationSnapshot | null;
  groupName: string;
  documentTitle: string | null;
  versionNumber: number | null;
}

/** The act as one sentence: who (with their affiliation then), what, on what. */
export function feedSentence(a: FeedAct, lang: FeedLanguage): string {
  const actor = actorText(a.actorName, a.actorSnapshot, lang);
  const template = ACTS[a.action]?.[lang];
  const group = quoted(a.groupName, lang);
  if (!template) return `${actor} — ${a.action.replace('.', ' ').replace(/-/g, ' ')} (${group})`;
  const doc = a.documentTitle ? quoted(a.documentTitle, lang) : group;
  return `${actor} ${template
    .replace('{doc}', doc)
    .replace('{group}', group)
    .replace('{n}', a.versionNumber === null ? '' : String(a.versionNumber))
    .replace(/ {2,}/g, ' ')}`;
}
