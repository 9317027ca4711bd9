import { fireEvent, screen, within } from '@testing-library/react';
import type { ClauseResponse } from '@parley/contracts';
import { renderWithApp } from '../../test/render';
import { ClauseList, quoteFromSelection } from './ClauseList';
import { DiffText } from './DiffText';

const clause = (over: Partial<ClauseResponse>): ClauseResponse => ({
  id: 'c1',
  kind: 'operative',
  text: 'Prevent ICT-enabled theft of intellectual property.',
  position: 0,
  label: '4.',
  counts: { comments: 0, earlierComments: 0, unansweredClarifications: 0 },
  amendments: { open: 0, balloting: 0, accepted: 0 },
  ...over,
});

describe('ClauseList', () => {
  it('numbers operative clauses and shows counts and markers in words, not colour alone', () => {
    renderWithApp(
      <ClauseList
        clauses={[
          clause({ id: 'h', kind: 'heading', text: 'Principles', label: null }),
          clause({ counts: { comments: 2, earlierComments: 1, unansweredClarifications: 1 }, amendments: { open: 2, balloting: 1, accepted: 1 } }),
        ]}
        selectedId="c1"
        onOpen={() => undefined}
      />,
    );
    const row = screen.getByText(/^Prevent ICT-enabled theft/).closest('li')!;
    expect(row.getAttribute('data-selected')).toBe('true');
    expect(within(row).getByText('4.')).toBeTruthy();
    expect(within(row).getByTestId('comment-count').textContent).toBe('3 comments');
    expect(within(row).getByText('1 question unanswered')).toBeTruthy();
    expect(within(row).getByTestId('amendment-marker').textContent).toBe('2 amendments · 1 under ballot');
    expect(within(row).getByText('1 accepted, not yet applied')).toBeTruthy();
    // The button's accessible name starts with the clause it opens, then says what it shows.
    expect(within(row).getByRole('button').textContent).toMatch(/^Clause 4\.: Comments and amendments3 comments/);
    const heading = screen.getByText('Principles').closest('li')!;
    expect(within(heading).queryByTestId('comment-count')).toBeNull();
  });

  it('opens a clause from its button, keeping no quote', () => {
    const opened: unknown[][] = [];
    renderWithApp(<ClauseList clauses={[clause({})]} selectedId={null} onOpen={(...args) => opened.push(args)} />);
    fireEvent.click(screen.getByRole('button'));
    expect(opened).toEqual([['c1']]);
  });
});

describe('quoteFromSelection', () => {
  it('reads the selected passage with its offsets in the clause text, without surrounding spaces', () => {
    const p = document.createElement('p');
    const text = 'Prevent ICT-enabled theft of intellectual property.';
    p.textContent = text;
    document.body.appendChild(p);
    const range = document.createRange();
    range.setStart(p.firstChild!, text.indexOf('theft') - 1);
    range.setEnd(p.firstChild!, text.indexOf('theft') + 'theft of'.length + 1);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
    expect(quoteFromSelection(p, text)).toEqual({ text: 'theft of', start: 20, end: 28 });
    window.getSelection()!.removeAllRanges();
    expect(quoteFromSelection(p, text)).toBeNull();
    p.remove();
  });
});

describe('DiffText', () => {
  it('marks insertions and deletions with elements and words, not colour alone', () => {
    renderWithApp(
      <DiffText
        parts={[
          { op: 'equal', text: 'Prevent ' },
          { op: 'delete', text: 'theft' },
          { op: 'insert', text: 'misuse' },
        ]}
      />,
    );
    const diff = screen.getByTestId('diff');
    expect(diff.querySelector('del')!.textContent).toBe('deleted: theft');
    expect(diff.querySelector('ins')!.textContent).toBe('inserted: misuse');
  });
});
