import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { EMPLOYMENT_MEASURES, type EmploymentMeasure } from '../../electron/contract/comparison-contract.ts';
import './employment-view.css';

/**
 * Which employment outcome the chart sets against fidelity: native radio buttons in a fieldset, so Tab reaches the
 * group and the arrow keys move the choice (issue 13).
 */
export function EmploymentMeasureChoice({ measure, onChange }: { measure: EmploymentMeasure; onChange: (measure: EmploymentMeasure) => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <fieldset className="field employment-measure-choice">
      <legend>{t('comparison.employment.measureLegend')}</legend>
      <div className="employment-measure-choice__options">
        {EMPLOYMENT_MEASURES.map((m) => (
          <div className="radio-option" key={m}>
            <input type="radio" id={`${id}-${m}`} name={`${id}-measure`} value={m} checked={measure === m} onChange={() => onChange(m)} />
            <label htmlFor={`${id}-${m}`}>{t(`comparison.employment.measures.${m}`)}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
