import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The secretariat's entries to reporting: indicators, periods, the queue of reports. */
export function ReportingLinks() {
  const { t } = useTranslation('reporting');
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="reporting-heading">
      <Stack gap={4}>
        <Title order={2} size="h3" id="reporting-heading">
          {t('nav.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('nav.text')}
        </Text>
        <Group gap="lg">
          <Anchor component={Link} to="/secretariat/reports">
            {t('nav.queue')}
          </Anchor>
          <Anchor component={Link} to="/secretariat/periods">
            {t('nav.periods')}
          </Anchor>
          <Anchor component={Link} to="/secretariat/indicators">
            {t('nav.indicators')}
          </Anchor>
        </Group>
      </Stack>
    </Paper>
  );
}
