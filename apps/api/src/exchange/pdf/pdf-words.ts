import type { BallotOutcome, ChairsTextStanding, DecisionRule, ExplanationKind, ExplanationTiming, Office, StakeholderGroup } from '@parley/domain';
import type { CommentKind, CsvLanguage, Disposition } from '@parley/contracts';

/** Everything Parley writes around a text in its PDFs, in the six UN languages (docs/glossary.md's French terms). */
export interface PdfWords {
  locale: string;
  and: string;
  /** ": " in English, " : " in French, "：" in Chinese. */
  colon: string;
  page: (n: number, of: number) => string;
  version: (n: number) => string;
  draft: string;
  adoptedOn: (date: string) => string;
  symbol: (s: string) => string;
  chairsText: (office: Office, standing: ChairsTextStanding) => string;
  penHeldBy: (who: string) => string;
  adoptionVote: string;
  ballot: (title: string) => string;
  rule: Record<DecisionRule, string>;
  countingUnit: { person: string; organisation: string };
  visibility: { 'roll-call': string; secret: string };
  closedOn: (date: string) => string;
  outcomeLabel: string;
  outcome: Record<BallotOutcome, string>;
  voteColumns: [string, string, string, string, string, string];
  total: string;
  withheld: string;
  withheldNote: (threshold: number) => string;
  secretNote: string;
  silence: (deadline: string) => string;
  group: Record<StakeholderGroup, string>;
  optionsFor: (passage: string) => string;
  option: (n: number, text: string, by: string) => string;
  explanations: string;
  explanationsIntro: string;
  explanationKind: Record<ExplanationKind, string>;
  timing: Record<ExplanationTiming, string>;
  disassociated: (organisation: string, labels: string) => string;
  placedBy: (kind: string, on: string | null, who: string, date: string) => string;
  signatories: string;
  signatoryCount: (n: number) => string;
  signatoryColumns: [string, string, string, string, string];
  noSignatories: string;
  dispositionTitle: string;
  dispositionColumns: [string, string, string, string, string];
  commentKind: Record<CommentKind, string>;
  reply: string;
  disposition: Record<Disposition | 'pending', string>;
  disposedBy: (who: string, date: string) => string;
  totals: string;
  noComments: string;
  printed: (date: string) => string;
}

const EN: PdfWords = {
  locale: 'en-GB',
  and: 'and',
  colon: ': ',
  page: (n, of) => `Page ${n} of ${of}`,
  version: (n) => `Version ${n}`,
  draft: 'Draft',
  adoptedOn: (d) => `Adopted on ${d}`,
  symbol: (s) => `Symbol: ${s}`,
  chairsText: (office, standing) =>
    `${{ chair: 'Chair’s text', 'co-facilitators': 'Co-facilitators’ text', secretariat: 'Secretariat’s text' }[office]} (${{ 'non-paper': 'non-paper', draft: 'draft', final: 'final' }[standing]})`,
  penHeldBy: (who) => `Pen held by ${who}`,
  adoptionVote: 'Adoption vote',
  ballot: (t) => `Ballot “${t}”`,
  rule: {
    majority: 'simple majority',
    supermajority: 'two-thirds majority',
    chambered: 'a majority in each stakeholder group',
    consensus: 'consensus (no one against)',
  },
  countingUnit: { person: 'one vote per person', organisation: 'one vote per organisation' },
  visibility: { 'roll-call': 'roll call', secret: 'secret ballot' },
  closedOn: (d) => `closed on ${d}`,
  outcomeLabel: 'Outcome',
  outcome: { passed: 'Passed', failed: 'Failed', 'no-quorum': 'No quorum' },
  voteColumns: ['', 'Yes', 'No', 'Abstain', 'Recuse', 'Did not vote'],
  total: 'Total',
  withheld: 'withheld',
  withheldNote: (t) =>
    `Rows marked “withheld” are not published: on a secret ballot a breakdown of fewer than ${t} voters, or where everyone voted alike, would tell how people voted.`,
  secretNote: 'The ballot was secret: only its totals and breakdowns are published.',
  silence: (d) => `Adopted by silence procedure: no objection by ${d} UTC.`,
  group: { government: 'Government', 'private-sector': 'Private sector', 'civil-society': 'Civil society' },
  optionsFor: (p) => `Options for [${p}]:`,
  option: (n, text, by) => `Option ${n}: [${text}], proposed by ${by}`,
  explanations: 'Explanations of position',
  explanationsIntro: 'Statements placed on the record by delegations. They are not votes and change no outcome.',
  explanationKind: { position: 'Position', reservation: 'Reservation', disassociation: 'Disassociation' },
  timing: { before: 'before the decision', after: 'after the decision' },
  disassociated: (o, l) => `${o} disassociated from ${l}.`,
  placedBy: (kind, on, who, date) => `${kind} ${on ? `on ${on}` : 'on the text as a whole'}, placed by ${who} on ${date}.`,
  signatories: 'Signatories',
  signatoryCount: (n) => (n === 1 ? '1 organisation' : `${n} organisations`),
  signatoryColumns: ['Organisation', 'Stakeholder group', 'Country', 'Endorsed by', 'Date'],
  noSignatories: 'No organisation has endorsed this text yet.',
  dispositionTitle: 'Disposition of comments',
  dispositionColumns: ['Clause', 'Kind', 'Author', 'Comment', 'Disposition and reason'],
  commentKind: { general: 'General', technical: 'Technical', editorial: 'Editorial', clarification: 'Clarification' },
  reply: 'Reply',
  disposition: { accepted: 'Accepted', noted: 'Noted', rejected: 'Rejected', pending: 'Pending' },
  disposedBy: (who, d) => `${who}, ${d}`,
  totals: 'Totals',
  noComments: 'No comment was made on this version.',
  printed: (d) => `Printed from Parley on ${d}.`,
};

