import { formatClockTime, formatIsoDate, LOCALE_OF } from '../../scales/display-format.ts';
import { messageTranslator, type MessageTree } from '../report-messages.ts';
import type { Field, PageFrameModel } from '../report-model-types.ts';
import type { ReportLanguage } from '../report-input.ts';
import en from './messages/en.json' with { type: 'json' };
import fi from './messages/fi.json' with { type: 'json' };
import sv from './messages/sv.json' with { type: 'json' };
import type { VisitRequestInput, VisitRequestMeeting, VisitRequestPerson } from './visit-request-input.ts';

export const VISIT_REQUEST_MESSAGES: Record<ReportLanguage, MessageTree> = { fi, sv, en };

/** The request to the site, every string worded and formatted in its language (fi: 24.11.2026, klo 9.00–10.30). */
export interface VisitRequestModel {
  languageTag: string;
  metadata: { title: string; author: string; subject: string; keywords: string; creationDate: string };
  frame: PageFrameModel;
  title: string;
  intro: string;
  fields: Field[];
  documents: { heading: string; intro: string | null; items: string[]; none: string | null };
  people: { heading: string; rows: Field[]; none: string | null };
  schedule: { heading: string; columns: [string, string, string, string]; rows: [string, string, string, string][]; none: string | null };
  closing: string;
  fileName: string;
}

export const personText = (person: VisitRequestPerson) => (person.role ? `${person.name} (${person.role})` : person.name);

/** Dated meetings first, by date and start time; those still to be agreed after them, in the plan's order. */
function byTime(a: VisitRequestMeeting, b: VisitRequestMeeting): number {
  const key = (m: VisitRequestMeeting) => `${m.date ?? '9999-99-99'} ${m.startTime ?? '99:99'}`;
  return key(a).localeCompare(key(b));
}

/** A meeting's time in the language's words (fi "klo 9.00–10.30", "klo 9.00 alkaen"); null without times. */
export function clockRange(start: string | null, end: string | null, language: ReportLanguage): string | null {
  const t = messageTranslator(VISIT_REQUEST_MESSAGES[language], language);
  const s = start ? formatClockTime(start, language) : null;
  const e = end ? formatClockTime(end, language) : null;
  if (s && e) return t('schedule.range', { start: s, end: e });
  if (s) return t('schedule.from', { start: s });
  if (e) return t('schedule.until', { end: e });
  return null;
}

export function buildVisitRequestModel(input: VisitRequestInput): VisitRequestModel {
  const { language } = input;
  const t = messageTranslator(VISIT_REQUEST_MESSAGES[language], language);
  const date = (iso: string) => formatIsoDate(iso, language);
  const dates = input.visitDates.map(date).join(', ');
  const title = t('title');
  const meetings = [...input.meetings].sort(byTime);
  const whoOf = (m: VisitRequestMeeting) => [...m.people.map(personText), ...(m.who ? [m.who] : [])].join(', ');
  const labelOf = (m: VisitRequestMeeting) => `${m.label} (${t(`category.${m.category}`)})`;
  return {
    languageTag: LOCALE_OF[language],
    metadata: {
      title: `${title} – ${input.siteName}`,
      author: input.reviewers.map((r) => r.name).join(', '),
      subject: `${title}: ${input.siteName}, ${dates}`,
      keywords: t('keywords'),
      creationDate: input.requestDate,
    },
    frame: { runningTitle: t('runningTitle'), siteName: input.siteName, reportDateLine: t('requestDate', { date: date(input.requestDate) }), pageTemplate: t('page') },
    title,
    intro: t(`intro.${input.kind}`, { site: input.siteName }),
    fields: [
      { label: t('fields.site'), value: input.siteName },
      ...(input.organisation ? [{ label: t('fields.organisation'), value: input.organisation }] : []),
      { label: t('fields.visitDates'), value: dates },
      { label: t('fields.reviewers'), value: input.reviewers.map(personText).join(', ') },
    ],
    documents: {
      heading: t('documents.heading'),
      intro: input.documents.length ? t('documents.intro') : null,
      items: input.documents,
      none: input.documents.length ? null : t('documents.none'),
    },
    people: {
      heading: t('people.heading'),
      rows: input.meetings.map((m) => ({ label: m.label, value: whoOf(m) || t('people.notNamed'), muted: whoOf(m) === '' })),
      none: input.meetings.length ? null : t('people.none'),
    },
    schedule: {
      heading: t('schedule.heading'),
      columns: [t('schedule.date'), t('schedule.time'), t('schedule.what'), t('schedule.who')],
      rows: meetings.map((m) => [
        m.date ? date(m.date) : t('schedule.toAgree'),
        clockRange(m.startTime, m.endTime, language) ?? t('schedule.toAgree'),
        labelOf(m),
        whoOf(m) || t('people.notNamed'),
      ]),
      none: meetings.length ? null : t('schedule.none'),
    },
    closing: t('closing'),
    fileName: t('fileName', { site: input.siteName }),
  };
}
