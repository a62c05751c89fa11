import { formatDecimal, LOCALE_OF, localized } from '../scales/display-format.ts';
import { bandStatement, formatBounds, formatMean, formatTotal } from '../scales/review-rules/index.ts';
import type { LanguageCode, LocalizedText, ScaleVersionData } from '../scales/scale-schema.ts';
import type { ReportInput, ReportLanguage } from './report-input.ts';
import { reportTranslator, type ReportTranslator } from './report-messages.ts';
import { previousActionPlanModel } from './report-model-action-plan.ts';
import { changesModel } from './report-model-changes.ts';
import {
  followUpModel, itemTableModel, methodModel, recommendationsModel, signaturesModel, strengthsModel,
} from './report-model-sections.ts';
import { bandLevelsModel } from './report-model-levels.ts';
import type { CoverModel, Field, ReportModel, SummaryModel, TrendModel } from './report-model-types.ts';
import { regionName } from '../scales/regions/fi-regions.ts';

/** Older reviews beyond this are left out of the trend chart; its date labels stay readable at A4 width. */
export const MAX_TREND_POINTS = 8;

/** What the section builders share: the input, the translator and the language's formatting. */
export interface ModelContext {
  input: ReportInput;
  data: ScaleVersionData;
  language: ReportLanguage;
  t: ReportTranslator;
  /** Scale wording in the report language, or in the scale's fallback language. */
  scaleText: (text: LocalizedText) => string;
  date: (isoDate: string) => string;
  /** A short date for chart labels: en "8 Sept 2026", fi and sv as `date`. */
  shortDate: (isoDate: string) => string;
  dateList: (isoDates: readonly string[]) => string;
  /** A total as the scale reports it: whole for a complete review, the partial rule's decimals for an estimate. */
  total: (total: number, estimate: boolean) => string;
  decimal: (value: number, decimals: number) => string;
  /** This review's score in words, the same on the cover, the summary, the method and the follow-up. */
  result: ResultWords;
}

/**
 * What the report says about this review's total (the facts file's partial-review rule, worded once): the total or
 * estimate with N/25 and the bounds, the mean, and the band said plainly only when it is certain.
 */
export interface ResultWords {
  /** "arvio 107,4 (17/25 kriteeriä), vaihteluväli 81–113, pistekeskiarvo 4,29" */
  total: string;
  /** "taso arvioitujen kriteerien perusteella: hyvä", or "taso: hyvä" when certain. */
  band: string;
  /** The band's label in the report language, or null when no band is given. */
  bandLabel: string | null;
  bounds: string;
  mean: string;
}

/** Review + scale + score -> the report, every string already worded in `language`. Pure. */
export function buildReportModel(input: ReportInput, language: ReportLanguage): ReportModel {
  const context = modelContext(input, language);
  const { t, data } = context;
  const { review } = input;
  const dates = context.dateList(review.visitDates);
  const title = t(`document.title.${review.kind}`);
  return {
    language,
    languageTag: LOCALE_OF[language],
    metadata: {
      title: `${title} – ${review.site.name}`,
      author: review.reviewers.map((r) => r.name).join(', '),
      subject: t('document.subject', { kind: capitalise(t(`kind.${review.kind}`)), site: review.site.name, dates }),
      keywords: `${t('document.keywords')}, ${data.id} ${data.version}`,
      creationDate: input.reportDate,
    },
    frame: {
      runningTitle: t('document.runningTitle'),
      siteName: review.site.name,
      reportDateLine: t('document.reportDate', { date: context.date(input.reportDate) }),
      pageTemplate: t('document.page'),
    },
    cover: coverModel(context, title, dates),
    summary: summaryModel(context),
    method: methodModel(context, dates),
    items: itemTableModel(context),
    strengths: strengthsModel(context),
    recommendations: recommendationsModel(context),
    followUp: followUpModel(context),
    changes: changesModel(context),
    previousActionPlan: previousActionPlanModel(context),
    signatures: signaturesModel(context),
  };
}

export function modelContext(input: ReportInput, language: ReportLanguage): ModelContext {
  const data = input.scale.data;
  const listFormat = new Intl.ListFormat(LOCALE_OF[language], { style: 'long', type: 'conjunction' });
  const decimal = (value: number, decimals: number) => formatDecimal(value, language, decimals);
  const t = reportTranslator(language);
  const scaleText = (text: LocalizedText) => localized(text, language);
  const date = (isoDate: string) => reportDate(isoDate.slice(0, 10), language, 'long');
  return {
    input,
    data,
    language,
    t,
    scaleText,
    date,
    shortDate: (isoDate) => reportDate(isoDate.slice(0, 10), language, 'short'),
    dateList: (isoDates) => listFormat.format([...isoDates].sort().map(date)),
    total: (total, estimate) => formatTotal({ total, totalDecimals: estimate || !Number.isInteger(total) ? data.scoring.partial.decimals : 0 }, language),
    decimal,
    result: resultWords(input, language, t, scaleText),
  };
}

