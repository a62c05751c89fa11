import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewDetail } from '../../electron/contract/entities.ts';
import { localized } from '../../scales/display-format.ts';
import { opensFollowUpTask, scoresLowestWhenModelDiffers } from '../../scales/review-rules/not-rated.ts';
import type { ScaleVersionData } from '../../scales/scale-schema.ts';
import { AmendDialog } from './AmendDialog.tsx';
import { canEditRatings, canEditReviewTexts } from './editor-mode.ts';
import { ItemNavigation } from './ItemNavigation.tsx';
import { ItemPanel } from './ItemPanel.tsx';
import { LiveScorePanel } from './LiveScorePanel.tsx';
import { NotRatedDialog } from './NotRatedDialog.tsx';
import type { OtherRating } from './OtherRatings.tsx';
import { ReportTexts } from './ReportTexts.tsx';
import { ReviewHeader } from './ReviewHeader.tsx';
import { ReviewNotices } from './ReviewNotices.tsx';
import { ReviewProgressPanel } from './ReviewProgressPanel.tsx';
import { itemsBySection, orderedItems } from './scale-items.ts';
import { useEditorShortcuts } from './use-editor-shortcuts.ts';
import { useReviewSession } from './use-review-session.ts';
import { useScaleLanguage } from './use-scale-language.ts';
import { previousItem, usePreviousResult } from '../components/use-previous-result.ts';
import { useVisitNotes } from './use-visit-notes.ts';

interface ReviewWorkspaceProps {
  detail: ReviewDetail;
  /** The detail answers the present request (see useReviewDetail). */
  current: boolean;
  scale: ScaleVersionData;
  viewerId: number | undefined;
  onViewerChange: (reviewerId: number) => void;
  reloadDetail: () => void;
}

type FocusTarget = 'nav' | 'item' | 'chosen-anchor';

/**
 * The first enabled anchor to focus in the item panel: the chosen one, else the first; else the item heading.
 * Returns whether something took focus (with chosenOnly, the chosen anchor may not be rendered yet).
 */
function focusItem(panel: HTMLElement | null, chosenOnly = false): boolean {
  if (!panel) return false;
  const chosen = panel.querySelector<HTMLElement>('input[type="radio"]:checked:not(:disabled)');
  const target = chosenOnly ? chosen : (chosen ?? panel.querySelector<HTMLElement>('input[type="radio"]:not(:disabled)') ?? panel.querySelector<HTMLElement>('h2'));
  target?.focus();
  return target != null;
}

