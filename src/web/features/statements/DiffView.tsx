import {
  Group,
  NativeSelect,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import './statements.css';
import { directionOf, type Language } from '../../../shared/i18n.js';
import type { TextVersionSummary } from '../../../shared/statements.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { useFormat } from '../../i18n/format.js';
import { type DiffPart, hasChanges, sideBySideRows } from './diff.js';
import { useDiff } from './statements.api.js';

/**
 * One run of a diff. Added and removed runs differ by more than colour: underlined or struck
 * through, and said by screen readers ("added:", "removed:") where they start and end.
 */
function Run({ part }: { part: DiffPart }) {
  const { t } = useTranslation('statements');
  if (part.added) {
    return (
      <ins className="diff-added">
        <VisuallyHidden>{t('diff.addedStart')}</VisuallyHidden>
        {part.value}
        <VisuallyHidden>{t('diff.addedEnd')}</VisuallyHidden>
      </ins>
    );
  }
  if (part.removed) {
    return (
      <del className="diff-removed">
        <VisuallyHidden>{t('diff.removedStart')}</VisuallyHidden>
        {part.value}
        <VisuallyHidden>{t('diff.removedEnd')}</VisuallyHidden>
      </del>
    );
  }
  return <span>{part.value}</span>;
}

const Runs = ({ parts }: { parts: DiffPart[] }) => (
  <>
    {parts.map((part, i) => (
      // biome-ignore lint/suspicious/noArrayIndexKey: a diff's runs have no identity but their order
      <Run key={i} part={part} />
    ))}
  </>
);

type Mode = 'inline' | 'sideBySide';

/** The word-level diff between any two versions, inline or side by side; the newest against the one before it at first. */
export function DiffView({
  statementId,
  versions,
  language,
}: {
  statementId: string;
  versions: TextVersionSummary[];
  language: Language;
}) {
  const { t } = useTranslation('statements');
  const f = useFormat();
  const numbers = versions.map((v) => v.number);
  const last = numbers[numbers.length - 1] ?? null;
  const before = numbers[numbers.length - 2] ?? null;
  const [from, setFrom] = useState<number | null>(before);
  const [to, setTo] = useState<number | null>(last);
  const [mode, setMode] = useState<Mode>('inline');
  const diff = useDiff(statementId, from, to);
  const options = numbers.map((n) => ({ value: String(n), label: t('versions.number', { number: f.number(n) }) }));
  const dir = directionOf(language);

  return (
    <Stack gap="sm" component="section" aria-labelledby="diff-heading">
      <Title order={2} size="h3" id="diff-heading">
        {t('diff.title')}
      </Title>
      <Group align="flex-end" gap="sm">
        <NativeSelect
          label={t('diff.from')}
          data={options}
          value={from === null ? '' : String(from)}
          onChange={(e) => setFrom(Number(e.currentTarget.value))}
        />
        <NativeSelect
          label={t('diff.to')}
          data={options}
          value={to === null ? '' : String(to)}
          onChange={(e) => setTo(Number(e.currentTarget.value))}
        />
        <SegmentedControl
          aria-label={t('diff.mode')}
          value={mode}
          onChange={(value) => setMode(value as Mode)}
          data={[
            { value: 'inline', label: t('diff.inline') },
            { value: 'sideBySide', label: t('diff.sideBySide') },
          ]}
        />
      </Group>
      {from === to ? <Text c="dimmed">{t('diff.same')}</Text> : null}
      {diff.isPending && from !== to ? <Loading label={t('diff.loading')} /> : null}
      {diff.isError ? <ErrorAlert error={diff.error} onRetry={() => diff.refetch()} /> : null}
      {diff.data && from !== to ? (
        <>
          <Text size="sm" c="dimmed">
            {hasChanges(diff.data.parts) ? t('diff.legend') : t('diff.noChanges')}
          </Text>
          {mode === 'inline' ? (
            <Paper withBorder p="md" className="diff" lang={language} dir={dir} data-diff="inline">
              <Runs parts={diff.data.parts} />
            </Paper>
          ) : (
            <Stack gap={0} data-diff="side-by-side">
              <SimpleGrid cols={2} spacing="sm" aria-hidden="true">
                <Text fw={700}>{t('versions.number', { number: f.number(diff.data.from) })}</Text>
                <Text fw={700}>{t('versions.number', { number: f.number(diff.data.to) })}</Text>
              </SimpleGrid>
              {sideBySideRows(diff.data.parts).map((row, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows follow the text's order
                <SimpleGrid key={i} cols={2} spacing="sm" className="diff-row">
                  <div className="diff" lang={language} dir={dir}>
                    <VisuallyHidden>{t('versions.number', { number: f.number(diff.data.from) })}</VisuallyHidden>
                    <Runs parts={row.before} />
                  </div>
                  <div className="diff" lang={language} dir={dir}>
                    <VisuallyHidden>{t('versions.number', { number: f.number(diff.data.to) })}</VisuallyHidden>
                    <Runs parts={row.after} />
                  </div>
                </SimpleGrid>
              ))}
            </Stack>
          )}
        </>
      ) : null}
    </Stack>
  );
}
