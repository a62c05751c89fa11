import type { ReportLanguage } from './report-input.ts';
import type { ReviewKind } from '../scales/review-rules/review-kinds.ts';

/**
 * The report as plain, serialisable data: every string is already worded and formatted in the report's language
 * (fi: 4,29 and 23.11.2026), so the PDF renderer only lays it out. Numbers remain only where something is drawn
 * to scale (chart values) or counted (follow-up intervals).
 */
export interface ReportModel {
  language: ReportLanguage;
  /** BCP 47 tag for the PDF's /Lang, e.g. fi-FI. */
  languageTag: string;
  metadata: ReportMetadata;
  frame: PageFrameModel;
  cover: CoverModel;
  summary: SummaryModel;
  method: MethodModel;
  items: ItemTableModel;
  /** Null when no strengths are recorded (the section is left out). */
  strengths: TextSectionModel | null;
  recommendations: RecommendationsModel;
  followUp: FollowUpModel;
  /** The plan made after the site's previous review, as it stands now; null when there is none. */
  previousActionPlan: ActionPlanSectionModel | null;
  /** What changed since the site's previous final review; null when there is none. */
  changes: ChangesSectionModel | null;
  signatures: SignaturesModel;
}

/** "What changed since the previous review" (report-model-changes.ts); null when the site has no previous final review. */
export interface ChangesSectionModel {
  heading: string;
  intro: string;
  /** Total and band: the previous review's and this one's. */
  table: { headers: string[]; rows: string[][] };
  /** The items that went up and down, each "3. Title: 3 → 5"; null when the scale versions do not compare. */
  up: { heading: string; lines: string[]; none: string | null } | null;
  down: { heading: string; lines: string[]; none: string | null } | null;
  /** How many stayed the same and how many could not be compared. */
  counts: string | null;
  /** Said instead of the item lists when the previous review's scale version does not compare with this one's. */
  incomparable: string | null;
}

export interface ReportMetadata {
  title: string;
  author: string;
  subject: string;
  keywords: string;
  /** ISO date of the report, used as the PDF's CreationDate. */
  creationDate: string;
}

/** What every page carries in its header and footer. */
export interface PageFrameModel {
  runningTitle: string;
  siteName: string;
  reportDateLine: string;
  /** With {{page}} and {{pages}}, e.g. "Sivu {{page}} / {{pages}}". */
  pageTemplate: string;
}

export interface Field {
  label: string;
  value: string;
  /** Hashes and fingerprints: set in a monospaced face. */
  mono?: boolean;
  /** The value is a "not recorded" placeholder, shown muted. */
  muted?: boolean;
}

export interface CoverModel {
  title: string;
  siteName: string;
  subtitle: string;
  /** Draft status, scale text shown in a fallback language, and the like. */
  notices: string[];
  fields: Field[];
}

export interface KeyFigure {
  label: string;
  value: string;
  note: string | null;
}

export interface SummaryModel {
  heading: string;
  figures: KeyFigure[];
  sectionTable: { heading: string; headers: string[]; rows: string[][] };
  chart: BarChartModel;
  /** The four levels (bands) with this review's total on them: shown on every report. */
  levels: BandLevelsModel;
  trend: TrendModel | null;
  /** Said instead of the trend when there is no earlier review. */
  noTrend: string | null;
}

export interface BandLevelsModel {
  title: string;
  /** The scale's total range (the chart's ends). */
  min: number;
  max: number;
  /** From the lowest band up; `current` is this review's band (on the rated items, for an estimate). */
  bands: { label: string; min: number; max: number; current: boolean }[];
  total: number | null;
  totalLabel: string;
  /** For a partial review: the total if every unrated item scored the lowest / the highest. */
  range: { lower: number; upper: number } | null;
  legend: string[];
  alt: string;
}

export interface BarChartModel {
  title: string;
  /** Lowest and highest item score of the scale (the y axis). */
  min: number;
  max: number;
  groups: { title: string; items: { number: number; score: number | null; label: string }[] }[];
  /** Explains how not-rated items are drawn; null when every item is rated. */
  legend: string | null;
  /** The chart said in words (the figure's alternative text in the tagged PDF): every item's score. */
  alt: string;
}

