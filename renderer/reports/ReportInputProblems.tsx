import { useTranslation } from 'react-i18next';
import type { ApiIssue } from '../../electron/contract/api-error.ts';

/**
 * The review cannot become a report (the report builder's own checks). Its problems come in English only, as the
 * builder words them; they name fields and items precisely, so they are shown as they are.
 */
export function ReportInputProblems({ issues }: { issues: readonly ApiIssue[] }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="error-alert error-alert--list">
      <p>{t('reports.errors.reportInput')}</p>
      <ul>
        {issues.map((issue, index) => (
          <li key={index} lang="en">
            {issue.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
