import { LOCALE_OF, localized } from '../../scales/display-format.ts';
import type { LocalizedText } from '../../scales/scale-schema.ts';
import { drawActionPlanSection } from '../pdf/action-plan-section.ts';
import { drawPageFrames } from '../pdf/page-frame.ts';
import { openReportDocument } from '../pdf/report-document.ts';
import { STYLE } from '../pdf/theme.ts';
import type { ReportActionPlanRow, ReportLanguage } from '../report-input.ts';
import { reportTranslator } from '../report-messages.ts';
import { actionPlanRowModels } from '../report-model-action-plan.ts';
import { reportDate } from '../report-model.ts';
import type { ActionPlanSectionModel, PageFrameModel, ReportMetadata } from '../report-model-types.ts';

/** A review's action plan as the site works on it, for the plan's own PDF (issue 13). */
export interface ActionPlanDocumentInput {
  site: string;
  review: { kind: string; visitDates: readonly string[] };
  /** The titles of the review's scale items, for rows that name an item. */
  itemTitles: ReadonlyMap<number, LocalizedText>;
  rows: readonly ReportActionPlanRow[];
  /** The document's date (today): statuses are as of it, and overdue is judged against it. */
  date: string;
}

export interface ActionPlanDocumentModel {
  languageTag: string;
  metadata: ReportMetadata;
  frame: PageFrameModel;
  title: string;
  intro: string;
  empty: string | null;
  plan: ActionPlanSectionModel;
}

/** Input -> every string of the document worded in `language` (fi: 28.2.2027). Pure. */
export function buildActionPlanDocument(input: ActionPlanDocumentInput, language: ReportLanguage): ActionPlanDocumentModel {
  const t = reportTranslator(language);
  const date = (isoDate: string) => reportDate(isoDate, language);
  const dates = new Intl.ListFormat(LOCALE_OF[language], { style: 'long', type: 'conjunction' }).format([...input.review.visitDates].sort().map(date));
  const counted = input.rows.filter((r) => r.status !== 'dropped');
  const dropped = input.rows.length - counted.length;
  const intro = t('actionPlanDocument.intro', {
    kind: t(`kind.${input.review.kind}`), dates, date: date(input.date), done: counted.filter((r) => r.status === 'done').length, total: counted.length,
  });
  const title = `${t('actionPlanDocument.title')} – ${input.site}`;
  return {
    languageTag: LOCALE_OF[language],
    metadata: {
      title,
      author: input.site,
      subject: t('actionPlanDocument.subject', { site: input.site, dates }),
      keywords: t('actionPlanDocument.keywords'),
      creationDate: input.date,
    },
    frame: {
      runningTitle: t('actionPlanDocument.runningTitle'),
      siteName: input.site,
      reportDateLine: t('actionPlanDocument.documentDate', { date: date(input.date) }),
      pageTemplate: t('document.page'),
    },
    title,
    intro: dropped > 0 ? `${intro} ${t('actionPlanDocument.introDropped', { count: dropped })}` : intro,
    empty: input.rows.length === 0 ? t('actionPlanDocument.empty') : null,
    plan: {
      heading: t('actionPlanDocument.rowsHeading'),
      intro: '',
      columns: {
        item: t('actionPlanDocument.item'),
        goal: t('previousActionPlan.goal'),
        owner: t('previousActionPlan.owner'),
        due: t('previousActionPlan.due'),
        status: t('previousActionPlan.status'),
      },
      continued: t('items.continued'),
      rows: actionPlanRowModels(input.rows, { t, date, scaleText: (text) => localized(text, language), itemTitle: (item) => input.itemTitles.get(item) }, input.date, true),
    },
  };
}

/** The plan as PDF bytes with the report's fonts, page frame and theme; tagged PDF/A-2b like the report. */
export async function renderActionPlanPdf(input: ActionPlanDocumentInput, language: ReportLanguage): Promise<{ pdf: Buffer; model: ActionPlanDocumentModel }> {
  const model = buildActionPlanDocument(input, language);
  const { doc, flow, bytes } = openReportDocument(model.metadata, model.languageTag);
  flow.newPage();
  flow.tags.within('Sect', () => {
    flow.heading(model.title, STYLE.h1, { keepWith: 60 });
    flow.paragraph(model.intro, STYLE.body);
  });
  flow.tags.within('Sect', () => {
    if (model.empty) {
      flow.heading(model.plan.heading, STYLE.h2);
      flow.paragraph(model.empty, STYLE.bodyMuted);
    } else drawActionPlanSection(flow, model.plan, STYLE.h2);
  });
  drawPageFrames(flow, model.frame);
  doc.end();
  return { pdf: await bytes, model };
}
