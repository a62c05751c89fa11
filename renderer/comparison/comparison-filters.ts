import type { CallInput } from '../../electron/contract/contract.ts';

/** The filter bar's state: empty strings for "all" and for a date not given. */
export interface FilterState {
  regionId: string;
  siteId: string;
  from: string;
  to: string;
  kind: '' | 'external' | 'self' | 'peer';
  /** "id@version", or '' for the default version. */
  scale: string;
}

export const NO_FILTERS: FilterState = { regionId: '', siteId: '', from: '', to: '', kind: '', scale: '' };

export type ComparisonInput = CallInput<'comparison.siteTotals'>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True when both dates are given and the period ends before it starts: the period is then left out. */
export const periodReversed = (f: FilterState) => ISO_DATE.test(f.from) && ISO_DATE.test(f.to) && f.from > f.to;

/** The API input for the filters. A half-typed or reversed period is left out rather than sent. */
export function toInput(f: FilterState): ComparisonInput {
  const [id, version] = f.scale.split('@');
  const period = periodReversed(f) ? { from: null, to: null } : { from: ISO_DATE.test(f.from) ? f.from : null, to: ISO_DATE.test(f.to) ? f.to : null };
  return {
    regionId: f.regionId ? Number(f.regionId) : null,
    siteId: f.siteId ? Number(f.siteId) : null,
    ...period,
    kind: f.kind || null,
    scale: id && version ? { id, version } : null,
  };
}

const STORAGE_KEY = 'ips.comparison';

/** The filters and the view last used in this session, so coming back to the page keeps them. */
export function storedState(): { filters: FilterState; view: string | null } {
  try {
    const parsed = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as { filters?: Partial<FilterState>; view?: unknown } | null;
    const filters = { ...NO_FILTERS };
    for (const key of Object.keys(NO_FILTERS) as (keyof FilterState)[]) {
      const value = parsed?.filters?.[key];
      if (typeof value === 'string') (filters as Record<string, string>)[key] = value;
    }
    if (!['', 'external', 'self', 'peer'].includes(filters.kind)) filters.kind = '';
    return { filters, view: typeof parsed?.view === 'string' ? parsed.view : null };
  } catch {
    return { filters: NO_FILTERS, view: null };
  }
}

export function storeState(filters: FilterState, view: string): void {
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ filters, view }));
  } catch {
    // Storage may be unavailable (private mode); the filters then last while the page is open.
  }
}