const FR: PdfWords = {
  locale: 'fr-FR',
  and: 'et',
  colon: '\u202f: ',
  page: (n, of) => `Page ${n} sur ${of}`,
  version: (n) => `Version ${n}`,
  draft: 'Projet',
  adoptedOn: (d) => `Adopté le ${d}`,
  symbol: (s) => `Cote\u202f: ${s}`,
  chairsText: (office, standing) =>
    `${{ chair: 'Texte de la présidence', 'co-facilitators': 'Texte des cofacilitateurs', secretariat: 'Texte du secrétariat' }[office]} (${{ 'non-paper': 'non-document', draft: 'projet', final: 'définitif' }[standing]})`,
  penHeldBy: (who) => `Plume tenue par ${who}`,
  adoptionVote: 'Scrutin d’adoption',
  ballot: (t) => `Scrutin «\u00a0${t}\u00a0»`,
  rule: {
    majority: 'majorité simple',
    supermajority: 'majorité des deux tiers',
    chambered: 'une majorité dans chaque groupe de parties prenantes',
    consensus: 'consensus (personne contre)',
  },
  countingUnit: { person: 'une voix par personne', organisation: 'une voix par organisation' },
  visibility: { 'roll-call': 'vote par appel nominal', secret: 'scrutin secret' },
  closedOn: (d) => `clos le ${d}`,
  outcomeLabel: 'Issue',
  outcome: { passed: 'Adopté', failed: 'Rejeté', 'no-quorum': 'Quorum non atteint' },
  voteColumns: ['', 'Oui', 'Non', 'Abstention', 'Récusation', 'Non-votants'],
  total: 'Total',
  withheld: 'masqué',
  withheldNote: (t) =>
    `Les lignes «\u00a0masqué\u00a0» ne sont pas publiées\u202f: dans un scrutin secret, une répartition de moins de ${t} votants, ou où tous ont voté de même, révélerait le vote de chacun.`,
  secretNote: 'Le scrutin était secret\u202f: seuls ses totaux et ses répartitions sont publiés.',
  silence: (d) => `Adopté par procédure d’approbation tacite\u202f: aucune objection au ${d} UTC.`,
  group: { government: 'Gouvernements', 'private-sector': 'Secteur privé', 'civil-society': 'Société civile' },
  optionsFor: (p) => `Options pour [${p}]\u202f:`,
  option: (n, text, by) => `Option ${n}\u202f: [${text}], proposée par ${by}`,
  explanations: 'Explications de position',
  explanationsIntro: 'Déclarations versées au dossier par les délégations. Ce ne sont pas des votes et elles ne changent aucune issue.',
  explanationKind: { position: 'Position', reservation: 'Réserve', disassociation: 'Dissociation' },
  timing: { before: 'avant la décision', after: 'après la décision' },
  disassociated: (o, l) => `${o} se dissocie de ${l}.`,
  placedBy: (kind, on, who, date) => `${kind} ${on ? `sur ${on}` : 'sur l’ensemble du texte'}, versée par ${who} le ${date}.`,
  signatories: 'Signataires',
  signatoryCount: (n) => (n === 1 ? '1 organisation' : `${n} organisations`),
  signatoryColumns: ['Organisation', 'Groupe de parties prenantes', 'Pays', 'Approuvé par', 'Date'],
  noSignatories: 'Aucune organisation n’a encore approuvé ce texte.',
  dispositionTitle: 'Suite donnée aux commentaires',
  dispositionColumns: ['Paragraphe', 'Nature', 'Auteur', 'Commentaire', 'Suite donnée et motif'],
  commentKind: { general: 'Général', technical: 'Technique', editorial: 'Rédactionnel', clarification: 'Demande de clarification' },
  reply: 'Réponse',
  disposition: { accepted: 'Retenu', noted: 'Pris en note', rejected: 'Écarté', pending: 'Pas encore de suite' },
  disposedBy: (who, d) => `${who}, ${d}`,
  totals: 'Totaux',
  noComments: 'Aucun commentaire n’a été fait sur cette version.',
  printed: (d) => `Imprimé depuis Parley le ${d}.`,
};

