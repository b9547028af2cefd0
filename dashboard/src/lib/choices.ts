/** A choice of a filter, and the helpers the filters of several pages share. */
export interface Choice {
  value: string;
  label: string;
}

/** A plausible school year (the end year, e.g. 2025 for 2024/25). */
export const isYear = (y: number) => Number.isInteger(y) && y >= 1990 && y <= 2100;

/** The current value as a choice even when it has no data, so the control shows the URL. */
export function withCurrent(list: Choice[], current: string, label: string): Choice[] {
  return list.some((o) => o.value === current)
    ? list
    : [{ value: current, label: `${label} — нет данных` }, ...list];
}
