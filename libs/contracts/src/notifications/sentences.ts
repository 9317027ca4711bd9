import type { NotificationKind, StakeholderGroup } from '@parley/domain';
import type { NotificationView } from './views';
import { directionOf, isUnLanguage, UN_LANGUAGES, type UnLanguage } from '../languages';

/**
 * Each notification as one sentence in the reader's language, in the audit sentences' style
 * ("Ana Ruiz (Access Now, civil society) mentioned you on paragraph 3 of “Paris Call…”"). One function
 * for the centre, the e-mail and the digest, on the server and in the browser, so a notification
 * reads the same everywhere. A new kind does not compile until it has a sentence in each language.
 */
export const NOTIFICATION_LANGUAGES = UN_LANGUAGES;
export type NotificationLanguage = UnLanguage;
/** A person's language as notifications read it: one of the six UN languages ("fr-CA" reads French), else English. */
export const notificationLanguageOf = (lang: string | null | undefined): NotificationLanguage => {
  const l = lang?.split('-')[0].toLowerCase();
  return isUnLanguage(l) ? l : 'en';
};

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
  /** "Ana Ruiz (Access Now, civil society)" */
  actor: (name: string, organisation: string, group: string) => string;
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
  actor: (name, o, g) => `${name} (${o}, ${g})`,
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
  code: (v) =>
    ({ passed: 'adopté', failed: 'rejeté', 'no-quorum': 'quorum non atteint', accepted: 'accepté', noted: 'pris en note', rejected: 'rejeté' })[v] ?? v,
  actor: (name, o, g) => `${name} (${o}, ${g})`,
};

const AR: Words = {
  groups: { government: 'الحكومات', 'private-sector': 'القطاع الخاص', 'civil-society': 'المجتمع المدني' },
  someone: 'شخص ما',
  system: 'Parley',
  quote: (s) => `«\u2068${s}\u2069»`, // isolated: a Latin title keeps its order inside the Arabic sentence
  where: (n) => {
    const doc = n.document ? `«\u2068${n.document.title}\u2069»` : n.group ? `الفريق العامل «\u2068${n.group.name}\u2069»` : 'Parley';
    return n.subject.label && n.document ? `الفقرة ${paragraphNumber(n.subject.label)} من ${doc}` : doc;
  },
  date: dateIn('ar-u-nu-latn'),
  activity: activityIn(
    {
      'comment.posted': 'علّق على {place}',
      'comment.disposed': 'اتخذ إجراءً بشأن تعليق على {place}',
      'amendment.proposed': 'اقترح تعديلًا على {place}',
      amendment: 'اتخذ إجراءً بشأن تعديل على {place}',
      'document.created': 'أنشأ وثيقة في {place}',
      'version.created': 'أصدر صيغة جديدة من {place}',
      'version.adopted': 'اعتمد صيغة من {place}',
      'version.published': 'نشر صيغة من {place}',
      'ballot.opened': 'فتح اقتراعًا في {place}',
      'ballot.closed': 'أقفل اقتراعًا في {place}',
      silence: 'اتخذ إجراءً بشأن إجراء الموافقة الضمنية على {place}',
      'last-call.opened': 'وجّه الدعوة الأخيرة بشأن {place}',
      bracket: 'اتخذ إجراءً بشأن أقواس معقوفة في {place}',
      clause: 'غيّر وضع {place}',
      membership: 'عدّل العضوية في {place}',
      chair: 'اتخذ إجراءً بشأن الرئاسة في {place}',
    },
    'اتخذ إجراءً بشأن {place}',
  ),
  code: (v) => ({ passed: 'اعتُمد', failed: 'رُفض', 'no-quorum': 'لم يكتمل النصاب', accepted: 'قُبل', noted: 'أُحيط به علمًا', rejected: 'رُفض' })[v] ?? v,
  actor: (name, o, g) => `${name} (${o}، ${g})`,
};

