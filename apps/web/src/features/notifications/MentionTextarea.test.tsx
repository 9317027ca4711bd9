import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { renderWithApp } from '../../test/render';
import { MentionText } from './MentionText';
import { MentionTextarea } from './MentionTextarea';
import { ANA, G, snapshot, stubApi } from './test-fixtures';

const ANITA = '77777777-7777-4777-8777-777777777777';
const candidates = {
  items: [
    { personId: ANA, name: 'Ana Ruiz', snapshot },
    { personId: ANITA, name: 'Anita Desai', snapshot: { ...snapshot, organisationName: 'Ministry of Digital Affairs', stakeholderGroup: 'government' } },
  ],
};

function Composer({ onValue }: { onValue: (v: string) => void }) {
  const [value, setValue] = useState('');
  return (
    <MentionTextarea
      groupId={G.id}
      label="Comment"
      value={value}
      onChange={(v) => {
        setValue(v);
        onValue(v);
      }}
    />
  );
}

/** Types into the field (setting the value leaves the caret at its end, as typing does). */
const type = (field: HTMLTextAreaElement, text: string) => {
  field.focus();
  fireEvent.change(field, { target: { value: text } });
};

describe('MentionTextarea', () => {
  it('lists the members matching @ and letters; arrows and Enter insert the chosen mention', async () => {
    const calls = stubApi({ [`GET /api/working-groups/${G.id}/mention-candidates`]: candidates });
    let value = '';
    renderWithApp(<Composer onValue={(v) => (value = v)} />);
    const field = screen.getByRole('textbox', { name: 'Comment' }) as HTMLTextAreaElement;
    type(field, 'I agree with @An');

    const list = await screen.findByRole('listbox', { name: 'Members to mention' });
    expect(calls.at(-1)?.url).toBe(`/api/working-groups/${G.id}/mention-candidates?q=An`);
    const options = within(list).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['Ana Ruiz Access Now, civil society', 'Anita Desai Ministry of Digital Affairs, government']);
    expect(field.getAttribute('aria-controls')).toBe(list.id);
    expect(field.getAttribute('aria-activedescendant')).toBe(options[0].id);
    expect(options[0].getAttribute('aria-selected')).toBe('true');

    fireEvent.keyDown(field, { key: 'ArrowDown' });
    expect(field.getAttribute('aria-activedescendant')).toBe(options[1].id);
    fireEvent.keyDown(field, { key: 'ArrowDown' });
    fireEvent.keyDown(field, { key: 'ArrowUp' });
    expect(within(list).getAllByRole('option')[1].getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(field, { key: 'Enter' });

    expect(value).toBe(`I agree with @[Anita Desai](${ANITA}) `);
    await waitFor(() => expect(screen.queryByRole('listbox')).toBeNull());
    expect(field.getAttribute('aria-activedescendant')).toBeNull();
  });

  it('Tab picks too, and Escape closes the list without picking', async () => {
    stubApi({ [`GET /api/working-groups/${G.id}/mention-candidates`]: candidates });
    let value = '';
    renderWithApp(<Composer onValue={(v) => (value = v)} />);
    const field = screen.getByRole('textbox', { name: 'Comment' }) as HTMLTextAreaElement;
    type(field, '@An');
    await screen.findByRole('listbox');
    fireEvent.keyDown(field, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('listbox')).toBeNull());
    expect(value).toBe('@An');

    type(field, '@Ana and @A');
    await screen.findByRole('listbox');
    fireEvent.keyDown(field, { key: 'Tab' });
    expect(value).toBe(`@Ana and @[Ana Ruiz](${ANA}) `);
  });

  it('an e-mail address is not a mention', async () => {
    const calls = stubApi({ [`GET /api/working-groups/${G.id}/mention-candidates`]: candidates });
    renderWithApp(<Composer onValue={() => undefined} />);
    type(screen.getByRole('textbox', { name: 'Comment' }) as HTMLTextAreaElement, 'write to ana@example');
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(calls.some((c) => c.url.includes('mention-candidates'))).toBe(false);
  });
});

describe('MentionText', () => {
  it('shows each mention as a chip with the affiliation the comment recorded, never the raw token', () => {
    renderWithApp(
      <p data-testid="body">
        <MentionText text={`Thanks @[Ana Ruiz](${ANA}), and @[Anita](${ANITA}) too.`} mentions={[{ personId: ANA, name: 'Ana Ruiz', snapshot }]} />
      </p>,
    );
    const body = screen.getByTestId('body');
    expect(body.textContent).not.toContain('](');
    const chip = within(body).getByRole('link', { name: '@Ana Ruiz (Access Now, civil society)' });
    expect(chip.getAttribute('href')).toBe(`/people/${ANA}`);
    expect(chip.getAttribute('title')).toBe('Access Now, civil society');
    // A mention the comment did not record (no affiliation known) still reads as a name.
    expect(within(body).getByRole('link', { name: '@Anita' })).toBeTruthy();
    expect(body.textContent).toBe('Thanks @Ana Ruiz (Access Now, civil society), and @Anita too.');
  });

  it('names the affiliation in French', () => {
    renderWithApp(<MentionText text={`@[Ana Ruiz](${ANA})`} mentions={[{ personId: ANA, name: 'Ana Ruiz', snapshot }]} />, { language: 'fr' });
    expect(screen.getByRole('link', { name: '@Ana Ruiz (Access Now, société civile)' })).toBeTruthy();
  });
});
