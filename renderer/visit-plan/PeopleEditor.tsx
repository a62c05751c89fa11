import { useTranslation } from 'react-i18next';
import type { PersonDraft } from './entry-draft.ts';

interface PeopleEditorProps {
  idPrefix: string;
  source: string;
  people: readonly PersonDraft[];
  /** Positions of people with a role but no name: their name field shows the error. */
  nameless: readonly number[];
  onChange: (people: PersonDraft[], at: 'now' | 'later') => void;
  onBlur: () => void;
}

/** The people met in an interview or observation: name and role or title, added and removed one by one. */
export function PeopleEditor({ idPrefix, source, people, nameless, onChange, onBlur }: PeopleEditorProps) {
  const { t } = useTranslation();
  const set = (index: number, person: PersonDraft) => onChange(people.map((p, i) => (i === index ? person : p)), 'later');
  return (
    <fieldset className="plan-people">
      <legend>{t('consensus.plan.people.heading')}</legend>
      {people.map((person, index) => {
        const number = index + 1;
        const nameId = `${idPrefix}-person-${index}-name`;
        const roleId = `${idPrefix}-person-${index}-role`;
        const errorId = `${nameId}-error`;
        const missing = nameless.includes(index);
        return (
          <div key={index} className="plan-person">
            <label htmlFor={nameId}>
              <span aria-hidden="true">{t('consensus.plan.people.name')}</span>
              <span className="visually-hidden">{t('consensus.plan.people.nameFor', { number, source })}</span>
            </label>
            <input id={nameId} type="text" autoComplete="off" value={person.name} aria-invalid={missing || undefined}
              aria-describedby={missing ? errorId : undefined} onChange={(e) => set(index, { ...person, name: e.target.value })} onBlur={onBlur} />
            <label htmlFor={roleId}>
              <span aria-hidden="true">{t('consensus.plan.people.role')}</span>
              <span className="visually-hidden">{t('consensus.plan.people.roleFor', { number, source })}</span>
            </label>
            <input id={roleId} type="text" autoComplete="off" value={person.role} onChange={(e) => set(index, { ...person, role: e.target.value })} onBlur={onBlur} />
            {missing && <span id={errorId} className="field-error">{t('consensus.plan.people.nameMissing')}</span>}
            <button type="button" className="small" aria-label={t('consensus.plan.people.removeFor', { number, source })}
              onClick={() => onChange(people.filter((_, i) => i !== index), 'now')}>
              {t('consensus.plan.people.remove')}
            </button>
          </div>
        );
      })}
      <button type="button" className="small" aria-label={t('consensus.plan.people.addFor', { source })} onClick={() => onChange([...people, { name: '', role: '' }], 'later')}>
        {t('consensus.plan.people.add')}
      </button>
    </fieldset>
  );
}
