/** Sorting of table rows by a column key; nulls last, Russian collation for text. */
export type SortDirection = 'asc' | 'desc';

export function sortRows<T>(rows: readonly T[], key: keyof T, direction: SortDirection): T[] {
  const sign = direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = a[key];
    const y = b[key];
    if (x == null) return y == null ? 0 : 1;
    if (y == null) return -1;
    if (typeof x === 'string' && typeof y === 'string') return sign * x.localeCompare(y, 'ru');
    return sign * (Number(x) - Number(y));
  });
}
