/**
 * One page of a list that the server renders and the URL names (`page=`): the catalog's table,
 * a story's analytics, the problems list. Pages are 1-based; a page past the end shows the last.
 */
export interface Paged<T> {
  rows: T[];
  /** Rows in all pages. */
  total: number;
  /** 1-based, within 1..pageCount. */
  page: number;
  pageCount: number;
  /** 1-based position of the first and last row shown (0 and 0 when there is none). */
  first: number;
  last: number;
}

export function pageOf<T>(rows: readonly T[], page: number, size: number): Paged<T> {
  const pageCount = Math.max(1, Math.ceil(rows.length / size));
  const p = Math.min(Math.max(1, Math.floor(page) || 1), pageCount);
  const shown = rows.slice((p - 1) * size, p * size);
  const first = shown.length === 0 ? 0 : (p - 1) * size + 1;
  return { rows: shown, total: rows.length, page: p, pageCount, first, last: first === 0 ? 0 : first + shown.length - 1 };
}

/** `?page=` as a page number (anything else is page 1). */
export function pageParam(value: string | string[] | undefined): number {
  const n = Number.parseInt(Array.isArray(value) ? (value[0] ?? "") : (value ?? ""), 10);
  return Number.isFinite(n) && n > 1 ? Math.min(n, 10_000) : 1;
}
