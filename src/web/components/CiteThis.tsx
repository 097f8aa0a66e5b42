import { Button, CopyButton, Group, Paper, Text } from '@mantine/core';
import { Trans, useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { useFormat } from '../i18n/format.js';

/** A citation's words as one line of plain text: what the copy button puts on the clipboard. */
export function citationText(line: string): string {
  return line.replace(/<\/?(name|url)>/g, '');
}

/**
 * "Cite: <title>. Entente, <date>. <address>. Accessed <today>." at the end of a record's public
 * page, with a button that copies it. The address is the page's stable one (its path, no query).
 */
export function CiteThis({
  title,
  date,
  dateLabel,
}: {
  title: string;
  /** The record's date (YYYY-MM-DD or ISO 8601), or null when it has none. */
  date: string | null;
  /** The date already in words, where it is not a day (a dashboard's latest period, "March 2015"). */
  dateLabel?: string;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const { pathname } = useLocation();
  const url = `${window.location.origin}${pathname}`;
  const values = {
    title,
    url,
    date: dateLabel ?? (date ? f.date(date.slice(0, 10)) : ''),
    accessed: f.date(new Date().toISOString().slice(0, 10)),
  };
  const key = values.date ? 'cite.line' : 'cite.lineUndated';
  const text = citationText(t(key, values));
  return (
    <Paper withBorder p="sm" data-testid="cite-this">
      <Group justify="space-between" align="center" wrap="wrap" gap="xs">
        <Text size="sm" style={{ flex: '1 1 20rem' }}>
          <Text span fw={600} size="sm">
            {t('cite.label')}
          </Text>{' '}
          <Trans
            t={t}
            i18nKey={key}
            values={values}
            components={{ name: <bdi />, url: <bdi dir="ltr" style={{ overflowWrap: 'anywhere' }} /> }}
          />
        </Text>
        <CopyButton value={text}>
          {({ copied, copy }) => (
            <Button variant="default" size="xs" onClick={copy} aria-live="polite">
              {copied ? t('cite.copied') : t('cite.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Paper>
  );
}
