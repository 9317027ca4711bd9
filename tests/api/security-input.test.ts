import { deflateSync, gzipSync } from 'node:zlib';
import { PROBLEM_TYPES } from '@parley/contracts';
import { newDelegate, newOrganisation, SignedIn } from '../support/factories';
import { expectNothingWritten, expectProblem } from '../support/expectations';
import { ApiClient } from '../support/http-client';
import { startTestApp, TestApp } from '../support/test-app';
import { newWorkingGroup } from '../support/working-group-factories';

// Attacks from the hostile review (issue 15, item 5) on what a request may carry: undecodable
// bodies, impossible dates, and names that hide or reorder what a reader sees.

/** A raw request, so the body and its Content-Encoding are exactly what an attacker sends. */
async function raw(t: TestApp, path: string, body: Uint8Array | string, headers: Record<string, string>) {
  const res = await fetch(t.baseUrl + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: typeof body === 'string' ? body : new Blob([new Uint8Array(body)]),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
}

describe('security: hostile input', () => {
  let t: TestApp;
  let delegate: SignedIn & { organisation: { id: string } };
  beforeAll(async () => {
    t = await startTestApp();
    delegate = await newDelegate(t.baseUrl, { stakeholderGroup: 'civil-society', subtype: 'ngo' });
  });
  afterAll(() => t.close());

  describe('request bodies with a Content-Encoding', () => {
    const login = JSON.stringify({ email: 'nobody@example.org', password: 'x'.repeat(12) });
    it.each([
      ['gzip that is not gzip', 'gzip', 'not gzip at all', 400],
      ['deflate that is not deflate', 'deflate', 'not deflate either', 400],
      ['br that is not brotli', 'br', Buffer.from([0xff, 0xff, 0xff, 0xff, 0x00, 0x01]), 400],
      ['truncated gzip', 'gzip', gzipSync(login).subarray(0, 12), 400],
      ['an unknown encoding', 'x-evil', login, 415],
      ['a chain with an unknown encoding', 'gzip, zstd', login, 415],
    ])('%s on an anonymous log in: 4xx problem+json naming Content-Encoding, never 500', async (_, encoding, body, status) => {
      const res = await expectNothingWritten(t.dataSource, () => raw(t, '/api/auth/login', body, { 'content-encoding': encoding }));
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.errors).toEqual([{ field: 'Content-Encoding', code: expect.any(String), params: expect.any(Object), message: expect.any(String) }]);
    });

    it('a correctly compressed body is read (gzip and deflate): the log in answers as for plain JSON', async () => {
      for (const [encoding, body] of [
        ['gzip', gzipSync(login)],
        ['deflate', deflateSync(login)],
      ] as const) {
        const res = await raw(t, '/api/auth/login', body, { 'content-encoding': encoding });
        expect([encoding, res.status, res.body.detail]).toEqual([encoding, 401, 'The e-mail address or the password is wrong']);
      }
    });

    it('an undecodable body on an authenticated write is refused the same way, nothing written', async () => {
      const res = await expectNothingWritten(t.dataSource, () =>
        raw(t, '/api/organisations', 'garbage', { 'content-encoding': 'gzip', authorization: `Bearer ${delegate.session.token}` }),
      );
      expect(res.status).toBe(400);
      expect(res.body.errors[0].field).toBe('Content-Encoding');
    });
  });

  describe('dates before the calendar anyone means (year 0000 made PostgreSQL fail: 500)', () => {
    it.each([
      [
        'an affiliation starting in year 0',
        '/api/me/affiliations',
        () => ({ organisationId: delegate.organisation.id, title: 'Adviser', startDate: '0000-01-01' }),
        'startDate',
      ],
      [
        'an affiliation on 29 February of year 0',
        '/api/me/affiliations',
        () => ({ organisationId: delegate.organisation.id, title: 'Adviser', startDate: '0000-02-29' }),
        'startDate',
      ],
      [
        'an affiliation ending in year 0',
        '/api/me/affiliations',
        () => ({ organisationId: delegate.organisation.id, title: 'Adviser', startDate: '2020-01-01', endDate: '0000-06-01' }),
        'endDate',
      ],
      [
        'a declaration since year 0',
        '/api/me/declarations',
        () => ({ kind: 'board', organisationName: 'Acme Foundation', note: 'Board seat', since: '0000-01-01' }),
        'since',
      ],
      [
        'a declaration since year 1',
        '/api/me/declarations',
        () => ({ kind: 'board', organisationName: 'Acme Foundation', note: 'Board seat', since: '0001-01-01' }),
        'since',
      ],
    ])('refuses %s: 400 naming the field, nothing written', async (_, path, body, field) => {
      const res = await expectNothingWritten(t.dataSource, () => delegate.client.post(path, body()));
      expectProblem(res, 400, { type: PROBLEM_TYPES.validation, fields: [field] });
    });

    it('refuses ending an affiliation in year 0 (PATCH): 400 naming endDate', async () => {
      const affiliation = (await delegate.client.get('/api/me')).body.currentSnapshot;
      const mine = (await delegate.client.get(`/api/people/${delegate.id}`)).body.affiliations[0];
      expect(affiliation).not.toBeNull();
      const res = await expectNothingWritten(t.dataSource, () => delegate.client.patch(`/api/me/affiliations/${mine.id}`, { endDate: '0000-12-31' }));
      expectProblem(res, 400, { type: PROBLEM_TYPES.validation, fields: ['endDate'] });
    });
  });

  describe('names and titles that hide or reorder what a reader sees', () => {
    const hostileNames: [string, string][] = [
      ['zero-width spaces only', '\u200B\u200B\u200B'],
      ['a right-to-left override', 'Ministry of \u202EecnaniF'],
      ['a zero-width space inside', 'Ana\u200BRuiz'],
      ['a C1 control', 'Ana\u0085Ruiz'],
      ['a newline', 'Ana\nRuiz'],
      ['Hangul fillers only', '\u3164\u3164\u3164'],
    ];

    it.each(hostileNames)('a person named with %s is refused at registration: 400 naming name', async (_, name) => {
      const res = await expectNothingWritten(t.dataSource, () =>
        new ApiClient(t.baseUrl).post('/api/auth/register', {
          name,
          email: `hostile-${Math.random().toString(36).slice(2)}@example.org`,
          password: 'correct horse battery',
        }),
      );
      expectProblem(res, 400, { type: PROBLEM_TYPES.validation, fields: ['name'] });
    });

    it.each(hostileNames)('an organisation, a working group and a job title with %s are refused: 400 naming the field', async (_, name) => {
      const attempts: [string, Record<string, unknown>, string][] = [
        ['/api/organisations', { name, stakeholderGroup: 'civil-society', subtype: 'ngo' }, 'name'],
        ['/api/working-groups', { name, mandate: 'Draft implementation guidance on the principles.' }, 'name'],
        ['/api/me/affiliations', { organisationId: delegate.organisation.id, title: name, startDate: '2024-01-01' }, 'title'],
        ['/api/me/declarations', { kind: 'board', organisationName: name, note: 'A seat on its board' }, 'organisationName'],
      ];
      for (const [path, body, field] of attempts) {
        const res = await expectNothingWritten(t.dataSource, () => delegate.client.post(path, body));
        expectProblem(res, 400, { type: PROBLEM_TYPES.validation, fields: [field] });
      }
    });

    it('document and ballot titles are names too: a right-to-left override or zero-width title is refused', async () => {
      const group = await newWorkingGroup(delegate.client);
      for (const title of ['\u200B\u200B\u200B', 'Adopt the \u202Etxet']) {
        const doc = await expectNothingWritten(t.dataSource, () =>
          delegate.client.post(`/api/working-groups/${group.id}/documents`, { title, clauses: [{ kind: 'operative', text: 'A clause.' }] }),
        );
        expectProblem(doc, 400, { type: PROBLEM_TYPES.validation, fields: ['title'] });
        const ballot = await expectNothingWritten(t.dataSource, () =>
          delegate.client.post('/api/ballots', {
            workingGroupId: group.id,
            subjectType: 'motion',
            title,
            closesAt: new Date(Date.now() + 3600_000).toISOString(),
          }),
        );
        expectProblem(ballot, 400, { type: PROBLEM_TYPES.validation, fields: ['title'] });
      }
    });

    it('a name is stored in NFC: the same name typed decomposed is the same organisation', async () => {
      const composed = await newOrganisation(delegate.client, { name: 'Société Générale Fondation' });
      expect(composed.name).toBe('Société Générale Fondation');
      const decomposed = await delegate.client.post('/api/organisations', {
        name: 'Socie\u0301te\u0301 Ge\u0301ne\u0301rale Fondation',
        stakeholderGroup: 'civil-society',
        subtype: 'ngo',
      });
      expectProblem(decomposed, 409, { type: PROBLEM_TYPES.conflict });
    });

    it('long texts keep their line breaks but refuse bidi overrides and C1 controls', async () => {
      const group = await newWorkingGroup(delegate.client, { mandate: 'First paragraph.\n\nSecond paragraph,\twith a tab.' });
      expect(group.mandate).toBe('First paragraph.\n\nSecond paragraph,\twith a tab.');
      for (const mandate of [
        'Draft the guidance \u202Eon the principles',
        'Draft the guidance\u009B31m on the principles',
        '\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B',
      ]) {
        const res = await expectNothingWritten(t.dataSource, () =>
          delegate.client.post('/api/working-groups', { name: 'A group with a hostile mandate', mandate }),
        );
        expectProblem(res, 400, { type: PROBLEM_TYPES.validation, fields: ['mandate'] });
      }
    });

    it('names real scripts need are accepted as typed: joiners, right-to-left marks, emoji sequences', async () => {
      for (const name of ['انجمن\u200Cهای مدنی', 'מרכז IT\u200F לחברה', '👩\u200D💻 Coders Collective']) {
        const org = await newOrganisation(delegate.client, { name });
        expect(org.name).toBe(name);
      }
    });
  });
});
