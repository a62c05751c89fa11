import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsensusRating, Reviewer, ReviewerRating } from '../../electron/contract/entities.ts';
import type { ScaleVersionData } from '../../scales/scale-schema.ts';
import { localized } from '../../scales/display-format.ts';
import { scoresLowestWhenModelDiffers } from '../../scales/review-rules/not-rated.ts';
import { useUiLanguage } from '../i18n/use-format.ts';
import { consensusByItem, ratingsByItem } from './consensus-choice.ts';
import { ConsensusItemRow } from './ConsensusItemRow.tsx';
import { ScrollRegion } from '../components/ScrollRegion.tsx';
import { previousItem, usePreviousResult } from '../components/use-previous-result.ts';

interface ConsensusTableProps {
  reviewId: number;
  scale: ScaleVersionData;
  reviewers: readonly Reviewer[];
  ratings: readonly ReviewerRating[];
  consensus: readonly ConsensusRating[];
  /** The review's own recommendations. */
  recommendations: readonly { item: number | null; text: string }[];
  readOnly: boolean;
  onSaved: (rating: ConsensusRating) => void;
  onPendingChange: (item: number, pending: boolean) => void;
}

/** Every item of the scale, one table per section: the reviewers' ratings side by side and the consensus. */
export function ConsensusTable({ reviewId, scale, reviewers, ratings, consensus, recommendations, readOnly, onSaved, onPendingChange }: ConsensusTableProps) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const byItem = useMemo(() => ratingsByItem(ratings), [ratings]);
  // The consensus as first loaded: each row keeps its own draft from there and saves it.
  const stored = useMemo(() => consensusByItem(consensus), [consensus]);
  const scores = useMemo(() => {
    const { min, max } = scale.scoring.itemRange;
    return Array.from({ length: max - min + 1 }, (_, i) => min + i);
  }, [scale]);
  const items = useMemo(() => new Map(scale.items.map((item) => [item.number, item])), [scale]);
  // Last year's result beside each item (issue 13): the site's previous final review, if any.
  const previous = usePreviousResult(reviewId);

  return (
    <>
      {scale.sections.map((section) => {
        const sectionTitle = localized(section.title, language);
        const headingId = `consensus-section-${section.key}`;
        return (
          <section key={section.key} aria-labelledby={headingId} className="consensus-section">
            <h3 id={headingId}>{sectionTitle}</h3>
            <ScrollRegion label={t('consensus.table.caption', { section: sectionTitle })}>
              <table className="data-table consensus-table">
                <caption className="visually-hidden">{t('consensus.table.caption', { section: sectionTitle })}</caption>
                <thead>
                  <tr>
                    <th scope="col" className="col-item">
                      {t('consensus.table.item')}
                    </th>
                    {reviewers.map((reviewer) => (
                      <th scope="col" key={reviewer.id} className="col-reviewer">
                        {reviewer.name}
                        {reviewer.role && <span className="cell-note">{reviewer.role}</span>}
                      </th>
                    ))}
                    <th scope="col" className="col-consensus">
                      {t('consensus.table.consensus')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {section.items.map((number) => (
                    <ConsensusItemRow
                      key={number}
                      reviewId={reviewId}
                      item={number}
                      title={localized(items.get(number)?.title ?? {}, language)}
                      anchors={(items.get(number)?.anchors ?? []).map((a, i) => ({ score: scale.scoring.itemRange.min + i, text: localized(a, language) }))}
                      recommendation={recommendations.find((r) => r.item === number)?.text ?? ''}
                      reviewers={reviewers}
                      ratings={byItem.get(number)}
                      consensus={stored.get(number)}
                      scores={scores}
                      lowestScore={scoresLowestWhenModelDiffers(scale, number) ? scale.scoring.itemRange.min : null}
                      previous={previous ? { visitDate: previous.visitDates[0] ?? '', result: previousItem(previous, number) } : null}
                      readOnly={readOnly}
                      onSaved={onSaved}
                      onPendingChange={onPendingChange}
                    />
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          </section>
        );
      })}
    </>
  );
}
