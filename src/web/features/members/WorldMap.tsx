import { Anchor, ColorSwatch, Group, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type MouseEvent, useMemo } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Member } from '../../../shared/members.js';
import { useFormat, useLanguage } from '../../i18n/format.js';
import { MAP_WIDTH } from './map-size.js';
import { useMemberName } from './member-name.js';
import { countryMap, loadCountryNames, shapeKeyOf, unlistedOf } from './world-map.js';

export interface WorldMapProps {
  members: Member[];
  /** Codes of the members the current search finds; the others are drawn paler. Null: no search. */
  highlighted: Set<string> | null;
  /** The key's words for the highlighted members and the others (another page's meaning); the search's by default. */
  keyLabels?: { highlighted: string; other: string };
}

const isPlainClick = (event: MouseEvent) =>
  event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;

/** One entry of the map's key: its colour, then what it means (on the reading side in either direction). */
function KeyEntry({ color, children }: { color: string; children: string }) {
  return (
    <Group gap={6} wrap="nowrap">
      <ColorSwatch component="span" color={color} size={14} radius={2} withShadow={false} aria-hidden="true" />
      <Text size="sm">{children}</Text>
    </Group>
  );
}

/** The members too small to draw, as links, in a list of the reader's language ("A, B, C" / "A، وB، وC"). */
function SmallMembers({ members }: { members: Member[] }) {
  const f = useFormat();
  const memberName = useMemberName();
  const names = members.map(memberName);
  const parts = new Intl.ListFormat(f.locale, { type: 'unit', style: 'short' }).formatToParts(names);
  let next = 0;
  return parts.map((part, i) => {
    if (part.type === 'literal') return part.value;
    const member = members[next++] as Member;
    return (
      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one list, in a fixed order
      <Anchor key={i} component={Link} to={`/members/${member.code}`} size="sm">
        {part.value}
      </Anchor>
    );
  });
}

/**
 * The world, member states filled. Each member is a link to its page, named by its <title>.
 * The links stay out of the Tab order: the table below holds the same links, and a keyboard
 * user should not have to walk through sixty countries to reach it. The drawing is geographic:
 * it is not mirrored in a right-to-left language; its key is.
 */
export function WorldMap({ members, highlighted, keyLabels }: WorldMapProps) {
  const { t } = useTranslation('members');
  const language = useLanguage();
  const memberName = useMemberName();
  const navigate = useNavigate();
  const { shapes, height } = countryMap();
  const countryNames = useQuery({
    queryKey: ['country-names', language],
    queryFn: () => loadCountryNames(language),
    staleTime: Number.POSITIVE_INFINITY,
  });

  const { byShape, notDrawn } = useMemo(() => {
    const drawn = new Set(shapes.map((s) => s.key));
    const byShape = new Map<string, Member>();
    const notDrawn: Member[] = [];
    for (const member of members.filter((m) => m.kind === 'state')) {
      const key = shapeKeyOf(member.code);
      if (key && drawn.has(key)) byShape.set(key, member);
      else notDrawn.push(member);
    }
    return { byShape, notDrawn };
  }, [shapes, members]);

  /** A country that is not a member, in the reader's language once its names are loaded (the atlas's English until then). */
  const countryName = (key: string, atlasName: string) => {
    const unlisted = unlistedOf(key);
    if (unlisted) return t(`map.unlisted.${unlisted}`);
    return countryNames.data?.(key) ?? atlasName;
  };

  const open = (event: MouseEvent, code: string) => {
    if (!isPlainClick(event)) return;
    event.preventDefault();
    navigate(`/members/${code}`);
  };

  return (
    <figure className="map-figure" style={{ margin: 0 }}>
      {/* biome-ignore lint/a11y/useSemanticElements: an <svg> cannot be a <fieldset>; "group" keeps its links reachable */}
      <svg
        className="world-map"
        viewBox={`0 0 ${MAP_WIDTH} ${height}`}
        role="group"
        aria-label={t('map.label', { count: byShape.size })}
      >
        {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: a <g> of plain paths is not focusable; only members are links */}
        <g aria-hidden="true">
          {shapes
            .filter((s) => !byShape.has(s.key))
            .map((s) => (
              <path key={s.key} className="country" d={s.d}>
                <title>{countryName(s.key, s.name)}</title>
              </path>
            ))}
        </g>
        <g>
          {shapes.flatMap((s) => {
            const member = byShape.get(s.key);
            if (!member) return [];
            const dimmed = highlighted !== null && !highlighted.has(member.code);
            return [
              <a
                key={s.key}
                href={`/members/${member.code}`}
                tabIndex={-1}
                onClick={(event) => open(event, member.code)}
                data-code={member.code}
              >
                <title>{memberName(member)}</title>
                <path className={dimmed ? 'member dimmed' : 'member'} d={s.d} />
              </a>,
            ];
          })}
        </g>
      </svg>
      <Group component="figcaption" gap="lg" mt="xs" wrap="wrap">
        <KeyEntry color="var(--mantine-primary-color-filled)">
          {highlighted ? (keyLabels?.highlighted ?? t('map.found')) : t('map.memberState')}
        </KeyEntry>
        {highlighted ? (
          <KeyEntry color="var(--mantine-color-blue-2)">{keyLabels?.other ?? t('map.otherMember')}</KeyEntry>
        ) : null}
        <KeyEntry color="var(--mantine-color-gray-3)">{t('map.notMember')}</KeyEntry>
        {notDrawn.length > 0 ? (
          <Text size="sm">
            <Trans
              t={t}
              i18nKey="map.tooSmall"
              components={{
                list: (
                  <span>
                    <SmallMembers members={notDrawn} />
                  </span>
                ),
              }}
            />
          </Text>
        ) : null}
      </Group>
    </figure>
  );
}

export default WorldMap;
