import { TextInput } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';

/** Whether a key press belongs to a field the reader is typing in (then `/` is a character, not the shortcut). */
const typingIn = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) || el.getAttribute('role') === 'textbox');

/** The search field of the header, on every page: `/` focuses it (unless typing elsewhere); Enter opens the results page. */
export function SearchBox() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const input = useRef<HTMLInputElement>(null);
  const onResults = location.pathname === '/search';
  const current = onResults ? (new URLSearchParams(location.search).get('q') ?? '') : '';
  const [q, setQ] = useState(current);
  useEffect(() => setQ(current), [current]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || typingIn(e.target)) return;
      e.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  return (
    <form
      role="search"
      aria-label={t('search.label')}
      className="header-search"
      onSubmit={(e) => {
        e.preventDefault();
        const words = q.trim();
        if (!words) return;
        // From the results page a new search keeps the filters; elsewhere it starts afresh.
        const next = onResults ? new URLSearchParams(location.search) : new URLSearchParams();
        next.set('q', words);
        void navigate(`/search?${next.toString()}`);
      }}
    >
      <TextInput
        ref={input}
        type="search"
        size="sm"
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        aria-label={t('search.label')}
        aria-keyshortcuts="/"
        placeholder={t('search.placeholder')}
        maxLength={200}
        enterKeyHint="search"
        name="q"
      />
    </form>
  );
}
