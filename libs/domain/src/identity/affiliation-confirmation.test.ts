import { appointmentVerdict, confirmationVerdict, endAppointmentVerdict, isConfirmed, type ConfirmationFacts } from './affiliation-confirmation';
import { snapshotFromAffiliations, type AffiliationRecord } from './affiliation-snapshot';
import { CONFIRMED_BY_FOCAL_POINT } from './confirmation-test-factories';

const facts = (over: Partial<ConfirmationFacts> & { status?: ConfirmationFacts['affiliation']['status'] } = {}): ConfirmationFacts => ({
  actorId: 'fp',
  actorIsSteward: false,
  actorIsFocalPoint: true,
  affiliation: { personId: 'ana', status: over.status ?? 'pending', ended: false, organisationName: 'Japan' },
  holderIsFocalPoint: false,
  decision: 'confirm',
  reason: null,
  ...over,
});

describe('confirmationVerdict: who decides on a declared affiliation', () => {
  it.each<[string, Partial<ConfirmationFacts> & { status?: ConfirmationFacts['affiliation']['status'] }, string]>([
    ['a focal point confirms, no reason needed', {}, 'focal-point'],
    ['a focal point refuses with a reason', { decision: 'refuse', reason: 'Not on our staff' }, 'focal-point'],
    ['a focal point ends a confirmation with a reason', { decision: 'end', status: 'confirmed', reason: 'Left the ministry' }, 'focal-point'],
    ['a steward confirms with a reason', { actorIsFocalPoint: false, actorIsSteward: true, reason: 'Checked with the mission by phone' }, 'steward'],
    ['a steward who is also a focal point acts as focal point', { actorIsSteward: true }, 'focal-point'],
  ])('allowed: %s', (_, over, as) => {
    expect(confirmationVerdict(facts(over))).toEqual({ as });
  });

  it.each<[string, Partial<ConfirmationFacts> & { status?: ConfirmationFacts['affiliation']['status'] }, string]>([
    ['nobody confirms their own affiliation, not even a focal point', { actorId: 'ana' }, 'own-affiliation'],
    ['nor a steward their own', { actorId: 'ana', actorIsFocalPoint: false, actorIsSteward: true, reason: 'me' }, 'own-affiliation'],
    ['someone who is neither focal point nor steward', { actorIsFocalPoint: false }, 'not-a-confirmer'],
    ['a steward without a reason', { actorIsFocalPoint: false, actorIsSteward: true }, 'reason-required'],
    ['a steward with a blank reason', { actorIsFocalPoint: false, actorIsSteward: true, reason: '   ' }, 'reason-required'],
    ['a refusal without a reason', { decision: 'refuse' }, 'reason-required'],
    ['ending without a reason', { decision: 'end', status: 'confirmed' }, 'reason-required'],
    ['confirming twice', { status: 'confirmed' }, 'confirmation-state'],
    ['confirming a refused affiliation', { status: 'refused' }, 'confirmation-state'],
    ['ending an unconfirmed affiliation', { decision: 'end', reason: 'x' }, 'confirmation-state'],
    ['confirming an ended affiliation', { affiliation: { personId: 'ana', status: 'pending', ended: true, organisationName: 'Japan' } }, 'affiliation-ended'],
    ['ending a focal point’s confirmation while they are one', { decision: 'end', status: 'confirmed', reason: 'x', holderIsFocalPoint: true }, 'holder-is-focal-point'],
  ])('refused: %s', (_, over, code) => {
    expect(confirmationVerdict(facts(over))).toMatchObject({ code });
  });
});

