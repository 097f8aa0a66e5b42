/** Rows a dataset reads from the database at a time: the most a download holds in memory. */
export const PAGE_SIZE = 1000;

/**
 * Yields the rows of every page, asking for the next page after the last row of the one before
 * (keyset pagination): a page is read only when the one before has been written out, so a
 * download holds one page in memory however long the list.
 */
export async function* keysetPages<Row>(
  readPage: (after: Row | null, limit: number) => Promise<Row[]>,
  pageSize = PAGE_SIZE,
): AsyncGenerator<Row> {
  let after: Row | null = null;
  for (;;) {
    const page: Row[] = await readPage(after, pageSize);
    yield* page;
    if (page.length < pageSize) return;
    after = page[page.length - 1] as Row;
  }
}
