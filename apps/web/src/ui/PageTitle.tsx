import { Title, type TitleProps } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

let focusNextTitle = false;

/**
 * After client-side navigation, move focus to the new page's heading so keyboard and screen-reader
 * users start reading there (the layout calls this on every route change except the first load).
 */
export function requestTitleFocus(): void {
  focusNextTitle = true;
}

/** Sets the document title (announced on navigation) and renders the page's one h1. */
export function PageTitle({ children, documentTitle, ...props }: { children: string; documentTitle?: string } & Omit<TitleProps, 'children' | 'order'>) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  const appName = t('app.name');
  const title = documentTitle ?? children;
  useEffect(() => {
    document.title = title === appName ? appName : `${title} · ${appName}`;
  }, [title, appName]);
  useEffect(() => {
    if (focusNextTitle && ref.current) {
      focusNextTitle = false;
      ref.current.focus();
    }
  }, []);
  return (
    <Title ref={ref} order={1} tabIndex={-1} data-page-title {...props}>
      {children}
    </Title>
  );
}