/**
 * A calendar date as people write it in the report's language, never ambiguous: fi and sv 8.9.2026 (the Finnish
 * and Finland-Swedish form), en 8 September 2026 (British; 08/09/2026 would read as 9 August in the US).
 */
export function reportDate(isoDate: string, language: LanguageCode, length: 'long' | 'short' = 'long'): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const at = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
  const month = language === 'en' ? length : 'numeric';
  return new Intl.DateTimeFormat(LOCALE_OF[language], { timeZone: 'UTC', day: 'numeric', month, year: 'numeric' }).format(at);
}

function resultWords(input: ReportInput, language: ReportLanguage, t: ReportTranslator, scaleText: (text: LocalizedText) => string): ResultWords {
  const { score, scale } = input;
  const { scoring } = scale.data;
  const band = scoring.bands.find((b) => b.key === score.band);
  const bandLabel = band ? scaleText(band.label) : null;
  const bounds = formatBounds(score, language);
  const mean = score.meanScore === null ? t('document.none') : formatMean(score, language);
  const params = { total: formatTotal(score, language), max: scoring.totalRange.max, rated: score.ratedItems, items: score.totalItems, bounds, mean };
  const total = score.complete ? t('result.complete', params) : score.total === null ? t('result.insufficient', params) : t('result.estimate', params);
  const statement = bandStatement(score);
  const bandWords = statement === 'none' || !bandLabel
    ? t('result.bandNone', { min: scoring.partial.minRatedItems })
    : t(statement === 'certain' ? 'result.bandCertain' : 'result.bandOnRated', { band: bandLabel });
  return { total, band: bandWords, bandLabel: statement === 'none' ? null : bandLabel, bounds, mean };
}

/** The language the scale's wording is actually shown in (the scale may lack the report's language). */
export function scaleLanguageFor(data: ScaleVersionData, language: LanguageCode): LanguageCode {
  if (data.languages.includes(language)) return language;
  return (['fi', 'en', 'sv'] as const).find((l) => data.languages.includes(l)) ?? data.languages[0] ?? language;
}

function coverModel(context: ModelContext, title: string, dates: string): CoverModel {
  const { t, data, input, language } = context;
  const { review, scale } = input;
  const { site } = review;
  const notices: string[] = [];
  if (review.status && review.status !== 'final') notices.push(t('cover.draft', { status: t(`cover.status.${review.status}`) }));
  const scaleLanguage = scaleLanguageFor(data, language);
  if (scaleLanguage !== language) notices.push(t('cover.scaleFallback', { language: t(`languageIn.${scaleLanguage}`) }));

  // A detail the review does not give is left out, not shown as "not given".
  const optional = (label: string, value: string | undefined): Field[] => (value ? [{ label, value }] : []);
  const fields: Field[] = [
    // A listed region by its official name in the report's language; a free-text one (older files) as written.
    ...optional(t('cover.region'), site.regionCode ? regionName(site.regionCode, language) : site.region),
    ...optional(t('cover.organisation'), site.organisation),
    ...optional(t('cover.reviewingOrganisation'), review.reviewingOrganisation),
    ...optional(t('cover.collaborationModel'), site.collaborationModel ? t(`cover.collaboration.${site.collaborationModel}`)
      : site.collaborationOther ? t('cover.collaboration.other', { note: site.collaborationOther }) : undefined),
    { label: t('cover.visitDates'), value: dates },
    { label: t('cover.result'), value: `${context.result.total}\n${context.result.band}` },
    { label: t('cover.reviewers'), value: review.reviewers.map((r) => (r.role ? `${r.name}, ${r.role}` : r.name)).join('\n') },
    { label: t('cover.scale'), value: context.scaleText(data.title) },
    { label: t('cover.scaleVersion'), value: `${data.id} ${data.version}${data.edition ? ` (${data.edition})` : ''}` },
    { label: t('cover.contentHash'), value: scale.contentHash, mono: true },
  ];
  if (review.reviewId) {
    fields.push({ label: t('cover.reviewId'), value: t('cover.reviewIdValue', { id: review.reviewId, revision: review.revision ?? 1 }), mono: true });
  }
  fields.push({ label: t('cover.reportDate'), value: context.date(input.reportDate) });
  return { title, siteName: site.name, subtitle: t(`cover.subtitle.${review.kind}`, { dates }), notices, fields };
}

