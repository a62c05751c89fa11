import { useId, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../components/TextField.tsx';

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

/** How a new identity's private key is sealed (contract: KeyProtection). */
export type KeyProtection = 'passphrase' | 'system';
const PROTECTIONS: readonly KeyProtection[] = ['system', 'passphrase'];

/**
 * The protection a form sends: the OS key store by default where it is available, else the passphrase (as in the
 * browser preview, and when asking failed). Undefined while the answer is awaited.
 */
export function effectiveProtection(systemAvailable: boolean | undefined, choice: KeyProtection | null): KeyProtection | undefined {
  if (systemAvailable === undefined) return undefined;
  return systemAvailable ? (choice ?? 'system') : 'passphrase';
}

/** The key-protection part of a new identity's form: the choice, the passphrase, their checks and what to send. */
export function useKeyProtection(systemAvailable: boolean | undefined) {
  const [choice, setChoice] = useState<KeyProtection | null>(null);
  const [passphrase, setPassphrase] = useState<StoragePassphraseValues>({ passphrase: '', repeat: '' });
  const protection = effectiveProtection(systemAvailable, choice);
  return {
    protection,
    passphrase,
    setPassphrase,
    setChoice,
    /** The passphrase fields' problems, when the passphrase is what protects the key. */
    problems: (): Partial<Record<StoragePassphraseField, string>> => (protection === 'passphrase' ? storagePassphraseProblems(passphrase) : {}),
    /** The contract's protection fields for identities.create / identities.import. */
    input: () => (protection === 'system' ? { protection } : { protection: 'passphrase' as const, storagePassphrase: passphrase.passphrase }),
  };
}

interface KeyProtectionFieldsProps extends StoragePassphraseFieldsProps {
  /** Whether the OS key store can keep the key here (identities.keyStore); undefined while that is asked. */
  systemAvailable: boolean | undefined;
  protection: KeyProtection | undefined;
  onProtection: (protection: KeyProtection) => void;
  protectionError?: string | null;
  /** Set on the chosen radio button, the one to focus when the choice has a problem. */
  protectionRef?: Ref<HTMLInputElement>;
}

/**
 * Where the OS key store is available: a choice between it (no passphrase when signing, only on this computer and
 * user account) and the storage passphrase, whose fields show only when it is chosen. Elsewhere just the passphrase.
 */
export function KeyProtectionFields({ systemAvailable, protection, onProtection, protectionError, protectionRef, ...passphrase }: KeyProtectionFieldsProps) {
  const { t } = useTranslation();
  const id = useId();
  if (systemAvailable === undefined) return <p className="muted">{t('app.loading')}</p>;
  if (!systemAvailable) return <StoragePassphraseFields {...passphrase} />;
  const hintKey = { system: 'reports.protection.systemHint', passphrase: 'reports.protection.passphraseHint' } as const;
  const labelKey = { system: 'reports.protection.system', passphrase: 'reports.protection.passphrase' } as const;
  return (
    <>
      <fieldset className="field key-protection">
        <legend>{t('reports.protection.legend')}</legend>
        {PROTECTIONS.map((option) => (
          <div key={option} className="radio-option">
            <input
              ref={protection === option ? protectionRef : undefined}
              id={`${id}-${option}`}
              type="radio"
              name={`${id}-protection`}
              value={option}
              checked={protection === option}
              onChange={() => onProtection(option)}
              aria-invalid={protectionError ? true : undefined}
              aria-describedby={[`${id}-${option}-hint`, protectionError ? `${id}-error` : null].filter(Boolean).join(' ')}
            />
            <label htmlFor={`${id}-${option}`}>{t(labelKey[option])}</label>
            <p id={`${id}-${option}-hint`} className="field-hint">
              {t(hintKey[option])}
            </p>
          </div>
        ))}
        {protectionError && (
          <p id={`${id}-error`} className="field-error">
            {protectionError}
          </p>
        )}
      </fieldset>
      {protection === 'passphrase' && <StoragePassphraseFields {...passphrase} />}
    </>
  );
}
