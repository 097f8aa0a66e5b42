import { useEffect, useLayoutEffect, useRef } from 'react';
import { useLocation } from 'react-router';

// Where each page of this tab's history was left, by its history entry, kept over a reload.
const STORAGE_KEY = 'entente-scroll-positions';
let positions: Record<string, number> = {};

/**
 * What react-router's `<ScrollRestoration>` does, for its declarative router (its own needs the
 * data router, about 15 KiB gzip more of the first load): back and forward return to where the
 * reader was on that page, a link to `#id` goes to that element, and any other new page starts
 * at its top. Positions are remembered as the reader scrolls, and in sessionStorage when the
 * page is left, so a reload keeps them.
 */
export function ScrollRestoration() {
  const location = useLocation();
  const current = useRef(location.key);

  useLayoutEffect(() => {
    try {
      positions = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? '{}');
    } catch {
      positions = {};
    }
  }, []);

  useEffect(() => {
    window.history.scrollRestoration = 'manual';
    const remember = () => {
      positions[current.current] = window.scrollY;
    };
    const leave = () => {
      remember();
      try {
        sessionStorage.setItem(STORAGE_KEY, JSON.stringify(positions));
      } catch {
        // Storage full or refused: back and forward after a reload start at the top.
      }
      window.history.scrollRestoration = 'auto';
    };
    window.addEventListener('scroll', remember, { passive: true });
    window.addEventListener('pagehide', leave);
    return () => {
      window.removeEventListener('scroll', remember);
      window.removeEventListener('pagehide', leave);
      window.history.scrollRestoration = 'auto';
    };
  }, []);

  useLayoutEffect(() => {
    current.current = location.key;
    const saved = positions[location.key];
    if (typeof saved === 'number') {
      window.scrollTo(0, saved);
      return;
    }
    if (location.hash) {
      let target: HTMLElement | null = null;
      try {
        target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
      } catch {
        // Not a decodable id: the page starts at its top.
      }
      if (target) {
        target.scrollIntoView();
        return;
      }
    }
    window.scrollTo(0, 0);
  }, [location]);

  return null;
}
