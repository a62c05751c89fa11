import { useTranslation } from 'react-i18next';

/** The editor's keys, on screen where the rating happens. */
export function ShortcutHelp({ ratingsEditable }: { ratingsEditable: boolean }) {
  const { t } = useTranslation();
  return (
    <p className="shortcut-help" id="review-shortcut-help">
      <span className="shortcut-help__title">{t('review.shortcuts.title')}</span>{' '}
      {ratingsEditable && (
        <>
          <span className="shortcut-help__pair">
            <kbd>{'1'}</kbd>
            {'–'}
            <kbd>{'5'}</kbd> {t('review.shortcuts.score')}
          </span>{' '}
          <span className="shortcut-help__pair">
            <kbd>{'N'}</kbd> {t('review.shortcuts.notRated')}
          </span>{' '}
        </>
      )}
      <span className="shortcut-help__pair">
        <kbd>{'↑'}</kbd> <kbd>{'↓'}</kbd> {t('review.shortcuts.or')} <kbd>{'K'}</kbd> <kbd>{'J'}</kbd> {t('review.shortcuts.move')}
      </span>
    </p>
  );
}
