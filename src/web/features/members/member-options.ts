import { useMemo } from 'react';
import { useFormat } from '../../i18n/format.js';
import { useMemberName } from './member-name.js';
import { useMembers } from './members.api.js';

/**
 * The members as a select's options: "Name (CODE)", the name in the reader's language, sorted
 * for it. `activeOnly` keeps the current members (who can be circulated a text, say).
 */
export function useMemberOptions(options: { activeOnly?: boolean } = {}) {
  const f = useFormat();
  const memberName = useMemberName();
  const members = useMembers();
  const activeOnly = options.activeOnly ?? false;
  const items = useMemo(
    () =>
      (members.data ?? [])
        .filter((m) => !activeOnly || m.status === 'active')
        .map((m) => ({ value: m.code, label: `${memberName(m)} (${m.code})` }))
        .sort((a, b) => a.label.localeCompare(b.label, f.locale)),
    [members.data, memberName, f.locale, activeOnly],
  );
  return { options: items, members };
}
