import { Anchor, VisuallyHidden } from '@mantine/core';
import type { RecordedMention } from '@parley/contracts';
import { mentionSegments } from '@parley/domain';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import './notifications.css';

/** The mentions a comment recorded (served with comments since #20; absent from older answers). */
export const mentionsOf = (comment: object): readonly RecordedMention[] | null =>
  'mentions' in comment && Array.isArray(comment.mentions) ? (comment.mentions as RecordedMention[]) : null;

/**
 * A comment's text with its mentions as chips, "@Name", never the raw token: the name the comment
 * recorded, linking to the person, with their affiliation when mentioned (in a tooltip, and said
 * to screen readers).
 */
export function MentionText({ text, mentions }: { text: string; mentions?: readonly RecordedMention[] | null }) {
  const { t } = useTranslation();
  return (
    <>
      {mentionSegments(text).map((s, i) => {
        if (typeof s === 'string') return <Fragment key={i}>{s}</Fragment>;
        const recorded = mentions?.find((m) => m.personId === s.personId);
        const name = recorded?.name ?? s.name;
        const affiliation = recorded?.snapshot ? `${recorded.snapshot.organisationName}, ${t(`audit.groups.${recorded.snapshot.stakeholderGroup}`)}` : null;
        return (
          <Anchor key={i} component={Link} to={`/people/${s.personId}`} className="mention-chip" title={affiliation ?? undefined} data-testid="mention">
            @{name}
            {affiliation ? <VisuallyHidden component="span">{` (${affiliation})`}</VisuallyHidden> : null}
          </Anchor>
        );
      })}
    </>
  );
}