const AR: PdfWords = {
  locale: 'ar-u-nu-latn',
  and: 'و',
  colon: ': ',
  page: (n, of) => `الصفحة ${n} من ${of}`,
  version: (n) => `الصيغة ${n}`,
  draft: 'مشروع',
  adoptedOn: (d) => `اعتُمد في ${d}`,
  symbol: (s) => `الرمز: ${s}`,
  chairsText: (office, standing) =>
    `${{ chair: 'نص الرئاسة', 'co-facilitators': 'نص الميسّرَين المشاركَين', secretariat: 'نص الأمانة' }[office]} (${{ 'non-paper': 'ورقة غير رسمية', draft: 'مشروع', final: 'نهائي' }[standing]})`,
  penHeldBy: (who) => `حامل القلم: ${who}`,
  adoptionVote: 'اقتراع الاعتماد',
  ballot: (t) => `الاقتراع «${t}»`,
  rule: {
    majority: 'الأغلبية البسيطة',
    supermajority: 'أغلبية الثلثين',
    chambered: 'الأغلبية في كل مجموعة من مجموعات أصحاب المصلحة',
    consensus: 'توافق الآراء (دون اعتراض أحد)',
  },
  countingUnit: { person: 'صوت واحد لكل شخص', organisation: 'صوت واحد لكل منظمة' },
  visibility: { 'roll-call': 'اقتراع بنداء الأسماء', secret: 'اقتراع سري' },
  closedOn: (d) => `أُقفل في ${d}`,
  outcomeLabel: 'النتيجة',
  outcome: { passed: 'اعتُمد', failed: 'رُفض', 'no-quorum': 'لم يكتمل النصاب' },
  voteColumns: ['', 'نعم', 'لا', 'امتناع', 'تنحٍّ', 'لم يصوّت'],
  total: 'المجموع',
  withheld: 'محجوب',
  withheldNote: (t) =>
    `الصفوف الموسومة «محجوب» لا تُنشر: ففي الاقتراع السري، يكشف التوزيع الذي يقل فيه عدد المصوّتين عن ${t}، أو الذي صوّت فيه الجميع على النحو نفسه، عن تصويت كل فرد.`,
  secretNote: 'كان الاقتراع سريًا: لا تُنشر إلا مجاميعه وتوزيعاته.',
  silence: (d) => `اعتُمد بإجراء الموافقة الضمنية: لم يُقدَّم أي اعتراض حتى ${d} بالتوقيت العالمي المنسق.`,
  group: { government: 'الحكومات', 'private-sector': 'القطاع الخاص', 'civil-society': 'المجتمع المدني' },
  optionsFor: (p) => `الخيارات بشأن [${p}]:`,
  option: (n, text, by) => `الخيار ${n}: [${text}]، اقترحه ${by}`,
  explanations: 'تعليل المواقف',
  explanationsIntro: 'بيانات أدلت بها الوفود وأُدرجت في السجل. وهي ليست أصواتًا ولا تغيّر أي نتيجة.',
  explanationKind: { position: 'موقف', reservation: 'تحفظ', disassociation: 'نأي بالنفس' },
  timing: { before: 'قبل اتخاذ المقرر', after: 'بعد اتخاذ المقرر' },
  disassociated: (o, l) => `نأت ${o} بنفسها عن ${l}.`,
  placedBy: (kind, on, who, date) => `${kind} ${on ? `بشأن ${on}` : 'بشأن النص ككل'}، أدلى به ${who} في ${date}.`,
  signatories: 'الموقّعون',
  signatoryCount: (n) => `عدد المنظمات: ${n}`,
  signatoryColumns: ['المنظمة', 'مجموعة أصحاب المصلحة', 'البلد', 'أيّده', 'التاريخ'],
  noSignatories: 'لم تؤيد أي منظمة هذا النص حتى الآن.',
  dispositionTitle: 'الإجراءات المتخذة بشأن التعليقات',
  dispositionColumns: ['الفقرة', 'النوع', 'صاحب التعليق', 'التعليق', 'الإجراء المتخذ وسببه'],
  commentKind: { general: 'عام', technical: 'فني', editorial: 'تحريري', clarification: 'طلب توضيح' },
  reply: 'رد',
  disposition: { accepted: 'مقبول', noted: 'أُحيط به علمًا', rejected: 'مرفوض', pending: 'لم يُتخذ إجراء بعد' },
  disposedBy: (who, d) => `${who}، ${d}`,
  totals: 'المجاميع',
  noComments: 'لم يُقدَّم أي تعليق على هذه الصيغة.',
  printed: (d) => `طُبع من Parley في ${d}.`,
};