const ZH: Words = {
  groups: { government: '政府', 'private-sector': '私营部门', 'civil-society': '民间社会' },
  someone: '某人',
  system: 'Parley',
  quote: (s) => `“${s}”`,
  where: (n) => {
    const doc = n.document ? `“${n.document.title}”` : n.group ? `工作组“${n.group.name}”` : 'Parley';
    return n.subject.label && n.document ? `${doc}第${paragraphNumber(n.subject.label)}段` : doc;
  },
  date: dateIn('zh-CN'),
  activity: activityIn(
    {
      'comment.posted': '对{place}提出了评论',
      'comment.disposed': '处理了关于{place}的一条评论',
      'amendment.proposed': '对{place}提出了一项修正案',
      amendment: '处理了对{place}的一项修正案',
      'document.created': '在{place}创建了一份文件',
      'version.created': '印发了{place}的新版本',
      'version.adopted': '通过了{place}的一个版本',
      'version.published': '公开了{place}的一个版本',
      'ballot.opened': '在{place}发起了一次表决',
      'ballot.closed': '结束了{place}的一次表决',
      silence: '处理了{place}的默许程序',
      'last-call.opened': '对{place}发起了最后征求意见',
      bracket: '处理了{place}中的方括号',
      clause: '更改了{place}的状态',
      membership: '更改了{place}的成员组成',
      chair: '处理了{place}的主席事宜',
    },
    '对{place}采取了行动',
  ),
  code: (v) => ({ passed: '通过', failed: '未通过', 'no-quorum': '未达法定人数', accepted: '采纳', noted: '注意到', rejected: '不予采纳' })[v] ?? v,
  actor: (name, o, g) => `${name}（${o}，${g}）`,
};

const RU: Words = {
  groups: { government: 'правительства', 'private-sector': 'частный сектор', 'civil-society': 'гражданское общество' },
  someone: 'Кто-то',
  system: 'Parley',
  quote: (s) => `«${s}»`,
  where: (n) => {
    const doc = n.document ? `«${n.document.title}»` : n.group ? `группа «${n.group.name}»` : 'Parley';
    return n.subject.label && n.document ? `пункт ${paragraphNumber(n.subject.label)} документа ${doc}` : doc;
  },
  date: dateIn('ru-RU'),
  activity: activityIn(
    {
      'comment.posted': 'представил(а) замечание',
      'comment.disposed': 'принял(а) решение по замечанию',
      'amendment.proposed': 'предложил(а) поправку',
      amendment: 'совершил(а) действие с поправкой',
      'document.created': 'создал(а) документ',
      'version.created': 'выпустил(а) новую версию',
      'version.adopted': 'принял(а) версию',
      'version.published': 'опубликовал(а) версию',
      'ballot.opened': 'открыл(а) голосование',
      'ballot.closed': 'закрыл(а) голосование',
      silence: 'совершил(а) действие в рамках процедуры умолчания',
      'last-call.opened': 'объявил(а) последний раунд замечаний',
      bracket: 'совершил(а) действие с квадратными скобками',
      clause: 'изменил(а) статус: {place}',
      membership: 'изменил(а) состав',
      chair: 'совершил(а) действие в отношении председателя',
    },
    'совершил(а) действие',
  ),
  code: (v) =>
    ({ passed: 'принято', failed: 'отклонено', 'no-quorum': 'нет кворума', accepted: 'принято', noted: 'принято к сведению', rejected: 'отклонено' })[v] ?? v,
  actor: (name, o, g) => `${name} (${o}, ${g})`,
};

