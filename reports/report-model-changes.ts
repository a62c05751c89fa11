import { compareReviews, type ComparedItem } from '../scales/review-rules/review-comparison.ts';
import type { ModelContext } from './report-model.ts';
import type { ChangesSectionModel } from './report-model-types.ts';

/**
 * "Muutokset edellisestä arvioinnista" (issue 13): the site's previous final review against this one, its date,
 * total and band before and now, and the items that went up and down with both scores. The item comparison is the
 * site page's rule (compareReviews); the previous review's scores come only when its scale version compares with
 * this one's. Absent when the site has no previous final review.
 */
export function changesModel(context: ModelContext): ChangesSectionModel | null {
  const previous = context.input.extras?.previousReview;
  if (!previous) return null;
  const { t, data, input } = context;
  const bandLabel = (band: string) => {
    const found = data.scoring.bands.find((b) => b.key === band);
    return found ? context.scaleText(found.label) : t('changes.noBand');
  };
  const totalText = (total: number | null, estimate: boolean) =>
    total === null ? t('changes.noTotal') : estimate ? t('changes.estimate', { total: context.total(total, true) }) : context.total(total, false);
  const now = input.score;
  const table = {
    headers: ['', t('changes.before', { date: context.date(previous.reviewDate) }), t('changes.now')],
    rows: [
      [t('changes.total'), totalText(previous.total, previous.estimate), totalText(now.total, now.estimate)],
      [t('changes.band'), bandLabel(previous.band), now.total === null ? t('changes.noBand') : bandLabel(now.band)],
    ],
  };
  const intro = t('changes.intro', { kind: t(`kind.${previous.kind}`), date: context.date(previous.reviewDate) });
  if (!previous.scores) return { heading: t('changes.heading'), intro, table, up: null, down: null, counts: null, incomparable: t('changes.incomparable') };

  const current = input.review.ratings.map((r) => ({ item: r.item, score: r.score ?? null, reason: r.reason ?? null }));
  const comparison = compareReviews({ scale: data, ratings: previous.scores }, { scale: data, ratings: current });
  if (!comparison.comparable) return { heading: t('changes.heading'), intro, table, up: null, down: null, counts: null, incomparable: t('changes.incomparable') };
  const line = (item: ComparedItem) => {
    const title = data.items.find((i) => i.number === item.item)?.title;
    return t('changes.itemLine', { item: title ? `${item.item}. ${context.scaleText(title)}` : String(item.item), before: item.before.score!, after: item.after.score! });
  };
  const list = (change: 'up' | 'down') => {
    const items = comparison.items.filter((i) => i.change === change);
    return { heading: t(`changes.${change}Heading`, { count: items.length }), lines: items.map(line), none: items.length === 0 ? t(`changes.${change}None`) : null };
  };
  return {
    heading: t('changes.heading'),
    intro,
    table,
    up: list('up'),
    down: list('down'),
    counts: t('changes.counts', { same: comparison.counts.same, notCompared: comparison.counts.notCompared }),
    incomparable: null,
  };
}
