import { Injectable } from '@nestjs/common';
import { isWithheld } from '@parley/domain';
import type { ChoiceCounts, StakeholderGroup } from '@parley/domain';
import type { BallotResponse, RollCallEntryResponse } from '@parley/contracts';
import { BallotReads } from '../decisions/ballot-reads.service';
import { DocumentReads } from '../drafting/document-reads.service';
import { refuse } from '../platform/http/problem';
import { bracketedMarkdown, bracketsSection } from '../negotiation/brackets/bracket-markdown';
import { chairsTextInEnglish } from '../negotiation/chairs-texts/chairs-text-english';
import { explanationsMarkdown } from '../procedures/explanations/explanations-markdown';
import { VersionRecordReads } from './version-record';

const GROUP_NAMES: Record<StakeholderGroup, string> = { government: 'Government', 'private-sector': 'Private sector', 'civil-society': 'Civil society' };
const PAGE = 500;

/** Text that reads as itself in Markdown: characters that would format, link or break a table are escaped. */
export const md = (s: string | null | undefined) => (s ?? '').replace(/([\\`*_[\]<>|#~])/g, '\\$1').replace(/\r?\n/g, ' ');
const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '');
const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;
const WITHHELD_ROW = 'withheld | withheld | withheld | withheld | withheld';
const counts = (c: ChoiceCounts) => `${c.yes} | ${c.no} | ${c.abstain} | ${c.recuse} | ${c.notVoted}`;

/**
 * An adopted text as Markdown: the numbered text, its adoption vote (result, breakdown, roll call
 * unless secret), who wrote it (provenance totals) and its signatories. Read through the drafting,
 * decisions and endorsements services, so it says exactly what their pages say.
 */
@Injectable()
export class AdoptedTextExport {
  constructor(
    private readonly records: VersionRecordReads,
    private readonly documents: DocumentReads,
    private readonly ballots: BallotReads,
  ) {}

  async markdown(documentId: string, n: number): Promise<{ filename: string; body: string }> {
    // The Markdown is public: read as a visitor, so a version still circulated to members only is refused (decision 0041).
    const { doc, brackets, adoption } = await this.records.read(null, documentId, n);
    const v = doc.version;
    if (!adoption) throw refuse('export-needs-adoption', { version: n });
    const { ballot, signatories } = adoption;
    const provenance = await this.documents.provenance(null, documentId, n);
    const group = doc.workingGroup;
    // Passages still in square brackets when the text was adopted are shown as such (decision 0031).
    const inClause = (id: string) => brackets.filter((b) => b.clauseId === id);
    const rollCall = ballot?.visibility === 'roll-call' ? await this.rollCall(ballot.id) : [];

    const out: string[] = [];
    out.push(`# ${md(doc.title)}`, '');
    out.push(`Version ${n}, adopted on ${day(v.adoptedAt)} by the working group ${md(group.name)}.`, '');
    if (v.chairsText) out.push(`${md(chairsTextInEnglish(v.chairsText))}.`, '');

    out.push('## Text', '');
    for (const c of v.clauses) {
      const text = bracketedMarkdown(c.text, inClause(c.id), md);
      if (c.kind === 'heading') out.push(`### ${text}`, '');
      else if (c.kind === 'preamble') out.push(`*${text}*`, '');
      else out.push(`**${c.label ?? ''}** ${text}`, '');
    }
    out.push(...bracketsSection(brackets, (id) => v.clauses.find((c) => c.id === id)?.label ?? 'Clause', md));

    if (!ballot) {
      out.push('## Adoption', '', `Adopted by silence procedure: no objection by ${md(adoption.silence!.deadline.replace('T', ' ').slice(0, 16))} UTC.`, '');
    } else {
      out.push('## Adoption vote', '');
      out.push(...this.vote(ballot), '');
    }
    if (ballot && rollCall.length) {
      out.push('### Roll call', '', '| Voter | Organisation | Stakeholder group | Choice | Reason |', '| --- | --- | --- | --- | --- |');
      for (const e of rollCall)
        out.push(
          `| ${md(e.voter.name)} | ${md(e.snapshot.organisationName)} | ${GROUP_NAMES[e.snapshot.stakeholderGroup]} | ${e.voted ? (e.choice ?? 'hidden') : 'did not vote'} | ${md(e.reason)} |`,
        );
      out.push('');
    } else if (ballot?.visibility === 'secret') out.push('The ballot was secret: only its totals and breakdowns are published.', '');
    out.push(...explanationsMarkdown(adoption.explanations, md));

    out.push('## Who wrote this text', '');
    if (provenance.headline) out.push(`${md(provenance.headline.text)}.`, '');
    out.push(
      `${provenance.totals.words} words: ${provenance.totals.original} from the original draft, ${provenance.totals.amended} introduced by amendments${provenance.totals.chairsText ? `, ${provenance.totals.chairsText} written in chair's texts (counted under the pen holder's stakeholder group)` : ''}${provenance.totals.precedent ? `, ${provenance.totals.precedent} quoted from agreed language (counted under no stakeholder group)` : ''}.`,
      '',
    );
    out.push('| Stakeholder group | Words | Share |', '| --- | --- | --- |');
    for (const g of provenance.totals.byGroup) out.push(`| ${GROUP_NAMES[g.key]} | ${g.words} | ${percent(g.share)} |`);
    out.push('');

    out.push('## Signatories', '');
    out.push(`${md(signatories.headline)}.`, '');
    if (signatories.signatories.length) {
      out.push('| Organisation | Stakeholder group | Sub-type | Country | Endorsed by | Date |', '| --- | --- | --- | --- | --- | --- |');
      for (const s of signatories.signatories)
        out.push(
          `| ${md(s.organisation.name)}${s.organisation.verified ? ' (verified)' : ''} | ${GROUP_NAMES[s.organisation.stakeholderGroup]} | ${s.organisation.subtype} | ${s.organisation.country ?? ''} | ${md(s.endorsedBy.name)}, ${md(s.endorsedBy.snapshot.title)} | ${day(s.endorsedAt)} |`,
        );
      out.push('');
    }

    out.push('---', '');
    out.push(
      `Exported from Parley. Every act above is on the audit chain \`wg:${doc.workingGroupId}\`: download it from /api/audit/export.jsonl?scope=wg:${doc.workingGroupId} and check it with \`npx parley-audit-verify\`.`,
      '',
    );
    return { filename: `${slug(doc.title)}-v${n}.md`, body: out.join('\n') };
  }

  private vote(b: BallotResponse): string[] {
    const r = b.result;
    if (!r) return [`Ballot “${md(b.title)}” is still open.`];
    const lines = [
      `Ballot “${md(b.title)}” (${b.rule}, ${b.countingUnit === 'organisation' ? 'one vote per organisation' : 'one vote per person'}, ${b.visibility}), closed on ${day(b.closedAt)}: **${r.outcome}**.`,
      '',
      md(r.explanation),
      '',
      '| | Yes | No | Abstain | Recuse | Did not vote |',
      '| --- | --- | --- | --- | --- | --- |',
      `| Total | ${counts(r.totals)} |`,
      ...r.byStakeholderGroup.filter((g) => g.eligible > 0).map((g) => `| ${GROUP_NAMES[g.stakeholderGroup]} | ${isWithheld(g) ? WITHHELD_ROW : counts(g)} |`),
      ...(r.disclosureControl && r.disclosureControl.withheldStakeholderGroups.length > 0
        ? [
            '',
            `Rows marked “withheld” are not published: on a secret ballot a breakdown of fewer than ${r.disclosureControl.threshold} voters, or where everyone voted alike, would tell how people voted.`,
          ]
        : []),
    ];
    return lines;
  }

  private async rollCall(ballotId: string): Promise<RollCallEntryResponse[]> {
    const all: RollCallEntryResponse[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.ballots.rollCall(ballotId, { limit: PAGE, cursor });
      all.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return all;
  }
}

export const slug = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '-')
    .slice(0, 80) || 'document';
