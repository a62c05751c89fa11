import PDFDocument from 'pdfkit';
import { fontFiles } from '../reports/pdf/fonts.ts';
import type { ReportModel } from '../reports/report-model-types.ts';

/**
 * The benchmark's floor: pdfkit writing every string of the report model one after another with `doc.text`, in the
 * report's regular face (DejaVu Sans, embedded as a subset, read from the same in-memory font cache the report
 * uses), on A4 pages that pdfkit breaks itself. No positions, tables, charts, header or footer: the least work
 * pdfkit does to make a PDF that holds this text.
 */
export async function floorPdf(model: ReportModel): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, autoFirstPage: false, info: { Title: model.metadata.title, CreationDate: new Date(`${model.metadata.creationDate}T00:00:00Z`) } });
  doc.registerFont('regular', fontFiles().regular);
  const bytes = collect(doc);
  doc.addPage();
  doc.font('regular').fontSize(9.5);
  for (const text of modelStrings(model)) doc.text(text);
  doc.end();
  return bytes;
}

/** Keys whose strings are codes, not report text. */
const NOT_TEXT = new Set(['language', 'languageTag', 'creationDate', 'kind', 'pageTemplate']);

/** Every text string of the model, in document order (depth first), empty strings left out. */
export function modelStrings(model: ReportModel): string[] {
  const found: string[] = [];
  const walk = (value: unknown, key: string) => {
    if (NOT_TEXT.has(key)) return;
    if (typeof value === 'string') {
      if (value.trim()) found.push(value);
    } else if (Array.isArray(value)) {
      for (const entry of value) walk(entry, key);
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, k);
    }
  };
  walk(model, '');
  return found;
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
