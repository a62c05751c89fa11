import { useId, useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { hrefFor } from '../app/routes.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useErrorMessage } from '../components/use-error-message.ts';
import type { ApiClientError } from '../platform/api-client.ts';
import { useApi } from '../platform/api-context.tsx';
import { asApiClientError } from '../platform/use-api-query.ts';

/**
 * Correcting a final review: a reason is required, and the amendment (a new review linked to this one, starting
 * from its result) opens in the editor.
 */
export function AmendDialog({ reviewId, onClose }: { reviewId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const errorMessage = useErrorMessage();
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const [error, setError] = useState<ApiClientError | null>(null);
  const saving = useRef(false);

  // Focus goes back where it was (an anchor, a button), also when the dialog leaves the page with its component.
  useLayoutEffect(() => {
    const dialog = dialogRef.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (reason.trim() === '') {
      setReasonMissing(true);
      reasonRef.current?.focus();
      return;
    }
    if (saving.current) return;
    saving.current = true;
    try {
      const amendment = await api.call('reviews.amend', { reviewId, reason });
      window.location.hash = hrefFor({ name: 'review', reviewId: amendment.id });
    } catch (caught) {
      setError(asApiClientError('reviews.amend', caught));
    } finally {
      saving.current = false;
    }
  }

  return (
    <dialog
      ref={dialogRef}
      className="review-dialog"
      aria-labelledby={`${id}-title`}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <form noValidate onSubmit={(event) => void submit(event)}>
        <h2 id={`${id}-title`}>{t('review.amend.title', { id: reviewId })}</h2>
        <p className="field-hint">{t('review.amend.explain')}</p>
        {error && <ErrorAlert message={errorMessage(error)} />}
        <div className="field">
          <label htmlFor={`${id}-reason`}>
            {t('review.amend.reason')} <span className="required-mark">{t('siteForm.required')}</span>
          </label>
          <textarea
            ref={reasonRef}
            id={`${id}-reason`}
            rows={4}
            required
            maxLength={20_000}
            value={reason}
            aria-invalid={reasonMissing ? true : undefined}
            aria-describedby={reasonMissing ? `${id}-reason-error` : undefined}
            onChange={(e) => {
              setReason(e.target.value);
              if (e.target.value.trim() !== '') setReasonMissing(false);
            }}
          />
          {reasonMissing && (
            <p id={`${id}-reason-error`} className="field-error">
              {t('review.amend.reasonRequired')}
            </p>
          )}
        </div>
        <div className="dialog-actions">
          <button type="submit" className="primary">
            {t('review.amend.create')}
          </button>
          <button type="button" onClick={onClose}>
            {t('review.amend.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
