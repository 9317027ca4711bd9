import type { BallotOutcome, ChairsTextStanding, DecisionRule, ExplanationKind, ExplanationTiming, Office, StakeholderGroup } from '@parley/domain';
import type { CommentKind, CsvLanguage, Disposition } from '@parley/contracts';

/** Everything Parley writes around a text in its PDFs, in English and French (docs/glossary.md's French terms). */
export interface PdfWords {
  locale: string;
  and: string;
  /** ": " in English, " : " in French. */
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
  adoptionVote: 'Vote d’adoption',
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

export const pdfWords = (lang: CsvLanguage | undefined): PdfWords => (lang === 'fr' ? FR : EN);

/** "6 December 2026" / "6 décembre 2026" (UTC), as a printed record dates things. */
export const printedDate = (w: PdfWords, iso: string): string =>
  new Intl.DateTimeFormat(w.locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(iso));
