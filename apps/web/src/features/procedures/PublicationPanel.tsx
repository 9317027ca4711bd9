import { Alert, Anchor, Checkbox, Code, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import type { VersionResponse } from '@parley/contracts';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { instantOfLocal, localOfInstant, matchesFingerprint, MEMBERS_ONLY_MAX_DAYS, publicationMoment } from './publication-format';
import './publication.css';
import { currentLanguage, intlLocale } from '../../i18n';

/** What an issuing form holds of "members only until": ticked or not, and the instant chosen (null until a valid one is typed). */
export interface MembersOnlyChoice {
  on: boolean;
  until: string | null;
}
export const PUBLIC_AT_ONCE: MembersOnlyChoice = { on: false, until: null };

/** The request's part of the choice: nothing when public at once; null when ticked without a date (the form says so). */
export function membersOnlyInput(c: MembersOnlyChoice): { membersOnlyUntil?: string } | null {
  if (!c.on) return {};
  return c.until ? { membersOnlyUntil: c.until } : null;
}

/**
 * "Members only until": the optional date an issuing form (a new document, a consolidation, a
 * chair's text) sends as `membersOnlyUntil`. Unticked, the version is public at once.
 */
export function MembersOnlyUntilField({ value, onChange, error }: { value: MembersOnlyChoice; onChange: (c: MembersOnlyChoice) => void; error?: string }) {
  const { t } = useTranslation();
  const [local, setLocal] = useState(value.until ? localOfInstant(new Date(value.until)) : '');
  const on = value.on;
  const now = new Date();
  const min = localOfInstant(now);
  const max = localOfInstant(new Date(now.getTime() + MEMBERS_ONLY_MAX_DAYS * 86_400_000));
  return (
    <Stack gap={6} className="publication-field" data-testid="members-only-field">
      <Checkbox
        label={t('publication.restrict')}
        checked={on}
        onChange={(e) => {
          onChange({ on: e.currentTarget.checked, until: instantOfLocal(local) });
        }}
      />
      {on ? (
        <TextInput
          type="datetime-local"
          label={t('publication.until')}
          description={t('publication.untilHint', { days: MEMBERS_ONLY_MAX_DAYS })}
          required
          min={min}
          max={max}
          value={local}
          error={error}
          onChange={(e) => {
            setLocal(e.currentTarget.value);
            onChange({ on: true, until: instantOfLocal(e.currentTarget.value) });
          }}
          maw={320}
        />
      ) : null}
    </Stack>
  );
}

/** The fingerprint in full, in groups a reader can compare, with when the audit log recorded it. */
function Fingerprint({ fingerprint, recorded }: { fingerprint: string; recorded: string }) {
  const { t } = useTranslation();
  return (
    <Text size="sm" className="publication-fingerprint">
      {t('publication.fingerprint')} — {t('publication.recordedOn', { date: recorded })}: <Code data-testid="publication-fingerprint">{fingerprint}</Code>
    </Text>
  );
}

/**
 * Around a version's text on the document page (decision 0041): for a version kept to members,
 * the banner members read above it, or, for everyone else, a placeholder with the publication date
 * and the fingerprint instead of it; once published, the note that it matches the fingerprint
 * recorded at issue (checked in the reader's browser). A version issued public shows its text alone.
 */
export function PublicationGate({ version, children }: { version: VersionResponse; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const lng = intlLocale(currentLanguage(i18n));
  const p = version.publication;
  const [match, setMatch] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    if (p?.publishedAt) void matchesFingerprint(p, version.clauses).then((m) => live && setMatch(m));
    return () => {
      live = false;
    };
  }, [p, version.clauses]);
  if (!p) return <>{children}</>;
  const until = publicationMoment(p.membersOnlyUntil, lng);
  const recorded = publicationMoment(p.issuedAt, lng);
  const auditLink = (
    <Anchor component={Link} to={`/working-groups/${version.workingGroupId}/audit`} size="sm" c="inherit" underline="always">
      {t('publication.auditLink')}
    </Anchor>
  );
  if (p.withheld)
    return (
      <Paper
        withBorder
        p="md"
        radius="md"
        component="section"
        aria-labelledby="members-only-title"
        className="publication-placeholder"
        data-testid="members-only-placeholder"
      >
        <Stack gap="xs">
          <Title order={2} size="h4" id="members-only-title">
            {t('publication.placeholderTitle', { number: version.number, date: until })}
          </Title>
          <Text size="sm">{t('publication.placeholderBody')}</Text>
          <Fingerprint fingerprint={p.fingerprint} recorded={recorded} />
          {auditLink}
        </Stack>
      </Paper>
    );
  return (
    <Stack gap="sm">
      {p.publishedAt === null ? (
        <Alert color="violet" variant="light" title={t('publication.title')} data-testid="members-only-banner">
          <Stack gap={4}>
            <Text size="sm">{t('publication.banner', { date: until })}</Text>
            <Fingerprint fingerprint={p.fingerprint} recorded={recorded} />
          </Stack>
        </Alert>
      ) : (
        <Alert color={match === false ? 'red' : 'teal'} variant="light" data-testid="publication-note" role={match === false ? 'alert' : undefined}>
          <Stack gap={4}>
            <Text size="sm">
              {t(match === false ? 'publication.mismatch' : match ? 'publication.published' : 'publication.publishedUnchecked', {
                date: publicationMoment(p.publishedAt, lng),
                recorded,
              })}
            </Text>
            <Fingerprint fingerprint={p.fingerprint} recorded={recorded} />
            {auditLink}
          </Stack>
        </Alert>
      )}
      {children}
    </Stack>
  );
}
