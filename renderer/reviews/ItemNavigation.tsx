import type { Ref } from 'react';
import type { LanguageCode } from '../../scales/scale-schema.ts';
import { useTranslation } from 'react-i18next';
import { localized } from '../../scales/display-format.ts';
import type { ItemDraft } from './editor-mode.ts';
import { ItemStateMarker } from './ItemStateMarker.tsx';
import type { SectionItems } from './scale-items.ts';

interface ItemNavigationProps {
  ref?: Ref<HTMLElement>;
  sections: readonly SectionItems[];
  currentItem: number;
  drafts: Record<number, ItemDraft>;
  onSelect: (item: number) => void;
  /** The language of the scale texts, and their lang attribute when it differs from the UI's. */
  textLanguage: { language: LanguageCode; lang: LanguageCode | undefined };
}

/**
 * Every item by section with its state. One Tab stop (the current item): Up/Down or J/K move from there, as in
 * the rest of the editor.
 */
export function ItemNavigation({ ref, sections, currentItem, drafts, onSelect, textLanguage }: ItemNavigationProps) {
  const { t } = useTranslation();
  const { language, lang } = textLanguage;
  return (
    <nav ref={ref} className="item-nav" aria-label={t('review.nav.label')}>
      {sections.map(({ section, items }) => (
        <div key={section.key} className="item-nav__section">
          <h2 id={`item-nav-${section.key}`} className="item-nav__heading" lang={lang}>
            {localized(section.title, language)}
          </h2>
          <ul aria-labelledby={`item-nav-${section.key}`}>
            {items.map((item) => {
              const current = item.number === currentItem;
              return (
                <li key={item.number}>
                  <button
                    type="button"
                    className="item-nav__item"
                    tabIndex={current ? 0 : -1}
                    aria-current={current ? 'step' : undefined}
                    onClick={() => onSelect(item.number)}
                  >
                    <span className="item-nav__number">{t('review.nav.number', { number: item.number })}</span>
                    <span className="item-nav__title" lang={lang}>{localized(item.title, language)}</span>
                    <ItemStateMarker draft={drafts[item.number]} />
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
      <p className="item-nav__legend">
        <span className="item-marker item-marker--rated" aria-hidden="true">
          {'5'}
        </span>{' '}
        {t('review.nav.legendRated')}{' '}
        <span className="item-marker item-marker--not-rated" aria-hidden="true">
          {'–'}
        </span>{' '}
        {t('review.nav.legendNotRated')}{' '}
        <span className="item-marker item-marker--missing" aria-hidden="true" /> {t('review.nav.legendMissing')}
      </p>
    </nav>
  );
}
