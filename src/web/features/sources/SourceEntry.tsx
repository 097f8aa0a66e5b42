import { Anchor, Badge, Group, Paper, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Member } from '../../../shared/members.js';
import type { Source } from '../../../shared/sources.js';
import { useFormat } from '../../i18n/format.js';
import { languageName, linkLabel, linkPath } from './source-links.js';

/** One entry of the register: its title (to the text), who published it and when, our excerpt, and what it mentions. */
export function SourceEntry({
  source,
  members,
  editable,
}: {
  source: Source;
  members: Map<string, Member> | null;
  editable: boolean;
}) {
  const { t } = useTranslation('sources');
  const f = useFormat();
  const language = languageName(source.language, f.locale);
  // Each part isolated: a Latin publisher beside an Arabic date must not reorder the line.
  const meta = [source.publisher, source.date ? f.date(source.date) : null, language].filter((p): p is string =>
    Boolean(p),
  );
  return (
    <Paper withBorder p="sm" component="article" id={source.id} data-source={source.id} style={{ scrollMarginTop: 80 }}>
      <Stack gap={4}>
        <Group gap="xs" wrap="nowrap" align="baseline" justify="space-between">
          <Text fw={600} lang={source.language ?? undefined}>
            {source.url ? (
              <Anchor href={source.url} target="_blank" rel="noopener">
                <bdi>{source.title}</bdi>
              </Anchor>
            ) : (
              <bdi>{source.title}</bdi>
            )}
          </Text>
          <Group gap={6} wrap="nowrap">
            {source.ref ? (
              <Badge variant="light" color="gray">
                <bdi>{source.ref}</bdi>
              </Badge>
            ) : null}
            {source.visibility !== 'public' ? (
              <Badge variant="light" color="orange">
                {t(`visibility.${source.visibility}`)}
              </Badge>
            ) : null}
            {editable ? (
              <Anchor component={Link} to={`/secretariat/sources/${source.id}/edit`} size="sm">
                {t('entry.edit')}
              </Anchor>
            ) : null}
          </Group>
        </Group>
        <Text size="sm" c="dimmed">
          {meta.map((part, i) => (
            <span key={part}>
              {i > 0 ? ' · ' : null}
              <bdi>{part}</bdi>
            </span>
          ))}
        </Text>
        {source.excerpt ? <Text size="sm">{source.excerpt}</Text> : null}
        {source.note ? (
          <Text size="xs" c="dimmed">
            {t('entry.note')} <bdi>{source.note}</bdi>
          </Text>
        ) : null}
        {source.links.length > 0 ? (
          <Text size="sm" component="div">
            <Text span size="sm" c="dimmed">
              {t('entry.mentions')}{' '}
            </Text>
            {source.links.map((link, i) => {
              const path = linkPath(link);
              const label = <bdi>{linkLabel(link, members, f.language)}</bdi>;
              return (
                <span key={`${link.subject}:${link.id}`}>
                  {i > 0 ? ', ' : null}
                  <VisuallyHidden>{t(`subject.${link.subject}`)} </VisuallyHidden>
                  {path ? (
                    <Anchor component={Link} to={path} size="sm">
                      {label}
                    </Anchor>
                  ) : (
                    label
                  )}
                </span>
              );
            })}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
