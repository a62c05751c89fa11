import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyFromPrevious } from '../components/CopyFromPrevious.tsx';
import { useApi } from '../platform/api-context.tsx';
import { SaveIndicator } from '../components/SaveIndicator.tsx';
import { useAutosave, useDebounced } from '../platform/use-autosave.ts';

interface ConsensusRecommendationFieldProps {
  reviewId: number;
  item: number;
  /** The item's title, to tell the fields of the table apart by name. */
  itemLabel: string;
  /** The review's recommendation as stored (pre-filled by consensus.start from the reviewers' own). */
  stored: string;
  /** The item's recommendation in the site's previous final review, offered for copying forward; null when none. */
  previousText?: string | null;
  /** True while a change is not yet stored (saving or failed), so finalizing can wait for it. */
  onPendingChange: (pending: boolean) => void;
}

const TEXT_SAVE_DELAY_MS = 800;

/** The review's recommendation on one item, agreed in the consensus discussion; saved after a pause in typing. */
export function ConsensusRecommendationField({ reviewId, item, itemLabel, stored, previousText = null, onPendingChange }: ConsensusRecommendationFieldProps) {
  const { t } = useTranslation();
  const api = useApi();
  const id = useId();
  const [text, setText] = useState(stored);
  const autosave = useAutosave('recommendations.set', async (value: string) => {
    await api.call('recommendations.set', { reviewId, item, text: value });
  });
  const debounced = useDebounced(autosave.save, TEXT_SAVE_DELAY_MS);
  const pending = autosave.state.status === 'saving' || autosave.state.status === 'error';
  useEffect(() => onPendingChange(pending), [pending, onPendingChange]);
  return (
    <div className="consensus-field">
      <div className="field">
        <label htmlFor={id}>
          {t('consensus.recommendation.label')}
          <span className="visually-hidden"> – {itemLabel}</span>
        </label>
        <textarea
          id={id}
          rows={2}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            debounced.call(e.target.value);
          }}
          onBlur={debounced.flush}
        />
      </div>
      {previousText && (
        <CopyFromPrevious
          field={`${t('consensus.recommendation.label')} – ${itemLabel}`}
          text={previousText}
          current={text}
          onCopy={(copied) => {
            setText(copied);
            debounced.call(copied);
            debounced.flush();
          }}
        />
      )}
      <SaveIndicator state={autosave.state} onRetry={autosave.retry} handledAtField={false} />
    </div>
  );
}
