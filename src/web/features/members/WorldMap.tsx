import { Anchor, Group, Text } from '@mantine/core';
import { type MouseEvent, useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Member } from '../../../shared/members.js';
import { MAP_WIDTH } from './map-size.js';
import { countryMap, shapeKeyOf } from './world-map.js';

export interface WorldMapProps {
  members: Member[];
  /** Codes of the members the current search finds; the others are drawn paler. Null: no search. */
  highlighted: Set<string> | null;
}

const isPlainClick = (event: MouseEvent) =>
  event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;

/**
 * The world, member states filled. Each member is a link to its page, named by its <title>.
 * The links stay out of the Tab order: the table below holds the same links, and a keyboard
 * user should not have to walk through sixty countries to reach it.
 */
export function WorldMap({ members, highlighted }: WorldMapProps) {
  const navigate = useNavigate();
  const { shapes, height } = countryMap();

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
        aria-label={`World map: the ${byShape.size} member states drawn at this scale are shaded`}
      >
        {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: a <g> of plain paths is not focusable; only members are links */}
        <g aria-hidden="true">
          {shapes
            .filter((s) => !byShape.has(s.key))
            .map((s) => (
              <path key={s.key} className="country" d={s.d}>
                <title>{s.name}</title>
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
                <title>{member.name}</title>
                <path className={dimmed ? 'member dimmed' : 'member'} d={s.d} />
              </a>,
            ];
          })}
        </g>
      </svg>
      <Group component="figcaption" gap="lg" mt="xs" wrap="wrap">
        <Text size="sm">
          <span className="map-swatch member" aria-hidden="true" />
          {highlighted ? 'Found by the search' : 'Member state'}
        </Text>
        {highlighted ? (
          <Text size="sm">
            <span className="map-swatch dimmed" aria-hidden="true" />
            Other member
          </Text>
        ) : null}
        <Text size="sm">
          <span className="map-swatch other" aria-hidden="true" />
          Not a member
        </Text>
        {notDrawn.length > 0 ? (
          <Text size="sm">
            Too small to draw at this scale:{' '}
            {notDrawn.map((m, i) => (
              <span key={m.code}>
                {i > 0 ? ', ' : null}
                <Anchor component={Link} to={`/members/${m.code}`} size="sm">
                  {m.name}
                </Anchor>
              </span>
            ))}
            .
          </Text>
        ) : null}
      </Group>
    </figure>
  );
}

export default WorldMap;
