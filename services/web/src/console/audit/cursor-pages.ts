/**
 * Paging through a cursor-paginated log (newest first): the cursors of the pages seen so far, so
 * "previous" goes back exactly and a change of filter starts again at the first page.
 */
export interface CursorPages {
  /** The cursor each page was read with; the first page has none. */
  cursors: Array<string | undefined>;
  /** Index of the page shown. */
  page: number;
}

export const FIRST_PAGE: CursorPages = { cursors: [undefined], page: 0 };

export function currentCursor(pages: CursorPages): string | undefined {
  return pages.cursors[pages.page];
}

/** The page after the one shown, read with the cursor the shown page answered. */
export function nextPage(pages: CursorPages, nextCursor: string | null): CursorPages {
  if (!nextCursor) return pages;
  const cursors = [...pages.cursors.slice(0, pages.page + 1), nextCursor];
  return { cursors, page: pages.page + 1 };
}

export function previousPage(pages: CursorPages): CursorPages {
  return pages.page === 0 ? pages : { ...pages, page: pages.page - 1 };
}
