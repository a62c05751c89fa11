import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { localized } from '../../scales/display-format.ts';
import type { PreviousItemResult as PreviousItem } from '../../electron/contract/previous-review-contract.ts';
import type { ScaleItem, ScaleVersionData } from '../../scales/scale-schema.ts';
import type { VisitPlanEntry } from '../../electron/contract/visit-plan-contract.ts';
import { AnchorRadioGroup } from './AnchorRadioGroup.tsx';
import { AutosaveTextArea } from './AutosaveTextArea.tsx';
import { CopyFromPrevious } from '../components/CopyFromPrevious.tsx';
import { EMPTY_DRAFT, type ItemDraft } from './editor-mode.ts';
import { ItemSources } from './ItemSources.tsx';
import { ItemVisitNotes } from './ItemVisitNotes.tsx';
import { OtherRatings, type OtherRating } from './OtherRatings.tsx';
import { PreviousItemResult } from '../components/PreviousItemResult.tsx';
import { ShortcutHelp } from './ShortcutHelp.tsx';
import { useScaleLanguage } from './use-scale-language.ts';

export interface ItemPanelProps {
  ref?: Ref<HTMLElement>;
  scale: ScaleVersionData;
  item: ScaleItem;
  position: number;
  sectionTitle: string;
  draft: ItemDraft | undefined;
  recommendation: string;
  /** Score, not-rated and evidence can change. */
  ratingsEditable: boolean;
  /** The recommendation can change (the review is not final). */
  textsEditable: boolean;
  /** Consensus editing of an item some reviewer rated: a result that differs from all of them needs a reason. */
  showJustification: boolean;
  otherRatings: readonly OtherRating[];
  /** The site's previous final review (its first visit date) and this item's result in it; null when there is none. */
  previous: { visitDate: string; result: PreviousItem | null } | null;
  /** The visit plan's notes linked to this item (shared team notes, the same for every reviewer). */
  visitNotes?: readonly VisitPlanEntry[];
  onScore: (score: number) => void;
  onNotRated: () => void;
  onEvidence: (text: string) => void;
  onJustification: (text: string) => void;
  onRecommendation: (text: string) => void;
  onBlurText: () => void;
  onMove: (delta: 1 | -1) => void;
}

/** The current item: what it measures, its anchors, not-rated, evidence and recommendation, where to look. */
export function ItemPanel(props: ItemPanelProps) {
  const { ref, scale, item, position, sectionTitle, ratingsEditable, textsEditable } = props;
  const { t } = useTranslation();
  const { language, lang } = useScaleLanguage(scale);
  const draft = props.draft ?? EMPTY_DRAFT;
  const count = scale.items.length;
  const notRated = draft.score === null && draft.reason !== null;
  const previousEvidence = props.previous?.result?.evidence ?? null;
  const previousRecommendation = props.previous?.result?.recommendation ?? null;
  return (
    <section ref={ref} className="item-panel" aria-labelledby="current-item-heading">
      <p className="item-panel__context">
        {t('review.item.context', { section: sectionTitle, position, count })}
      </p>
      <h2 id="current-item-heading" className="item-panel__title" tabIndex={-1} lang={lang}>
        {t('review.item.heading', { number: item.number, title: localized(item.title, language) })}
      </h2>
      {item.needsCheck && <p className="item-panel__needs-check">{t('review.item.needsCheck')}</p>}
      <p className="item-panel__criterion" lang={lang}>{localized(item.criterion, language)}</p>

      <AnchorRadioGroup item={item.number} anchors={item.anchors} minScore={scale.scoring.itemRange.min} score={draft.score} disabled={!ratingsEditable} textLang={lang} onScore={props.onScore} />

      <div className={notRated ? 'not-rated-box not-rated-box--set' : 'not-rated-box'}>
        {notRated && (
          <p>
            <strong>{t('review.item.notRatedAs', { reason: t(`review.reason.${draft.reason!}`) })}</strong>
            {draft.reasonNote.trim() !== '' && <span className="not-rated-box__note">{draft.reasonNote}</span>}
          </p>
        )}
        {ratingsEditable && (
          <button type="button" onClick={props.onNotRated}>
            {notRated ? t('review.item.changeNotRated') : t('review.item.markNotRated')}
          </button>
        )}
      </div>

      <ShortcutHelp ratingsEditable={ratingsEditable} />

      {props.showJustification && (
        <AutosaveTextArea
          label={t('review.item.justification')}
          hint={t('review.item.justificationHint')}
          value={draft.justification}
          readOnly={!ratingsEditable}
          rows={2}
          onChange={props.onJustification}
          onBlur={props.onBlurText}
        />
      )}
      <OtherRatings ratings={props.otherRatings} />
      {props.previous && <PreviousItemResult visitDate={props.previous.visitDate} result={props.previous.result} />}
      <ItemVisitNotes scale={scale} entries={props.visitNotes ?? []} />
      <AutosaveTextArea
        label={t('review.item.evidence')}
        hint={ratingsEditable ? t('review.item.evidenceHint') : undefined}
        value={draft.evidence}
        readOnly={!ratingsEditable}
        onChange={props.onEvidence}
        onBlur={props.onBlurText}
      />
      {ratingsEditable && previousEvidence && (
        <CopyFromPrevious field={t('review.item.evidence')} text={previousEvidence} current={draft.evidence} onCopy={props.onEvidence} />
      )}
      <AutosaveTextArea
        label={t('review.item.recommendation')}
        hint={textsEditable ? t('review.item.recommendationHint') : undefined}
        value={props.recommendation}
        readOnly={!textsEditable}
        onChange={props.onRecommendation}
        onBlur={props.onBlurText}
      />
      {textsEditable && previousRecommendation && (
        <CopyFromPrevious field={t('review.item.recommendation')} text={previousRecommendation} current={props.recommendation} onCopy={props.onRecommendation} />
      )}

      <ItemSources scale={scale} item={item} />

      <div className="item-panel__pager">
        <button type="button" disabled={position <= 1} onClick={() => props.onMove(-1)}>
          {t('review.item.previous')}
        </button>
        <button type="button" disabled={position >= count} onClick={() => props.onMove(1)}>
          {t('review.item.next')}
        </button>
      </div>
    </section>
  );
}
