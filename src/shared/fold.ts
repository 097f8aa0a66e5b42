// No zod here: the web app's pages search with it.

/**
 * A name as compared for sameness: "  jane  EXAMPLE" and "Jane Example", "Jose" and "José" are
 * one name. Decomposed (NFD), marks stripped, lower-cased, spaces collapsed. The server refuses a
 * new person whose folded name is a known person's; the web filters its pickers with it.
 */
export const foldName = (name: string): string =>
  name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

/** Lower-case, accents dropped, as the server searches: "cote" finds "Côte d'Ivoire". */
export const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