/** Chinese: full-width colon and parentheses, no spaces between words. */
const ZH: PdfWords = {
  locale: 'zh-CN',
  and: '和',
  colon: '：',
  page: (n, of) => `第${n}页，共${of}页`,
  version: (n) => `第${n}版`,
  draft: '草案',
  adoptedOn: (d) => `${d}通过`,
  symbol: (s) => `文号：${s}`,
  chairsText: (office, standing) =>
    `${{ chair: '主席案文', 'co-facilitators': '共同协调人案文', secretariat: '秘书处案文' }[office]}（${{ 'non-paper': '非正式文件', draft: '草案', final: '最终' }[standing]}）`,
  penHeldBy: (who) => `执笔人：${who}`,
  adoptionVote: '通过表决',
  ballot: (t) => `表决“${t}”`,
  rule: {
    majority: '简单多数',
    supermajority: '三分之二多数',
    chambered: '每个利益攸关方群体均获多数',
    consensus: '协商一致（无人反对）',
  },
  countingUnit: { person: '每人一票', organisation: '每个组织一票' },
  visibility: { 'roll-call': '唱名表决', secret: '无记名表决' },
  closedOn: (d) => `${d}结束`,
  outcomeLabel: '结果',
  outcome: { passed: '通过', failed: '未通过', 'no-quorum': '未达法定人数' },
  voteColumns: ['', '赞成', '反对', '弃权', '回避', '未投票'],
  total: '合计',
  withheld: '不予公布',
  withheldNote: (t) => `标为“不予公布”的行不公布：在无记名表决中，投票人少于${t}人的分组统计，或所有人投票相同的分组统计，会泄露每个人的投票。`,
  secretNote: '本次表决为无记名表决：仅公布总数和分组统计。',
  silence: (d) => `经默许程序通过：截至${d}（UTC）无人反对。`,
  group: { government: '政府', 'private-sector': '私营部门', 'civil-society': '民间社会' },
  optionsFor: (p) => `[${p}]的备选方案：`,
  option: (n, text, by) => `备选方案${n}：[${text}]，由${by}提出`,
  explanations: '解释立场',
  explanationsIntro: '各代表团载入记录的发言。这些发言不是投票，不改变任何结果。',
  explanationKind: { position: '立场', reservation: '保留', disassociation: '不认同' },
  timing: { before: '决定之前', after: '决定之后' },
  disassociated: (o, l) => `${o}表示不认同${l}。`,
  placedBy: (kind, on, who, date) => `${kind}（${on ? `关于${on}` : '关于整个案文'}），由${who}于${date}提出。`,
  signatories: '签署方',
  signatoryCount: (n) => `${n}个组织`,
  signatoryColumns: ['组织', '利益攸关方群体', '国家', '赞同人', '日期'],
  noSignatories: '尚无组织赞同本案文。',
  dispositionTitle: '评论处理结果',
  dispositionColumns: ['段落', '类型', '作者', '评论', '处理结果及理由'],
  commentKind: { general: '一般性', technical: '技术性', editorial: '编辑性', clarification: '澄清问题' },
  reply: '答复',
  disposition: { accepted: '采纳', noted: '注意到', rejected: '不予采纳', pending: '尚无处理结果' },
  disposedBy: (who, d) => `${who}，${d}`,
  totals: '合计',
  noComments: '本版未收到任何评论。',
  printed: (d) => `${d}打印自 Parley。`,
};

