import { Anchor, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, type ReactNode, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Member } from '../../../shared/members.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { LocalizedTitle } from '../../components/LocalizedTitle.js';
import { useFormat } from '../../i18n/format.js';
import { usePeriodName } from '../dashboards/period-label.js';
import { MAP_HEIGHT, MAP_WIDTH } from '../members/map-size.js';
import { LocalName } from '../progress/names.js';
import { titlesOf } from '../statements/statement-title.js';
import { adoptedStatementsQuery, useHeadlineFigures, useLatestPress } from './home.api.js';

// The home page's sections after its figures. Each is small; the map and its atlas load only
// when the map comes into view (the performance budget of the home page).

const WorldMap = lazy(() => import('../members/WorldMap.js'));
/** How many indicators and statements the home shows. */
const HOME_FIGURES = 4;
const HOME_STATEMENTS = 3;

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Stack gap="xs" component="section" aria-labelledby={id} maw={720}>
      <Title order={2} id={id} size="h3">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

const mapBox = { aspectRatio: `${MAP_WIDTH} / ${MAP_HEIGHT}`, width: '100%' };

/** The members on the map, with their count; the map is fetched once its place scrolls into view. */
export function HomeMap({ members }: { members: Member[] | undefined }) {
  const { t } = useTranslation('home');
  const box = useRef<HTMLDivElement>(null);
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    const element = box.current;
    if (!element || seen) return;
    if (typeof IntersectionObserver === 'undefined') {
      setSeen(true);
      return;
    }
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setSeen(true);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [seen]);
  const active = members?.filter((m) => m.status === 'active');
  return (
    <Section id="home-map" title={t('map.title')}>
      <Text>
        {active ? t('map.count', { count: active.length }) : null}{' '}
        <Anchor component={Link} to="/members">
          {t('map.all')}
        </Anchor>
      </Text>
      <Paper withBorder p="sm" ref={box}>
        {seen && members ? (
          <Suspense fallback={<Skeleton style={mapBox} />}>
            <WorldMap members={members} highlighted={null} />
          </Suspense>
        ) : (
          <Skeleton style={mapBox} animate={false} />
        )}
      </Paper>
    </Section>
  );
}

/** A few public indicators: each one's total over time, as of its latest approved period. */
export function HomeFigures() {
  const { t } = useTranslation('home');
  const f = useFormat();
  const periodName = usePeriodName();
  const figures = useHeadlineFigures();
  if (figures.isError || figures.data?.length === 0) return null;
  return (
    <Section id="home-figures" title={t('headline.title')}>
      <Text size="sm" c="dimmed">
        {t('headline.text')}
      </Text>
      {figures.isPending ? <Skeleton height={96} /> : null}
      {figures.data ? (
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          {figures.data.slice(0, HOME_FIGURES).map((item) => (
            <Paper key={item.indicator} withBorder p="md" data-indicator={item.indicator}>
              <Text fz={28} fw={700} lh={1.2}>
                {item.total === null ? '—' : f.number(item.total)}{' '}
                <Text span size="md" fw={400}>
                  <bdi>{f.unit(item)}</bdi>
                </Text>
              </Text>
              <Anchor component={Link} to={`/indicators/${item.indicator}`} size="sm" fw={600}>
                <LocalName names={item.names} />
              </Anchor>
              {item.latest ? (
                <Text size="xs" c="dimmed">
                  {t(`headline.${item.timeAggregation}`, { period: periodName(item.latest.period) })}
                </Text>
              ) : null}
            </Paper>
          ))}
        </SimpleGrid>
      ) : null}
      <Group>
        <Anchor component={Link} to="/lines-of-effort">
          {t('headline.all')}
        </Anchor>
      </Group>
    </Section>
  );
}

/** The newest adopted statements the reader may see. */
export function HomeStatements() {
  const { t } = useTranslation('home');
  const f = useFormat();
  const statements = useQuery(adoptedStatementsQuery());
  const latest = statements.data
    ?.filter((s) => s.adoptedOn)
    .sort((a, b) => ((a.adoptedOn ?? '') < (b.adoptedOn ?? '') ? 1 : -1))
    .slice(0, HOME_STATEMENTS);
  return (
    <Section id="home-statements" title={t('statements.title')}>
      {statements.isPending ? <Skeleton height={72} /> : null}
      {statements.isError ? (
        <ErrorAlert error={statements.error} title={t('statements.notLoaded')} onRetry={() => statements.refetch()} />
      ) : null}
      {latest?.length === 0 ? <Text c="dimmed">{t('statements.none')}</Text> : null}
      {latest && latest.length > 0 ? (
        <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {latest.map((s) => (
            <li key={s.id} data-statement={s.id}>
              <Anchor component={Link} to={`/statements/${s.id}`} fw={600}>
                <LocalizedTitle title={s.title} titleTranslations={titlesOf(s.translations)} language={s.language} />
              </Anchor>
              <Text size="sm" c="dimmed">
                {s.decisionNumber ? (
                  <>
                    <bdi>{t('statements.decision', { number: s.decisionNumber })}</bdi>
                    {' · '}
                  </>
                ) : null}
                {s.adoptedOn ? <time dateTime={s.adoptedOn}>{f.date(s.adoptedOn)}</time> : null}
              </Text>
            </li>
          ))}
        </Stack>
      ) : null}
      <Group>
        <Anchor component={Link} to="/statements?status=adopted">
          {t('statements.all')}
        </Anchor>
      </Group>
    </Section>
  );
}

/** The latest press articles about the coalition; nothing at all when the register cannot be read. */
export function HomePress() {
  const { t } = useTranslation('home');
  const f = useFormat();
  const press = useLatestPress();
  if (!press.data || press.data.length === 0) return null;
  return (
    <Section id="home-press" title={t('press.title')}>
      <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {press.data.map((item) => (
          <li key={item.id} data-source={item.id}>
            {item.url ? (
              <Anchor href={item.url} target="_blank" rel="noopener noreferrer" fw={600}>
                <bdi lang={item.language ?? undefined}>{item.title}</bdi>
              </Anchor>
            ) : (
              <Text fw={600}>
                <bdi lang={item.language ?? undefined}>{item.title}</bdi>
              </Text>
            )}
            <Text size="sm" c="dimmed">
              <bdi>{item.publisher}</bdi>
              {item.date ? (
                <>
                  {' · '}
                  <time dateTime={item.date}>{f.date(item.date)}</time>
                </>
              ) : null}
            </Text>
          </li>
        ))}
      </Stack>
      <Group>
        <Anchor component={Link} to="/sources">
          {t('press.all')}
        </Anchor>
      </Group>
    </Section>
  );
}
