import { drawFields } from '../pdf/fields.ts';
import { drawPageFrames } from '../pdf/page-frame.ts';
import { openReportDocument } from '../pdf/report-document.ts';
import { drawTable } from '../pdf/table.ts';
import { BODY_WIDTH, STYLE } from '../pdf/theme.ts';
import { buildVisitRequestModel, type VisitRequestModel } from './visit-request-model.ts';
import type { VisitRequestInput } from './visit-request-input.ts';

/**
 * The request to the site as PDF bytes, with the report's fonts, page frame and theme (reports/pdf/): A4, DejaVu Sans
 * embedded, tagged, PDF/A-2b. The same input gives the same bytes (the creation date is the request date).
 */
export async function renderVisitRequest(input: VisitRequestInput): Promise<{ pdf: Buffer; model: VisitRequestModel }> {
  const model = buildVisitRequestModel(input);
  return { pdf: await renderVisitRequestPdf(model), model };
}

const SCHEDULE_COLUMNS = [78, 92, BODY_WIDTH - 78 - 92 - 150, 150];

export async function renderVisitRequestPdf(model: VisitRequestModel): Promise<Buffer> {
  const { doc, flow, bytes } = openReportDocument(model.metadata, model.languageTag);
  const section = (draw: () => void) => flow.tags.within('Sect', draw);
  flow.newPage();

  section(() => {
    flow.heading(model.title, STYLE.h1, { keepWith: 60 });
    flow.paragraph(model.intro, STYLE.body);
    drawFields(flow, model.fields, 120);
  });
  section(() => {
    flow.heading(model.schedule.heading, STYLE.h2, { keepWith: 60 });
    if (model.schedule.none) flow.paragraph(model.schedule.none, STYLE.bodyMuted);
    else {
      drawTable(flow, {
        columns: SCHEDULE_COLUMNS.map((width) => ({ width })),
        header: model.schedule.columns.map((text) => [{ text, style: STYLE.tableHeader }]),
        rows: model.schedule.rows.map((row) => ({ cells: row.map((text) => [{ text, style: STYLE.table }]) })),
        borders: true,
        padding: { x: 4, y: 3 },
        continuedTitle: { text: model.schedule.heading, style: STYLE.h3 },
      });
    }
  });
  section(() => {
    flow.heading(model.people.heading, STYLE.h2, { keepWith: 60 });
    if (model.people.none) flow.paragraph(model.people.none, STYLE.bodyMuted);
    else drawFields(flow, model.people.rows, 190);
  });
  section(() => {
    flow.heading(model.documents.heading, STYLE.h2, { keepWith: 60 });
    if (model.documents.intro) flow.paragraph(model.documents.intro, STYLE.body);
    if (model.documents.none) flow.paragraph(model.documents.none, STYLE.bodyMuted);
    flow.tags.within('L', () => {
      for (const item of model.documents.items) flow.tags.within('LI', () => flow.paragraph(`• ${item}`, STYLE.body, { after: 2, type: 'LBody' }));
    });
  });
  flow.gap(10);
  section(() => flow.paragraph(model.closing, STYLE.body));

  drawPageFrames(flow, model.frame);
  doc.end();
  return bytes;
}