const ES: Words = {
  groups: { government: 'gobierno', 'private-sector': 'sector privado', 'civil-society': 'sociedad civil' },
  someone: 'Alguien',
  system: 'Parley',
  quote: (s) => `“${s}”`,
  where: (n) => {
    const doc = n.document ? `“${n.document.title}”` : n.group ? `el grupo “${n.group.name}”` : 'Parley';
    return n.subject.label && n.document ? `el párrafo ${paragraphNumber(n.subject.label)} de ${doc}` : doc;
  },
  date: dateIn('es-ES'),
  activity: activityIn(
    {
      'comment.posted': 'formuló una observación',
      'comment.disposed': 'dio curso a una observación',
      'amendment.proposed': 'propuso una enmienda',
      amendment: 'actuó sobre una enmienda',
      'document.created': 'creó un documento',
      'version.created': 'publicó una nueva versión',
      'version.adopted': 'aprobó una versión',
      'version.published': 'hizo pública una versión',
      'ballot.opened': 'abrió una votación',
      'ballot.closed': 'cerró una votación',
      silence: 'actuó sobre un procedimiento de acuerdo tácito',
      'last-call.opened': 'abrió un último llamamiento',
      bracket: 'actuó sobre unos corchetes',
      clause: 'cambió el estado de {place}',
      membership: 'modificó la composición',
      chair: 'actuó sobre la presidencia',
    },
    'actuó',
  ),
  code: (v) =>
    ({ passed: 'aprobada', failed: 'rechazada', 'no-quorum': 'sin quórum', accepted: 'aceptada', noted: 'se toma nota', rejected: 'rechazada' })[
      v
    ] ?? v,
  actor: (name, o, g) => `${name} (${o}, ${g})`,
};

const WORDS: Record<NotificationLanguage, Words> = { ar: AR, zh: ZH, en: EN, fr: FR, ru: RU, es: ES };

/** "Ana Ruiz (Access Now, civil society)": the actor with their affiliation at the moment of the act. */
export function notificationActor(n: Pick<N, 'actor'>, lang: NotificationLanguage): string {
  const w = WORDS[lang];
  if (!n.actor) return w.system;
  // In Arabic, a Latin name or organisation is isolated (FSI … PDI), so it cannot reorder the words around it.
  const isolate = (text: string) => (directionOf(lang) === 'rtl' ? `\u2068${text}\u2069` : text);
  const name = n.actor.name === null ? w.someone : isolate(n.actor.name);
  const s = n.actor.snapshot;
  return s ? w.actor(name, isolate(s.organisationName), w.groups[s.stakeholderGroup]) : name;
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
    fact(n, 'way') === 'cosponsored'
      ? `${a} coparraine votre amendement ${frTo(w.where(n))}.`
      : `${a} vous invite à coparrainer un amendement ${frTo(w.where(n))}.`,
  'comment-reply': (n, w, a) => `${a} a répondu à votre commentaire sur ${w.where(n)}${fact(n, 'excerpt') ? ` : ${w.quote(fact(n, 'excerpt'))}` : '.'}`,
  mentioned: (n, w, a) => `${a} vous a mentionné sur ${w.where(n)}${fact(n, 'excerpt') ? ` : ${w.quote(fact(n, 'excerpt'))}` : '.'}`,
  'join-request-received': (n, w, a) => `${a} demande à rejoindre ${w.where(n)}.`,
  'clarification-unanswered': (n, w, a) => `${a} a posé sur ${w.where(n)} une demande de clarification qui attend une réponse.`,
  'amendment-awaiting-recommendation': (n, w, a) => `${a} a proposé ${frTo(w.where(n))} un amendement qui attend la recommandation de la présidence.`,
  'affiliation-to-confirm': (n, _w, a) => `${a} a déclaré une affiliation à ${fact(n, 'organisation')} qui attend votre confirmation.`,
  'silence-started': (n, w) =>
    `${w.where(n)} est soumis à la procédure d’approbation tacite jusqu’au ${w.date(fact(n, 'deadline'))} : adopté sauf objection d’un membre.`,
  'silence-deadline-soon': (n, w) => `La procédure d’approbation tacite sur ${w.where(n)} prend fin le ${w.date(fact(n, 'deadline'))}.`,
  'silence-concluded': (n, w, a) =>
    fact(n, 'outcome') === 'passed'
      ? `Aucune objection : ${w.where(n)} est adopté.`
      : fact(n, 'outcome') === 'broken'
        ? `${a} a rompu la procédure d’approbation tacite sur ${w.where(n)}.`
        : `La procédure d’approbation tacite sur ${w.where(n)} a été retirée.`,
  'admission-proposed': (n, w) =>
    `${fact(n, 'applicant')} demande à rejoindre ${w.where(n)} : les membres peuvent s’y opposer jusqu’au ${w.date(fact(n, 'until'))}.`,
  'last-call-opened': (n, w) => `Dernier appel sur ${w.where(n)}, jusqu’au ${w.date(fact(n, 'closesAt'))}.`,
  'followed-activity': (n, w, a) => `${a} ${placed(w.activity(fact(n, 'activity')), w.where(n), (p) => `sur ${p}`)}.`,
};

