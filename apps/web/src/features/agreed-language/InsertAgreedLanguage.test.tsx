import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { AgreedLanguageEntry, AgreedLanguagePage, ClauseResponse } from '@parley/contracts';
import { renderWithApp } from '../../test/render';
import { AmendmentForm } from '../documents/Amendments';
import { stubApi } from '../notifications/test-fixtures';

const ADOPTED = '66666666-6666-4666-8666-666666666666';
const SOURCE_CLAUSE = '77777777-7777-4777-8777-777777777777';
const BALLOT = '88888888-8888-4888-8888-888888888888';
const WORDING = 'Reaffirming that international law, and in particular the Charter of the United Nations, is applicable';

const entry: AgreedLanguageEntry = {
  pedigree: {
    workingGroup: { id: '99999999-9999-4999-8999-999999999999', name: 'Norms group' },
    document: { id: ADOPTED, title: 'Geneva Declaration' },
    version: 3,
    clauseId: SOURCE_CLAUSE,
    label: 'PP2',
    adoptedAt: '2026-03-03T10:00:00.000Z',
    ballotId: BALLOT,
  },
  kind: 'preamble',
  passage: { text: WORDING, marks: [[WORDING.indexOf('Charter'), WORDING.indexOf('Charter') + 7]] },
  language: 'en',
};

const clause: ClauseResponse = {
  id: 'c1',
  kind: 'operative',
  text: 'States should cooperate.',
  position: 0,
  label: '1.',
  counts: { comments: 0, earlierComments: 0, unansweredClarifications: 0 },
  amendments: { open: 0, balloting: 0, accepted: 0 },
} as ClauseResponse;

function open() {
  const calls = stubApi({
    'GET /api/agreed-language': (): AgreedLanguagePage => ({ items: [entry], nextCursor: null }),
    'POST /api/documents/d1/amendments': () => ({}),
  });
  renderWithApp(<AmendmentForm documentId="d1" clause={clause} version={1} quote={null} />);
  fireEvent.click(screen.getByRole('button', { name: 'Propose an amendment…' }));
  return calls;
}

describe('Insert agreed language (issue #25)', () => {
  it('opens a dialog that searches the library and shows each clause with its pedigree; Escape closes it', async () => {
    const calls = open();
    fireEvent.click(screen.getByRole('button', { name: 'Insert agreed language' }));
    const dialog = await screen.findByRole('dialog', { name: 'Insert agreed language' });
    const search = within(dialog).getByRole('searchbox', { name: 'Search agreed language' });
    await waitFor(() => expect(document.activeElement).toBe(search));
    const item = await within(dialog).findByText(/Reaffirming that international law/);
    const li = item.closest('li')!;
    expect(within(li).getByText('Charter').tagName).toBe('MARK');
    expect(within(li).getByRole('link', { name: 'Geneva Declaration, version 3' }).getAttribute('href')).toBe(`/documents/${ADOPTED}?v=3&clause=${SOURCE_CLAUSE}`);
    expect(within(li).getByRole('link', { name: 'adoption ballot' }).getAttribute('href')).toBe(`/ballots/${BALLOT}`);
    expect(li.textContent).toContain('Norms group');
    expect(li.textContent).toContain('clause PP2');

    fireEvent.change(search, { target: { value: 'charter' } });
    await waitFor(() => expect(calls.some((c) => c.url.includes('q=charter'))).toBe(true));

    fireEvent.keyDown(search, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('inserts the clause at the cursor, shows the citation with its pedigree, and sends it with the amendment', async () => {
    const calls = open();
    const text = screen.getByRole('textbox', { name: /New text of the clause/ }) as HTMLTextAreaElement;
    text.setSelectionRange(7, 13); // "should"
    fireEvent.select(text);
    fireEvent.click(screen.getByRole('button', { name: 'Insert agreed language' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(await within(dialog).findByRole('button', { name: 'Insert the clause (PP2)' }));
    await waitFor(() => expect(text.value).toBe(`States ${WORDING} cooperate.`));
    const chip = screen.getByTestId('citation-chip');
    expect(within(chip).getByRole('link', { name: 'Geneva Declaration, version 3' })).toBeTruthy();
    expect(chip.textContent).toContain('adopted');

    fireEvent.change(screen.getByRole('textbox', { name: /Rationale/ }), { target: { value: 'Agreed language from Geneva.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Propose the amendment' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const sent = calls.find((c) => c.method === 'POST')!.body as Record<string, unknown>;
    expect(sent).toMatchObject({ kind: 'replace', text: `States ${WORDING} cooperate.`, citations: [{ documentId: ADOPTED, version: 3, clauseId: SOURCE_CLAUSE, passage: WORDING }] });
  });

  it('warns before sending when the cited words were edited, and lets the drafter remove the citation', async () => {
    const calls = open();
    fireEvent.click(screen.getByRole('button', { name: 'Insert agreed language' }));
    fireEvent.click(await within(await screen.findByRole('dialog')).findByRole('button', { name: 'Insert the clause (PP2)' }));
    const text = screen.getByRole('textbox', { name: /New text of the clause/ }) as HTMLTextAreaElement;
    await waitFor(() => expect(text.value).toContain(WORDING));
    fireEvent.change(text, { target: { value: text.value.replace('is applicable', 'may apply') } });
    expect(screen.getByTestId('citation-chip').textContent).toContain('No longer verbatim in the text');
    fireEvent.change(screen.getByRole('textbox', { name: /Rationale/ }), { target: { value: 'Softer.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Propose the amendment' }));
    const warning = await screen.findByTestId('stray-citations');
    expect(warning.getAttribute('role')).toBe('alert');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    fireEvent.click(within(warning).getByRole('button', { name: 'Remove these citations' }));
    expect(screen.queryByTestId('citation-chip')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Propose the amendment' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')!.body).not.toHaveProperty('citations');
  });
});