describe('appointmentVerdict: who appoints focal points', () => {
  const base = { actorId: 'x', actorIsSteward: false, actorIsFocalPoint: false, organisationHasFocalPoints: false, organisationName: 'Japan', reason: 'Named by the mission in writing' as string | null, appointee: { personId: 'ana', affiliation: { status: 'pending' as const }, alreadyFocalPoint: false } };
  it('a steward appoints the first focal point; a focal point appoints the next', () => {
    expect(appointmentVerdict({ ...base, actorIsSteward: true })).toEqual({ as: 'steward' });
    expect(appointmentVerdict({ ...base, actorIsFocalPoint: true, organisationHasFocalPoints: true })).toEqual({ as: 'focal-point' });
  });
  it('a steward does not appoint once the organisation has focal points; others never do', () => {
    expect(appointmentVerdict({ ...base, actorIsSteward: true, organisationHasFocalPoints: true })).toMatchObject({ code: 'organisation-has-focal-points' });
    expect(appointmentVerdict(base)).toMatchObject({ code: 'not-an-appointer' });
  });
  it('a steward gives a reason; a focal point need not', () => {
    expect(appointmentVerdict({ ...base, actorIsSteward: true, reason: null })).toMatchObject({ code: 'reason-required', field: 'reason' });
    expect(appointmentVerdict({ ...base, actorIsFocalPoint: true, organisationHasFocalPoints: true, reason: null })).toEqual({ as: 'focal-point' });
  });
  it('nobody appoints themself; the appointee holds a current affiliation that was not refused', () => {
    expect(appointmentVerdict({ ...base, actorIsSteward: true, actorId: 'ana' })).toMatchObject({ code: 'self-appointment' });
    expect(appointmentVerdict({ ...base, actorIsSteward: true, appointee: { ...base.appointee, affiliation: null } })).toMatchObject({ code: 'appointee-not-affiliated' });
    expect(appointmentVerdict({ ...base, actorIsSteward: true, appointee: { ...base.appointee, affiliation: { status: 'refused' } } })).toMatchObject({ code: 'appointee-affiliation-closed', params: { status: 'refused' } });
    expect(appointmentVerdict({ ...base, actorIsFocalPoint: true, appointee: { ...base.appointee, alreadyFocalPoint: true } })).toMatchObject({ code: 'already-focal-point' });
  });
});

describe('endAppointmentVerdict', () => {
  const base = { actorId: 'fp', actorIsSteward: false, actorIsFocalPoint: true, focalPointId: 'fp', organisationName: 'Japan', ended: false, reason: null };
  it('a focal point steps down without a reason; ending another’s needs one; outsiders cannot', () => {
    expect(endAppointmentVerdict(base)).toEqual({ as: 'focal-point' });
    expect(endAppointmentVerdict({ ...base, focalPointId: 'other' })).toMatchObject({ code: 'reason-required', fieldCode: 'reason-for-ending-appointment' });
    expect(endAppointmentVerdict({ ...base, actorIsFocalPoint: false, actorIsSteward: true, focalPointId: 'other', reason: 'Abuse' })).toEqual({ as: 'steward' });
    expect(endAppointmentVerdict({ ...base, actorIsFocalPoint: false })).toMatchObject({ code: 'not-an-appointment-ender' });
    expect(endAppointmentVerdict({ ...base, ended: true })).toMatchObject({ code: 'appointment-ended' });
  });
});

describe('the snapshot records the confirmation', () => {
  const record = (over: Partial<AffiliationRecord>): AffiliationRecord => ({
    id: 'a1',
    title: 'Envoy',
    startDate: '2026-01-01',
    endDate: null,
    primary: true,
    confirmationStatus: 'pending',
    confirmation: null,
    organisation: { id: 'jp', name: 'Japan', stakeholderGroup: 'government', subtype: 'national', country: 'JP', verified: true },
    ...over,
  });
  it('a pending affiliation of a verified organisation is unconfirmed: the badge is the organisation’s, not the person’s', () => {
    const s = snapshotFromAffiliations([record({})], '2026-06-01')!;
    expect(s.organisationVerified).toBe(true);
    expect(s.confirmation).toBeNull();
    expect(isConfirmed(s)).toBe(false);
  });
  it('a confirmed one carries who confirmed it, as what, and when; an ended confirmation carries nothing', () => {
    expect(snapshotFromAffiliations([record({ confirmationStatus: 'confirmed', confirmation: CONFIRMED_BY_FOCAL_POINT })], '2026-06-01')!.confirmation).toEqual(CONFIRMED_BY_FOCAL_POINT);
    expect(snapshotFromAffiliations([record({ confirmationStatus: 'ended', confirmation: CONFIRMED_BY_FOCAL_POINT })], '2026-06-01')!.confirmation).toBeNull();
  });
  it('a snapshot recorded before confirmations existed counts as unconfirmed', () => {
    expect(isConfirmed({})).toBe(false);
    expect(isConfirmed(null)).toBe(false);
  });
});
