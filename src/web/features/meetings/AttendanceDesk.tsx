import { Button, Checkbox, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { type KeyboardEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttendanceStatus, Delegation, Meeting } from '../../../shared/meetings.js';
import { isApiError } from '../../app/api.js';
import { useFormat, useLanguage } from '../../i18n/format.js';
import { problemMessage } from '../../i18n/problem.js';
import { nameIn } from '../members/member-name.js';
import { filterDelegations } from './attendance-desk.js';
import { AttendanceBadge } from './MeetingBadges.js';
import { usePutAttendance } from './meetings.api.js';

interface AttendanceDeskProps {
  meeting: Meeting;
  /** Reads the meeting again, after a conflict: the rows then show what a colleague recorded. */
  onReload: () => Promise<{ data?: Meeting }>;
}

// Type-checked values, not the zod enum: the meeting page loads without zod.
const MARKS = ['present', 'absent'] as const satisfies readonly AttendanceStatus[];

type RowState = { saving: true } | { saving: false; error: string };

/**
 * The secretariat at the door: every delegation on one line (two on a phone, the name first),
 * found by name or code, marked present or absent with one button, or several at once. Each write
 * carries the version this page read, so a colleague's change is never overwritten; a refusal is
 * said on its own row. Arrow keys move between rows, staying in the same column.
 */
export function AttendanceDesk({ meeting, onReload }: AttendanceDeskProps) {
  const { t, i18n } = useTranslation(['meetings', 'enums']);
  const f = useFormat();
  const language = useLanguage();
  const putAttendance = usePutAttendance(meeting.id);
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [rows, setRows] = useState<Record<string, RowState>>({});
  const nameOf = (d: Delegation) => nameIn(d.memberNames, d.memberName, language);

  const shown = useMemo(
    () => filterDelegations(meeting.delegations, query, language),
    [meeting.delegations, query, language],
  );

  const setRow = (code: string, state: RowState | null) =>
    setRows((all) => {
      const next = { ...all };
      if (state) next[code] = state;
      else delete next[code];
      return next;
    });

  /** Records one delegation; true when a colleague's change (or the meeting's) refused it. */
  const mark = async (d: Delegation, attendance: AttendanceStatus): Promise<boolean> => {
    setRow(d.memberCode, { saving: true });
    try {
      await putAttendance.mutateAsync({ code: d.memberCode, version: d.version, attendance });
      setRow(d.memberCode, null);
      return false;
    } catch (error) {
      setRow(d.memberCode, { saving: false, error: problemMessage(i18n.getFixedT(null, 'common'), error) });
      return isApiError(error, 409);
    }
  };

  const markOne = async (d: Delegation, attendance: AttendanceStatus) => {
    if (rows[d.memberCode]?.saving) return;
    if (await mark(d, attendance)) await onReload();
  };

  const markSelected = async (attendance: AttendanceStatus) => {
    const targets = meeting.delegations.filter((d) => selected.has(d.memberCode) && d.attendance !== attendance);
    let conflicted = false;
    // One after the other, each with its own If-Match: a refusal stops only its own row.
    for (const d of targets) conflicted = (await mark(d, attendance)) || conflicted;
    setSelected(new Set());
    if (conflicted) await onReload();
  };

  const allShownSelected = shown.length > 0 && shown.every((d) => selected.has(d.memberCode));
  const toggleAllShown = () =>
    setSelected((current) => {
      const next = new Set(current);
      for (const d of shown) {
        if (allShownSelected) next.delete(d.memberCode);
        else next.add(d.memberCode);
      }
      return next;
    });
  const toggle = (code: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(code)) next.delete(code);
      else next.add(code);
      return next;
    });

  // Up and down move to the same control of the row above or below.
  const onRowKeyDown = (event: KeyboardEvent<HTMLLIElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const control = (event.target as HTMLElement).closest<HTMLElement>('[data-col]');
    if (!control) return;
    const row = event.currentTarget;
    const other = (
      event.key === 'ArrowDown' ? row.nextElementSibling : row.previousElementSibling
    ) as HTMLElement | null;
    const target = other?.querySelector<HTMLElement>(`[data-col="${control.dataset.col}"]`);
    if (!target) return;
    event.preventDefault();
    target.focus();
  };

  const busy = Object.values(rows).some((r) => r.saving);

  return (
    <Stack gap="xs" component="section" aria-labelledby="attendance-desk-heading" className="attendance-desk">
      <Title order={3} size="h4" id="attendance-desk-heading">
        {t('desk.heading')}
      </Title>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label={t('desk.filter')}
          placeholder={t('desk.filterPlaceholder')}
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
          w={260}
          maw="100%"
        />
        <Text size="sm" c="dimmed" role="status">
          {t('desk.shown', { shown: f.number(shown.length), count: meeting.delegations.length })}
        </Text>
      </Group>
      <Group gap="sm" wrap="wrap">
        <Checkbox
          label={t('desk.selectAllShown')}
          checked={allShownSelected}
          indeterminate={!allShownSelected && shown.some((d) => selected.has(d.memberCode))}
          onChange={toggleAllShown}
          disabled={shown.length === 0}
        />
        {MARKS.map((attendance) => (
          <Button
            key={attendance}
            data-bulk={attendance}
            size="compact-sm"
            variant="light"
            disabled={selected.size === 0 || busy}
            onClick={() => void markSelected(attendance)}
          >
            {selected.size === 0
              ? t(`desk.markSelectedNone.${attendance}`)
              : t(`desk.markSelected.${attendance}`, { count: selected.size, n: f.number(selected.size) })}
          </Button>
        ))}
      </Group>
      <ul className="attendance-desk-rows">
        {shown.map((d) => {
          const memberName = nameOf(d);
          const state = rows[d.memberCode];
          return (
            <li key={d.memberCode} data-code={d.memberCode} onKeyDown={onRowKeyDown}>
              <Checkbox
                data-col="select"
                aria-label={t('desk.select', { member: memberName })}
                checked={selected.has(d.memberCode)}
                onChange={() => toggle(d.memberCode)}
              />
              <span className="attendance-desk-name">
                <Text span size="sm" fw={600}>
                  {memberName}
                </Text>{' '}
                <Text span size="xs" c="dimmed" ff="monospace">
                  {d.memberCode}
                </Text>
              </span>
              <AttendanceBadge attendance={d.attendance} note={d.attendanceNote} />
              <Group gap={6} wrap="nowrap" className="attendance-desk-buttons">
                {MARKS.map((attendance) => (
                  <Button
                    key={attendance}
                    data-col={attendance}
                    size="compact-sm"
                    variant={d.attendance === attendance ? 'filled' : 'default'}
                    color={attendance === 'present' ? 'green' : 'gray'}
                    aria-pressed={d.attendance === attendance}
                    aria-label={t(`desk.markOne.${attendance}`, { member: memberName })}
                    // Not disabled while saving (a disabled button drops the keyboard's focus): busy instead.
                    aria-busy={state?.saving === true}
                    onClick={() => void markOne(d, attendance)}
                  >
                    {t(`attendance.option.${attendance}`)}
                  </Button>
                ))}
              </Group>
              {state && !state.saving ? (
                <Text size="xs" c="red" role="alert" className="attendance-desk-error">
                  {t('desk.rowError', { member: memberName, reason: state.error })}
                </Text>
              ) : null}
            </li>
          );
        })}
      </ul>
    </Stack>
  );
}
