import { DOCX_MEDIA_TYPE } from '@parley/contracts';
import { CSRF_HEADER, ProblemError } from '../../api/client';
import { uploadWord } from './useExchange';

describe('uploading a Word file', () => {
  const fetchMock = jest.fn();
  beforeEach(() => {
    fetchMock.mockReset();
    (globalThis as { fetch: unknown }).fetch = fetchMock;
    document.cookie = 'parley_csrf=csrf-xyz; path=/';
  });

  it('sends the file itself as the body, as a Word document, with the CSRF token', async () => {
    fetchMock.mockResolvedValue({
      ok: true,
      status: 200,
      statusText: '',
      text: async () => JSON.stringify({ title: null, clauses: [], proposals: [], warnings: [] }),
    });
    const file = new Blob(['PK…'], { type: '' });
    await uploadWord('POST /api/working-groups/:id/documents/import-preview', { id: 'g 1' }, file);
    const [path, init] = fetchMock.mock.calls[0] as [string, RequestInit & { headers: Record<string, string> }];
    expect(path).toBe('/api/working-groups/g%201/documents/import-preview');
    expect(init.method).toBe('POST');
    expect(init.body).toBe(file);
    expect(init.headers['Content-Type']).toBe(DOCX_MEDIA_TYPE);
    expect(init.headers[CSRF_HEADER]).toBe('csrf-xyz');
  });

  it('rejects with the problem the API answered', async () => {
    const problem = {
      type: '/problems/docx-encrypted',
      title: 'Refused',
      status: 400,
      detail: 'The file is protected by a password',
      code: 'docx-encrypted',
      params: {},
    };
    fetchMock.mockResolvedValue({ ok: false, status: 400, statusText: '', text: async () => JSON.stringify(problem) });
    const error = await uploadWord('POST /api/documents/:id/import-preview', { id: 'd' }, new Blob(['x'])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProblemError);
    expect(error).toMatchObject({ status: 400, code: 'docx-encrypted' });
  });
});
