import { addDays, addMonths, FOLLOW_UP_POLICY } from './follow-up-policy.ts';
import type { ModelContext } from './report-model.ts';
import { slotDescription, slotFieldName } from './signing/signature-slots.ts';
import type {
  Field, FollowUpModel, ItemRowModel, ItemTableModel, MethodModel, RecommendationsModel, SignaturesModel, TextBlock, TextSectionModel,
} from './report-model-types.ts';

export function methodModel(context: ModelContext, dates: string): MethodModel {
  const { t, data, input, language } = context;
  const { score, review } = input;
  const { itemRange, partial } = data.scoring;
  const paragraphs = [t(`method.intro.${review.kind}`, { dates, ...itemRange })];
  if (!score.complete) {
    paragraphs.push(t('method.partial', { rated: score.ratedItems, total: score.totalItems }));
    paragraphs.push(score.total === null
      ? t('method.insufficient', { min: partial.minRatedItems })
      : t('method.estimateRule', { count: partial.decimals, items: score.totalItems }));
  }
  if (review.language && review.language !== language) {
    paragraphs.push(t('method.textLanguage', { language: t(`languageIn.${review.language}`) }));
  }
  const method = input.extras?.method ?? {};
  const recorded = (label: string, value: string | undefined): Field =>
    value ? { label, value } : { label, value: t('document.notRecorded'), muted: true };
  return {
    heading: t('method.heading'),
    paragraphs,
    fields: [
      recorded(t('method.interviewed'), method.interviewed),
      recorded(t('method.observed'), method.observed),
      recorded(t('method.documents'), method.documents),
    ],
    scaleNotesHeading: t('method.scaleNotes'),
    scaleNotes: data.notes.map(context.scaleText),
    sourcesHeading: t('method.sources'),
    sources: data.sources.map((s) => s.citation),
  };
}

export function itemTableModel(context: ModelContext): ItemTableModel {
  const { t, data, input } = context;
  const byItem = new Map(input.review.ratings.map((r) => [r.item, r]));
  const itemMin = data.scoring.itemRange.min;
  const row = (number: number): ItemRowModel => {
    const item = data.items.find((i) => i.number === number);
    const rating = byItem.get(number);
    const score = rating?.score ?? null;
    const notes: TextBlock[] = [];
    if (rating?.reasonNote) notes.push({ heading: t('items.reasonNote'), text: rating.reasonNote });
    if (rating?.evidence) notes.push({ heading: t('items.evidence'), text: rating.evidence });
    if (rating?.recommendation) notes.push({ heading: t('items.recommendation'), text: rating.recommendation });
    if (notes.length === 0) notes.push({ text: t('items.noNotes'), muted: true });
    const anchor = score === null || !item ? undefined : item.anchors[score - itemMin];
    return {
      number: String(number),
      title: item ? context.scaleText(item.title) : String(number),
      rated: score !== null,
      scoreText: score === null ? t('items.notRated', { reason: t(`items.reason.${rating?.reason ?? 'pending'}`) }) : String(score),
      anchor: anchor ? context.scaleText(anchor) : null,
      notes,
    };
  };
  return {
    heading: t('items.heading'),
    intro: t('items.intro'),
    columns: { number: t('items.number'), item: t('items.item'), score: t('items.score'), notes: t('items.notes') },
    continued: t('items.continued'),
    sections: data.sections.map((section) => ({
      title: t('items.sectionTitle', {
        title: context.scaleText(section.title),
        first: Math.min(...section.items),
        last: Math.max(...section.items),
      }),
      rows: section.items.map(row),
    })),
  };
}

export function strengthsModel(context: ModelContext): TextSectionModel {
  const { t, input } = context;
  const strengths = input.extras?.strengths;
  return {
    heading: t('strengths.heading'),
    blocks: [strengths ? { text: strengths } : { text: t('document.notRecorded'), muted: true }],
  };
}

export function recommendationsModel(context: ModelContext): RecommendationsModel {
  const { t, data, input } = context;
  const overall = input.extras?.overallRecommendations;
  const items = data.items.flatMap((item): TextBlock[] => {
    const recommendation = input.review.ratings.find((r) => r.item === item.number)?.recommendation;
    return recommendation
      ? [{ heading: t('recommendations.itemLabel', { number: item.number, title: context.scaleText(item.title) }), text: recommendation }]
      : [];
  });
  return {
    heading: t('recommendations.heading'),
    overall: overall
      ? { heading: t('recommendations.overall'), text: overall }
      : { heading: t('recommendations.overall'), text: t('document.notRecorded'), muted: true },
    itemsHeading: t('recommendations.items'),
    items,
    noItems: items.length ? null : t('recommendations.noItems'),
  };
}

export function followUpModel(context: ModelContext): FollowUpModel {
  const { t, data, input } = context;
  const { score, review } = input;
  const policy = FOLLOW_UP_POLICY;
  const goodMin = data.scoring.bands.find((b) => b.key === policy.goodFidelityBand)?.min;
  const reachedGood = score.total !== null && goodMin !== undefined && score.total >= goodMin;
  const months = reachedGood ? policy.reReviewMonthsAtGoodFidelity : policy.reReviewMonths;
  const lastVisit = [...review.visitDates].sort().at(-1) ?? input.reportDate;
  const agreed = input.extras?.nextReviewDate;
  const status = score.total === null ? 'insufficient' : reachedGood ? 'reachedGood' : 'belowGood';
  return {
    heading: t('followUp.heading'),
    intervals: {
      actionPlanWeeks: policy.actionPlanWeeks,
      reReviewMonths: policy.reReviewMonths,
      reReviewMonthsAtGoodFidelity: policy.reReviewMonthsAtGoodFidelity,
    },
    fields: [
      {
        label: t('followUp.nextReview'),
        value: agreed ? context.date(agreed) : t('followUp.nextReviewSuggested', { date: context.date(addMonths(lastVisit, months)) }),
      },
      {
        label: t('followUp.actionPlan'),
        value: t('followUp.actionPlanDue', { date: context.date(addDays(input.reportDate, policy.actionPlanWeeks * 7)) }),
      },
    ],
    paragraphs: [
      t('followUp.actionPlanText', { weeks: policy.actionPlanWeeks }),
      t('followUp.intervalText', { months: policy.reReviewMonths, monthsAtGood: policy.reReviewMonthsAtGoodFidelity }),
      t(`followUp.${status}`, { months }),
    ],
  };
}

/**
 * The reviewers expected to sign, each with a reserved signature field. Who signed, when and with which certificate
 * is not drawn here: each signature adds its own visible block (reports/signing/signature-appearance.ts).
 */
export function signaturesModel(context: ModelContext): SignaturesModel {
  const { t, input } = context;
  const none = t('document.none');
  return {
    heading: t('signatures.heading'),
    intro: t('signatures.intro'),
    slots: input.review.reviewers.map((reviewer, index) => ({
      heading: t('signatures.expectedSigner', { n: index + 1 }),
      fields: [
        { label: t('signatures.name'), value: reviewer.name },
        { label: t('signatures.role'), value: reviewer.role ?? none, muted: !reviewer.role },
      ],
      fieldName: slotFieldName(index + 1),
      description: slotDescription(reviewer),
      awaiting: t('signatures.awaiting'),
    })),
  };
}