const AR_SENTENCES: Sentences = {
  'ballot-opened': (n, w) => `فُتح اقتراع يحق لك التصويت فيه: ${w.quote(n.subject.title ?? '')}، ويُقفل في ${w.date(fact(n, 'closesAt'))}.`,
  'ballot-closing-soon': (n, w) =>
    `${fact(n, 'within') === '1h' ? 'بقيت ساعة واحدة' : 'بقيت 24 ساعة'} للتصويت في ${w.quote(n.subject.title ?? '')}: يُقفل الاقتراع في ${w.date(fact(n, 'closesAt'))} ولم تصوّت بعد.`,
  'ballot-closed': (n, w) => `أُقفل الاقتراع ${w.quote(n.subject.title ?? '')}: ${w.code(fact(n, 'outcome')) || 'انظر النتيجة'}.`,
  'join-request-decided': (n, w) => `${fact(n, 'decision') === 'admitted' ? 'قُبل' : 'رُفض'} طلبك الانضمام إلى ${w.where(n)}.`,
  nominated: (n, w, a) => `رشّحك ${a} لرئاسة ${w.where(n)}.`,
  'clarification-answered': (n, w, a) => `أجاب ${a} عن طلب التوضيح الذي قدّمته بشأن ${w.where(n)}.`,
  'comment-disposed': (n, w, a) => `اتخذ ${a} إجراءً بشأن تعليقك على ${w.where(n)}: ${w.code(fact(n, 'disposition'))}.`,
  'amendment-balloted': (n, w) => `طُرح تعديلك على ${w.where(n)} للاقتراع${n.subject.title ? `: ${w.quote(n.subject.title)}` : ''}.`,
  'amendment-decided': (n, w) => `${fact(n, 'decision') === 'accepted' ? 'قُبل' : 'رُفض'} تعديلك على ${w.where(n)}.`,
  'amendment-outdated': (n, w) => `تجاوز النصُّ تعديلَك على ${w.where(n)}: فقد تغيّرت الفقرة منذ أن اقترحته.`,
  'cosponsorship-requested': (n, w, a) =>
    fact(n, 'way') === 'cosponsored' ? `شارك ${a} في تقديم تعديلك على ${w.where(n)}.` : `يدعوك ${a} إلى المشاركة في تقديم تعديل على ${w.where(n)}.`,
  'comment-reply': (n, w, a) => `ردّ ${a} على تعليقك على ${w.where(n)}${fact(n, 'excerpt') ? `: ${w.quote(fact(n, 'excerpt'))}` : '.'}`,
  mentioned: (n, w, a) => `أشار إليك ${a} في ${w.where(n)}${fact(n, 'excerpt') ? `: ${w.quote(fact(n, 'excerpt'))}` : '.'}`,
  'join-request-received': (n, w, a) => `يطلب ${a} الانضمام إلى ${w.where(n)}.`,
  'clarification-unanswered': (n, w, a) => `قدّم ${a} طلب توضيح بشأن ${w.where(n)} ينتظر ردًا.`,
  'amendment-awaiting-recommendation': (n, w, a) => `اقترح ${a} تعديلًا على ${w.where(n)} ينتظر توصية الرئاسة.`,
  'affiliation-to-confirm': (n, _w, a) => `أعلن ${a} انتماءه إلى ${fact(n, 'organisation')}، وينتظر ذلك تأكيدك.`,
  'silence-started': (n, w) => `يخضع ${w.where(n)} لإجراء الموافقة الضمنية حتى ${w.date(fact(n, 'deadline'))}: يُعتمد ما لم يعترض عضو.`,
  'silence-deadline-soon': (n, w) => `ينتهي إجراء الموافقة الضمنية بشأن ${w.where(n)} في ${w.date(fact(n, 'deadline'))}.`,
  'silence-concluded': (n, w, a) =>
    fact(n, 'outcome') === 'passed'
      ? `لم يُكسر الصمت: اعتُمد ${w.where(n)}.`
      : fact(n, 'outcome') === 'broken'
        ? `كسر ${a} إجراء الموافقة الضمنية بشأن ${w.where(n)}.`
        : `سُحب إجراء الموافقة الضمنية بشأن ${w.where(n)}.`,
  'admission-proposed': (n, w) => `يطلب ${fact(n, 'applicant')} الانضمام إلى ${w.where(n)}: يجوز للأعضاء الاعتراض حتى ${w.date(fact(n, 'until'))}.`,
  'last-call-opened': (n, w) => `الدعوة الأخيرة بشأن ${w.where(n)}، حتى ${w.date(fact(n, 'closesAt'))}.`,
  'followed-activity': (n, w, a) => `${a} ${placed(w.activity(fact(n, 'activity')), w.where(n), (p) => `بشأن ${p}`)}.`,
};

