import { Button, Group, Modal, Stack, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import type { AgreedLanguageEntry } from '@parley/contracts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../ui/QueryError';
import { AgreedLanguageEntryItem, entryKey } from './AgreedLanguageEntryItem';
import { AgreedLanguageFilterFields } from './AgreedLanguageFilters';
import { useAgreedLanguage, type AgreedLanguageFilters } from './useAgreedLanguage';
import './agreed-language.css';

/** The words of `entry` the reader selected in the dialog, if the selection lies inside its text. */
function selectedIn(el: HTMLElement | null, whole: string): string | null {
  const s = window.getSelection();
  if (!el || !s || s.isCollapsed || s.rangeCount === 0) return null;
  const range = s.getRangeAt(0);
  if (!el.contains(range.commonAncestorContainer)) return null;
  const words = s.toString().trim();
  return words && whole.includes(words) ? words : null;
}

function EntryChoice({ entry, onChoose }: { entry: AgreedLanguageEntry; onChoose: (passage: string) => void }) {
  const { t } = useTranslation();
  const text = useRef<HTMLDivElement>(null);
  const [part, setPart] = useState<string | null>(null);
  // Words selected in this clause's text (by mouse or keyboard) can be inserted alone; a selection elsewhere forgets them.
  useEffect(() => {
    const onChange = () => {
      const s = window.getSelection();
      if (!s || s.isCollapsed) return;
      setPart(selectedIn(text.current, entry.passage.text));
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, [entry.passage.text]);
  const label = entry.pedigree.label ?? entry.pedigree.document.title;
  return (
    <AgreedLanguageEntryItem entry={entry} passageRef={text} onPassageSelect={() => setPart(selectedIn(text.current, entry.passage.text))}>
      <Group gap="xs" wrap="wrap">
        {part ? (
          <Button size="xs" onClick={() => onChoose(part)}>
            {t('agreedLanguage.insert.part')}
            <VisuallyHidden component="span"> ({label})</VisuallyHidden>
          </Button>
        ) : null}
        <Button size="xs" variant={part ? 'default' : 'filled'} onClick={() => onChoose(entry.passage.text)}>
          {t('agreedLanguage.insert.whole')}
          <VisuallyHidden component="span"> ({label})</VisuallyHidden>
        </Button>
      </Group>
    </AgreedLanguageEntryItem>
  );
}

/**
 * "Insert agreed language": a button opening a dialog (focus kept inside, Escape closes it, focus
 * back where it was) that searches the library; choosing a clause, or words selected in it, hands
 * them to `onInsert` with the entry they come from, then `onInserted` once the dialog is gone.
 */
export function InsertAgreedLanguage({
  onInsert,
  onInserted,
  context,
  onOpenChange,
}: {
  onInsert: (entry: AgreedLanguageEntry, passage: string) => void;
  onInserted: () => void;
  /** Names the field the passage goes into, for the button's accessible name ("… into clause 3"). */
  context?: string;
  /** Told when the dialog opens and closes: a dialog it sits in must then not close on Escape too (Mantine closes every open one). */
  onOpenChange?: (open: boolean) => void;
}) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 47.99em)');
  const [open, setOpenState] = useState(false);
  const setOpen = (next: boolean) => {
    setOpenState(next);
    onOpenChange?.(next);
  };
  const [q, setQ] = useState('');
  const [words] = useDebouncedValue(q.trim(), 300);
  const [filters, setFilters] = useState<AgreedLanguageFilters>({});
  const library = useAgreedLanguage({ ...filters, q: words }, open);
  const inserted = useRef(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const items = library.data?.pages.flatMap((p) => p.items) ?? [];

  const choose = (entry: AgreedLanguageEntry, passage: string) => {
    onInsert(entry, passage);
    inserted.current = true;
    setOpen(false);
  };

  return (
    <>
      <Button
        ref={trigger}
        variant="light"
        size="xs"
        onClick={() => {
          inserted.current = false;
          setOpen(true);
        }}
        aria-label={context ? t('agreedLanguage.insert.buttonInto', { field: context }) : undefined}
        aria-haspopup="dialog"
      >
        {t('agreedLanguage.insert.button')}
      </Button>
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title={t('agreedLanguage.insert.title')}
        size="xl"
        fullScreen={phone}
        returnFocus={false}
        onExitTransitionEnd={() => (inserted.current ? onInserted() : trigger.current?.focus())}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack gap="sm" data-testid="agreed-language-dialog">
          <Text size="sm">{t('agreedLanguage.insert.explain')}</Text>
          <TextInput
            type="search"
            data-autofocus
            label={t('agreedLanguage.searchLabel')}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            maxLength={200}
          />
          <AgreedLanguageFilterFields filters={filters} set={(k, v) => setFilters((f) => ({ ...f, [k]: v ?? undefined }))} />
          {library.isError ? <QueryError error={library.error} onRetry={() => void library.refetch()} /> : null}
          {library.isPending ? <Text size="sm">{t('common.loading')}</Text> : null}
          {library.data ? (
            items.length === 0 ? (
              <Text size="sm" role="status">
                {words ? t('agreedLanguage.none', { q: words }) : t('agreedLanguage.empty')}
              </Text>
            ) : (
              <Stack component="ol" gap="xs" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('agreedLanguage.results')}>
                {items.map((e) => (
                  <EntryChoice key={entryKey(e)} entry={e} onChoose={(passage) => choose(e, passage)} />
                ))}
              </Stack>
            )
          ) : null}
          {library.hasNextPage ? (
            <Group>
              <Button variant="default" size="xs" loading={library.isFetchingNextPage} onClick={() => void library.fetchNextPage()}>
                {t('agreedLanguage.more')}
              </Button>
            </Group>
          ) : null}
        </Stack>
      </Modal>
    </>
  );
}
