import { useTranslation } from 'react-i18next';
import type { ApiIssue } from '../../electron/contract/api-error.ts';
import { problemText } from './bundle-file.ts';

/** Why a file was refused, every problem with where it is (role="alert": the user must notice). */
export function FileProblems({ problems }: { problems: readonly ApiIssue[] }) {
  const { t, i18n } = useTranslation();
  // Keys built from problem codes cannot be checked at compile time.
  const translate = t as unknown as (key: string, values?: Record<string, unknown>) => string;
  return (
    <div role="alert" className="error-alert error-alert--list">
      <p>{t('exchange.import.refused')}</p>
      <ul>
        {problems.map((problem, index) => (
          <li key={index}>{problemText(problem, translate, (key) => i18n.exists(key))}</li>
        ))}
      </ul>
    </div>
  );
}
