import { Anchor, Badge, Table, Text, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Member } from '../../../shared/members.js';
import { Joined } from './Joined.js';
import { useMemberName } from './member-name.js';
import type { SortDirection, SortKey } from './members-filter.js';

/**
 * English labels of the kinds, for the secretariat's pages until they read enums:memberKind;
 * this table and the member page already do. Remove once nothing imports it.
 */

interface SortableHeaderProps {
  column: SortKey;
  sort: SortKey;
  direction: SortDirection;
  onSort: (column: SortKey) => void;
  children: ReactNode;
}

/** A column header that sorts; aria-sort tells a screen reader which column leads. */
function SortableHeader({ column, sort, direction, onSort, children }: SortableHeaderProps) {
  const active = sort === column;
  const ariaSort = active ? (direction === 'asc' ? 'ascending' : 'descending') : 'none';
  return (
    <Table.Th aria-sort={ariaSort}>
      <UnstyledButton className="sort-button" onClick={() => onSort(column)}>
        {children}
        <span aria-hidden="true">{active ? (direction === 'asc' ? '▲' : '▼') : '↕'}</span>
      </UnstyledButton>
    </Table.Th>
  );
}

export interface MembersTableProps {
  members: Member[];
  sort: SortKey;
  direction: SortDirection;
  onSort: (column: SortKey) => void;
  caption: string;
}

export function MembersTable({ members, sort, direction, onSort, caption }: MembersTableProps) {
  const { t } = useTranslation(['members', 'enums']);
  const memberName = useMemberName();
  const header = { sort, direction, onSort };
  return (
    <Table.ScrollContainer minWidth={320} type="native">
      <Table striped highlightOnHover verticalSpacing="xs" captionSide="top">
        <Table.Caption ta="start">{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <SortableHeader column="code" {...header}>
              {t('table.code')}
            </SortableHeader>
            <SortableHeader column="name" {...header}>
              {t('table.name')}
            </SortableHeader>
            <Table.Th visibleFrom="xs">{t('table.kind')}</Table.Th>
            <SortableHeader column="joined" {...header}>
              {t('table.joined')}
            </SortableHeader>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.map((member) => (
            <Table.Tr key={member.code} data-code={member.code}>
              <Table.Td>
                <Text ff="monospace" size="sm">
                  {member.code}
                </Text>
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/members/${member.code}`}>
                  {memberName(member)}
                </Anchor>
                {member.kind === 'organization' ? (
                  // On a phone the Kind column is left out; an organisation still says what it is.
                  <Text hiddenFrom="xs" size="xs" c="dimmed">
                    {t('enums:memberKind.organization')}
                  </Text>
                ) : null}
                {member.status === 'former' ? (
                  <Badge ms="xs" variant="outline" color="gray" size="sm">
                    {t('table.former')}
                  </Badge>
                ) : null}
              </Table.Td>
              <Table.Td visibleFrom="xs">{t(`enums:memberKind.${member.kind}`)}</Table.Td>
              <Table.Td>
                <Joined member={member} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
