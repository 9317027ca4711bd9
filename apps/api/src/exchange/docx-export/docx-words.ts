import type { CsvLanguage } from '@parley/contracts';

/** What Parley itself writes in a Word export, in the six UN languages (the text is as written). */
export interface DocxWords {
  version: (n: number) => string;
  symbol: (s: string) => string;
  date: (iso: string) => string;
  against: (n: number) => string;
  option: (n: number) => string;
  annexTitle: string;
  annexEmpty: string;
  /** "OP3 [passage]: asked for by …" */
  bracket: (reference: string, passage: string, requestedBy: string) => string;
  bracketOption: (n: number, text: string, proposedBy: string) => string;
}

const dateIn = (locale: string) => (iso: string) =>
  new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(iso));

const EN: DocxWords = {
  version: (n) => `Version ${n}`,
  symbol: (s) => `Symbol ${s}`,
  date: dateIn('en-GB'),
  against: (n) => `Changes against version ${n} are shown as tracked changes.`,
  option: (n) => `Option ${n}:`,
  annexTitle: 'Annex: passages in square brackets',
  annexEmpty: 'No passage of this version is in square brackets.',
  bracket: (reference, passage, by) => `${reference} [${passage}], asked for by ${by}`,
  bracketOption: (n, text, by) => `Option ${n}: [${text}], proposed by ${by}`,
};

const FR: DocxWords = {
  version: (n) => `Version ${n}`,
  symbol: (s) => `Cote ${s}`,
  date: dateIn('fr-FR'),
  against: (n) => `Les modifications par rapport à la version ${n} apparaissent en suivi des modifications.`,
  option: (n) => `Variante ${n} :`,
  annexTitle: 'Annexe : passages entre crochets',
  annexEmpty: 'Aucun passage de cette version n’est entre crochets.',
  bracket: (reference, passage, by) => `${reference} [${passage}], demandé par ${by}`,
  bracketOption: (n, text, by) => `Variante ${n} : [${text}], proposée par ${by}`,
};

const AR: DocxWords = {
  version: (n) => `الصيغة ${n}`,
  symbol: (s) => `الرمز ${s}`,
  date: dateIn('ar-u-nu-latn'),
  against: (n) => `تظهر التغييرات مقارنةً بالصيغة ${n} في صورة تغييرات متعقَّبة.`,
  option: (n) => `الخيار ${n}:`,
  annexTitle: 'المرفق: المقاطع الواردة بين أقواس معقوفة',
  annexEmpty: 'لا يوجد في هذه الصيغة أي مقطع بين أقواس معقوفة.',
  bracket: (reference, passage, by) => `${reference} [${passage}]، بطلب من ${by}`,
  bracketOption: (n, text, by) => `الخيار ${n}: [${text}]، اقترحه ${by}`,
};

const ZH: DocxWords = {
  version: (n) => `第${n}版`,
  symbol: (s) => `文号 ${s}`,
  date: dateIn('zh-CN'),
  against: (n) => `与第${n}版相比的改动以修订标记显示。`,
  option: (n) => `备选方案${n}：`,
  annexTitle: '附件：方括号内的案文',
  annexEmpty: '本版没有任何案文置于方括号内。',
  bracket: (reference, passage, by) => `${reference} [${passage}]，由${by}提出`,
  bracketOption: (n, text, by) => `备选方案${n}：[${text}]，由${by}提出`,
};

const RU: DocxWords = {
  version: (n) => `Версия ${n}`,
  symbol: (s) => `Условное обозначение ${s}`,
  date: dateIn('ru-RU'),
  against: (n) => `Изменения по сравнению с версией ${n} показаны в режиме исправлений.`,
  option: (n) => `Вариант ${n}:`,
  annexTitle: 'Приложение: фрагменты в квадратных скобках',
  annexEmpty: 'В этой версии нет фрагментов в квадратных скобках.',
  bracket: (reference, passage, by) => `${reference} [${passage}], по просьбе: ${by}`,
  bracketOption: (n, text, by) => `Вариант ${n}: [${text}], предложил(а): ${by}`,
};

const ES: DocxWords = {
  version: (n) => `Versión ${n}`,
  symbol: (s) => `Signatura ${s}`,
  date: dateIn('es-ES'),
  against: (n) => `Los cambios respecto de la versión ${n} se muestran como control de cambios.`,
  option: (n) => `Opción ${n}:`,
  annexTitle: 'Anexo: pasajes entre corchetes',
  annexEmpty: 'Ningún pasaje de esta versión figura entre corchetes.',
  bracket: (reference, passage, by) => `${reference} [${passage}], solicitado por ${by}`,
  bracketOption: (n, text, by) => `Opción ${n}: [${text}], propuesta por ${by}`,
};

const WORDS: Record<CsvLanguage, DocxWords> = { ar: AR, zh: ZH, en: EN, fr: FR, ru: RU, es: ES };

export const docxWords = (lang: CsvLanguage): DocxWords => WORDS[lang];

/** Word's language tags for the run defaults: the words' language, Chinese East Asian text, Arabic right-to-left text. */
export const DOCX_LANGUAGE_TAGS: Record<CsvLanguage, { value: string; eastAsia: string; bidirectional: string }> = {
  ar: { value: 'ar-SA', eastAsia: 'zh-CN', bidirectional: 'ar-SA' },
  zh: { value: 'en-GB', eastAsia: 'zh-CN', bidirectional: 'ar-SA' },
  en: { value: 'en-GB', eastAsia: 'zh-CN', bidirectional: 'ar-SA' },
  fr: { value: 'fr-FR', eastAsia: 'zh-CN', bidirectional: 'ar-SA' },
  ru: { value: 'ru-RU', eastAsia: 'zh-CN', bidirectional: 'ar-SA' },
  es: { value: 'es-ES', eastAsia: 'zh-CN', bidirectional: 'ar-SA' },
};

const RTL_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/u;
const LETTER = /\p{L}/u;

/**
 * A paragraph whose first letter is Arabic (or Hebrew) is laid out right to left (`w:bidi`): it starts
 * on the right and Word orders its words from there; any other paragraph keeps Word's default.
 */
export function rtlParagraph(text: string): { bidirectional?: true } {
  for (const ch of text) if (LETTER.test(ch)) return RTL_LETTER.test(ch) ? { bidirectional: true } : {};
  return {};
}