const RU: PdfWords = {
  locale: 'ru-RU',
  and: 'и',
  colon: ': ',
  page: (n, of) => `Страница ${n} из ${of}`,
  version: (n) => `Версия ${n}`,
  draft: 'Проект',
  adoptedOn: (d) => `Принято ${d}`,
  symbol: (s) => `Условное обозначение: ${s}`,
  chairsText: (office, standing) =>
    `${{ chair: 'Текст председателя', 'co-facilitators': 'Текст сокоординаторов', secretariat: 'Текст секретариата' }[office]} (${{ 'non-paper': 'неофициальный документ', draft: 'проект', final: 'окончательный' }[standing]})`,
  penHeldBy: (who) => `Ответственный за текст: ${who}`,
  adoptionVote: 'Голосование о принятии',
  ballot: (t) => `Голосование «${t}»`,
  rule: {
    majority: 'простое большинство',
    supermajority: 'большинство в две трети',
    chambered: 'большинство в каждой группе заинтересованных сторон',
    consensus: 'консенсус (никто не против)',
  },
  countingUnit: { person: 'один голос на человека', organisation: 'один голос на организацию' },
  visibility: { 'roll-call': 'поименное голосование', secret: 'тайное голосование' },
  closedOn: (d) => `закрыто ${d}`,
  outcomeLabel: 'Итог',
  outcome: { passed: 'Принято', failed: 'Отклонено', 'no-quorum': 'Нет кворума' },
  voteColumns: ['', 'За', 'Против', 'Воздержались', 'Самоотвод', 'Не голосовали'],
  total: 'Итого',
  withheld: 'скрыто',
  withheldNote: (t) =>
    `Строки с пометкой «скрыто» не публикуются: при тайном голосовании разбивка, в которой менее ${t} голосующих или все проголосовали одинаково, раскрыла бы, кто как голосовал.`,
  secretNote: 'Голосование было тайным: публикуются только итоги и разбивки.',
  silence: (d) => `Принято по процедуре умолчания: до ${d} UTC возражений не поступило.`,
  group: { government: 'Правительства', 'private-sector': 'Частный сектор', 'civil-society': 'Гражданское общество' },
  optionsFor: (p) => `Варианты для [${p}]:`,
  option: (n, text, by) => `Вариант ${n}: [${text}], предложил(а): ${by}`,
  explanations: 'Разъяснения позиции',
  explanationsIntro: 'Заявления, внесенные делегациями в отчет. Они не являются голосами и не меняют итогов.',
  explanationKind: { position: 'Позиция', reservation: 'Оговорка', disassociation: 'Отмежевание' },
  timing: { before: 'до принятия решения', after: 'после принятия решения' },
  disassociated: (o, l) => `${o} отмежевывается от: ${l}.`,
  placedBy: (kind, on, who, date) => `${kind} ${on ? `в отношении: ${on}` : 'в отношении текста в целом'}; внесено: ${who}, ${date}.`,
  signatories: 'Подписавшие',
  signatoryCount: (n) => {
    const c = new Intl.PluralRules('ru').select(n);
    return `${n} ${c === 'one' ? 'организация' : c === 'few' ? 'организации' : 'организаций'}`;
  },
  signatoryColumns: ['Организация', 'Группа заинтересованных сторон', 'Страна', 'Поддержал(а)', 'Дата'],
  noSignatories: 'Ни одна организация пока не поддержала этот текст.',
  dispositionTitle: 'Решения по замечаниям',
  dispositionColumns: ['Пункт', 'Вид', 'Автор', 'Замечание', 'Решение и обоснование'],
  commentKind: { general: 'Общее', technical: 'Техническое', editorial: 'Редакционное', clarification: 'Просьба о разъяснении' },
  reply: 'Ответ',
  disposition: { accepted: 'Принято', noted: 'Принято к сведению', rejected: 'Отклонено', pending: 'Решение не принято' },
  disposedBy: (who, d) => `${who}, ${d}`,
  totals: 'Итоги',
  noComments: 'К этой версии замечаний не поступало.',
  printed: (d) => `Распечатано из Parley ${d}.`,
};

