import type { ReportModel } from './report-model-types.ts';
import { drawActionPlanSection } from './pdf/action-plan-section.ts';
import { drawChangesSection } from './pdf/changes-section.ts';
import { drawCover } from './pdf/cover-page.ts';
import { drawItemTable } from './pdf/item-table.ts';
import { drawPageFrames } from './pdf/page-frame.ts';
import { openReportDocument } from './pdf/report-document.ts';
import { drawSignatures } from './pdf/signature-page.ts';
import { drawSummary } from './pdf/summary-page.ts';
import { drawFollowUp, drawMethod, drawRecommendations, drawTextSection } from './pdf/text-sections.ts';
import { BODY } from './pdf/theme.ts';

/**
 * The report model as PDF bytes: A4, DejaVu Sans embedded (subset), selectable text, vector charts; a tagged PDF
 * whose structure tree gives the reading order (reports/pdf/tagging.ts) and a PDF/A-2b file (reports/pdf/archival.ts).
 *
 * The output is a classic PDF as pdfkit writes it (a plain cross-reference table, no object streams) and is not
 * post-processed; the signature page holds an empty signature field per expected signer, which each signature fills
 * in its own incremental update (reports/signing/sign-pdf.ts). The same model always
 * gives the same bytes: the creation date is the report date and pdfkit derives the file ID from the metadata.
 */
export async function renderReportPdf(model: ReportModel): Promise<Buffer> {
  // pdfkit starts with Helvetica selected; every text is drawn after choosing one of ours, so Helvetica is never
  // written to the file (a test checks pdffonts lists only embedded fonts). Passing our font as pdfkit's default
  // instead would make pdfkit re-parse the TrueType file on every font switch (its alias cache is skipped then).
  const { doc, flow, bytes } = openReportDocument(model.metadata, model.languageTag);

  // Each part of the report is a section (Sect) of the structure tree, in reading order.
  const section = (draw: () => void) => flow.tags.within('Sect', draw);
  flow.newPage();
  section(() => drawCover(flow, model.cover));
  flow.newPage();
  section(() => drawSummary(flow, model.summary));
  // The method follows on the summary's last page when a good part of it is free (a trend chart alone there).
  if (flow.remaining < (BODY.bottom - BODY.top) / 2) flow.newPage();
  section(() => drawMethod(flow, model.method));
  section(() => drawItemTable(flow, model.items));
  if (model.strengths) section(() => drawTextSection(flow, model.strengths!));
  section(() => drawRecommendations(flow, model.recommendations));
  section(() => drawFollowUp(flow, model.followUp));
  if (model.changes) section(() => drawChangesSection(flow, model.changes!));
  if (model.previousActionPlan) section(() => drawActionPlanSection(flow, model.previousActionPlan!));
  flow.newPage();
  section(() => drawSignatures(flow, model.signatures));

  drawPageFrames(flow, model.frame);
  doc.end();
  return bytes;
}
