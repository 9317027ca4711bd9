import { refusal, type Verdict } from '@parley/contracts';
import type { Actor } from '../identity/actor';

/**
 * Every permission a route can require, and who holds it. Route-level rules look only at the
 * actor; rules that depend on a resource (a working group's roles) live in that context's
 * `*.policy.ts` and are called by its service, through `PolicyService`.
 */
export type PermissionRule = (actor: Actor) => Verdict;

const signedIn: PermissionRule = () => true;
/** A steward's acts need a second factor once their grace period is over (decision 0050): checked here, where the role is resolved. */
export const stewardRole: PermissionRule = (a) => {
  if (!a.isSteward) return refusal('stewards-only');
  return a.twoFactor?.overdue ? refusal('two-factor-required') : true;
};

export const PERMISSIONS = {
  'session.use': signedIn,
  'organisation.create': signedIn,
  'organisation.verify': stewardRole,
  'steward.grant': stewardRole,
  // Institutional sign-in (decision record 0049): stewards register and change identity providers.
  'identity-provider.manage': stewardRole,
  'affiliation.manage-own': signedIn,
  // Affiliation confirmation: the route only needs a session; focal points and stewards are decided in
  // libs/domain identity/affiliation-confirmation.ts (confirmationVerdict, appointmentVerdict), called by the identity services.
  'affiliation.decide': signedIn,
  'focal-point.appoint': signedIn,
  'focal-point.end': signedIn,
  'declaration.manage-own': signedIn,
  // Working groups: the route only needs a session; group roles are decided in working-group.policy.ts.
  'working-group.create': signedIn,
  'working-group.participate': signedIn,
  // Ballots: the route only needs a session; chairs and electorates are decided in decisions/ballot.policy.ts.
  'ballot.open': signedIn,
  'ballot.vote': signedIn,
  'ballot.close': signedIn,
  // Drafting: the route only needs a session; group roles are decided in drafting/drafting.policy.ts.
  'document.create': signedIn,
  'version.consolidate': signedIn,
  'version.chairs-text': signedIn,
  'version.adoption-ballot': signedIn,
  'comment.post': signedIn,
  'comment.dispose': signedIn,
  'amendment.propose': signedIn,
  'amendment.cosponsor': signedIn,
  'amendment.withdraw-cosponsorship': signedIn,
  'amendment.withdraw': signedIn,
  'amendment.ballot': signedIn,
  // A participant's translation of a comment or rationale (decision 0047): group membership is decided in drafting/drafting.policy.ts (canAddParticipantTranslation).
  'translation.add': signedIn,
  // Brackets: the route only needs a session; group roles are decided in negotiation/brackets/brackets.policy.ts.
  'bracket.open': signedIn,
  'bracket.propose-option': signedIn,
  'bracket.remove': signedIn,
  // Streamlining and recommendations (decision 0034): chairs and rapporteurs are decided in negotiation/streamlining/streamlining.policy.ts.
  'amendment.streamline': signedIn,
  'bracket.streamline-options': signedIn,
  'amendment.recommend': signedIn,
  'recommendations.ballot': signedIn,
  // Clause status and ad ref: the route only needs a session; roles and delegations are decided in negotiation/clause-status/clause-status.policy.ts.
  'clause.set-status': signedIn,
  'clause.ad-ref': signedIn,
  // Explanations of position: the route only needs a session; delegations are decided in procedures/explanations/explanations.policy.ts.
  'explanation.place': signedIn,
  // Endorsements: the route only needs a session; current affiliation to the organisation is decided in endorsements/endorsement.policy.ts.
  'endorsement.make': signedIn,
  'endorsement.withdraw': signedIn,
  // Proxies: the route only needs a session; voting membership, organisation and cap are decided in procedures/proxies/proxies.policy.ts.
  'proxy.give': signedIn,
  'proxy.revoke': signedIn,
  // Silence procedure (decision 0036): chairs and voting members are decided in procedures/silence/silence.policy.ts.
  'silence.start': signedIn,
  'silence.object': signedIn,
  'silence.withdraw': signedIn,
  // Division, order of voting, last call (decision 0038): members and chairs are decided in procedures/{division,voting-order,last-call}/*.policy.ts.
  'division.request': signedIn,
  'division.decide': signedIn,
  'voting-order.set': signedIn,
  'last-call.open': signedIn,
  // Meeting report (decision 0043): chairs and rapporteurs are decided by drafting.policy canEdit, in meetings/report.
  'meeting.report': signedIn,
  // #20 mentions and follows: following is one's own; who may list a group's members to mention is decided in mentions/mention.policy.ts.
  'follow.manage-own': signedIn,
  'mention.candidates': signedIn,
  // E-mail (issue #20): the local outbox holds everyone's mail, for stewards only.
  'mail.outbox.read': stewardRole,
  // Meetings (issue #21, decision 0043): running a meeting, attending and the floor are decided in meetings/meetings.policy.ts.
  'meeting.run': signedIn,
  'meeting.attend': signedIn,
  'meeting.floor': signedIn,
  // Language versions (decision 0045): translators and chairs are decided by drafting.policy canTranslate and canSetLanguages.
  'translation.save': signedIn,
  'languages.set': signedIn,
  // Sessions (issue #24, decision 0051): one's own are one's own (another's is not found); a steward ends all of an account's.
  'session.manage-own': signedIn,
  'session.end-any': stewardRole,
  // Two-factor authentication (decision 0050): one's own; a steward resets a person's lost second factor; the group setting is a chair's or steward's (two-factor/chairs-two-factor.service.ts).
  'two-factor.manage-own': signedIn,
  'two-factor.reset': stewardRole,
  'working-group.chairs-two-factor': signedIn,
} satisfies Record<string, PermissionRule>;

export type Permission = keyof typeof PERMISSIONS;
