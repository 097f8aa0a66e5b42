import { Blockquote, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { Meeting } from '../../../shared/meetings.js';

// Only the secretariat changes remarks: the public never downloads the form.
const RemarkControls = lazy(() => import('./RemarkControls.js').then((m) => ({ default: m.RemarkControls })));

/** What was said at the meeting: each speaker's remarks, and the words quoted from them; the secretariat's controls. */
export function MeetingRemarks({ meeting, canManage = false }: { meeting: Meeting; canManage?: boolean }) {
  const { t } = useTranslation('meetings');
  return (
    <Stack gap="sm" component="section" aria-labelledby="remarks-heading">
      <Title order={2} size="h3" id="remarks-heading">
        {t('remarks.title')}
      </Title>
      {meeting.remarks.length === 0 ? (
        <Text c="dimmed">{t('remarks.none')}</Text>
      ) : (
        <Stack gap="lg">
          {meeting.remarks.map((remark) => (
            <Stack
              key={remark.id}
              gap="xs"
              component="article"
              aria-label={t('remarks.by', { name: remark.person.name })}
            >
              {/* Who spoke and what they said, as the sources give it: in its own direction (isolated). */}
              <div>
                <Text fw={700}>
                  <bdi>{remark.person.name}</bdi>
                </Text>
                {remark.person.title ? (
                  <Text size="sm" c="dimmed">
                    <bdi>{remark.person.title}</bdi>
                  </Text>
                ) : null}
                {remark.context ? (
                  <Text size="sm">
                    <bdi>{remark.context}</bdi>
                  </Text>
                ) : null}
              </div>
              {remark.quotes.map((quote) => (
                <Blockquote key={quote.id} color="blue" p="md" cite={quote.context ?? undefined} className="quote">
                  <Trans t={t} i18nKey="remarks.quote" values={{ text: quote.text }} components={{ words: <bdi /> }} />
                </Blockquote>
              ))}
              {canManage ? (
                <Suspense fallback={null}>
                  <RemarkControls meeting={meeting} remark={remark} />
                </Suspense>
              ) : null}
            </Stack>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
