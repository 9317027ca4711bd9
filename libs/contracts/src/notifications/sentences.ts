import type { NotificationKind, StakeholderGroup } from '@parley/domain';
import type { NotificationView } from './views';

/**
 * Each notification as one sentence in the reader's language, in the audit sentences' style
 * ("Ana Ruiz (Access Now, civil society) mentioned you on paragraph 3 of “Paris Call…”"). One function
 * for the centre, the e-mail and the digest, on the server and in the browser, so a notification
 * reads the same everywhere. A new kind does not compile until it has a sentence in each language.
 */
export const NOTIFICATION_LANGUAGES = ['en', 'fr'] as const;
export type NotificationLanguage = (typeof NOTIFICATION_LANGUAGES)[number];
export const notificationLanguageOf = (lang: string | null | undefined): NotificationLanguage => (lang?.slice(0, 2) === 'fr' ? 'fr' : 'en');

type N = Pick<NotificationView, 'kind' | 'group' | 'document' | 'actor' | 'subject' | 'facts'>;

interface Words {
  groups: Record<StakeholderGroup, string>;
  someone: string;
  system: string;
  quote: (s: string) => string;
  /** "paragraph 3 of “Paris Call”", "“Paris Call”", "the group “Norms”" */
  where: (n: N) => string;
  date: (iso: string) => string;
  /** What a followed act did ("commented"), from its audit action; a family's word, else a general one. */
  activity: (action: string) => string;
  /** A fact that is a code (a ballot's outcome, a disposition) in words; an unknown code as it is. */
  code: (value: string) => string;
}

/** followed-activity's `activity` fact is the act's audit action; each language names the common ones. */
const activityIn =
  (words: Record<string, string>, fallback: string) =>
  (action: string): string =>
    words[action] ?? words[action.split('.')[0]] ?? fallback;

/** "4." → "4": a clause label as the sentence names it ("paragraph 4", as the glossary says). */
const paragraphNumber = (label: string): string => label.replace(/\.$/, '');

/** French "à" and "de" before a place: "au paragraphe 2 de « … »", "du groupe « … »", "à « … »". */
const frTo = (place: string): string => (place.startsWith('le ') ? `au ${place.slice(3)}` : `à ${place}`);
const frOf = (place: string): string => (place.startsWith('le ') ? `du ${place.slice(3)}` : `de ${place}`);

/**
 * A followed act's phrase with its place: where the phrase says (`{place}`, French `{au}` / `{du}`
 * with their contractions), else after it ("commented on …").
 */
function placed(phrase: string, place: string, after: (place: string) => string): string {
  if (phrase.includes('{place}')) return phrase.replace('{place}', place);
  if (phrase.includes('{au}')) return phrase.replace('{au}', frTo(place));
  if (phrase.includes('{du}')) return phrase.replace('{du}', frOf(place));
  return `${phrase} ${after(place)}`;
}

const fact = (n: N, key: string): string => {
  const v = n.facts[key];
  return v === null || v === undefined ? '' : String(v);
};

