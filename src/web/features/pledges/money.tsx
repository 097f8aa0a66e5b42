import { Badge, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../shared/auth.js';
import { formatMinor } from '../../../shared/currency.js';
import type { Pledge, PledgeStatus } from '../../../shared/pledges.js';
import { useFormat } from '../../i18n/format.js';

/** Amounts in the reader's language: minor units in their currency, and US dollars. */
export function useMoney() {
  const f = useFormat();
  const usd = new Intl.NumberFormat(f.locale, { style: 'currency', currency: 'USD' });
  return {
    minor: (amountMinor: number, currency: string) => formatMinor(amountMinor, currency, f.locale),
    usd: (dollars: number) => usd.format(dollars),
  };
}

/** Who records pledges: the secretariat for any member, a focal point for their own. */
export const canRecordPledges = (me: Me | null | undefined): boolean =>
  me?.role === 'admin' || me?.role === 'secretariat' || me?.role === 'focal_point';

/** Whether the reader records this member's pledges. */
export const canRecordFor = (me: Me | null | undefined, memberCode: string): boolean =>
  me?.role === 'admin' || me?.role === 'secretariat' || (me?.role === 'focal_point' && me.memberCode === memberCode);

const STATUS_COLOR: Record<PledgeStatus, string> = {
  pledged: 'gray',
  committed: 'blue',
  disbursed: 'green',
  withdrawn: 'red',
};

export function PledgeStatusBadge({ status }: { status: PledgeStatus }) {
  const { t } = useTranslation('pledges');
  return (
    <Badge color={STATUS_COLOR[status]} variant="light">
      {t(`status.${status}`)}
    </Badge>
  );
}

/** What a pledge is worth: its amount in its currency and in US dollars, or what it gives in kind. */
export function PledgeAmount({ pledge }: { pledge: Pledge }) {
  const { t } = useTranslation('pledges');
  const money = useMoney();
  const f = useFormat();
  if (pledge.kind === 'in_kind') {
    return (
      <Text size="sm">
        {f.number(pledge.quantity ?? 0)} <bdi>{pledge.unit}</bdi> · <bdi>{pledge.description}</bdi>
      </Text>
    );
  }
  return (
    <Stack gap={0}>
      <Text size="sm" fw={600}>
        <bdi>{money.minor(pledge.amountMinor ?? 0, pledge.currency ?? 'USD')}</bdi>
      </Text>
      <Text size="xs" c="dimmed">
        {pledge.usd?.usd != null ? <bdi>{money.usd(pledge.usd.usd)}</bdi> : t('pledge.noRateShort')}
      </Text>
    </Stack>
  );
}
