import { type ReactNode, Suspense, useState } from 'react';

/**
 * A header control whose code loads after the first render (a lazy component): until it comes,
 * `standIn` draws the same button in its place, so that nothing moves; a tap on that button
 * meanwhile is remembered, and `children(true)` opens the control as soon as it appears.
 */
export function WithStandIn({
  standIn,
  children,
}: {
  standIn: (ask: () => void) => ReactNode;
  children: (asked: boolean) => ReactNode;
}) {
  const [asked, setAsked] = useState(false);
  return <Suspense fallback={standIn(() => setAsked(true))}>{children(asked)}</Suspense>;
}