export interface TrendPoint {
  dateLabel: string;
  total: number | null;
  valueLabel: string;
  bandLabel: string;
  kind: ReviewKind;
  estimate: boolean;
  current: boolean;
}

export interface TrendModel {
  title: string;
  min: number;
  max: number;
  bands: { label: string; min: number; max: number }[];
  points: TrendPoint[];
  /** peer: only when the chart has a peer review (issue 13). */
  legend: { external: string; self: string; peer: string | null; current: string; estimate: string | null };
  /** Set when older reviews were left out to keep the chart readable. */
  truncatedNote: string | null;
  /** The chart said in words (the figure's alternative text): each review's date, total and band, and the bands. */
  alt: string;
}

export interface TextBlock {
  heading?: string;
  text: string;
  muted?: boolean;
}

export interface MethodModel {
  heading: string;
  paragraphs: string[];
  notRatedHeading: string;
  /** Every unrated item with its reason (empty for a complete review). */
  notRated: NotRatedRowModel[];
  /** Said once when an item is unrated because the service model differs: the published scale scores such items 1. */
  modelDiffersNote: string | null;
  /** What was recorded of the review material (interviews, observation, documents); only the recorded ones. */
  fields: Field[];
  /** One sentence when nothing of it was recorded. */
  noneRecorded: string | null;
  /** The visit plan's record of what was done, by kind (interviews, observations, documents); empty without one. */
  visits: { heading: string; rows: Field[] }[];
  sourcesHeading: string;
  sources: string[];
}

export interface NotRatedRowModel {
  /** "4. Integraatio hoitotiimiin" */
  label: string;
  /** The reason and the reviewers' explanation. */
  reason: string;
  modelDiffers: boolean;
}

export interface ItemRowModel {
  number: string;
  title: string;
  rated: boolean;
  /** "4", or "Ei arvioitu" (the reason is the first note). */
  scoreText: string;
  /** The scale's description of the given score; null for a not-rated item. */
  anchor: string | null;
  /** Notes shown in the last column, in order: reason note, evidence, recommendation. */
  notes: TextBlock[];
}

export interface ItemTableModel {
  heading: string;
  intro: string;
  columns: { number: string; item: string; score: string; notes: string };
  continued: string;
  sections: { title: string; rows: ItemRowModel[] }[];
}

export interface TextSectionModel {
  heading: string;
  blocks: TextBlock[];
}

export interface RecommendationsModel {
  heading: string;
  overall: TextBlock | null;
  itemsHeading: string | null;
  items: TextBlock[];
  /** One sentence when no recommendation at all is recorded. */
  none: string | null;
}

export interface FollowUpModel {
  heading: string;
  /** The intervals the wording is built from (values, so that the layout never hard-codes them). */
  intervals: { actionPlanWeeks: number; reReviewMonths: number; reReviewMonthsAtGoodFidelity: number };
  fields: Field[];
  paragraphs: string[];
}

/**
 * A reviewer expected to sign, with the place reserved for the signature: an empty signature field (`fieldName`,
 * described by `description`) whose visible block is added by the signature itself. Until then the place shows
 * only `awaiting`, so no revision of the file shows a signature it does not contain.
 */
export interface SignatureSlotModel {
  heading: string;
  /** The expected signer's name and role, as the review lists them (not a signature). */
  fields: Field[];
  fieldName: string;
  description: string;
  awaiting: string;
}

export interface SignaturesModel {
  heading: string;
  /** Who signs, and how any reader checks the signatures (a PDF reader's signature panel, or the app). */
  intro: string[];
  slots: SignatureSlotModel[];
}

export interface ActionPlanRowModel {
  /** "3. Title of the item", or a free row's own title */
  item: string;
  goal: string;
  /** Notes on the action, shown under the goal (the action plan document only). */
  notes?: string;
  /** The goal is a "not recorded" placeholder, shown muted. */
  goalMissing: boolean;
  owner: string;
  due: string;
  /** "Open", or "Open (overdue)" when due before the report date. */
  status: string;
}

export interface ActionPlanSectionModel {
  heading: string;
  intro: string;
  columns: { item: string; goal: string; owner: string; due: string; status: string };
  continued: string;
  rows: ActionPlanRowModel[];
}
