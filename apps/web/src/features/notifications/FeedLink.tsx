import { Anchor } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The Atom feed of a working group or document: a visible link, and `<link rel="alternate">` in the
 * head while the page is open, so feed readers find it.
 */
export function FeedLink({ href, title }: { href: string; title: string }) {
  const { t } = useTranslation();
  const label = t('notifications.feed.title', { name: title });
  useEffect(() => {
    const link = document.createElement('link');
    link.rel = 'alternate';
    link.type = 'application/atom+xml';
    link.href = href;
    link.title = label;
    document.head.appendChild(link);
    return () => link.remove();
  }, [href, label]);
  return (
    <Anchor href={href} size="sm" type="application/atom+xml" aria-label={label} data-testid="feed-link">
      {t('notifications.feed.link')}
    </Anchor>
  );
}
