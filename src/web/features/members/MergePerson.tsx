import { Button, Group, Select } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../shared/registry.js';
import { problemMessage } from '../../i18n/problem.js';
import { useMergePerson } from './members.api.js';

interface MergePersonProps {
  person: Person;
  /** The member's other people: whom this record may be merged into. */
  others: Person[];
  memberCode: string;
}

/**
 * The secretariat's "merge into…": two records of one person (made before names were checked)
 * become one; the other record takes this one's seats, remarks and chairs.
 */
export function MergePerson({ person, others, memberCode }: MergePersonProps) {
  const { t, i18n } = useTranslation('members');
  const [into, setInto] = useState<string | null>(null);
  const merge = useMergePerson(memberCode);
  if (others.length === 0) return null;
  const submit = () => {
    if (!into) return;
    const target = others.find((p) => p.id === into);
    // Said through the promise, not mutate's callbacks: the merged record's card (this component)
    // leaves the page as soon as the member's people are read again, and an unmounted component's
    // callbacks are never called.
    merge.mutateAsync({ id: person.id, into }).then(
      () =>
        notifications.show({
          color: 'green',
          message: t('member.merge.done', { merged: person.name, into: target?.name ?? '' }),
        }),
      (error: unknown) =>
        notifications.show({
          color: 'red',
          title: t('member.merge.failed', { name: person.name }),
          message: problemMessage(i18n.getFixedT(null, 'common'), error),
        }),
    );
  };
  return (
    <Group gap="xs" align="flex-end" mt="xs" wrap="nowrap">
      <Select
        size="xs"
        style={{ flex: 1 }}
        label={t('member.merge.label', { name: person.name })}
        placeholder={t('member.merge.placeholder')}
        data={others.map((p) => ({ value: p.id, label: p.name }))}
        searchable
        value={into}
        onChange={setInto}
      />
      <Button size="xs" variant="light" color="orange" disabled={!into} loading={merge.isPending} onClick={submit}>
        {t('member.merge.submit')}
      </Button>
    </Group>
  );
}
