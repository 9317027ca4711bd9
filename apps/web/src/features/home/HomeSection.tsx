import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

/** One block of the front door: a titled panel, an optional "see all" link, and what to say when it is empty. */
export function HomeSection({
  id,
  title,
  more,
  empty,
  isEmpty,
  children,
  testId,
}: {
  id: string;
  title: string;
  more?: { to: string; label: string };
  empty: string;
  isEmpty: boolean;
  children: ReactNode;
  testId: string;
}) {
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby={id} data-testid={testId}>
      <Stack gap="sm">
        <Group justify="space-between" align="baseline" wrap="wrap" gap="xs">
          <Title order={2} size="h4" id={id}>
            {title}
          </Title>
          {more ? (
            <Anchor component={Link} to={more.to} size="sm">
              {more.label}
            </Anchor>
          ) : null}
        </Group>
        {isEmpty ? (
          <Text size="sm" c="dimmed">
            {empty}
          </Text>
        ) : (
          children
        )}
      </Stack>
    </Paper>
  );
}

/** "and 3 more", when a short list leaves some out. */
export function MoreCount({ shown, total, label }: { shown: number; total: number; label: (count: number) => string }) {
  if (total <= shown) return null;
  return (
    <Text size="sm" c="dimmed">
      {label(total - shown)}
    </Text>
  );
}
