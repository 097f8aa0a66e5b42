/** Where a page's own address is: path, query and fragment, as react-router's location gives them. */
export interface Here {
  pathname: string;
  search?: string;
  hash?: string;
}

/**
 * A `next` that may be followed after signing in: a path of this site only, so that
 * `?next=https://elsewhere`, `//elsewhere`, `/\elsewhere` (which browsers read as `//`) or a
 * `javascript:` URL can never make the sign-in page an open redirect. Anything else is the home page.
 */
export function safeNext(next: string | null | undefined, fallback = '/'): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  // Control characters (a tab or newline that a browser drops) could hide a `//` from the test above.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: they are what is refused
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return fallback;
  // Back to the sign-in page itself would leave the user where they were: go home instead.
  if (next === '/sign-in' || next.startsWith('/sign-in?') || next.startsWith('/sign-in#')) return fallback;
  return next;
}

/** The sign-in page's address, carrying this page's as `next` to come back to (the sign-in page itself carries none). */
export function signInPath(here: Here): string {
  const back = `${here.pathname}${here.search ?? ''}${here.hash ?? ''}`;
  const next = safeNext(back);
  return next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`;
}
