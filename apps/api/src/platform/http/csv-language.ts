import type { CsvLanguage } from '@parley/contracts';
import { csvCell, UTF8_BOM } from './csv';

/**
 * The French label of every CSV column key (docs/decisions/0030-csv-headers-in-the-readers-language.md).
 * The keys are the stable interface: the same columns in the same order whatever the language; only
 * the header row's words change, and a key without a label here stays as it is.
 */
export const CSV_HEADER_LABELS_FR: Readonly<Record<string, string>> = {
  // several exports
  title: 'fonction',
  organisation_id: 'id_organisation',
  organisation: 'organisation',
  organisation_verified: 'organisation_vérifiée',
  stakeholder_group: 'groupe_de_parties_prenantes',
  subtype: 'catégorie',
  country: 'pays',
  reason: 'motif',
  // ballot votes
  ballot_id: 'id_scrutin',
  ballot_title: 'intitulé_du_scrutin',
  ballot_status: 'état_du_scrutin',
  voter_id: 'id_votant',
  voter: 'votant',
  voted: 'a_voté',
  choice: 'vote',
  changed_at: 'modifié_le',
  outcome: 'issue',
  breakdown: 'ventilation',
  eligible: 'inscrits',
  yes: 'oui',
  no: 'non',
  abstain: 'abstention',
  recuse: 'récusation',
  not_voted: 'non_votants',
  withheld: 'masqué',
  // chair terms
  term_id: 'id_mandat',
  working_group_id: 'id_groupe_de_travail',
  working_group: 'groupe_de_travail',
  person_id: 'id_personne',
  person: 'personne',
  started_at: 'début',
  ends_at: 'fin_prévue',
  ended_at: 'fin_effective',
  end_reason: 'motif_de_fin',
  end_note: 'note_de_fin',
  state: 'état',
  confirmed: 'confirmé',
  confirming_ballot_id: 'id_scrutin_de_confirmation',
  ballot_outcome: 'issue_du_scrutin',
  ballot_closed_at: 'scrutin_clos_le',
  ballot_yes: 'scrutin_oui',
  ballot_no: 'scrutin_non',
  ballot_abstain: 'scrutin_abstention',
  // dispositions
  clause: 'paragraphe',
  clause_id: 'id_paragraphe',
  comment_id: 'id_commentaire',
  reply_to: 'réponse_à',
  kind: 'nature',
  author: 'auteur',
  posted_at: 'publié_le',
  quote: 'citation',
  comment: 'commentaire',
  disposition: 'suite_donnée',
  disposed_by: 'suite_donnée_par',
  disposed_by_organisation: 'organisation_de_qui_a_donné_suite',
  disposed_at: 'suite_donnée_le',
};

/**
 * The language of an export's header row: `?lang=` when given, else French when the request's
 * Accept-Language prefers French to English, else English (the column keys).
 */
export function csvLanguage(lang: CsvLanguage | undefined, acceptLanguage: string | undefined): CsvLanguage {
  if (lang) return lang;
  let best: { language: CsvLanguage; q: number } | null = null;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const [tag, ...params] = part.trim().toLowerCase().split(';');
    const language = tag.slice(0, 2);
    if (language !== 'en' && language !== 'fr') continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (Number.isFinite(q) && q > 0 && (!best || q > best.q)) best = { language, q };
  }
  return best?.language ?? 'en';
}

/** An export written with its column keys, its header row said in `language` (the rows untouched). */
export function csvHeaderIn(csv: string, language: CsvLanguage): string {
  if (language === 'en') return csv;
  const body = csv.startsWith(UTF8_BOM) ? csv.slice(UTF8_BOM.length) : csv;
  const end = body.indexOf('\r\n');
  const header = end < 0 ? body : body.slice(0, end);
  const labels = header.split(',').map((key) => csvCell(CSV_HEADER_LABELS_FR[key] ?? key));
  return UTF8_BOM + labels.join(',') + (end < 0 ? '' : body.slice(end));
}
