import PDFDocument from 'pdfkit';
import type { ReportModel } from './report-model-types.ts';
import { drawActionPlanSection } from './pdf/action-plan-section.ts';
import { drawCover } from './pdf/cover-page.ts';
import { registerReportFonts } from './pdf/fonts.ts';
import { drawItemTable } from './pdf/item-table.ts';
import { drawPageFrames } from './pdf/page-frame.ts';
import { PageFlow } from './pdf/page-flow.ts';
import { drawSignatures } from './pdf/signature-page.ts';
import { drawSummary } from './pdf/summary-page.ts';
import { drawFollowUp, drawMethod, drawRecommendations, drawTextSection } from './pdf/text-sections.ts';
import { BODY, PAGE } from './pdf/theme.ts';

/**
 * The report model as PDF bytes: A4, DejaVu Sans embedded (subset), selectable text, vector charts.
 *
 * The output is a classic PDF as pdfkit writes it (a plain cross-reference table, no object streams) and is not
 * post-processed; the signature page holds an empty signature field per expected signer, which each signature fills
 * in its own incremental update (reports/signing/sign-pdf.ts). The same model always
 * gives the same bytes: the creation date is the report date and pdfkit derives the file ID from the metadata.
 */
export async function renderReportPdf(model: ReportModel): Promise<Buffer> {
  const creationDate = new Date(`${model.metadata.creationDate}T00:00:00Z`);
  const doc = new PDFDocument({
    size: [PAGE.width, PAGE.height],
    margins: { top: BODY.top, bottom: PAGE.height - BODY.bottom, left: BODY.left, right: PAGE.width - BODY.right },
    autoFirstPage: false,
    bufferPages: true,
    pdfVersion: '1.7',
    lang: model.languageTag,
    displayTitle: true,
    info: {
      Title: model.metadata.title,
      Author: model.metadata.author,
      Subject: model.metadata.subject,
      Keywords: model.metadata.keywords,
      Creator: 'IPS Fidelity',
      CreationDate: creationDate,
    },
  });
  // pdfkit starts with Helvetica selected; every text is drawn after choosing one of ours, so Helvetica is never
  // written to the file (a test checks pdffonts lists only embedded fonts). Passing our font as pdfkit's default
  // instead would make pdfkit re-parse the TrueType file on every font switch (its alias cache is skipped then).
  registerReportFonts(doc);
  const bytes = collect(doc);
  const flow = new PageFlow(doc);

  flow.newPage();
  drawCover(flow, model.cover);
  flow.newPage();
  drawSummary(flow, model.summary);
  flow.newPage();
  drawMethod(flow, model.method);
  drawItemTable(flow, model.items);
  drawTextSection(flow, model.strengths);
  drawRecommendations(flow, model.recommendations);
  drawFollowUp(flow, model.followUp);
  if (model.previousActionPlan) drawActionPlanSection(flow, model.previousActionPlan);
  flow.newPage();
  drawSignatures(flow, model.signatures);

  drawPageFrames(flow, model.frame);
  doc.end();
  return bytes;
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
