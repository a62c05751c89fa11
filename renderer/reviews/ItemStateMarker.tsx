import { useTranslation } from 'react-i18next';
import { itemStateOf, type ItemDraft } from './editor-mode.ts';

/**
 * An item's state at a glance: its score in a filled badge, a dash for "not rated" (with a reason), an empty
 * ring for "missing"; the same in words for screen readers.
 */
export function ItemStateMarker({ draft }: { draft: ItemDraft | undefined }) {
  const { t } = useTranslation();
  const state = itemStateOf(draft);
  const symbol = state === 'rated' ? String(draft?.score) : state === 'not-rated' ? '–' : '';
  const words =
    state === 'rated' ? t('review.nav.rated', { score: draft?.score ?? '' })
    : state === 'not-rated' ? t('review.nav.notRated', { reason: draft?.reason ? t(`review.reason.${draft.reason}`) : '' })
    : t('review.nav.missing');
  return (
    <span className={`item-marker item-marker--${state}`}>
      <span aria-hidden="true">{symbol}</span>
      <span className="visually-hidden">{words}</span>
    </span>
  );
}