function summaryModel(context: ModelContext): SummaryModel {
  const { t, data, input, result } = context;
  const { score } = input;
  const { itemRange, totalRange, partial } = data.scoring;
  const band = data.scoring.bands.find((b) => b.key === score.band);
  const none = t('document.none');
  const notRatedCount = score.totalItems - score.ratedItems;
  const bounds = result.bounds;

  const totalNote = score.total === null
    ? t('summary.insufficient', { min: partial.minRatedItems, bounds })
    : score.estimate ? t('summary.estimate', { rated: score.ratedItems, total: score.totalItems, bounds }) : t('summary.totalRange', totalRange);
  const certain = score.complete || score.bandCertain;
  const spanned = data.scoring.bands.filter((b) => b.max >= score.lowerBound && b.min <= score.upperBound).map((b) => context.scaleText(b.label));
  const bandNote = !band ? null
    : certain ? t('summary.bandRange', { min: band.min, max: band.max })
    : t('summary.bandSpan', { min: band.min, max: band.max, bounds, bands: spanned.join('–') });

  return {
    heading: t('summary.heading'),
    figures: [
      { label: t('summary.total'), value: score.total === null ? none : context.total(score.total, score.estimate), note: totalNote },
      {
        label: band && !certain ? t('summary.bandOnRated') : t('summary.band'),
        value: result.bandLabel ?? t('summary.bandInsufficient'),
        note: bandNote,
      },
      { label: t('summary.mean'), value: score.meanScore === null ? none : context.decimal(score.meanScore, 2), note: t('summary.meanNote', itemRange) },
      {
        label: t('summary.rated'),
        value: t('summary.ratedValue', { rated: score.ratedItems, total: score.totalItems }),
        note: notRatedCount === 0 ? t('summary.allRated') : t('summary.notRatedCount', { count: notRatedCount }),
      },
    ],
    sectionTable: {
      heading: t('summary.sections.heading'),
      headers: [t('summary.sections.section'), t('summary.sections.rated'), t('summary.sections.points'), t('summary.sections.mean')],
      rows: score.sections.map((section) => {
        const definition = data.sections.find((s) => s.key === section.key);
        return [
          definition ? context.scaleText(definition.title) : section.key,
          t('summary.ratedValue', { rated: section.ratedItems, total: section.totalItems }),
          String(section.rawTotal),
          section.meanScore === null ? none : context.decimal(section.meanScore, 2),
        ];
      }),
    },
    chart: {
      title: t('summary.chart.title'),
      min: itemRange.min,
      max: itemRange.max,
      groups: data.sections.map((section) => ({
        title: context.scaleText(section.title),
        items: section.items.map((number) => {
          const itemScore = input.review.ratings.find((r) => r.item === number)?.score ?? null;
          return { number, score: itemScore, label: itemScore === null ? t('summary.chart.notRatedMark') : String(itemScore) };
        }),
      })),
      legend: notRatedCount > 0 ? t('summary.chart.legend') : null,
      alt: t('summary.chart.alt', {
        ...itemRange,
        items: data.items.map((item) => {
          const itemScore = input.review.ratings.find((r) => r.item === item.number)?.score ?? null;
          return itemScore === null ? t('summary.chart.altNotRated', { number: item.number }) : t('summary.chart.altItem', { number: item.number, score: itemScore });
        }).join(', '),
      }),
    },
    levels: bandLevelsModel(context),
    trend: trendModel(context),
    noTrend: input.history?.length ? null : t('summary.trend.none'),
  };
}

function trendModel(context: ModelContext): TrendModel | null {
  const { t, data, input } = context;
  if (!input.history?.length) return null;
  const bandLabel = (key: string) => {
    const band = data.scoring.bands.find((b) => b.key === key);
    return band ? context.scaleText(band.label) : t('summary.bandInsufficient');
  };
  const earlier = [...input.history].sort((a, b) => a.date.localeCompare(b.date));
  const kept = earlier.slice(-(MAX_TREND_POINTS - 1));
  const { score, review } = input;
  const current = { date: [...review.visitDates].sort().at(-1) ?? input.reportDate, total: score.total, estimate: score.estimate, band: score.band, kind: review.kind };
  const points = [...kept.map((h) => ({ ...h, current: false })), { ...current, current: true }].map((p) => ({
    dateLabel: context.shortDate(p.date),
    date: context.date(p.date),
    total: p.total,
    valueLabel: p.total === null ? t('document.none') : `${context.total(p.total, p.estimate)}${p.estimate ? '*' : ''}`,
    bandLabel: bandLabel(p.band),
    kind: p.kind,
    estimate: p.estimate,
    current: p.current,
  }));
  const bands = data.scoring.bands.map((b) => ({ label: context.scaleText(b.label), min: b.min, max: b.max }));
  return {
    title: t('summary.trend.title'),
    min: data.scoring.totalRange.min,
    max: data.scoring.totalRange.max,
    bands,
    points: points.map(({ date: _date, ...point }) => point),
    alt: t('summary.trend.alt', {
      points: points.map((p) => t('summary.trend.altPoint', { date: p.date, kind: t(`kind.${p.kind}`), value: `${p.valueLabel.replace(/\*$/, '')} ${p.bandLabel}` })).join('; '),
      bands: bands.map((b) => t('summary.levels.band', b)).join(', '),
    }),
    legend: {
      external: t('summary.trend.external'),
      self: t('summary.trend.self'),
      peer: points.some((p) => p.kind === 'peer') ? t('summary.trend.peer') : null,
      current: t('summary.trend.current'),
      estimate: points.some((p) => p.estimate) ? t('summary.trend.estimate') : null,
    },
    truncatedNote: kept.length < earlier.length ? t('summary.trend.truncated', { count: points.length }) : null,
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}
