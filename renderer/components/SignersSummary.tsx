import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../electron/contract/contract.ts';

/** How many of the expected signers signed, and who signed according to the certificates. */
export function SignersSummary({ result }: { result: Pick<CallOutput<'reports.verify'>, 'expectedSigners' | 'signedBy'> }) {
  const { t } = useTranslation();
  const expected = result.expectedSigners;
  const missing = expected.filter((e) => e.signature === null).map((e) => e.name ?? e.slot);
  return (
    <>
      {expected.length > 0 && (
        <p className="verdict__signers">
          {t('trust.expected', { signed: expected.length - missing.length, expected: expected.length })}
          {missing.length > 0 && <> {t('trust.expectedMissing', { missing: missing.join(', ') })}</>}
        </p>
      )}
      {result.signedBy.length > 0 && <p className="verdict__signers">{t('trust.signedBy', { names: result.signedBy.join(', ') })}</p>}
    </>
  );
}
