import type { ModelContext } from './report-model.ts';
import type { BandLevelsModel } from './report-model-types.ts';

/**
 * The scale's four levels as a small band chart, on every report (a first review has no trend chart to show them):
 * each band with its limits, this review's total marked on it, and for a partial review the range its total could
 * take (the bounds), so the reader sees how far the estimate could move.
 */
export function bandLevelsModel(context: ModelContext): BandLevelsModel {
  const { t, data, input, result } = context;
  const { score } = input;
  const { itemRange, totalRange } = data.scoring;
  const bands = [...data.scoring.bands].sort((a, b) => a.min - b.min).map((band) => ({
    label: context.scaleText(band.label),
    min: band.min,
    max: band.max,
    current: band.key === score.band,
  }));
  const range = score.complete ? null : { lower: score.lowerBound, upper: score.upperBound };
  return {
    title: t('summary.levels.title'),
    min: totalRange.min,
    max: totalRange.max,
    bands,
    total: score.total,
    totalLabel: score.total === null ? '' : context.total(score.total, score.estimate),
    range,
    legend: [
      ...(score.total === null ? [] : [t('summary.levels.marker')]),
      ...(range ? [t('summary.levels.range', itemRange)] : []),
    ],
    alt: t('summary.levels.alt', {
      bands: bands.map((b) => t('summary.levels.band', { label: b.label, min: b.min, max: b.max })).join(', '),
      result: `${result.total}; ${result.band}`,
    }),
  };
}
