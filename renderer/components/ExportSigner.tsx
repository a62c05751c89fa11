import { useId, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../electron/contract/contract.ts';
import { TextField } from './TextField.tsx';

export type StoredIdentity = CallOutput<'identities.list'>[number];

interface ExportSignerProps {
  identities: readonly StoredIdentity[];
  identityId: number | null;
  onIdentity: (identityId: number | null) => void;
  passphrase: string;
  onPassphrase: (passphrase: string) => void;
  errors: { identity?: string | null; passphrase?: string | null };
  identityRef?: Ref<HTMLSelectElement>;
  passphraseRef?: Ref<HTMLInputElement>;
}

/** Who signs the bundle: a stored identity, and its passphrase unless the OS key store keeps its key. */
export function ExportSigner({ identities, identityId, onIdentity, passphrase, onPassphrase, errors, identityRef, passphraseRef }: ExportSignerProps) {
  const { t } = useTranslation();
  const id = useId();
  const chosen = identities.find((identity) => identity.id === identityId) ?? null;
  if (identities.length === 0) return <p className="field-hint field-hint--warning">{t('exchange.export.noIdentities')}</p>;
  return (
    <>
      <div className="field">
        <label htmlFor={id}>{t('exchange.export.identity')}</label>
        <select
          ref={identityRef}
          id={id}
          value={identityId ?? ''}
          onChange={(event) => onIdentity(event.target.value === '' ? null : Number(event.target.value))}
          aria-invalid={errors.identity ? true : undefined}
          aria-describedby={errors.identity ? `${id}-error` : undefined}
        >
          <option value="">{t('exchange.export.chooseIdentity')}</option>
          {identities.map((identity) => (
            <option key={identity.id} value={identity.id}>
              {t('exchange.export.identityOption', {
                name: identity.name, details: [identity.organisation, `${identity.certificateFingerprint.slice(0, 11)}…`].filter(Boolean).join(', '),
              })}
            </option>
          ))}
        </select>
        {errors.identity && (
          <p id={`${id}-error`} className="field-error">
            {errors.identity}
          </p>
        )}
      </div>
      {chosen?.protection === 'system' && <p className="field-hint">{t('exchange.export.systemProtected')}</p>}
      {chosen?.protection === 'passphrase' && (
        <TextField
          label={t('exchange.export.passphrase')}
          type="password"
          autoComplete="current-password"
          value={passphrase}
          onChange={onPassphrase}
          error={errors.passphrase}
          inputRef={passphraseRef}
          maxLength={1024}
        />
      )}
    </>
  );
}
