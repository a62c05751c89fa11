import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Fingerprint } from './Fingerprint.tsx';
import './signer-trust.css';

interface ConfirmTrustedSignerProps {
  signerName: string;
  fingerprint: string;
  /** Adds the signer; resolves when done, rejects (shown by the caller) when refused. */
  onConfirm: () => Promise<void>;
}

/**
 * "Add to trusted signers" for an unknown signer: shows the certificate's fingerprint and asks once to confirm it
 * (compared with the signer by other means) before anything is stored.
 */
export function ConfirmTrustedSigner({ signerName, fingerprint, onConfirm }: ConfirmTrustedSignerProps) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const question = useRef<HTMLParagraphElement>(null);

  async function confirm() {
    setBusy(true);
    try {
      await onConfirm();
    } finally {
      setBusy(false);
    }
  }

  if (!asking) {
    return (
      <button
        ref={opener}
        type="button"
        onClick={() => {
          setAsking(true);
          requestAnimationFrame(() => question.current?.focus());
        }}
      >
        {t('trust.add.button')}
      </button>
    );
  }
  return (
    <div className="trust-confirm" role="group" aria-label={t('trust.add.button')}>
      <p ref={question} tabIndex={-1}>
        {t('trust.add.question', { name: signerName })}
      </p>
      <p>
        <Fingerprint value={fingerprint} />
      </p>
      <div className="button-row">
        <button type="button" className="primary" disabled={busy} onClick={() => void confirm()}>
          {busy ? t('trust.add.adding') : t('trust.add.confirm')}
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() => {
            setAsking(false);
            requestAnimationFrame(() => opener.current?.focus());
          }}
        >
          {t('trust.add.cancel')}
        </button>
      </div>
    </div>
  );
}