const dateIn = (locale: string) => (iso: string) => {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(d)} UTC`;
};

const EN: Words = {
  groups: { government: 'government', 'private-sector': 'private sector', 'civil-society': 'civil society' },
  someone: 'Someone',
  system: 'Parley',
  quote: (s) => `“${s}”`,
  where: (n) => {
    const doc = n.document ? `“${n.document.title}”` : n.group ? `the group “${n.group.name}”` : 'Parley';
    return n.subject.label && n.document ? `paragraph ${paragraphNumber(n.subject.label)} of ${doc}` : doc;
  },
  date: dateIn('en-GB'),
  activity: activityIn(
    {
      'comment.posted': 'commented',
      'comment.disposed': 'disposed of a comment',
      'amendment.proposed': 'proposed an amendment',
      amendment: 'acted on an amendment',
      'document.created': 'created a document',
      'version.created': 'issued a new version',
      'version.adopted': 'adopted a version',
      'version.published': 'published a version',
      'ballot.opened': 'opened a ballot',
      'ballot.closed': 'closed a ballot',
      silence: 'acted on a silence procedure',
      'last-call.opened': 'opened a last call',
      bracket: 'acted on a bracket',
      clause: 'changed the status of {place}',
      membership: 'changed the membership',
      chair: 'acted on the chair',
    },
    'acted',
  ),
  code: (v) => ({ passed: 'passed', failed: 'failed', 'no-quorum': 'no quorum', accepted: 'accepted', noted: 'noted', rejected: 'rejected' })[v] ?? v,
};

const FR: Words = {
  groups: { government: 'gouvernement', 'private-sector': 'secteur privé', 'civil-society': 'société civile' },
  someone: 'Quelqu’un',
  system: 'Parley',
  quote: (s) => `« ${s} »`,
  where: (n) => {
    const doc = n.document ? `« ${n.document.title} »` : n.group ? `le groupe « ${n.group.name} »` : 'Parley';
    return n.subject.label && n.document ? `le paragraphe ${paragraphNumber(n.subject.label)} de ${doc}` : doc;
  },
  date: dateIn('fr-FR'),
  activity: activityIn(
    {
      'comment.posted': 'a commenté',
      'comment.disposed': 'a statué sur un commentaire',
      'amendment.proposed': 'a proposé un amendement {au}',
      amendment: 'a agi sur un amendement {au}',
      'document.created': 'a créé un document',
      'version.created': 'a publié une nouvelle version',
      'version.adopted': 'a adopté une version',
      'version.published': 'a rendu publique une version',
      'ballot.opened': 'a ouvert un scrutin',
      'ballot.closed': 'a clos un scrutin',
      silence: 'a agi sur une procédure d’approbation tacite',
      'last-call.opened': 'a ouvert un dernier appel',
      bracket: 'a agi sur des crochets',
      clause: 'a changé le statut {du}',
      membership: 'a modifié la composition',
      chair: 'a agi sur la présidence',
    },
    'a agi',
  ),
  code: (v) => ({ passed: 'adopté', failed: 'rejeté', 'no-quorum': 'quorum non atteint', accepted: 'accepté', noted: 'pris en note', rejected: 'rejeté' })[v] ?? v,
};

/** "Ana Ruiz (Access Now, civil society)": the actor with their affiliation at the moment of the act. */
export function notificationActor(n: Pick<N, 'actor'>, lang: NotificationLanguage): string {
  const w = lang === 'fr' ? FR : EN;
  if (!n.actor) return w.system;
  const name = n.actor.name ?? w.someone;
  const s = n.actor.snapshot;
  return s ? `${name} (${s.organisationName}, ${w.groups[s.stakeholderGroup]})` : name;
}

type Sentences = Record<NotificationKind, (n: N, w: Words, actor: string) => string>;

const EN_SENTENCES: Sentences = {
  'ballot-opened': (n, w) => `A ballot in which you may vote opened: ${w.quote(n.subject.title ?? '')}, closing ${w.date(fact(n, 'closesAt'))}.`,
  'ballot-closing-soon': (n, w) =>
    `${fact(n, 'within') === '1h' ? 'One hour' : '24 hours'} left to vote in ${w.quote(n.subject.title ?? '')}: it closes ${w.date(fact(n, 'closesAt'))} and you have not voted.`,
  'ballot-closed': (n, w) => `The ballot ${w.quote(n.subject.title ?? '')} closed: ${w.code(fact(n, 'outcome')) || 'see the result'}.`,
  'join-request-decided': (n, w) => `Your request to join ${w.where(n)} was ${fact(n, 'decision') === 'admitted' ? 'accepted' : 'refused'}.`,
  nominated: (n, w, a) => `${a} nominated you to chair ${w.where(n)}.`,
  'clarification-answered': (n, w, a) => `${a} answered your clarification question on ${w.where(n)}.`,
  'comment-disposed': (n, w, a) => `${a} disposed of your comment on ${w.where(n)}: ${w.code(fact(n, 'disposition'))}.`,
  'amendment-balloted': (n, w) => `Your amendment to ${w.where(n)} is put to a ballot${n.subject.title ? `: ${w.quote(n.subject.title)}` : ''}.`,
  'amendment-decided': (n, w) => `Your amendment to ${w.where(n)} was ${fact(n, 'decision') === 'accepted' ? 'accepted' : 'rejected'}.`,
  'amendment-outdated': (n, w) => `Your amendment to ${w.where(n)} is outdated: the clause changed since you proposed it.`,
  'cosponsorship-requested': (n, w, a) =>
    fact(n, 'way') === 'cosponsored' ? `${a} co-sponsored your amendment to ${w.where(n)}.` : `${a} asks you to co-sponsor an amendment to ${w.where(n)}.`,
  'comment-reply': (n, w, a) => `${a} replied to your comment on ${w.where(n)}${fact(n, 'excerpt') ? `: ${w.quote(fact(n, 'excerpt'))}` : '.'}`,
  mentioned: (n, w, a) => `${a} mentioned you on ${w.where(n)}${fact(n, 'excerpt') ? `: ${w.quote(fact(n, 'excerpt'))}` : '.'}`,
  'join-request-received': (n, w, a) => `${a} asks to join ${w.where(n)}.`,
  'clarification-unanswered': (n, w, a) => `${a} asked a clarification question on ${w.where(n)} that awaits an answer.`,
  'amendment-awaiting-recommendation': (n, w, a) => `${a} proposed an amendment to ${w.where(n)} that awaits the chair’s recommendation.`,
  'affiliation-to-confirm': (n, _w, a) => `${a} declared an affiliation to ${fact(n, 'organisation')} that awaits your confirmation.`,
  'silence-started': (n, w) => `${w.where(n)} is under silence procedure until ${w.date(fact(n, 'deadline'))}: it is adopted unless a member objects.`,
  'silence-deadline-soon': (n, w) => `The silence procedure on ${w.where(n)} ends ${w.date(fact(n, 'deadline'))}.`,
  'silence-concluded': (n, w, a) =>
    fact(n, 'outcome') === 'passed'
      ? `Silence was not broken: ${w.where(n)} is adopted.`
      : fact(n, 'outcome') === 'broken'
        ? `${a} broke the silence procedure on ${w.where(n)}.`
        : `The silence procedure on ${w.where(n)} was withdrawn.`,
  'admission-proposed': (n, w) => `${fact(n, 'applicant')} asks to join ${w.where(n)}: members may object until ${w.date(fact(n, 'until'))}.`,
  'last-call-opened': (n, w) => `Last call on ${w.where(n)}, until ${w.date(fact(n, 'closesAt'))}.`,
  'followed-activity': (n, w, a) => `${a} ${placed(w.activity(fact(n, 'activity')), w.where(n), (p) => `on ${p}`)}.`,
};

const FR_SENTENCES: Sentences = {
  'ballot-opened': (n, w) => `Un scrutin où vous pouvez voter est ouvert : ${w.quote(n.subject.title ?? '')}, clôture le ${w.date(fact(n, 'closesAt'))}.`,
  'ballot-closing-soon': (n, w) =>
    `Plus que ${fact(n, 'within') === '1h' ? 'une heure' : '24 heures'} pour voter sur ${w.quote(n.subject.title ?? '')} : clôture le ${w.date(fact(n, 'closesAt'))}, et vous n’avez pas voté.`,
  'ballot-closed': (n, w) => `Le scrutin ${w.quote(n.subject.title ?? '')} est clos : ${w.code(fact(n, 'outcome')) || 'voir le résultat'}.`,
  'join-request-decided': (n, w) => `Votre demande d’adhésion ${frTo(w.where(n))} a été ${fact(n, 'decision') === 'admitted' ? 'acceptée' : 'refusée'}.`,
  nominated: (n, w, a) => `${a} vous a proposé à la présidence ${frOf(w.where(n))}.`,
  'clarification-answered': (n, w, a) => `${a} a répondu à votre demande de clarification sur ${w.where(n)}.`,
  'comment-disposed': (n, w, a) => `${a} a statué sur votre commentaire sur ${w.where(n)} : ${w.code(fact(n, 'disposition'))}.`,
  'amendment-balloted': (n, w) => `Votre amendement ${frTo(w.where(n))} est mis aux voix${n.subject.title ? ` : ${w.quote(n.subject.title)}` : ''}.`,
  'amendment-decided': (n, w) => `Votre amendement ${frTo(w.where(n))} a été ${fact(n, 'decision') === 'accepted' ? 'accepté' : 'rejeté'}.`,
  'amendment-outdated': (n, w) => `Votre amendement ${frTo(w.where(n))} est périmé : le paragraphe a changé depuis votre proposition.`,
  'cosponsorship-requested': (n, w, a) =>
    fact(n, 'way') === 'cosponsored' ? `${a} coparraine votre amendement ${frTo(w.where(n))}.` : `${a} vous invite à coparrainer un amendement ${frTo(w.where(n))}.`,
  'comment-reply': (n, w, a) => `${a} a répondu à votre commentaire sur ${w.where(n)}${fact(n, 'excerpt') ? ` : ${w.quote(fact(n, 'excerpt'))}` : '.'}`,
  mentioned: (n, w, a) => `${a} vous a mentionné sur ${w.where(n)}${fact(n, 'excerpt') ? ` : ${w.quote(fact(n, 'excerpt'))}` : '.'}`,
  'join-request-received': (n, w, a) => `${a} demande à rejoindre ${w.where(n)}.`,
  'clarification-unanswered': (n, w, a) => `${a} a posé sur ${w.where(n)} une demande de clarification qui attend une réponse.`,
  'amendment-awaiting-recommendation': (n, w, a) => `${a} a proposé ${frTo(w.where(n))} un amendement qui attend la recommandation de la présidence.`,
  'affiliation-to-confirm': (n, _w, a) => `${a} a déclaré une affiliation à ${fact(n, 'organisation')} qui attend votre confirmation.`,
  'silence-started': (n, w) => `${w.where(n)} est soumis à la procédure d’approbation tacite jusqu’au ${w.date(fact(n, 'deadline'))} : adopté sauf objection d’un membre.`,
  'silence-deadline-soon': (n, w) => `La procédure d’approbation tacite sur ${w.where(n)} prend fin le ${w.date(fact(n, 'deadline'))}.`,
  'silence-concluded': (n, w, a) =>
    fact(n, 'outcome') === 'passed'
      ? `Aucune objection : ${w.where(n)} est adopté.`
      : fact(n, 'outcome') === 'broken'
        ? `${a} a rompu la procédure d’approbation tacite sur ${w.where(n)}.`
        : `La procédure d’approbation tacite sur ${w.where(n)} a été retirée.`,
  'admission-proposed': (n, w) => `${fact(n, 'applicant')} demande à rejoindre ${w.where(n)} : les membres peuvent s’y opposer jusqu’au ${w.date(fact(n, 'until'))}.`,
  'last-call-opened': (n, w) => `Dernier appel sur ${w.where(n)}, jusqu’au ${w.date(fact(n, 'closesAt'))}.`,
  'followed-activity': (n, w, a) => `${a} ${placed(w.activity(fact(n, 'activity')), w.where(n), (p) => `sur ${p}`)}.`,
};

/** The notification as one sentence in `lang` ('en' or 'fr'; anything else reads in English until #23). */
export function notificationSentence(n: N, lang: string): string {
  const l = notificationLanguageOf(lang);
  const w = l === 'fr' ? FR : EN;
  return (l === 'fr' ? FR_SENTENCES : EN_SENTENCES)[n.kind](n, w, notificationActor(n, l));
}
