import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from './TextField.tsx';

export interface StoragePassphraseValues {
  passphrase: string;
  repeat: string;
}

export type StoragePassphraseField = keyof StoragePassphraseValues;

/** The API's minimum (contract: StoragePassphrase). */
export const MIN_PASSPHRASE_LENGTH = 8;

/** The storage passphrase's own checks, before anything is sent: long enough, typed the same twice. */
export function storagePassphraseProblems(values: StoragePassphraseValues): Partial<Record<StoragePassphraseField, string>> {
  if (values.passphrase.length < MIN_PASSPHRASE_LENGTH) return { passphrase: 'reports.errors.passphraseShort' };
  if (values.repeat !== values.passphrase) return { repeat: 'reports.errors.passphraseMismatch' };
  return {};
}

interface StoragePassphraseFieldsProps {
  values: StoragePassphraseValues;
  onChange: (values: StoragePassphraseValues) => void;
  errors: Partial<Record<StoragePassphraseField, string | null>>;
  passphraseRef?: Ref<HTMLInputElement>;
  repeatRef?: Ref<HTMLInputElement>;
}

/**
 * The passphrase that seals a new identity's private key, typed twice, with the warning that matters: it cannot
 * be recovered.
 */
export function StoragePassphraseFields({ values, onChange, errors, passphraseRef, repeatRef }: StoragePassphraseFieldsProps) {
  const { t } = useTranslation();
  return (
    <div className="storage-passphrase">
      <p className="storage-passphrase__note">{t('reports.storage.note')}</p>
      <TextField
        label={t('reports.storage.passphrase')}
        type="password"
        mark="required"
        hint={t('reports.storage.hint')}
        autoComplete="new-password"
        value={values.passphrase}
        onChange={(passphrase) => onChange({ ...values, passphrase })}
        error={errors.passphrase}
        inputRef={passphraseRef}
        maxLength={1024}
      />
      <TextField
        label={t('reports.storage.repeat')}
        type="password"
        mark="required"
        autoComplete="new-password"
        value={values.repeat}
        onChange={(repeat) => onChange({ ...values, repeat })}
        error={errors.repeat}
        inputRef={repeatRef}
        maxLength={1024}
      />
    </div>
  );
}
