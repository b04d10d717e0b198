import { useState } from 'react';
import { currentCursor, FIRST_PAGE, type CursorPages } from '../audit/cursor-pages';

/** A log's filters and the pages read under them: any change of filter (or clearing them) starts again at the first page. */
export function useCursorFilters<F extends object>(noFilters: F) {
  const [filters, setFilters] = useState<F>(noFilters);
  const [pages, setPages] = useState<CursorPages>(FIRST_PAGE);
  const filter = (patch: Partial<F>) => {
    setFilters((current) => ({ ...current, ...patch }));
    setPages(FIRST_PAGE);
  };
  const clear = () => {
    setFilters(noFilters);
    setPages(FIRST_PAGE);
  };
  return { filters, filter, clear, pages, setPages, cursor: currentCursor(pages) };
}
