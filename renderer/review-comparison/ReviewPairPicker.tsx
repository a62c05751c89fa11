import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComparableReview } from '../../electron/contract/review-comparison-contract.ts';
import { useFormat } from '../i18n/use-format.ts';

interface ReviewPairPickerProps {
  candidates: readonly ComparableReview[];
  /** The pair shown now, [earlier, later]. */
  chosen: readonly [number, number];
  onCompare: (pair: [number, number]) => void;
}

/** Two selects of the site's comparable reviews and a Compare button; the same review twice is refused here. */
export function ReviewPairPicker({ candidates, chosen, onCompare }: ReviewPairPickerProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const [first, setFirst] = useState(chosen[0]);
  const [second, setSecond] = useState(chosen[1]);
  const same = first === second;
  const option = (review: ComparableReview) =>
    t('reviewComparison.picker.option', {
      date: review.visitDates.map(format.date).join(', '),
      kind: t(`reviewKind.${review.kind}`),
      status: t(`reviewStatus.${review.status}`),
    });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!same) onCompare([first, second]);
  }

  const select = (key: 'first' | 'second', value: number, set: (value: number) => void) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{t(`reviewComparison.picker.${key}`)}</label>
      <select id={`${id}-${key}`} value={value} onChange={(e) => set(Number(e.target.value))} aria-describedby={same ? `${id}-same` : undefined}>
        {candidates.map((review) => (
          <option key={review.id} value={review.id}>
            {option(review)}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <form className="review-pair-picker" onSubmit={submit}>
      <fieldset>
        <legend>{t('reviewComparison.picker.legend')}</legend>
        <div className="review-pair-picker__fields">
          {select('first', first, setFirst)}
          {select('second', second, setSecond)}
          <button type="submit" aria-disabled={same || undefined}>
            {t('reviewComparison.picker.compare')}
          </button>
        </div>
        {same && (
          <p id={`${id}-same`} className="field-error" role="status">
            {t('reviewComparison.picker.same')}
          </p>
        )}
      </fieldset>
    </form>
  );
}
