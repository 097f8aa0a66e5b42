import '@mantine/charts/styles.css';
import { Group, Paper, Stack, Switch, Text, Title, useDirection } from '@mantine/core';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/**
 * What every chart of the dashboards takes to read right to left: in Arabic the value axis
 * stands on the right and time runs from right to left, as the page does.
 */
export function useChartDirection() {
  const { dir } = useDirection();
  const rtl = dir === 'rtl';
  return {
    dir,
    xAxisProps: { reversed: rtl },
    // Recharts anchors a right axis's labels at their start, which right to left is their right
    // end: they would run into the plot. Anchored at their end, they run outwards from the axis.
    yAxisProps: rtl
      ? {
          orientation: 'right' as const,
          tick: { transform: 'translate(10, 0)', fontSize: 12, fill: 'currentColor', textAnchor: 'end' as const },
        }
      : {},
  };
}

/**
 * A chart and the same figures as a table, one at a time: the chart is an image named for
 * screen readers, which tells them the switch shows its figures as a table, with links.
 */
export function ChartSection({
  title,
  label,
  table,
  children,
}: {
  title: string;
  /** What the chart shows, for a screen reader. */
  label: string;
  table: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation('progress');
  const [asTable, setAsTable] = useState(false);
  const headingId = useId();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h3" id={headingId}>
            {title}
          </Title>
          <Switch
            label={t('dashboard.showTable')}
            checked={asTable}
            onChange={(e) => setAsTable(e.currentTarget.checked)}
          />
        </Group>
        {asTable ? (
          table
        ) : (
          <div role="img" aria-label={`${label} ${t('dashboard.chartHint')}`}>
            {children}
          </div>
        )}
      </Stack>
    </Paper>
  );
}

/** A figure of the dashboard, large, linking to the values it came from. */
export function Figure({ label, value, to, note }: { label: string; value: string; to: string; note?: string }) {
  return (
    <Paper withBorder p="md" component={Link} to={to} className="stat-card">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={32} fw={700} lh={1.2}>
        {value}
      </Text>
      {note ? (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      ) : null}
    </Paper>
  );
}