const ZH_SENTENCES: Sentences = {
  'ballot-opened': (n, w) => `一项您可以参加的表决已开始：${w.quote(n.subject.title ?? '')}，截止时间为${w.date(fact(n, 'closesAt'))}。`,
  'ballot-closing-soon': (n, w) =>
    `距离${w.quote(n.subject.title ?? '')}表决截止还剩${fact(n, 'within') === '1h' ? '一小时' : '24小时'}：截止时间为${w.date(fact(n, 'closesAt'))}，您尚未投票。`,
  'ballot-closed': (n, w) => `表决${w.quote(n.subject.title ?? '')}已结束：${w.code(fact(n, 'outcome')) || '请查看结果'}。`,
  'join-request-decided': (n, w) => `您加入${w.where(n)}的申请${fact(n, 'decision') === 'admitted' ? '已获接受' : '被拒绝'}。`,
  nominated: (n, w, a) => `${a}提名您担任${w.where(n)}的主席。`,
  'clarification-answered': (n, w, a) => `${a}答复了您就${w.where(n)}提出的澄清问题。`,
  'comment-disposed': (n, w, a) => `${a}处理了您对${w.where(n)}的评论：${w.code(fact(n, 'disposition'))}。`,
  'amendment-balloted': (n, w) => `您对${w.where(n)}的修正案已付诸表决${n.subject.title ? `：${w.quote(n.subject.title)}` : ''}。`,
  'amendment-decided': (n, w) => `您对${w.where(n)}的修正案${fact(n, 'decision') === 'accepted' ? '已获接受' : '已被否决'}。`,
  'amendment-outdated': (n, w) => `您对${w.where(n)}的修正案已过时：该段落在您提出修正案后已有改动。`,
  'cosponsorship-requested': (n, w, a) =>
    fact(n, 'way') === 'cosponsored' ? `${a}成为您对${w.where(n)}的修正案的共同提案方。` : `${a}邀请您成为对${w.where(n)}的一项修正案的共同提案方。`,
  'comment-reply': (n, w, a) => `${a}回复了您对${w.where(n)}的评论${fact(n, 'excerpt') ? `：${w.quote(fact(n, 'excerpt'))}` : '。'}`,
  mentioned: (n, w, a) => `${a}在${w.where(n)}中提到了您${fact(n, 'excerpt') ? `：${w.quote(fact(n, 'excerpt'))}` : '。'}`,
  'join-request-received': (n, w, a) => `${a}申请加入${w.where(n)}。`,
  'clarification-unanswered': (n, w, a) => `${a}就${w.where(n)}提出的澄清问题尚待答复。`,
  'amendment-awaiting-recommendation': (n, w, a) => `${a}对${w.where(n)}提出的修正案正等待主席的建议。`,
  'affiliation-to-confirm': (n, _w, a) => `${a}声明其所属机构为${fact(n, 'organisation')}，有待您确认。`,
  'silence-started': (n, w) => `${w.where(n)}适用默许程序，截止时间为${w.date(fact(n, 'deadline'))}：如无成员反对即视为通过。`,
  'silence-deadline-soon': (n, w) => `关于${w.where(n)}的默许程序将于${w.date(fact(n, 'deadline'))}结束。`,
  'silence-concluded': (n, w, a) =>
    fact(n, 'outcome') === 'passed'
      ? `默许未被打破：${w.where(n)}获得通过。`
      : fact(n, 'outcome') === 'broken'
        ? `${a}打破了关于${w.where(n)}的默许程序。`
        : `关于${w.where(n)}的默许程序已撤回。`,
  'admission-proposed': (n, w) => `${fact(n, 'applicant')}申请加入${w.where(n)}：成员可在${w.date(fact(n, 'until'))}之前提出反对。`,
  'last-call-opened': (n, w) => `对${w.where(n)}的最后征求意见，截止时间为${w.date(fact(n, 'closesAt'))}。`,
  'followed-activity': (n, w, a) => `${a}${placed(w.activity(fact(n, 'activity')), w.where(n), (p) => `（${p}）`)}。`,
};

