import type { AgreedLanguageEntry } from '@parley/contracts';
import { useRef, type SyntheticEvent } from 'react';
import { addCitation, insertPassage, strayCitations, type Caret, type DraftCitation } from './citations';

/**
 * A text field agreed language can be inserted into: it remembers where the drafter's cursor (or
 * selection) was, puts the passage there, records its citation, and gives the field back its focus
 * with the cursor after the passage. `apply` receives the new text and citations together.
 */
export function useCitingField(text: string, citations: DraftCitation[], apply: (text: string, citations: DraftCitation[]) => void) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const caret = useRef<Caret | null>(null);
  const after = useRef<number | null>(null);

  const onSelect = (e: SyntheticEvent<HTMLTextAreaElement>) => {
    caret.current = { start: e.currentTarget.selectionStart, end: e.currentTarget.selectionEnd };
  };

  const insert = (entry: AgreedLanguageEntry, passage: string) => {
    const next = insertPassage(text, caret.current, passage);
    const { pedigree } = entry;
    apply(next.text, addCitation(citations, { documentId: pedigree.document.id, version: pedigree.version, clauseId: pedigree.clauseId, passage, pedigree }));
    caret.current = { start: next.caret, end: next.caret };
    after.current = next.caret;
  };

  /** After the dialog closes: the field has the focus again, the cursor after what was inserted. */
  const refocus = () => {
    const el = ref.current;
    if (!el) return;
    el.focus();
    if (after.current !== null) el.setSelectionRange(after.current, after.current);
    after.current = null;
  };

  const remove = (i: number) => apply(text, citations.filter((_, j) => j !== i));

  return { fieldProps: { ref, onSelect }, insert, refocus, remove, stray: strayCitations(text, citations) };
}
