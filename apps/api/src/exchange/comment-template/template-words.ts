import type { CsvLanguage, Disposition } from '@parley/contracts';

/** What Parley writes around the commenting template's table, in the reader's language (the comments are as written). */
export interface TemplateWords {
  heading: (title: string, version: number) => string;
  legend: string;
  attribution: string;
  dispositions: Record<Disposition, string>;
}

export const TEMPLATE_WORDS: Record<CsvLanguage, TemplateWords> = {
  en: {
    heading: (title, version) => `Comments on “${title}”, version ${version}`,
    legend: 'Type of comment: ge = general, te = technical, ed = editorial, qu = question of clarification. Name the clause as PP2 (second preambular paragraph), OP3 (third operative paragraph) or H1 (first heading).',
    attribution: 'Fill in one row per comment. Uploaded to Parley by a focal point, the rows become comments of the organisation of that focal point; the MB/NC column is not read.',
    dispositions: { accepted: 'Accepted', noted: 'Noted', rejected: 'Rejected' },
  },
  fr: {
    heading: (title, version) => `Commentaires sur « ${title} », version ${version}`,
    legend: 'Type de commentaire : ge = général, te = technique, ed = rédactionnel, qu = demande de clarification. Désignez le paragraphe par PP2 (deuxième alinéa du préambule), OP3 (troisième paragraphe du dispositif) ou H1 (premier titre).',
    attribution: 'Remplissez une ligne par commentaire. Déposées dans Parley par un point focal, les lignes deviennent des commentaires de l’organisation de ce point focal ; la colonne Organisation n’est pas lue.',
    dispositions: { accepted: 'Retenu', noted: 'Pris en note', rejected: 'Écarté' },
  },
};
