import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsensusRating, Reviewer, ReviewerRating } from '../../electron/contract/entities.ts';
import type { PreviousItemResult as PreviousItem } from '../../electron/contract/previous-review-contract.ts';
import { PreviousItemResult } from '../components/PreviousItemResult.tsx';
import { ConsensusChoiceField } from './ConsensusChoiceField.tsx';
import { ConsensusRecommendationField } from './ConsensusRecommendationField.tsx';
import { choiceOf, isAgreement, isDisagreement, isReason, reviewerChoices } from './consensus-choice.ts';
import { ReviewerRatingCell } from './ReviewerRatingCell.tsx';
import './consensus-previous.css';

interface ConsensusItemRowProps {
  reviewId: number;
  item: number;
  title: string;
  /** The scale's description of each score, lowest first, shown while the reviewers discuss. */
  anchors: readonly { score: number; text: string }[];
  /** The review's recommendation on the item. */
  recommendation: string;
  reviewers: readonly Reviewer[];
  ratings: Map<number, ReviewerRating> | undefined;
  consensus: ConsensusRating | undefined;
  scores: readonly number[];
  /** The score the scale gives this item when the service lacks what it asks, or null (scoresLowestWhenModelDiffers). */
  lowestScore: number | null;
  /** The item in the site's previous final review (first visit date and result), or null when there is none. */
  previous: { visitDate: string; result: PreviousItem | null } | null;
  readOnly: boolean;
  onSaved: (rating: ConsensusRating) => void;
  onPendingChange: (item: number, pending: boolean) => void;
}

/**
 * One item in the consensus table: the reviewers' own ratings side by side (read-only), a disagreement marked
 * with an icon and words as well as colour, and the consensus value.
 */
export function ConsensusItemRow({ reviewId, item, title, anchors, recommendation, reviewers, ratings, consensus, scores, lowestScore, previous, readOnly, onSaved, onPendingChange }: ConsensusItemRowProps) {
  const { t } = useTranslation();
  const choices = reviewerChoices(reviewers, ratings);
  const disagreement = isDisagreement(choices);
  const itemLabel = t('consensus.itemTitle', { number: item, title });
  // The item is unsaved while either its consensus or its recommendation is.
  const [choicePending, setChoicePending] = useState(false);
  const [recommendationPending, setRecommendationPending] = useState(false);
  const onChoicePending = useCallback((_item: number, pending: boolean) => setChoicePending(pending), []);
  useEffect(() => onPendingChange(item, choicePending || recommendationPending), [item, choicePending, recommendationPending, onPendingChange]);
  const evidence = reviewers.flatMap((reviewer) => {
    const text = ratings?.get(reviewer.id)?.evidence;
    return text ? [{ reviewer, text }] : [];
  });

  return (
    <tr className={disagreement ? 'consensus-row is-disagreement' : 'consensus-row'}>
      <th scope="row">
        <span className="consensus-item-title">{itemLabel}</span>
        {disagreement && (
          <span className="disagreement-mark">
            <span aria-hidden="true">{'≠'}</span> {t('consensus.disagreement')}
          </span>
        )}
        {isAgreement(choices) && (
          <span className="agreement-mark">
            <span aria-hidden="true">{'='}</span> {t('consensus.agreed')}
          </span>
        )}
        {anchors.length > 0 && (
          <details className="reviewer-evidence">
            <summary>{t('consensus.anchors.summary')}</summary>
            <dl>
              {anchors.map((anchor) => (
                <div key={anchor.score}>
                  <dt>{anchor.score}</dt>
                  <dd>{anchor.text}</dd>
                </div>
              ))}
            </dl>
          </details>
        )}
        {evidence.length > 0 && (
          <details className="reviewer-evidence">
            <summary>{t('consensus.evidence.summary')}</summary>
            <dl>
              {evidence.map(({ reviewer, text }) => (
                <div key={reviewer.id}>
                  <dt>{reviewer.name}</dt>
                  <dd>{text}</dd>
                </div>
              ))}
            </dl>
          </details>
        )}
      </th>
      {reviewers.map((reviewer) => (
        <td key={reviewer.id} className="reviewer-cell">
          <ReviewerRatingCell rating={ratings?.get(reviewer.id)} />
        </td>
      ))}
      <td className="consensus-cell">
        {previous && <PreviousItemResult visitDate={previous.visitDate} result={previous.result} level={4} />}
        {readOnly ? (
          <ConsensusValueText consensus={consensus} />
        ) : (
          <ConsensusChoiceField
            reviewId={reviewId}
            item={item}
            itemLabel={itemLabel}
            scores={scores}
            lowestScore={lowestScore}
            stored={consensus}
            reviewerChoices={choices}
            previousEvidence={previous?.result?.evidence ?? null}
            onSaved={onSaved}
            onPendingChange={onChoicePending}
          />
        )}
        {readOnly ? (
          recommendation && <span className="cell-note">{t('consensus.recommendation.shown', { text: recommendation })}</span>
        ) : (
          <ConsensusRecommendationField
            reviewId={reviewId}
            item={item}
            itemLabel={itemLabel}
            stored={recommendation}
            previousText={previous?.result?.recommendation ?? null}
            onPendingChange={setRecommendationPending}
          />
        )}
      </td>
    </tr>
  );
}

/** The consensus of a final review, as text. */
function ConsensusValueText({ consensus }: { consensus: ConsensusRating | undefined }) {
  const { t } = useTranslation();
  const choice = choiceOf(consensus);
  return (
    <>
      {choice === '' && <span className="muted">{t('consensus.noRating')}</span>}
      {choice !== '' && !isReason(choice) && <span className="score-figure">{choice}</span>}
      {isReason(choice) && <span>{t('consensus.notRated', { reason: t(`consensus.reasons.${choice}`) })}</span>}
      {consensus?.reasonNote && <span className="cell-note">{consensus.reasonNote}</span>}
      {consensus?.evidence && <span className="cell-note">{t('consensus.evidence.shown', { text: consensus.evidence })}</span>}
      {consensus?.justification && (
        <span className="cell-note">{t('consensus.justification.shown', { text: consensus.justification })}</span>
      )}
    </>
  );
}
