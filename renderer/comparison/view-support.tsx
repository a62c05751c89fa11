import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../electron/contract/contract.ts';
import { localized } from '../../scales/display-format.ts';
import { formatTotalStatistic } from '../../scales/review-rules/total-format.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useErrorMessage } from '../components/use-error-message.ts';
import { useUiLanguage } from '../i18n/use-format.ts';
import type { QueryState } from '../platform/use-api-query.ts';
import type { ComparisonInput } from './comparison-filters.ts';

export type ScaleData = CallOutput<'scales.get'>['scale'];

/** What every view gets: the API input of the filters, and the compared scale version (items, bands, range). */
export interface ViewProps {
  input: ComparisonInput;
  scale: ScaleData;
  /** The counts of the filters (comparison.included), once loaded. */
  included: CallOutput<'comparison.included'> | undefined;
}

/** Loading and failure of a view's query; the previous answer stays visible while the next one loads. */
export function ViewStatus<T>({ query }: { query: QueryState<T> & { reload: () => void } }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  if (query.status === 'error') return <ErrorAlert message={errorMessage(query.error)} onRetry={query.reload} />;
  if (query.status === 'loading' && query.data === undefined) return <p className="muted">{t('app.loading')}</p>;
  return null;
}

/** item number -> "6. Yhteistyö …" from the scale data, in the UI language. */
export function useItemTitle(scale: ScaleData): (item: number) => string {
  const language = useUiLanguage();
  return useCallback(
    (item: number) => {
      const found = scale.items.find((i) => i.number === item);
      return found ? localized(found.title, language) : String(item);
    },
    [scale, language],
  );
}

/**
 * A mean of several reviews' totals (formatTotalStatistic), saying how many of them are estimates: "98,7 (mukana 1
 * arvio)". '–' when no review has a total.
 */
export function useMeanTotalText(scale: ScaleData): (mean: number | null, estimates: number) => string {
  const { t } = useTranslation();
  const language = useUiLanguage();
  return useCallback(
    (mean, estimates) => {
      if (mean === null) return '–';
      const text = formatTotalStatistic(mean, scale, language);
      return estimates > 0 ? t('comparison.meanWithEstimates', { mean: text, count: estimates }) : text;
    },
    [scale, language, t],
  );
}

/** Band keys of the scale, lowest first: the rank picks the band's colour. */
export const bandRank = (scale: ScaleData, band: string) => [...scale.scoring.bands].sort((a, b) => a.min - b.min).findIndex((b) => b.key === band);