const ES: PdfWords = {
  locale: 'es-ES',
  and: 'y',
  colon: ': ',
  page: (n, of) => `Página ${n} de ${of}`,
  version: (n) => `Versión ${n}`,
  draft: 'Proyecto',
  adoptedOn: (d) => `Aprobado el ${d}`,
  symbol: (s) => `Signatura: ${s}`,
  chairsText: (office, standing) =>
    `${{ chair: 'Texto de la presidencia', 'co-facilitators': 'Texto de los cofacilitadores', secretariat: 'Texto de la secretaría' }[office]} (${{ 'non-paper': 'documento oficioso', draft: 'proyecto', final: 'definitivo' }[standing]})`,
  penHeldBy: (who) => `Redacción a cargo de ${who}`,
  adoptionVote: 'Votación de aprobación',
  ballot: (t) => `Votación “${t}”`,
  rule: {
    majority: 'mayoría simple',
    supermajority: 'mayoría de dos tercios',
    chambered: 'mayoría en cada grupo de partes interesadas',
    consensus: 'consenso (nadie en contra)',
  },
  countingUnit: { person: 'un voto por persona', organisation: 'un voto por organización' },
  visibility: { 'roll-call': 'votación nominal', secret: 'votación secreta' },
  closedOn: (d) => `cerrada el ${d}`,
  outcomeLabel: 'Resultado',
  outcome: { passed: 'Aprobada', failed: 'Rechazada', 'no-quorum': 'Sin quórum' },
  voteColumns: ['', 'Sí', 'No', 'Abstención', 'Inhibición', 'No votaron'],
  total: 'Total',
  withheld: 'reservado',
  withheldNote: (t) =>
    `Las filas marcadas como “reservado” no se publican: en una votación secreta, un desglose de menos de ${t} votantes, o en el que todos votaron igual, revelaría el voto de cada persona.`,
  secretNote: 'La votación fue secreta: solo se publican sus totales y desgloses.',
  silence: (d) => `Aprobado por procedimiento de acuerdo tácito: ninguna objeción al ${d} UTC.`,
  group: { government: 'Gobierno', 'private-sector': 'Sector privado', 'civil-society': 'Sociedad civil' },
  optionsFor: (p) => `Opciones para [${p}]:`,
  option: (n, text, by) => `Opción ${n}: [${text}], propuesta por ${by}`,
  explanations: 'Explicaciones de posición',
  explanationsIntro: 'Declaraciones que las delegaciones hicieron constar en acta. No son votos ni modifican ningún resultado.',
  explanationKind: { position: 'Posición', reservation: 'Reserva', disassociation: 'Desvinculación' },
  timing: { before: 'antes de la decisión', after: 'después de la decisión' },
  disassociated: (o, l) => `${o} se desvincula de ${l}.`,
  placedBy: (kind, on, who, date) => `${kind} ${on ? `sobre ${on}` : 'sobre el conjunto del texto'}, formulada por ${who} el ${date}.`,
  signatories: 'Signatarios',
  signatoryCount: (n) => (n === 1 ? '1 organización' : `${n} organizaciones`),
  signatoryColumns: ['Organización', 'Grupo de partes interesadas', 'País', 'Adhesión de', 'Fecha'],
  noSignatories: 'Ninguna organización se ha adherido aún a este texto.',
  dispositionTitle: 'Curso dado a las observaciones',
  dispositionColumns: ['Párrafo', 'Tipo', 'Autor', 'Observación', 'Curso dado y motivo'],
  commentKind: { general: 'General', technical: 'Técnico', editorial: 'De redacción', clarification: 'Solicitud de aclaración' },
  reply: 'Respuesta',
  disposition: { accepted: 'Aceptada', noted: 'Se toma nota', rejected: 'Rechazada', pending: 'Aún no se ha dado curso' },
  disposedBy: (who, d) => `${who}, ${d}`,
  totals: 'Totales',
  noComments: 'No se formuló ninguna observación sobre esta versión.',
  printed: (d) => `Impreso desde Parley el ${d}.`,
};

const WORDS: Record<CsvLanguage, PdfWords> = { ar: AR, zh: ZH, en: EN, fr: FR, ru: RU, es: ES };

export const pdfWords = (lang: CsvLanguage | undefined): PdfWords => WORDS[lang ?? 'en'];

/** "6 December 2026" / "6 décembre 2026" (UTC), as a printed record dates things. */
export const printedDate = (w: PdfWords, iso: string): string =>
  new Intl.DateTimeFormat(w.locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(iso));
