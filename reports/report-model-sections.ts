import { followUpMonths, followUpRule, goalReached } from '../scales/review-rules/index.ts';
import { addDays, addMonths, FOLLOW_UP_POLICY } from './follow-up-policy.ts';
import type { ModelContext } from './report-model.ts';
import { visitGroups } from './report-model-visits.ts';
import { slotDescription, slotFieldName } from './signing/signature-slots.ts';
import type {
  Field, FollowUpModel, ItemRowModel, ItemTableModel, MethodModel, NotRatedRowModel, RecommendationsModel, SignaturesModel, TextBlock,
  TextSectionModel,
} from './report-model-types.ts';

/** The report's sources, worded in each language (the scale file's own notes and sources are for reviewers). */
const SOURCE_KEYS = ['manual', 'validation', 'ministry'] as const;

export function methodModel(context: ModelContext, dates: string): MethodModel {
  const { t, data, input, language, result } = context;
  const { score, review } = input;
  const { itemRange, partial } = data.scoring;
  const paragraphs = [t(`method.intro.${review.kind}`, { dates, ...itemRange })];
  if (!score.complete) {
    paragraphs.push(t('method.partial', { rated: score.ratedItems, total: score.totalItems, mean: result.mean }));
    paragraphs.push(score.total === null
      ? t('method.insufficient', { min: partial.minRatedItems, bounds: result.bounds })
      : t('method.estimateRule', {
        count: partial.decimals, items: score.totalItems, estimate: context.total(score.total, true),
        itemMin: itemRange.min, itemMax: itemRange.max, lower: score.lowerBound, upper: score.upperBound,
      }));
    if (score.total !== null && score.bandCertain && result.bandLabel) {
      paragraphs.push(t('method.boundsCertain', { bounds: result.bounds, band: result.bandLabel }));
    }
  }
  if (review.language && review.language !== language) {
    paragraphs.push(t('method.textLanguage', { language: t(`languageIn.${review.language}`) }));
  }
  const method = input.extras?.method ?? {};
  // Only what was recorded; when nothing was, one sentence says so instead of "not recorded" three times.
  const fields: Field[] = [
    ...(method.interviewed ? [{ label: t('method.interviewed'), value: method.interviewed }] : []),
    ...(method.observed ? [{ label: t('method.observed'), value: method.observed }] : []),
    ...(method.documents ? [{ label: t('method.documents'), value: method.documents }] : []),
  ];
  const notRated = notRatedRows(context);
  const visits = visitGroups(context);
  return {
    heading: t('method.heading'),
    paragraphs,
    notRatedHeading: t('method.notRatedHeading'),
    notRated,
    modelDiffersNote: notRated.some((row) => row.modelDiffers) ? t('method.modelDiffers') : null,
    fields,
    noneRecorded: fields.length || visits.length ? null : t('method.noneRecorded'),
    visits,
    sourcesHeading: t('method.sources'),
    sources: SOURCE_KEYS.map((key) => t(`method.sourceList.${key}`)),
  };
}

/** Every unrated item with its reason and the reviewers' explanation, beside the estimate (facts file). */
function notRatedRows(context: ModelContext): NotRatedRowModel[] {
  const { t, data, input } = context;
  const byItem = new Map(input.review.ratings.map((r) => [r.item, r]));
  return input.score.notRated.map(({ item, reason }) => {
    const definition = data.items.find((i) => i.number === item);
    const note = byItem.get(item)?.reasonNote;
    const code = reason ?? 'pending';
    return {
      label: t('method.notRatedItem', { number: item, title: definition ? context.scaleText(definition.title) : String(item) }),
      reason: [t(`items.reason.${code}`), note].filter(Boolean).join(' '),
      modelDiffers: code === 'model-differs',
    };
  });
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
    if (score === null) {
      const reason = input.score.notRated.find((n) => n.item === number)?.reason ?? 'pending';
      notes.push({ heading: t('items.reasonNote'), text: [t(`items.reason.${reason}`), rating?.reasonNote].filter(Boolean).join(' ') });
    }
    if (rating?.evidence) notes.push({ heading: t('items.evidence'), text: rating.evidence });
    if (rating?.justification) notes.push({ heading: t('items.justification'), text: rating.justification });
    if (rating?.recommendation) notes.push({ heading: t('items.recommendation'), text: rating.recommendation });
    const anchor = score === null || !item ? undefined : item.anchors[score - itemMin];
    return {
      number: String(number),
      title: item ? context.scaleText(item.title) : String(number),
      rated: score !== null,
      scoreText: score === null ? t('items.notRated') : String(score),
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

/** The site's strengths; left out of the report when none are recorded. */
export function strengthsModel(context: ModelContext): TextSectionModel | null {
  const { t, input } = context;
  const strengths = input.extras?.strengths;
  return strengths ? { heading: t('strengths.heading'), blocks: [{ text: strengths }] } : null;
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
  // Only what is recorded; with nothing at all, the section says so once.
  return {
    heading: t('recommendations.heading'),
    overall: overall ? { heading: t('recommendations.overall'), text: overall } : null,
    itemsHeading: items.length ? t('recommendations.items') : null,
    items,
    none: overall || items.length ? null : t('recommendations.none'),
  };
}

export function followUpModel(context: ModelContext): FollowUpModel {
  const { t, data, input, result } = context;
  const { score, review } = input;
  const policy = FOLLOW_UP_POLICY;
  const rule = followUpRule(data);
  // An estimate never reaches the goal on its own: only a full review, or one whose lower bound reaches the band.
  const reachedGood = goalReached(score, data);
  const months = followUpMonths(score, data);
  const goal = data.scoring.bands.find((b) => b.key === rule.goalBand);
  const estimateAtGoal = !reachedGood && score.total !== null && goal !== undefined && score.total >= goal.min;
  const lastVisit = [...review.visitDates].sort().at(-1) ?? input.reportDate;
  const agreed = input.extras?.nextReviewDate;
  const status = score.total === null ? 'insufficient' : reachedGood ? 'reachedGood' : estimateAtGoal ? 'estimateOnly' : 'belowGood';
  return {
    heading: t('followUp.heading'),
    intervals: {
      actionPlanWeeks: policy.actionPlanWeeks,
      reReviewMonths: rule.monthsBelowGoal,
      reReviewMonthsAtGoodFidelity: rule.monthsAtGoal,
    },
    fields: [
      { label: t('cover.result'), value: `${result.total}\n${result.band}` },
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
      t('followUp.intervalText', { months: rule.monthsBelowGoal, monthsAtGood: rule.monthsAtGoal }),
      t(`followUp.${status}`, { months, band: result.bandLabel ?? '', rated: score.ratedItems, items: score.totalItems, bounds: result.bounds }),
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
    intro: [t('signatures.intro'), t('signatures.verifyReader'), t('signatures.verifyApp')],
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
