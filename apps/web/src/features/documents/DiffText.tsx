import { VisuallyHidden } from '@mantine/core';
import type { DiffPart } from '@parley/domain';
import { useTranslation } from 'react-i18next';

/**
 * A word diff: inserted words underlined on green, deleted ones struck through on red. Screen
 * readers hear "inserted" and "deleted" before each change (the marks alone are not announced).
 */
export function DiffText({ parts }: { parts: readonly DiffPart[] }) {
  const { t, i18n } = useTranslation();
  // The spoken labels are in the reader's language: their own dir keeps them out of the text's
  // dir="auto" (an Arabic label first would turn an English text right to left).
  const labelDir = i18n.dir();
  return (
    <span className="clause-text" dir="auto" data-testid="diff">
      {parts.map((p, i) =>
        p.op === 'equal' ? (
          <span key={i}>{p.text}</span>
        ) : p.op === 'insert' ? (
          <ins key={i} className="diff-insert">
            <VisuallyHidden component="span" dir={labelDir}>
              {t('documents.diff.inserted')}{' '}
            </VisuallyHidden>
            {p.text}
          </ins>
        ) : (
          <del key={i} className="diff-delete">
            <VisuallyHidden component="span" dir={labelDir}>
              {t('documents.diff.deleted')}{' '}
            </VisuallyHidden>
            {p.text}
          </del>
        ),
      )}
    </span>
  );
}
