import { OrganisationResponse, Page, PROBLEM_TYPES } from '@parley/contracts';
import { newDelegate, newOrganisation, newPerson, SignedIn } from '../support/factories';
import { eventsAbout, expectNothingWritten, expectProblem } from '../support/expectations';
import { ApiClient } from '../support/http-client';
import { startTestApp, TestApp } from '../support/test-app';

describe('organisations', () => {
  let t: TestApp;
  let steward: SignedIn & { organisation: OrganisationResponse };
  let member: SignedIn;

  beforeAll(async () => {
    t = await startTestApp();
    // The first account on the empty platform is its steward.
    steward = await newDelegate(t.baseUrl, { name: 'Platform Stewardship Office', stakeholderGroup: 'civil-society', subtype: 'technical-community', country: 'CH' }, 'Steward');
    expect(steward.session.me.isSteward).toBe(true);
    member = await newPerson(t.baseUrl);
  });
  afterAll(() => t.close());

  describe('create', () => {
    it('any signed-in person adds an organisation, unverified, and organisation.created carries their snapshot', async () => {
      const delegate = await newDelegate(t.baseUrl, { name: 'Ministry of Digital Affairs Arcadia', stakeholderGroup: 'government', subtype: 'national', country: 'IE' }, 'Cyber Envoy');
      const res = await delegate.client.post<OrganisationResponse>('/api/organisations', {
        name: '  Open Standards Alliance  ',
        stakeholderGroup: 'private-sector',
        subtype: 'business-association',
        country: 'BE',
        website: 'https://standards.example.org',
        lobbyingRegisterId: '123456789012-34',
      });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        name: 'Open Standards Alliance',
        stakeholderGroup: 'private-sector',
        subtype: 'business-association',
        country: 'BE',
        website: 'https://standards.example.org',
        lobbyingRegisterId: '123456789012-34',
        verified: false,
        verifiedAt: null,
        createdAt: expect.any(String),
      });
      expect((await new ApiClient(t.baseUrl).get(`/api/organisations/${res.body.id}`)).body).toEqual(res.body);

      const [event] = await eventsAbout(t.baseUrl, res.body.id);
      expect(event).toMatchObject({
        scope: 'platform',
        action: 'organisation.created',
        subjectType: 'organisation',
        actorId: delegate.id,
        actorName: delegate.name,
        actorSnapshot: { organisationId: delegate.organisation.id, organisationName: 'Ministry of Digital Affairs Arcadia', stakeholderGroup: 'government', subtype: 'national', country: 'IE', title: 'Cyber Envoy', organisationVerified: false },
        change: { name: 'Open Standards Alliance', stakeholderGroup: 'private-sector', subtype: 'business-association', country: 'BE', lobbyingRegisterId: '123456789012-34' },
      });
    });

    it('accepts the smallest organisation (no country, website or register id); a creator without affiliation is recorded with a null snapshot', async () => {
      const res = await member.client.post<OrganisationResponse>('/api/organisations', { name: 'Minimal Org', stakeholderGroup: 'civil-society', subtype: 'academia' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ country: null, website: null, lobbyingRegisterId: null });
      const [event] = await eventsAbout(t.baseUrl, res.body.id);
      expect(event).toMatchObject({ action: 'organisation.created', actorId: member.id, actorSnapshot: null });
    });

    it('accepts every sub-type under its own group', async () => {
      const pairs = [
        ['government', ['national', 'local', 'intergovernmental']],
        ['private-sector', ['company', 'business-association']],
        ['civil-society', ['ngo', 'academia', 'technical-community', 'individual']],
      ] as const;
      for (const [group, subtypes] of pairs)
        for (const subtype of subtypes) {
          const res = await member.client.post('/api/organisations', { name: `Every ${group} ${subtype}`, stakeholderGroup: group, subtype });
          expect([group, subtype, res.status]).toEqual([group, subtype, 201]);
        }
    });

    it('refuses a duplicate name, whatever its case: 409 naming name, nothing written', async () => {
      await newOrganisation(member.client, { name: 'Unique Name Institute' });
      const res = await expectNothingWritten(t.dataSource, () => member.client.post('/api/organisations', { name: 'UNIQUE name institute', stakeholderGroup: 'civil-society', subtype: 'ngo' }));
      expectProblem(res, 409, { type: PROBLEM_TYPES.conflict, fields: ['name'] });
    });

    it('refuses an anonymous request with 401, nothing written', async () => {
      const res = await expectNothingWritten(t.dataSource, () => new ApiClient(t.baseUrl).post('/api/organisations', { name: 'Anonymous Org', stakeholderGroup: 'civil-society', subtype: 'ngo' }));
      expectProblem(res, 401, { type: PROBLEM_TYPES.unauthenticated });
    });

    const valid = { name: 'Bad Input Org', stakeholderGroup: 'civil-society', subtype: 'ngo', country: 'FR' };
    it.each([
      ['a missing name', { ...valid, name: undefined }, 'name'],
      ['a missing stakeholder group', { ...valid, stakeholderGroup: undefined }, 'stakeholderGroup'],
      ['a missing sub-type', { ...valid, subtype: undefined }, 'subtype'],
      ['an unknown field', { ...valid, verified: true }, 'verified'],
      ['an unknown stakeholder group', { ...valid, stakeholderGroup: 'academia' }, 'stakeholderGroup'],
      ['an unknown sub-type', { ...valid, subtype: 'think-tank' }, 'subtype'],
      ['a sub-type of another group', { ...valid, stakeholderGroup: 'private-sector', subtype: 'ngo' }, 'subtype'],
      ['a government sub-type under civil society', { ...valid, subtype: 'national' }, 'subtype'],
      ['an overlong name', { ...valid, name: 'O'.repeat(201) }, 'name'],
      ['a one-letter name', { ...valid, name: 'O' }, 'name'],
      ['an overlong lobbying register id', { ...valid, lobbyingRegisterId: '1'.repeat(101) }, 'lobbyingRegisterId'],
      ['a lower-case country', { ...valid, country: 'fr' }, 'country'],
      ['a three-letter country', { ...valid, country: 'FRA' }, 'country'],
      ['a website that is not a URL', { ...valid, website: 'not a url' }, 'website'],
      ['a control character in the name', { ...valid, name: 'Bad\u0000Name' }, 'name'],
    ])('refuses %s: 400 naming the field, nothing written', async (_, body, field) => {
      const res = await expectNothingWritten(t.dataSource, () => member.client.post('/api/organisations', body));
      expectProblem(res, 400, { type: PROBLEM_TYPES.validation, fields: [field] });
    });

    it('refuses a body that is not JSON: 400, nothing written', async () => {
      const res = await expectNothingWritten(t.dataSource, () => member.client.post('/api/organisations', '{"name": "Half'));
      expectProblem(res, 400, { type: PROBLEM_TYPES.validation, fields: ['(body)'] });
    });
  });

  describe('read one', () => {
    it('is public; an unknown id is 404 and a malformed one is 400 naming id', async () => {
      const org = await newOrganisation(member.client);
      const anon = new ApiClient(t.baseUrl);
      expect((await anon.get(`/api/organisations/${org.id}`)).body).toEqual(org);
      expectProblem(await anon.get('/api/organisations/3f1c2a9e-8b7d-4c6e-9a5b-1d2e3f4a5b6c'), 404, { type: PROBLEM_TYPES.notFound });
      expectProblem(await anon.get('/api/organisations/not-a-uuid'), 400, { type: PROBLEM_TYPES.validation, fields: ['id'] });
    });
  });

  describe('verify', () => {
    it('a non-steward is refused with 403 and nothing is written', async () => {
      const org = await newOrganisation(member.client);
      const res = await expectNothingWritten(t.dataSource, () => member.client.post(`/api/organisations/${org.id}/verify`));
      expectProblem(res, 403, { type: PROBLEM_TYPES.forbidden });
      expect((await member.client.get(`/api/organisations/${org.id}`)).body.verified).toBe(false);
    });

    it('anonymous is 401', async () => {
      const org = await newOrganisation(member.client);
      expectProblem(await expectNothingWritten(t.dataSource, () => new ApiClient(t.baseUrl).post(`/api/organisations/${org.id}/verify`)), 401);
    });

    it('a steward verifies: the organisation shows as verified, the act is audited with the steward’s snapshot; a second verify is 409', async () => {
      const org = await newOrganisation(member.client, { name: 'To Be Verified Org' });
      const res = await steward.client.post<OrganisationResponse>(`/api/organisations/${org.id}/verify`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: org.id, verified: true, verifiedAt: expect.any(String) });
      expect((await new ApiClient(t.baseUrl).get(`/api/organisations/${org.id}`)).body).toMatchObject({ verified: true, verifiedAt: res.body.verifiedAt });

      const events = await eventsAbout(t.baseUrl, org.id);
      expect(events.map((e) => e.action)).toEqual(['organisation.created', 'organisation.verified']);
      expect(events[1]).toMatchObject({
        actorId: steward.id,
        actorSnapshot: { organisationId: steward.organisation.id, organisationName: 'Platform Stewardship Office', title: 'Steward', stakeholderGroup: 'civil-society', subtype: 'technical-community' },
        change: { name: 'To Be Verified Org', stewardId: steward.id },
      });

      const again = await expectNothingWritten(t.dataSource, () => steward.client.post(`/api/organisations/${org.id}/verify`));
      expectProblem(again, 409, { type: PROBLEM_TYPES.conflict });
    });

    it('an unknown organisation is 404 and a malformed id 400, nothing written', async () => {
      expectProblem(await expectNothingWritten(t.dataSource, () => steward.client.post('/api/organisations/3f1c2a9e-8b7d-4c6e-9a5b-1d2e3f4a5b6c/verify')), 404);
      expectProblem(await expectNothingWritten(t.dataSource, () => steward.client.post('/api/organisations/12345/verify')), 400, { fields: ['id'] });
    });

    it('affiliations to a verified organisation show it in the snapshot', async () => {
      const d = await newDelegate(t.baseUrl, { name: 'Soon Verified Ministry', stakeholderGroup: 'government', subtype: 'local', country: 'ES' });
      expect((await d.client.get('/api/me')).body.currentSnapshot.organisationVerified).toBe(false);
      expect((await steward.client.post(`/api/organisations/${d.organisation.id}/verify`)).status).toBe(200);
      expect((await d.client.get('/api/me')).body.currentSnapshot.organisationVerified).toBe(true);
    });
  });

  describe('list', () => {
    let lumeria: OrganisationResponse[];

    beforeAll(async () => {
      const make = (name: string, o: Record<string, unknown>) => newOrganisation(member.client, { name, ...o });
      lumeria = [
        await make('Lumeria Ministry of Foreign Affairs', { stakeholderGroup: 'government', subtype: 'national', country: 'LU' }),
        await make('lumeria city council', { stakeholderGroup: 'government', subtype: 'local', country: 'LU' }),
        await make('Lumeria Telecom', { stakeholderGroup: 'private-sector', subtype: 'company', country: 'LU' }),
        await make('LUMERIA Digital Rights Watch', { stakeholderGroup: 'civil-society', subtype: 'ngo', country: 'DE' }),
        await make('Lumeria University', { stakeholderGroup: 'civil-society', subtype: 'academia', country: 'LU' }),
        await make('Lumeria 100%_Open Lab', { stakeholderGroup: 'civil-society', subtype: 'technical-community', country: null }),
      ];
      expect((await steward.client.post(`/api/organisations/${lumeria[2].id}/verify`)).status).toBe(200);
      lumeria[2] = (await member.client.get(`/api/organisations/${lumeria[2].id}`)).body;
    });

    const names = (page: Page<OrganisationResponse>) => page.items.map((o) => o.name);
    const list = async (query: string) => {
      const res = await new ApiClient(t.baseUrl).get<Page<OrganisationResponse>>(`/api/organisations?${query}`);
      expect(res.status).toBe(200);
      return res.body;
    };

    it('is public, ordered by name whatever its case, and searches names case-insensitively', async () => {
      expect(names(await list('q=lumeria'))).toEqual(['Lumeria 100%_Open Lab', 'lumeria city council', 'LUMERIA Digital Rights Watch', 'Lumeria Ministry of Foreign Affairs', 'Lumeria Telecom', 'Lumeria University']);
      expect(names(await list('q=TELECOM'))).toEqual(['Lumeria Telecom']);
      expect(names(await list('q=no-such-organisation'))).toEqual([]);
    });

    it('treats % and _ in the search as plain characters', async () => {
      expect(names(await list(`q=${encodeURIComponent('100%_')}`))).toEqual(['Lumeria 100%_Open Lab']);
      expect(names(await list(`q=${encodeURIComponent('lumeria%')}`))).toEqual([]);
      expect(names(await list(`q=${encodeURIComponent('_')}`))).toEqual(['Lumeria 100%_Open Lab']);
    });

    it('filters by stakeholder group, sub-type, country and verification, alone and together', async () => {
      expect(names(await list('q=lumeria&stakeholderGroup=government'))).toEqual(['lumeria city council', 'Lumeria Ministry of Foreign Affairs']);
      expect(names(await list('q=lumeria&stakeholderGroup=civil-society'))).toEqual(['Lumeria 100%_Open Lab', 'LUMERIA Digital Rights Watch', 'Lumeria University']);
      expect(names(await list('q=lumeria&subtype=company'))).toEqual(['Lumeria Telecom']);
      expect(names(await list('q=lumeria&country=DE'))).toEqual(['LUMERIA Digital Rights Watch']);
      expect(names(await list('q=lumeria&country=LU&stakeholderGroup=civil-society'))).toEqual(['Lumeria University']);
      expect(names(await list('q=lumeria&verified=true'))).toEqual(['Lumeria Telecom']);
      expect(names(await list('q=lumeria&verified=false'))).toHaveLength(5);
      expect(names(await list('q=lumeria&stakeholderGroup=private-sector&verified=false'))).toEqual([]);
      expect((await list('q=lumeria&verified=true')).items[0]).toEqual(lumeria[2]);
      // Without a search, a filter covers the whole directory.
      const verified = await list('verified=true');
      expect(verified.items.every((o) => o.verified)).toBe(true);
      expect(names(verified)).toContain('Lumeria Telecom');
    });

    it('pages with a keyset cursor: limit 2 walks every match once, in order, and the last page has no cursor', async () => {
      const all = names(await list('q=lumeria&limit=50'));
      expect(all).toHaveLength(6);
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: Page<OrganisationResponse> = await list(`q=lumeria&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...names(page));
        cursor = page.nextCursor;
        pages++;
      } while (cursor && pages < 10);
      expect(pages).toBe(3);
      expect(seen).toEqual(all);
    });

    it('keeps its place when organisations are added between pages', async () => {
      const first = await list('q=lumeria&limit=3');
      expect(names(first)).toEqual(['Lumeria 100%_Open Lab', 'lumeria city council', 'LUMERIA Digital Rights Watch']);
      await newOrganisation(member.client, { name: 'Lumeria Aardvark Society' }); // sorts before the cursor
      const second = await list(`q=lumeria&limit=3&cursor=${encodeURIComponent(first.nextCursor!)}`);
      expect(names(second)).toEqual(['Lumeria Ministry of Foreign Affairs', 'Lumeria Telecom', 'Lumeria University']);
      expect(second.nextCursor).toBeNull();
    });

    it('pages with filters too', async () => {
      const first = await list('stakeholderGroup=government&country=LU&limit=1');
      expect(names(first)).toEqual(['lumeria city council']);
      const second = await list(`stakeholderGroup=government&country=LU&limit=1&cursor=${encodeURIComponent(first.nextCursor!)}`);
      expect(names(second)).toEqual(['Lumeria Ministry of Foreign Affairs']);
      expect(second.nextCursor).toBeNull();
    });

    it.each([
      ['an unknown stakeholder group', 'stakeholderGroup=lobby', 'stakeholderGroup'],
      ['an unknown sub-type', 'subtype=think-tank', 'subtype'],
      ['a malformed country', 'country=lu', 'country'],
      ['a verified flag that is not true/false', 'verified=yes', 'verified'],
      ['a limit of 0', 'limit=0', 'limit'],
      ['a limit over 200', 'limit=201', 'limit'],
      ['a limit that is not a number', 'limit=ten', 'limit'],
      ['an unknown parameter', 'sort=name', 'sort'],
      ['a repeated parameter', 'country=LU&country=DE', 'country'],
      ['an overlong search', `q=${'x'.repeat(201)}`, 'q'],
      ['a cursor this list never gave', 'cursor=not-a-cursor', 'cursor'],
    ])('refuses %s with 400 naming it', async (_, query, field) => {
      expectProblem(await new ApiClient(t.baseUrl).get(`/api/organisations?${query}`), 400, { type: PROBLEM_TYPES.validation, fields: [field] });
    });
  });
});
