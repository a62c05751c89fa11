import PDFDocument from 'pdfkit';
import type { ReportMetadata } from '../report-model-types.ts';
import { ARCHIVAL_OPTIONS, PRODUCER, writeEscapedXmpInfo } from './archival.ts';
import { registerReportFonts } from './fonts.ts';
import { PageFlow } from './page-flow.ts';
import { BODY, PAGE } from './theme.ts';

/**
 * A new document with the report's page, fonts and archival settings (A4, DejaVu Sans, tagged PDF/A-2b), for the
 * documents made beside the report (the action plan). The creation date is the document's date, so the same
 * model gives the same bytes. `bytes` resolves once `doc.end()` is called.
 */
export function openReportDocument(metadata: ReportMetadata, languageTag: string): { doc: PDFKit.PDFDocument; flow: PageFlow; bytes: Promise<Buffer> } {
  const doc = new PDFDocument({
    size: [PAGE.width, PAGE.height],
    margins: { top: BODY.top, bottom: PAGE.height - BODY.bottom, left: BODY.left, right: PAGE.width - BODY.right },
    autoFirstPage: false,
    bufferPages: true,
    ...ARCHIVAL_OPTIONS,
    lang: languageTag,
    displayTitle: true,
    info: {
      Title: metadata.title, Author: metadata.author, Subject: metadata.subject, Keywords: metadata.keywords,
      Creator: PRODUCER, Producer: PRODUCER, CreationDate: new Date(`${metadata.creationDate}T00:00:00Z`),
    },
  });
  writeEscapedXmpInfo(doc, languageTag);
  registerReportFonts(doc);
  const bytes = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, flow: new PageFlow(doc), bytes };
}
