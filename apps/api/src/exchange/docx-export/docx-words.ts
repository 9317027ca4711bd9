import type { CsvLanguage } from '@parley/contracts';

/** What Parley itself writes in a Word export, in English and French (the text is as written). */
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

const dateIn = (locale: string) => (iso: string) => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(iso));

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

export const docxWords = (lang: CsvLanguage): DocxWords => (lang === 'fr' ? FR : EN);
