import { Injectable, OnModuleInit } from '@nestjs/common';
import { STAKEHOLDER_GROUPS } from '@parley/domain';
import { AuditLogService } from '../audit/audit-log.service';
import { AuditRepository } from '../audit/audit.repository';
import { BallotReads } from '../decisions/ballot-reads.service';
import { DocumentReads } from '../drafting/document-reads.service';
import { EndorsementService } from '../endorsements/endorsement.service';
import { PeopleService } from '../identity/people.service';
import { PageMetaRegistry, type PageMeta } from '../platform/http/page-meta';
import { WorkingGroupService } from '../working-groups/working-group.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const GROUP_WORDS = { government: 'government', 'private-sector': 'private sector', 'civil-society': 'civil society' } as const;
const day = (iso: string) => iso.slice(0, 10);

/**
 * Server-side titles and descriptions of the public record's pages (working groups, people,
 * documents, signatories, the audit log and its events), so search engines and link previews say
 * what a page is. Ballot pages register theirs in the decisions context. Each resolver reads
 * through its context's service, as the page itself does.
 */
@Injectable()
export class TransparencyPageMeta implements OnModuleInit {
  constructor(
    private readonly meta: PageMetaRegistry,
    private readonly groups: WorkingGroupService,
    private readonly people: PeopleService,
    private readonly documents: DocumentReads,
    private readonly endorsements: EndorsementService,
    private readonly auditLog: AuditLogService,
    private readonly audit: AuditRepository,
    private readonly ballots: BallotReads,
  ) {}

  onModuleInit(): void {
    const group =
      (suffix: string, describe: (name: string) => string) =>
      async ({ id }: Record<string, string>): Promise<PageMeta | null> => {
        if (!UUID.test(id)) return null;
        const g = await this.groups.get(id, null);
        const voting = g.composition.votingMembers;
        const mix = STAKEHOLDER_GROUPS.map((s) => `${voting.byStakeholderGroup[s].count} ${GROUP_WORDS[s]}`).join(', ');
        const chairs = g.chairs.map((c) => `${c.person.name} (${c.snapshot.organisationName}${c.confirmed ? '' : ', unconfirmed'})`).join(', ');
        const summary = `${voting.total} voting members (${mix})${chairs ? `; chaired by ${chairs}` : '; no chair'}; ${g.alarms.length} capture alarm${g.alarms.length === 1 ? '' : 's'}.`;
        return { title: `${suffix}${g.name}`, description: `${describe(g.name)} ${summary}`, feed: { title: `${g.name} — public acts`, href: `/api/working-groups/${g.id}/feed.atom` } };
      };
    this.meta.register(
      '/working-groups/:id',
      group(
        '',
        (name) =>
          `The working group ${name} in the open: members with their affiliations, chairs and how they were confirmed, documents, ballots and audit log.`,
      ),
    );
    this.meta.register(
      '/working-groups/:id/record',
      group(
        'Public record · ',
        (name) => `Everything ${name} did, on the record: members, composition and alarms, chair history, documents, ballots with roll calls, exports.`,
      ),
    );
    this.meta.register(
      '/working-groups/:id/audit',
      group('Audit log · ', (name) => `Every act of ${name}, hash-chained and verifiable offline, each with its actor's affiliation at that moment.`),
    );

    this.meta.register('/people/:id', async ({ id }) => {
      if (!UUID.test(id)) return null;
      const p = await this.people.profile(id);
      const now = p.currentSnapshot;
      const past = p.affiliations.filter((a) => !a.current).length;
      return {
        title: p.name,
        description: `${p.name}${now ? `, ${now.title} at ${now.organisationName} (${GROUP_WORDS[now.stakeholderGroup]})` : ', with no current affiliation'}. ${past} past affiliation${past === 1 ? '' : 's'}, ${p.declarations.length} declaration${p.declarations.length === 1 ? '' : 's'} of interest, on the public record.`,
      };
    });

    this.meta.register('/documents/:id', async ({ id }) => {
      if (!UUID.test(id)) return null;
      const d = await this.documents.get(null, id);
      const g = await this.groups.get(d.workingGroupId, null);
      const state = d.adoptedVersion ? `adopted (version ${d.adoptedVersion})` : `in drafting, version ${d.currentVersion}`;
      return {
        title: d.title,
        description: `A norm text of the working group ${g.name}, ${state}, ${d.clauseCount} clauses. Who wrote every word, every amendment and vote is public.`,
        feed: { title: `${d.title} — versions and adoptions`, href: `/api/documents/${d.id}/feed.atom` },
      };
    });

    this.meta.register('/documents/:id/versions/:n/signatories', async ({ id, n }) => {
      if (!UUID.test(id) || !/^[1-9]\d{0,5}$/.test(n)) return null;
      const s = await this.endorsements.signatories(id, Number(n), null);
      return { title: `Signatories · ${s.title}`, description: `Organisations endorsing version ${s.version} of ${s.title}: ${s.headline}.` };
    });

    // The decisions context registers its own (first, so it wins); this one stands in when it does not.
    this.meta.register('/ballots/:id', async ({ id }) => {
      if (!UUID.test(id)) return null;
      const b = await this.ballots.get(id, null);
      const state = b.status === 'open' ? `open until ${b.closesAt.slice(0, 16).replace('T', ' ')} UTC` : `closed: ${b.outcome}`;
      return { title: b.title, description: `A ballot (${b.rule}, ${b.visibility}), ${state}. ${b.votesCast} of ${b.electorateSize} voted.` };
    });

    this.meta.register('/audit', async () => {
      const heads = await this.audit.heads();
      const events = heads.reduce((n, h) => n + h.sequence, 0);
      return {
        title: 'Audit log',
        description: `Every act on Parley: ${events} events in ${heads.length} hash chains, each with its actor's affiliation at that moment. Export it and verify it offline.`,
      };
    });

    this.meta.register('/audit/events/:scope/:sequence', async ({ scope, sequence }) => {
      if (!/^[\w:-]{1,100}$/.test(scope) || !/^[1-9]\d{0,15}$/.test(sequence)) return null;
      const { event: e } = await this.auditLog.event(scope, Number(sequence));
      const who = e.actorName
        ? `${e.actorName}${e.actorSnapshot ? ` (${e.actorSnapshot.organisationName}, ${GROUP_WORDS[e.actorSnapshot.stakeholderGroup]})` : ''}`
        : 'Parley';
      return {
        title: `Audit event ${e.sequence} · ${e.action}`,
        description: `${e.action} by ${who} on ${day(e.occurredAt)}, event ${e.sequence} of the chain ${e.scope}; hash ${e.hash}.`,
      };
    });
  }
}
