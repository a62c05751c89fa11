import type { ReportLanguage } from '../report-input.ts';
import type { ReviewKind } from '../../scales/review-rules/review-kinds.ts';

/** A person to meet: their name and role or title at the site (either may be all the plan knows). */
export interface VisitRequestPerson {
  name: string;
  role: string | null;
}

/** One interview or observation of the plan, its name already in the request's language. */
export interface VisitRequestMeeting {
  category: 'interview' | 'observation';
  label: string;
  /** YYYY-MM-DD, or null while it is still to be agreed. */
  date: string | null;
  /** HH:MM (24-hour). */
  startTime: string | null;
  endTime: string | null;
  /** Who at the site, as the plan's "who" field says it (e.g. "3 asiakasta", "työhönvalmentajat"). */
  who: string | null;
  people: VisitRequestPerson[];
}

/**
 * What the request to the site is made from: the review's site, dates and reviewers, and its visit plan (documents to
 * request, interviews and observations), labels already worded in `language`. Built by the backend from the store.
 */
export interface VisitRequestInput {
  language: ReportLanguage;
  /** The date the request is made (YYYY-MM-DD); also the PDF's creation date, so the same input gives the same bytes. */
  requestDate: string;
  siteName: string;
  organisation: string | null;
  kind: ReviewKind;
  visitDates: string[];
  reviewers: VisitRequestPerson[];
  documents: string[];
  meetings: VisitRequestMeeting[];
}
