import { type ReactNode, Suspense, startTransition, useEffect, useLayoutEffect, useRef, useState } from 'react';

/** What a stand-in button spreads onto itself. */
export interface StandInHandlers {
  onPointerEnter: () => void;
  onPointerDown: () => void;
  onFocus: () => void;
  onBlur: () => void;
  onClick: () => void;
}

/**
 * A header control whose code loads only when a reader reaches for it (a lazy component): until
 * then, `standIn` draws the same button in its place, so that nothing moves. A pointer over it, a
 * touch or the keyboard's focus starts loading the code; a tap meanwhile is remembered, and
 * `children(true)` opens the control as soon as it appears. The button that had the focus hands it
 * to the control's own. The first load of a page thus never runs code that nobody has asked for
 * (Lighthouse counted the header's menus and search, Popover and floating-ui, in its blocking time).
 */
export function WithStandIn({
  standIn,
  children,
}: {
  standIn: (handlers: StandInHandlers) => ReactNode;
  children: (asked: boolean) => ReactNode;
}) {
  const [wanted, setWanted] = useState(false);
  const [asked, setAsked] = useState(false);
  const focused = useRef(false);
  const box = useRef<HTMLSpanElement>(null);
  // A transition: the stand-in stays in place, the same element, while the code loads. A Suspense
  // fallback would be a new element, and a tap whose press and release fell either side of the
  // swap would be lost.
  const want = () => startTransition(() => setWanted(true));
  const button = standIn({
    onPointerEnter: want,
    onPointerDown: want,
    onFocus: () => {
      focused.current = true;
      want();
    },
    onBlur: () => {
      focused.current = false;
    },
    onClick: () => {
      want();
      setAsked(true);
    },
  });
  const arrived = () => {
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (focused.current && lost) box.current?.querySelector<HTMLElement>('button')?.focus();
  };
  return (
    <span ref={box} className="stand-in-box">
      <Suspense fallback={button}>{wanted ? <Arrived onArrive={arrived}>{children(asked)}</Arrived> : button}</Suspense>
    </span>
  );
}

/** Calls `onArrive` once, when its children (the lazy control) are first in the page. */
function Arrived({ onArrive, children }: { onArrive: () => void; children: ReactNode }) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on arrival
  useLayoutEffect(() => onArrive(), []);
  return children;
}

/**
 * The open state of a control behind a stand-in: closed at first, and opened just after it appears
 * when the reader asked for it meanwhile. Opening it after the first render (not `defaultOpened`)
 * lets Mantine note which element had the focus, so that Escape gives the focus back to the button.
 */
export function useOpenAtOnce(openAtOnce: boolean) {
  const [opened, setOpened] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, as the control appears
  useEffect(() => {
    if (openAtOnce) setOpened(true);
  }, []);
  return [opened, setOpened] as const;
}
