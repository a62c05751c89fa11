import { useId, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/use-format.ts';
import { Fingerprint } from '../components/Fingerprint.tsx';
import type { SigningIdentity } from './CreateIdentityForm.tsx';
import { localDate } from '../../scales/review-rules/local-date.ts';
import './identity-select.css';

interface IdentitySelectProps {
  identities: readonly SigningIdentity[];
  selectedId: number | null;
  onSelect: (identityId: number | null) => void;
  /** Fingerprints of those who have signed this report already: they cannot sign it twice. */
  signedFingerprints: ReadonlySet<string>;
  error: string | null;
  selectRef?: Ref<HTMLSelectElement>;
}

/** The start of a fingerprint tells two identities with the same name apart in the list. */
const shortFingerprint = (fingerprint: string) => `${fingerprint.slice(0, 11)}…`;

/**
 * Which identity signs: a list of the stored ones, and the chosen one's certificate fingerprint, validity and key
 * protection (whether signing asks for a passphrase).
 */
export function IdentitySelect({ identities, selectedId, onSelect, signedFingerprints, error, selectRef }: IdentitySelectProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const selected = identities.find((identity) => identity.id === selectedId) ?? null;
  const label = (identity: SigningIdentity) => {
    const details = [identity.role, identity.organisation, shortFingerprint(identity.certificateFingerprint)].filter(Boolean).join(', ');
    const text = t('reports.identity.option', { name: identity.name, details });
    return signedFingerprints.has(identity.certificateFingerprint) ? t('reports.identity.alreadySigned', { identity: text }) : text;
  };
  return (
    <div className="identity-select">
      <div className="field">
        <label htmlFor={id}>{t('reports.identity.label')}</label>
        <select
          ref={selectRef}
          id={id}
          value={selectedId ?? ''}
          onChange={(event) => onSelect(event.target.value === '' ? null : Number(event.target.value))}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        >
          <option value="">{t('reports.identity.choose')}</option>
          {identities.map((identity) => (
            <option key={identity.id} value={identity.id} disabled={signedFingerprints.has(identity.certificateFingerprint)}>
              {label(identity)}
            </option>
          ))}
        </select>
        {error && (
          <p id={`${id}-error`} className="field-error">
            {error}
          </p>
        )}
      </div>
      {selected && (
        <dl className="report-facts identity-facts">
          <div>
            <dt>{t('reports.identity.fingerprint')}</dt>
            <dd>
              <Fingerprint value={selected.certificateFingerprint} />
            </dd>
          </div>
          <div>
            <dt>{t('reports.identity.validUntil')}</dt>
            <dd>{format.date(localDate(new Date(selected.notAfter)))}</dd>
          </div>
          <div>
            <dt>{t('reports.protection.legend')}</dt>
            <dd>{t(selected.protection === 'system' ? 'reports.protection.system' : 'reports.protection.passphrase')}</dd>
          </div>
        </dl>
      )}
    </div>
  );
}
