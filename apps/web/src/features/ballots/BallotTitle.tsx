import { Button, Stack } from '@mantine/core';
import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../ui/PageTitle';
import './ballots.css';

/**
 * The ballot's h1. On a phone it is set smaller and cut at three lines (the whole text stays in the
 * heading for screen readers); a button shows the rest when something was cut.
 */
export function BallotTitle({ children }: { children: string }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const [expanded, setExpanded] = useState(false);
  const [cut, setCut] = useState(false);

  useLayoutEffect(() => {
    const measure = () => {
      const h1 = box.current?.querySelector('h1');
      if (h1 && !expanded) setCut(h1.scrollHeight > h1.clientHeight + 1);
    };
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [children, expanded]);

  return (
    <Stack gap={2} ref={box}>
      <PageTitle className="ballot-title" data-clamped={expanded ? 'false' : 'true'} data-testid="ballot-title">
        {children}
      </PageTitle>
      {cut || expanded ? (
        <Button variant="subtle" size="compact-sm" px={0} style={{ alignSelf: 'flex-start' }} aria-expanded={expanded} onClick={() => setExpanded((e) => !e)}>
          {expanded ? t('ballots.titleLess') : t('ballots.titleFull')}
        </Button>
      ) : null}
    </Stack>
  );
}
