import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** What the record does not say, said so rather than left blank. */
export function NotKnown() {
  const { t } = useTranslation('meetings');
  return (
    <Text span c="dimmed" size="sm">
      {t('notKnown')}
    </Text>
  );
}
