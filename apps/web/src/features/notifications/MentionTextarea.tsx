import { Box, Text, Textarea, VisuallyHidden, type TextareaProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { mentionToken } from '@parley/domain';
import { forwardRef, useId, useImperativeHandle, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { insertMention, mentionQueryAt } from './mention-query';
import { useMentionCandidates } from './useNotifications';
import './notifications.css';

export interface MentionTextareaProps extends Omit<TextareaProps, 'value' | 'onChange'> {
  /** The working group whose members may be mentioned. */
  groupId: string;
  value: string;
  onChange: (value: string) => void;
}

/**
 * A comment's text field where `@` and a few letters list the group's members who match (name,
 * organisation, stakeholder group). Arrows move in the list, Enter or Tab picks, Escape closes;
 * picking writes the mention as `@[Name](id)`. A textarea cannot be a combobox, so it is a text
 * box that controls a listbox and names its active option (aria-activedescendant).
 */
export const MentionTextarea = forwardRef<HTMLTextAreaElement, MentionTextareaProps>(function MentionTextarea({ groupId, value, onChange, ...props }, ref) {
  const { t } = useTranslation();
  const listId = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  useImperativeHandle(ref, () => field.current as HTMLTextAreaElement);
  const [at, setAt] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const open = at !== null && dismissed !== at.start;
  // A pause in typing before asking, so a name typed letter by letter is one or two requests.
  const [query] = useDebouncedValue(open ? at.query : null, 120);
  const candidates = useMentionCandidates(groupId, open ? query : null);
  const items = open ? (candidates.data?.items ?? []) : [];
  const shown = open && items.length > 0;

  const track = (text: string, caret: number) => {
    const next = mentionQueryAt(text, caret);
    setAt(next);
    if (next?.query !== at?.query) setActive(0);
    if (next === null) setDismissed(null);
  };
  const pick = (i: number) => {
    const c = items[i];
    if (!c || !at) return;
    const next = insertMention(value, at, mentionToken(c.name, c.personId));
    onChange(next.text);
    setAt(null);
    requestAnimationFrame(() => {
      field.current?.focus();
      field.current?.setSelectionRange(next.caret, next.caret);
    });
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!shown || !at) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length);
    } else if (e.key === 'Enter' || e.key === 'Tab') {
      e.preventDefault();
      pick(Math.min(active, items.length - 1));
    } else if (e.key === 'Escape') {
      // Closes the list only: the panel around does not close on this Escape.
      e.preventDefault();
      e.stopPropagation();
      setDismissed(at.start);
    }
  };
  const optionId = (i: number) => `${listId}-option-${i}`;
  return (
    <Box pos="relative">
      <Textarea
        {...props}
        ref={field}
        value={value}
        onChange={(e) => {
          onChange(e.currentTarget.value);
          track(e.currentTarget.value, e.currentTarget.selectionStart ?? e.currentTarget.value.length);
        }}
        onKeyDown={onKeyDown}
        onKeyUp={(e) => {
          if (e.key === 'ArrowLeft' || e.key === 'ArrowRight' || e.key === 'Home' || e.key === 'End')
            track(e.currentTarget.value, e.currentTarget.selectionStart ?? 0);
        }}
        onBlur={() => setAt(null)}
        aria-autocomplete="list"
        aria-controls={shown ? listId : undefined}
        aria-activedescendant={shown ? optionId(Math.min(active, items.length - 1)) : undefined}
        description={props.description ?? t('notifications.mentions.hint')}
      />
      {shown ? (
        <Box component="ul" role="listbox" id={listId} aria-label={t('notifications.mentions.listLabel')} className="mention-list" m={0} p={4}>
          {items.map((c, i) => (
            <li
              key={c.personId}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              className="mention-option"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(i)}
            >
              <Text span fw={600} size="sm">
                {c.name}
              </Text>
              {c.snapshot ? (
                <Text span size="xs" c="dimmed">
                  {' '}
                  {`${c.snapshot.organisationName}, ${t(`audit.groups.${c.snapshot.stakeholderGroup}`)}`}
                </Text>
              ) : null}
            </li>
          ))}
        </Box>
      ) : null}
      <VisuallyHidden aria-live="polite">{open && candidates.data ? t('notifications.mentions.count', { count: items.length }) : ''}</VisuallyHidden>
    </Box>
  );
});