const RU_SENTENCES: Sentences = {
  'ballot-opened': (n, w) =>
    `Открыто голосование, в котором вы можете участвовать: ${w.quote(n.subject.title ?? '')}; оно закрывается ${w.date(fact(n, 'closesAt'))}.`,
  'ballot-closing-soon': (n, w) =>
    `${fact(n, 'within') === '1h' ? 'Остался один час' : 'Осталось 24 часа'}, чтобы проголосовать по вопросу ${w.quote(n.subject.title ?? '')}: голосование закрывается ${w.date(fact(n, 'closesAt'))}, а вы еще не проголосовали.`,
  'ballot-closed': (n, w) => `Голосование ${w.quote(n.subject.title ?? '')} закрыто: ${w.code(fact(n, 'outcome')) || 'см. результат'}.`,
  'join-request-decided': (n, w) => `Ваша заявка на вступление (${w.where(n)}) ${fact(n, 'decision') === 'admitted' ? 'принята' : 'отклонена'}.`,
  nominated: (n, w, a) => `${a} выдвинул(а) вашу кандидатуру на пост председателя (${w.where(n)}).`,
  'clarification-answered': (n, w, a) => `${a} ответил(а) на ваш вопрос о разъяснении (${w.where(n)}).`,
  'comment-disposed': (n, w, a) => `${a} принял(а) решение по вашему замечанию (${w.where(n)}): ${w.code(fact(n, 'disposition'))}.`,
  'amendment-balloted': (n, w) => `Ваша поправка (${w.where(n)}) поставлена на голосование${n.subject.title ? `: ${w.quote(n.subject.title)}` : ''}.`,
  'amendment-decided': (n, w) => `Ваша поправка (${w.where(n)}) ${fact(n, 'decision') === 'accepted' ? 'принята' : 'отклонена'}.`,
  'amendment-outdated': (n, w) => `Ваша поправка (${w.where(n)}) утратила актуальность: пункт изменился после того, как вы ее предложили.`,
  'cosponsorship-requested': (n, w, a) =>
    fact(n, 'way') === 'cosponsored'
      ? `${a} стал(а) соавтором вашей поправки (${w.where(n)}).`
      : `${a} предлагает вам стать соавтором поправки (${w.where(n)}).`,
  'comment-reply': (n, w, a) => `${a} ответил(а) на ваше замечание (${w.where(n)})${fact(n, 'excerpt') ? `: ${w.quote(fact(n, 'excerpt'))}` : '.'}`,
  mentioned: (n, w, a) => `${a} упомянул(а) вас (${w.where(n)})${fact(n, 'excerpt') ? `: ${w.quote(fact(n, 'excerpt'))}` : '.'}`,
  'join-request-received': (n, w, a) => `${a} просит принять его (ее) в группу (${w.where(n)}).`,
  'clarification-unanswered': (n, w, a) => `${a} задал(а) вопрос о разъяснении (${w.where(n)}), который ждет ответа.`,
  'amendment-awaiting-recommendation': (n, w, a) => `${a} предложил(а) поправку (${w.where(n)}), которая ждет рекомендации председателя.`,
  'affiliation-to-confirm': (n, _w, a) => `${a} заявил(а) о принадлежности к организации ${fact(n, 'organisation')}; требуется ваше подтверждение.`,
  'silence-started': (n, w) =>
    `Процедура умолчания (${w.where(n)}) действует до ${w.date(fact(n, 'deadline'))}: текст принимается, если никто из членов не возразит.`,
  'silence-deadline-soon': (n, w) => `Процедура умолчания (${w.where(n)}) заканчивается ${w.date(fact(n, 'deadline'))}.`,
  'silence-concluded': (n, w, a) =>
    fact(n, 'outcome') === 'passed'
      ? `Процедура умолчания не прервана: ${w.where(n)} — принято.`
      : fact(n, 'outcome') === 'broken'
        ? `${a} прервал(а) процедуру умолчания (${w.where(n)}).`
        : `Процедура умолчания (${w.where(n)}) отменена.`,
  'admission-proposed': (n, w) => `${fact(n, 'applicant')} просит о вступлении (${w.where(n)}): члены могут возразить до ${w.date(fact(n, 'until'))}.`,
  'last-call-opened': (n, w) => `Последний раунд замечаний (${w.where(n)}) — до ${w.date(fact(n, 'closesAt'))}.`,
  'followed-activity': (n, w, a) => `${a} ${placed(w.activity(fact(n, 'activity')), w.where(n), (p) => `(${p})`)}.`,
};