/** The review editor, item by item, with the live score and the way forward (complete, finalize, amend). */
export function ReviewWorkspace({ detail, current, scale, viewerId, onViewerChange, reloadDetail }: ReviewWorkspaceProps) {
  const { t } = useTranslation();
  const scaleLanguage = useScaleLanguage(scale);
  const { language } = scaleLanguage;
  const sections = useMemo(() => itemsBySection(scale), [scale]);
  const items = useMemo(() => orderedItems(scale), [scale]);
  const itemNumbers = useMemo(() => items.map((i) => i.number), [items]);
  const editor = useReviewSession(detail, current, viewerId, itemNumbers, reloadDetail);
  const [index, setIndex] = useState(0);
  const previousReview = usePreviousResult(detail.id);
  const visitNotes = useVisitNotes(detail.id);
  const [dialog, setDialog] = useState<'not-rated' | 'amend' | null>(null);
  const navRef = useRef<HTMLElement>(null);
  const panelRef = useRef<HTMLElement>(null);
  const pendingFocus = useRef<FocusTarget | null>(null);
  const shownIndex = useRef(-1);
  const previousMode = useRef(editor.mode.kind);

  const item = items[index]!;
  const { session, mode, actions } = editor;
  const ratingsEditable = session !== null && canEditRatings(mode);
  const textsEditable = session !== null && canEditReviewTexts(mode, session.owner);
  const drafts = session?.drafts ?? {};
  const titleOf = (n: number) => {
    const found = items.find((i) => i.number === n);
    return found ? localized(found.title, language) : String(n);
  };
  const section = sections.find((s) => s.section.key === item.section)?.section;

  // Keyboard focus follows the move: in the item list it stays in the list, otherwise it goes to the anchors.
  useEffect(() => {
    const target = pendingFocus.current;
    pendingFocus.current = null;
    const navCurrent = navRef.current?.querySelector<HTMLElement>('[aria-current="step"]');
    if (shownIndex.current !== index) navCurrent?.scrollIntoView({ block: 'nearest' });
    shownIndex.current = index;
    if (target === 'nav') navCurrent?.focus();
    else if (target === 'item') focusItem(panelRef.current);
    // The score may reach the anchors a render later (under load): keep the wish until the chosen anchor is there.
    else if (target === 'chosen-anchor' && !focusItem(panelRef.current, true)) pendingFocus.current = target;
  });

  // Finalizing removes the button that did it: take focus to the read-only notice.
  useEffect(() => {
    if (previousMode.current !== 'final' && mode.kind === 'final') document.getElementById('final-notice')?.focus();
    previousMode.current = mode.kind;
  }, [mode.kind]);

  const focusZone = () => {
    const active = document.activeElement;
    if (navRef.current?.contains(active)) return 'nav';
    if (panelRef.current?.contains(active) || active === document.body || active?.tagName === 'MAIN') return 'item';
    return 'other';
  };
  const move = (delta: 1 | -1, focus: FocusTarget | null) => {
    pendingFocus.current = focus;
    setIndex((i) => Math.max(0, Math.min(items.length - 1, i + delta)));
  };
  const goToItem = (number: number, focus: FocusTarget | null = 'item') => {
    const next = items.findIndex((i) => i.number === number);
    if (next < 0) return;
    pendingFocus.current = focus;
    setIndex(next);
  };

  useEditorShortcuts(
    {
      score: ratingsEditable
        ? (score) => {
            if (focusZone() === 'item') pendingFocus.current = 'chosen-anchor';
            actions.setScore(item.number, score);
          }
        : undefined,
      notRated: ratingsEditable ? () => setDialog('not-rated') : undefined,
      move: (delta) => move(delta, focusZone() === 'nav' ? 'nav' : 'item'),
    },
    scale.scoring.itemRange,
  );

  const otherRatings: OtherRating[] =
    detail.reviewers.length > 1 && !detail.ratingsHidden
      ? detail.ratings
          .filter((r) => r.item === item.number && (mode.kind !== 'reviewer' || r.reviewerId !== mode.reviewerId))
          .map((r) => ({ reviewer: detail.reviewers.find((x) => x.id === r.reviewerId)?.name ?? String(r.reviewerId), score: r.score, reason: r.reason }))
      : [];
  const someoneRated = detail.ratings.some((r) => r.item === item.number && (r.score !== null || r.reason !== null));
  const draft = drafts[item.number];
  // "No data" opens a follow-up task (facts file: collect it before leaving the site), listed in the side panel.
  const collectBeforeLeaving = itemNumbers.filter((n) => {
    const d = drafts[n];
    return d !== undefined && d.score === null && d.reason !== null && opensFollowUpTask(d.reason);
  });

  return (
    <div className="review-workspace">
      <ReviewHeader
        detail={detail}
        scale={scale}
        mode={mode}
        saveState={editor.saveState}
        onRetrySave={actions.retryNow}
        onReviewerChange={(reviewerId) => {
          actions.flush();
          onViewerChange(reviewerId);
        }}
      />
      {scaleLanguage.lang && (
        <p className="review-notice review-notice--info" role="note">
          {t(`review.editor.scaleShownIn.${scaleLanguage.lang}`)}
        </p>
      )}
      <ReviewNotices detail={detail} mode={mode} onAmend={() => setDialog('amend')} onGoToItem={(n) => goToItem(n)} />
      <div className="review-editor">
        <ItemNavigation ref={navRef} sections={sections} currentItem={item.number} drafts={drafts} textLanguage={scaleLanguage} onSelect={(n) => goToItem(n, null)} />
        <ItemPanel
          key={item.number}
          ref={panelRef}
          scale={scale}
          item={item}
          position={index + 1}
          sectionTitle={section ? localized(section.title, language) : ''}
          draft={draft}
          recommendation={session?.recommendations[item.number] ?? ''}
          ratingsEditable={ratingsEditable}
          textsEditable={textsEditable}
          // The consensus record's justification is shown wherever it was written (read-only outside consensus).
          showJustification={(mode.kind === 'consensus' && someoneRated) || (mode.kind !== 'reviewer' && (drafts[item.number]?.justification ?? '') !== '')}
          otherRatings={otherRatings}
          previous={previousReview ? { visitDate: previousReview.visitDates[0] ?? '', result: previousItem(previousReview, item.number) } : null}
          visitNotes={visitNotes(item.number)}
          onScore={(score) => actions.setScore(item.number, score)}
          onNotRated={() => setDialog('not-rated')}
          onEvidence={(text) => actions.setEvidence(item.number, text)}
          onJustification={(text) => actions.setJustification(item.number, text)}
          onRecommendation={(text) => actions.setRecommendation(item.number, text)}
          onBlurText={actions.flush}
          onMove={(delta) => move(delta, null)}
        />
        <div className="review-editor__side">
          <LiveScorePanel
            score={editor.scoring.data}
            scale={scale}
            reviewerName={mode.kind === 'reviewer' && detail.reviewers.length > 1 ? (detail.reviewers.find((r) => r.id === mode.reviewerId)?.name ?? null) : null}
          />
          <ReviewProgressPanel detail={detail} mode={mode} allSaved={editor.allSaved} collectBeforeLeaving={collectBeforeLeaving} titleOf={titleOf} onGoToItem={(n) => goToItem(n)} reloadDetail={reloadDetail} />
        </div>
      </div>
      <ReportTexts
        strengths={session?.strengths ?? ''}
        overall={session?.overall ?? ''}
        editable={textsEditable}
        strengthsEditable={textsEditable && !detail.ratingsHidden}
        onStrengths={actions.setStrengths}
        onOverall={actions.setOverall}
        onBlurText={actions.flush}
      />
      {dialog === 'not-rated' && (
        <NotRatedDialog
          itemLabel={t('review.item.heading', { number: item.number, title: localized(item.title, language) })}
          reason={draft?.reason ?? null}
          note={draft?.reasonNote ?? ''}
          lowestScore={scoresLowestWhenModelDiffers(scale, item.number) ? scale.scoring.itemRange.min : null}
          onSave={(reason, note) => {
            actions.setNotRated(item.number, reason, note);
            setDialog(null);
          }}
          onScoreLowest={() => {
            actions.setScore(item.number, scale.scoring.itemRange.min);
            pendingFocus.current = 'chosen-anchor';
            setDialog(null);
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'amend' && <AmendDialog reviewId={detail.id} onClose={() => setDialog(null)} />}
    </div>
  );
}
