import { useTranslation } from 'react-i18next';
import { AutosaveTextArea } from './AutosaveTextArea.tsx';

interface ReportTextsProps {
  strengths: string;
  overall: string;
  editable: boolean;
  /** The strengths are the review's, shared by all reviewers: not written while each rates on their own. */
  strengthsEditable: boolean;
  onStrengths: (text: string) => void;
  onOverall: (text: string) => void;
  onBlurText: () => void;
}

/** The review's own texts for the report: the site's strengths and the overall recommendations. */
export function ReportTexts({ strengths, overall, editable, strengthsEditable, onStrengths, onOverall, onBlurText }: ReportTextsProps) {
  const { t } = useTranslation();
  return (
    <section className="report-texts" aria-labelledby="report-texts-heading">
      <h2 id="report-texts-heading">{t('review.report.title')}</h2>
      <div className="report-texts__fields">
        <AutosaveTextArea
          label={t('review.report.strengths')}
          hint={strengthsEditable ? t('review.report.strengthsHint') : undefined}
          value={strengths}
          readOnly={!strengthsEditable}
          rows={5}
          onChange={onStrengths}
          onBlur={onBlurText}
        />
        <AutosaveTextArea
          label={t('review.report.overall')}
          hint={editable ? t('review.report.overallHint') : undefined}
          value={overall}
          readOnly={!editable}
          rows={5}
          onChange={onOverall}
          onBlur={onBlurText}
        />
      </div>
    </section>
  );
}
