import { Anchor, Badge, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { SearchHit } from '../../../shared/search.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useFormat } from '../../i18n/format.js';
import { SnippetText } from './SnippetText.js';
import { useSearch } from './search.api.js';

function Hit({ hit }: { hit: SearchHit }) {
  const { t } = useTranslation('search');
  const format = useFormat();
  return (
    <Stack component="li" gap={2} className="search-hit">
      <Group gap="xs">
        <Badge variant="light" size="sm">
          {t(`kind.${hit.kind}`)}
        </Badge>
        {hit.date ? (
          <Text size="sm" c="dimmed">
            {format.date(hit.date)}
          </Text>
        ) : null}
      </Group>
      <Anchor component={Link} to={hit.path} fw={600}>
        <SnippetText parts={hit.titleParts} />
      </Anchor>
      {hit.snippet.length > 0 ? (
        <Text size="sm">
          <SnippetText parts={hit.snippet} />
        </Text>
      ) : null}
    </Stack>
  );
}

/** Search results for `?q=`: every kind mixed, best first; the query stays in the address. */
export function SearchPage() {
  const { t } = useTranslation('search');
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [value, setValue] = useState(q);
  useEffect(() => setValue(q), [q]);
  const results = useSearch(q);
  const items = results.data?.items ?? [];
  return (
    <Stack gap="lg">
      <PageTitle title={q ? t('titleFor', { q }) : t('title')} />
      <Title order={1}>{t('title')}</Title>
      <search>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (value.trim() !== '') setParams({ q: value.trim() });
          }}
        >
          <Group gap="xs" align="flex-end" wrap="nowrap">
            <TextInput
              name="q"
              type="search"
              label={t('label')}
              value={value}
              onChange={(event) => setValue(event.currentTarget.value)}
              maxLength={200}
              style={{ flex: 1, maxWidth: 560 }}
            />
            <Button type="submit">{t('submit')}</Button>
          </Group>
        </form>
      </search>
      {q.trim() === '' ? (
        <Text>{t('prompt')}</Text>
      ) : results.isPending ? (
        <Loading />
      ) : results.isError ? (
        <ErrorAlert error={results.error} onRetry={() => results.refetch()} />
      ) : items.length === 0 ? (
        <Text role="status">{t('none', { q })}</Text>
      ) : (
        <Stack gap="md">
          <Text role="status" size="sm" c="dimmed">
            {t('count', { count: results.data?.total ?? items.length, q })}
          </Text>
          <Stack component="ol" gap="lg" className="search-hits" aria-label={t('resultsFor', { q })}>
            {items.map((hit) => (
              <Hit key={`${hit.kind}-${hit.id}`} hit={hit} />
            ))}
          </Stack>
        </Stack>
      )}
    </Stack>
  );
}
