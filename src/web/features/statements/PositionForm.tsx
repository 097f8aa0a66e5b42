import { Button, Group, NativeSelect, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../shared/auth.js';
import { POSITION_KINDS } from '../../../shared/enums.js';
import type { Position, PositionKind, Statement } from '../../../shared/statements.js';
import { FormActions, FormBanner } from '../../components/FormAlerts.js';
import { focusFirstError } from '../../components/form-focus.js';
import { useFormSubmission } from '../../components/useFormSubmission.js';
import { useEnumOptions } from '../../i18n/enums.js';
import { problemMessage } from '../../i18n/problem.js';
import { freeText } from '../meetings/free-text.js';
import { useMemberName } from '../members/member-name.js';
import { useMemberOptions } from '../members/member-options.js';
import { useAddPosition, useRemovePosition } from './statements.api.js';

interface PositionValues {
  memberCode: string;
  kind: PositionKind;
  text: string;
}

/** A reservation or an explanation of position: a focal point's for their member, the secretariat's for any. */
export function AddPositionForm({ statement, me, onDone }: { statement: Statement; me: Me; onDone: () => void }) {
  const { t } = useTranslation('statements');
  const kinds = useEnumOptions('positionKind', POSITION_KINDS);
  const own = me.role === 'focal_point' ? me.memberCode : null;
  const add = useAddPosition(statement.id);
  const form = useForm<PositionValues>({
    mode: 'controlled',
    initialValues: { memberCode: own ?? '', kind: 'reservation', text: '' },
  });
  const submission = useFormSubmission(form, { record: 'position' });
  const { options } = useMemberOptions();
  const submit = (values: PositionValues) => {
    submission.send(add, { memberCode: values.memberCode, kind: values.kind, text: values.text }, () => {
      notifications.show({ color: 'green', message: t('positions.added') });
      onDone();
    });
  };
  return (
    <Paper
      withBorder
      p="md"
      component="form"
      onSubmit={form.onSubmit(submit, focusFirstError)}
      noValidate
      aria-labelledby="position-heading"
    >
      <Stack gap="sm">
        <Title order={3} size="h4" id="position-heading">
          {t('positions.add')}
        </Title>
        <FormBanner>{submission.banner}</FormBanner>
        {own ? null : (
          <Select
            label={t('positions.member')}
            data={options}
            searchable
            required
            {...form.getInputProps('memberCode')}
          />
        )}
        <NativeSelect label={t('positions.kind')} data={kinds} {...form.getInputProps('kind')} />
        <Textarea
          label={t('positions.text')}
          required
          autosize
          minRows={3}
          maxLength={10_000}
          styles={freeText}
          {...form.getInputProps('text')}
        />
        <FormActions submitLabel={t('positions.submit')} submitting={add.isPending} onCancel={onDone} />
      </Stack>
    </Paper>
  );
}

/** Removes a position, once confirmed: the secretariat any, a focal point their member's. */
export function RemovePosition({ statement, position }: { statement: Statement; position: Position }) {
  const { t, i18n } = useTranslation('statements');
  const memberName = useMemberName();
  const [confirming, setConfirming] = useState(false);
  const remove = useRemovePosition(statement.id);
  const member = memberName(position.member);
  if (!confirming) {
    return (
      <Group>
        <Button size="compact-sm" variant="subtle" color="red" onClick={() => setConfirming(true)}>
          {t('positions.remove')}
        </Button>
      </Group>
    );
  }
  const confirm = () =>
    remove.mutate(position.id, {
      onSuccess: () => notifications.show({ color: 'green', message: t('positions.removed', { member }) }),
      onError: (error) => {
        setConfirming(false);
        notifications.show({
          color: 'red',
          title: t('positions.notRemoved'),
          message: problemMessage(i18n.getFixedT(null, 'common'), error),
        });
      },
    });
  return (
    <Group gap="xs">
      <Text size="sm" role="status">
        {t('positions.confirmRemove', { member })}
      </Text>
      <Button size="compact-sm" color="red" onClick={confirm} loading={remove.isPending}>
        {t('positions.confirmYes')}
      </Button>
      <Button size="compact-sm" variant="default" onClick={() => setConfirming(false)} disabled={remove.isPending}>
        {t('positions.confirmNo')}
      </Button>
    </Group>
  );
}
