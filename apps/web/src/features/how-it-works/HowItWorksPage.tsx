import { Anchor, Code, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { STAKEHOLDER_GROUPS } from '@parley/domain';
import type { ParseKeys } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageTitle } from '../../ui/PageTitle';
import { StakeholderGroupBadge } from '../../ui/StakeholderGroupBadge';
import { HOW_IT_WORKS_SECTIONS, type Block } from './sections';

/** One block of a section: paragraphs and lists from the catalogue, or the few that show live pieces of the app. */
function BlockView({ block }: { block: Block }) {
  const { t } = useTranslation();
  const say = (key: ParseKeys) => t(key);
  switch (block.kind) {
    case 'text':
      return <Text>{say(block.key)}</Text>;
    case 'list':
      return (
        <List type={block.ordered ? 'ordered' : 'unordered'} spacing={4} withPadding>
          {block.items.map((key) => (
            <List.Item key={key}>{say(key)}</List.Item>
          ))}
        </List>
      );
    case 'terms':
      return (
        <Stack gap={4}>
          {block.heading ? (
            <Title order={3} size="h5">
              {say(block.heading)}
            </Title>
          ) : null}
          <List spacing={4} withPadding>
            {block.items.map((item) => (
              <List.Item key={item.term}>
                <strong>{say(item.term)}</strong> — {say(item.text)}
              </List.Item>
            ))}
          </List>
        </Stack>
      );
    case 'stakeholder-groups':
      return (
        <Group gap="xs">
          {STAKEHOLDER_GROUPS.map((g) => (
            <StakeholderGroupBadge key={g} group={g} size="md" />
          ))}
        </Group>
      );
    case 'public-pages':
      return (
        <List spacing={4} withPadding>
          {block.pages.map((p) => (
            <List.Item key={p.to}>
              <Anchor component={Link} to={p.to} fw={600}>
                {say(p.label)}
              </Anchor>
              {' — '}
              {say(p.description)}
            </List.Item>
          ))}
        </List>
      );
    case 'operators':
      return (
        <Stack gap="xs">
          <Text>
            {say('howItWorks.operators.text')} <Code>docs/guide</Code>.
          </Text>
          <Text>
            <Anchor href="/api/docs">{say('howItWorks.operators.apiDocs')}</Anchor>
          </Text>
        </Stack>
      );
  }
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Stack component="section" aria-labelledby={`how-${id}`} gap="sm">
      <Title order={2} size="h3" id={`how-${id}`} className="in-page-target">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/** The rules of Parley for delegates, chairs and the public, in the reader's language; the operator guide lives in the repository (docs/guide). */
export function HowItWorksPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="xl" maw={820}>
      <Stack gap="sm">
        <PageTitle>{t('howItWorks.title')}</PageTitle>
        <Text size="lg">{t('howItWorks.lead')}</Text>
      </Stack>

      <Paper withBorder p="md" component="nav" aria-labelledby="how-contents">
        <Title order={2} size="h5" id="how-contents" mb="xs">
          {t('howItWorks.onThisPage')}
        </Title>
        <List spacing={2} withPadding>
          {HOW_IT_WORKS_SECTIONS.map((s) => (
            <List.Item key={s.id}>
              <Anchor href={`#how-${s.id}`}>{t(s.title)}</Anchor>
            </List.Item>
          ))}
        </List>
      </Paper>

      {HOW_IT_WORKS_SECTIONS.map((s) => (
        <Section key={s.id} id={s.id} title={t(s.title)}>
          {s.blocks.map((b, i) => (
            <BlockView key={i} block={b} />
          ))}
        </Section>
      ))}
    </Stack>
  );
}

export default HowItWorksPage;
