import { Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.js';
import { countdownText } from './deadline.js';

/** The current instant, read again every `ms` while the component shows. */
export function useNow(ms = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), ms);
    return () => window.clearInterval(timer);
  }, [ms]);
  return now;
}

/**
 * The time left until a deadline, as it runs down, by the reader's own clock. When it reaches
 * zero `onOver` runs once: the page then reads the procedure again, and the server (whose clock
 * decides) says what became of it.
 */
export function Countdown({ deadline, onOver }: { deadline: string; onOver?: () => void }) {
  const { t } = useTranslation('statements');
  const f = useFormat();
  const now = useNow();
  const text = countdownText(deadline, now, f.locale);
  const over = text === null;
  const told = useRef(false);
  useEffect(() => {
    if (over && !told.current) {
      told.current = true;
      onOver?.();
    }
  }, [over, onOver]);
  return (
    <Text span fw={600} role="timer" data-countdown>
      {over ? t('procedure.deadlinePassed') : t('procedure.left', { time: text })}
    </Text>
  );
}
