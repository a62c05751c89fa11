import { useTranslation } from 'react-i18next';
import type { FieldProblem } from './new-review-values.ts';

/** A field's validation problem, right after the field and referenced by its aria-describedby. */
export function FieldError({ id, problem }: { id: string; problem: FieldProblem | undefined }) {
  const { t } = useTranslation();
  if (!problem) return null;
  return (
    <p id={id} className="field-error">
      {problem === 'tooMany' ? t('review.new.tooMany') : t(`validation.${problem}`)}
    </p>
  );
}
