import { Button, Collapse, Paper, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';

const PHONE = '(max-width: 47.99em)';

/** Whether the screen is a phone's (below Mantine's `sm`), known from the first render. */
export function usePhone(): boolean {
  return useMediaQuery(PHONE, typeof window !== 'undefined' && window.matchMedia(PHONE).matches, { getInitialValueInEffect: false });
}

/** Filters kept in the page's address (so a view can be shared): their values, and a setter that replaces the address. */
export function useAddressFilters<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? undefined])) as Partial<Record<K, string>>;
  const set = (key: K, value: string | null | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return { filters, set, setParams };
}

/**
 * A page's filters in a titled panel; on a phone they fold behind one button (`toggle`, which
 * counts the active ones), so the answer shows on the first screen. `id` prefixes the ids.
 */
export function FoldingFilters({
  id,
  title,
  toggle,
  children,
  footer,
}: {
  id: string;
  title: string;
  toggle: string;
  children: ReactNode;
  footer?: ReactNode;
}) {
  const phone = usePhone();
  const [open, setOpen] = useState(false);
  return (
    <Paper withBorder p={phone ? 'xs' : 'md'} component="section" aria-labelledby={`${id}-filters`}>
      {phone ? (
        <Title order={2} size="h5" id={`${id}-filters`}>
          <Button
            variant="subtle"
            size="compact-md"
            aria-expanded={open}
            aria-controls={`${id}-filter-fields`}
            onClick={() => setOpen((o) => !o)}
            rightSection={<span aria-hidden>{open ? '▴' : '▾'}</span>}
          >
            {toggle}
          </Button>
        </Title>
      ) : (
        <Title order={2} size="h5" id={`${id}-filters`} mb="sm">
          {title}
        </Title>
      )}
      <Collapse in={!phone || open} id={`${id}-filter-fields`}>
        {children}
      </Collapse>
      {footer}
    </Paper>
  );
}