const ES_SENTENCES: Sentences = {
  'ballot-opened': (n, w) =>
    `Se ha abierto una votación en la que puede votar: ${w.quote(n.subject.title ?? '')}, que se cierra el ${w.date(fact(n, 'closesAt'))}.`,
  'ballot-closing-soon': (n, w) =>
    `${fact(n, 'within') === '1h' ? 'Queda una hora' : 'Quedan 24 horas'} para votar en ${w.quote(n.subject.title ?? '')}: se cierra el ${w.date(fact(n, 'closesAt'))} y usted no ha votado.`,
  'ballot-closed': (n, w) => `Se ha cerrado la votación ${w.quote(n.subject.title ?? '')}: ${w.code(fact(n, 'outcome')) || 'consulte el resultado'}.`,
  'join-request-decided': (n, w) => `Su solicitud de ingreso en ${w.where(n)} ha sido ${fact(n, 'decision') === 'admitted' ? 'aceptada' : 'rechazada'}.`,
  nominated: (n, w, a) => `${a} le ha propuesto para la presidencia de ${w.where(n)}.`,
  'clarification-answered': (n, w, a) => `${a} ha respondido a su solicitud de aclaración sobre ${w.where(n)}.`,
  'comment-disposed': (n, w, a) => `${a} ha dado curso a su observación sobre ${w.where(n)}: ${w.code(fact(n, 'disposition'))}.`,
  'amendment-balloted': (n, w) => `Su enmienda a ${w.where(n)} se ha sometido a votación${n.subject.title ? `: ${w.quote(n.subject.title)}` : ''}.`,
  'amendment-decided': (n, w) => `Su enmienda a ${w.where(n)} ha sido ${fact(n, 'decision') === 'accepted' ? 'aceptada' : 'rechazada'}.`,
  'amendment-outdated': (n, w) => `Su enmienda a ${w.where(n)} ha quedado obsoleta: el párrafo ha cambiado desde que la propuso.`,
  'cosponsorship-requested': (n, w, a) =>
    fact(n, 'way') === 'cosponsored' ? `${a} ha copatrocinado su enmienda a ${w.where(n)}.` : `${a} le invita a copatrocinar una enmienda a ${w.where(n)}.`,
  'comment-reply': (n, w, a) => `${a} ha respondido a su observación sobre ${w.where(n)}${fact(n, 'excerpt') ? `: ${w.quote(fact(n, 'excerpt'))}` : '.'}`,
  mentioned: (n, w, a) => `${a} le ha mencionado en ${w.where(n)}${fact(n, 'excerpt') ? `: ${w.quote(fact(n, 'excerpt'))}` : '.'}`,
  'join-request-received': (n, w, a) => `${a} solicita unirse a ${w.where(n)}.`,
  'clarification-unanswered': (n, w, a) => `${a} ha formulado sobre ${w.where(n)} una solicitud de aclaración que espera respuesta.`,
  'amendment-awaiting-recommendation': (n, w, a) => `${a} ha propuesto una enmienda a ${w.where(n)} que espera la recomendación de la presidencia.`,
  'affiliation-to-confirm': (n, _w, a) => `${a} ha declarado una afiliación a ${fact(n, 'organisation')} que espera su confirmación.`,
  'silence-started': (n, w) =>
    `${w.where(n)} está sometido a un procedimiento de acuerdo tácito hasta el ${w.date(fact(n, 'deadline'))}: se aprueba salvo que un miembro se oponga.`,
  'silence-deadline-soon': (n, w) => `El procedimiento de acuerdo tácito sobre ${w.where(n)} termina el ${w.date(fact(n, 'deadline'))}.`,
  'silence-concluded': (n, w, a) =>
    fact(n, 'outcome') === 'passed'
      ? `No se rompió el silencio: ${w.where(n)} queda aprobado.`
      : fact(n, 'outcome') === 'broken'
        ? `${a} rompió el procedimiento de acuerdo tácito sobre ${w.where(n)}.`
        : `Se retiró el procedimiento de acuerdo tácito sobre ${w.where(n)}.`,
  'admission-proposed': (n, w) => `${fact(n, 'applicant')} solicita unirse a ${w.where(n)}: los miembros pueden oponerse hasta el ${w.date(fact(n, 'until'))}.`,
  'last-call-opened': (n, w) => `Último llamamiento sobre ${w.where(n)}, hasta el ${w.date(fact(n, 'closesAt'))}.`,
  'followed-activity': (n, w, a) => `${a} ${placed(w.activity(fact(n, 'activity')), w.where(n), (p) => `en ${p}`)}.`,
};

const SENTENCES: Record<NotificationLanguage, Sentences> = {
  ar: AR_SENTENCES,
  zh: ZH_SENTENCES,
  en: EN_SENTENCES,
  fr: FR_SENTENCES,
  ru: RU_SENTENCES,
  es: ES_SENTENCES,
};

/** The notification as one sentence in `lang` (one of the six UN languages; anything else reads in English). */
export function notificationSentence(n: N, lang: string): string {
  const l = notificationLanguageOf(lang);
  return SENTENCES[l][n.kind](n, WORDS[l], notificationActor(n, l));
}
