import { Button, Stack, Text, Textarea, UnstyledButton } from '@mantine/core';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Quote } from './ClauseList';
import { passageBetween, sentencesOf } from './sentences';

/** Keys that would change the text (the box shows the clause to select words in, not to edit it). */
const refuseEdits = (e: KeyboardEvent<HTMLTextAreaElement>) => {
  const typing = e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey;
  if (typing || e.key === 'Backspace' || e.key === 'Delete' || e.key === 'Enter') e.preventDefault();
};

/**
 * Quoting without a mouse: "Quote a passage" offers the clause's sentences to choose from, and its
 * text in a read-only box where words are selected with Shift and the arrow keys.
 */
export function QuotePicker({ clauseId, text, onQuote }: { clauseId: string; text: string; onQuote: (quote: Quote) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const area = useRef<HTMLTextAreaElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const id = `quote-picker-${clauseId}`;
  const pick = (quote: Quote) => {
    setOpen(false);
    setError(undefined);
    onQuote(quote);
    toggle.current?.focus();
  };
  return (
    <Stack gap={6}>
      <Button
        ref={toggle}
        variant="light"
        size="compact-sm"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onClick={() => setOpen((o) => !o)}
        style={{ alignSelf: 'flex-start' }}
      >
        {t('documents.quote.open')}
      </Button>
      {open ? (
        <Stack gap={6} id={id} component="section" aria-label={t('documents.quote.open')}>
          <Text size="xs" c="dimmed">
            {t('documents.quote.help')}
          </Text>
          <Stack component="ul" gap={4} m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('documents.quote.sentences')}>
            {sentencesOf(text).map((s) => (
              <li key={s.start}>
                <UnstyledButton className="quote-sentence" onClick={() => pick(s)} aria-label={t('documents.quote.sentence', { text: s.text })}>
                  {s.text}
                </UnstyledButton>
              </li>
            ))}
          </Stack>
          {/* Not `readOnly`: Chromium gives a read-only box no caret, so no selecting with Shift and the arrows. Edits are refused instead. */}
          <Textarea
            ref={area}
            aria-readonly
            onChange={() => undefined}
            onKeyDown={refuseEdits}
            onPaste={(e) => e.preventDefault()}
            onCut={(e) => e.preventDefault()}
            onDrop={(e) => e.preventDefault()}
            label={t('documents.quote.words')}
            description={t('documents.quote.wordsHelp')}
            value={text}
            autosize
            minRows={2}
            size="sm"
            error={error}
          />
          <Button
            variant="default"
            size="compact-sm"
            style={{ alignSelf: 'flex-start' }}
            onClick={() => {
              const a = area.current;
              const q = a ? passageBetween(text, a.selectionStart, a.selectionEnd) : null;
              if (q) pick(q);
              else setError(t('documents.quote.selectFirst'));
            }}
          >
            {t('documents.quote.selection')}
          </Button>
        </Stack>
      ) : null}
    </Stack>
  );
}
