import { useTranslation } from 'react-i18next';
import type { SignerTrustShape } from '../../electron/contract/trust-contract.ts';
import './signer-trust.css';

const MARK: Record<SignerTrustShape['kind'], string> = { 'trusted-signer': '✓', 'trusted-root': '✓', unknown: '?', impostor: '⚠' };

/**
 * Who signed, judged: a mark and words (never colour alone); an impostor is a red warning with an icon, the word
 * WARNING and what it means.
 */
export function SignerTrustVerdict({ trust }: { trust: SignerTrustShape }) {
  const { t } = useTranslation();
  const text = (() => {
    switch (trust.kind) {
      case 'trusted-signer': return t('trust.verdict.trusted-signer');
      case 'trusted-root': return t('trust.verdict.trusted-root', { root: trust.root.name });
      case 'unknown': return t('trust.verdict.unknown');
      case 'impostor': return t('trust.verdict.impostor', { known: trust.knownName });
    }
  })();
  return (
    <span className={`trust-verdict trust-verdict--${trust.kind}`}>
      <span className="trust-verdict__mark" aria-hidden="true">
        {MARK[trust.kind]}
      </span>{' '}
      {trust.kind === 'impostor' ? <strong>{text}</strong> : text}
    </span>
  );
}
