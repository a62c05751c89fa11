import { useEffect, useMemo, useState } from 'react';

/** A page of `size` rows; back to the first page when the rows change (new filters, new order). */
export function usePaged<T>(rows: readonly T[], size: number) {
  const [page, setPage] = useState(0);
  useEffect(() => setPage(0), [rows]);
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const current = Math.min(page, pages - 1);
  // The same array while nothing changes, so a chart of the page is not redrawn on every render.
  const pageRows = useMemo(() => rows.slice(current * size, current * size + size), [rows, current, size]);
  return {
    rows: pageRows,
    page: current,
    pages,
    from: rows.length === 0 ? 0 : current * size + 1,
    to: Math.min(rows.length, current * size + size),
    total: rows.length,
    setPage,
  };
}

export type Paged<T> = ReturnType<typeof usePaged<T>>;
