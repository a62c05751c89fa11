import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface CopyFromPreviousProps {
  /** The field's label, for the button's accessible name (two such buttons sit on one item). */
  field: string;
  /** The previous review's text for the field. */
  text: string;
  /** The field's current text: a non-empty one is replaced only after confirmation. */
  current: string;
  onCopy: (text: string) => void;
}

/** "Copy from the previous review" beside a field; asks first when the copy would replace what is written. */
export function CopyFromPrevious({ field, text, current, onCopy }: CopyFromPreviousProps) {
  const { t } = useTranslation();
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  const [copied, setCopied] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  function copy() {
    onCopy(text);
    setCopied(true);
  }
  function close(didCopy: boolean) {
    setConfirming(false);
    if (didCopy) copy();
    // Focus returns to the button once the question leaves the page.
    requestAnimationFrame(() => buttonRef.current?.focus());
  }

  return (
    <div className="copy-previous">
      {confirming ? (
        <div
          className="copy-previous__confirm"
          role="group"
          aria-labelledby={`${id}-text`}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              close(false);
            }
          }}
        >
          <p id={`${id}-text`}>{t('review.previousReview.confirmText')}</p>
          <div className="copy-previous__buttons">
            <button ref={confirmRef} type="button" onClick={() => close(true)}>
              {t('review.previousReview.confirm')}
            </button>
            <button type="button" onClick={() => close(false)}>
              {t('review.previousReview.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button
          ref={buttonRef}
          type="button"
          aria-label={t('review.previousReview.copyLabel', { field })}
          onClick={() => {
            setCopied(false);
            if (current.trim() === '') copy();
            else setConfirming(true);
          }}
        >
          {t('review.previousReview.copy')}
        </button>
      )}
      <p className="visually-hidden" aria-live="polite">
        {copied ? t('review.previousReview.copied', { field }) : ''}
      </p>
    </div>
  );
}
