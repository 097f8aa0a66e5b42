import { Text } from '@mantine/core';

/** What the record does not say, said so rather than left blank. */
export const NotKnown = () => (
  <Text span c="dimmed" size="sm">
    not known
  </Text>
);
