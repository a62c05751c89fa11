import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../electron/contract/contract.ts';
import { useModalDialog } from '../components/use-modal-dialog.ts';
import { ImpostorWarnings } from './ImpostorWarnings.tsx';

type Inspected = Extract<CallOutput<'bundles.inspect'>, { ok: true }>;

interface ImportWarningDialogProps {
  impostors: Inspected['impostors'];
  reviews: Inspected['reviews'];
  onImport: () => void;
  onClose: () => void;
}

/**
 * Before importing a bundle with an impostor's certificate: the preview's red warning once more, and the choice.
 * Cancel is in focus first; Escape cancels; focus goes back to the import button when the dialog closes.
 */
export function ImportWarningDialog({ impostors, reviews, onImport, onClose }: ImportWarningDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const { dialogRef, initialFocus: cancelRef } = useModalDialog<HTMLButtonElement>();

  return (
    <dialog
      ref={dialogRef}
      className="review-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-explain`}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={`${id}-title`}>{t('exchange.import.confirm.title')}</h2>
      <p id={`${id}-explain`}>{t('exchange.import.confirm.explain')}</p>
      <ImpostorWarnings impostors={impostors} reviews={reviews} />
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={onImport}>
          {t('exchange.import.confirm.submit')}
        </button>
        <button ref={cancelRef} type="button" onClick={onClose}>
          {t('exchange.import.confirm.cancel')}
        </button>
      </div>
    </dialog>
  );
}
