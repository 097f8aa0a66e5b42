import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SourceSubject } from '../../../shared/sources.js';
import { useFormat } from '../../i18n/format.js';
import { useSources } from './sources.api.js';

/**
 * The sources of what a page shows: "Sources: [1] title, publisher, date", each number to its
 * entry in the register and each title to the text itself. Nothing at all when there are none.
 */
export default function Citations({ subject, subjectKey }: { subject: SourceSubject; subjectKey: string }) {
  const { t } = useTranslation('sources');
  const f = useFormat();
  const sources = useSources({ subject, key: subjectKey });
  if (!sources.data || sources.data.length === 0) return null;
  const headingId = `citations-${subject}`;
  return (
    <Stack gap={4} component="section" aria-labelledby={headingId} data-citations={subject}>
      <Title order={2} size="h5" id={headingId}>
        {t('citations.title')}
      </Title>
      <Text component="ol" size="sm" m={0} ps={0} style={{ listStyle: 'none' }}>
        {sources.data.map((source, i) => (
          <li key={source.id}>
            <Anchor
              component={Link}
              to={`/sources#${source.id}`}
              size="sm"
              aria-label={t('citations.entry', { n: i + 1 })}
            >
              [{f.number(i + 1)}]
            </Anchor>{' '}
            {source.url ? (
              <Anchor href={source.url} target="_blank" rel="noopener" size="sm">
                <bdi>{source.title}</bdi>
              </Anchor>
            ) : (
              <bdi>{source.title}</bdi>
            )}
            <Text span size="sm" c="dimmed">
              , <bdi>{source.publisher}</bdi>
              {source.date ? `, ${f.date(source.date)}` : null}
            </Text>
          </li>
        ))}
      </Text>
    </Stack>
  );
}
