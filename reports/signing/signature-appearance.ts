import PDFDocument from 'pdfkit';
import { readPdfFile, type PdfFile } from '../pdf-reader/pdf-file.ts';
import type { PdfDict, PdfValue } from '../pdf-reader/pdf-syntax.ts';
import { registerReportFonts } from '../pdf/fonts.ts';
import { PageFlow } from '../pdf/page-flow.ts';
import { linesHeight, type LaidLine } from '../pdf/text-wrap.ts';
import { COLOR, STYLE, type TextStyle } from '../pdf/theme.ts';
import { reportTranslator } from '../report-messages.ts';
import type { ReportLanguage } from '../report-input.ts';
import { LOCALE_OF } from '../../scales/display-format.ts';
import type { SigningIdentity } from './identity.ts';

/** An object of an incremental update: a new one, or a new version of an existing one (same number). */
export interface UpdateObject {
  num: number;
  gen: number;
  value: PdfValue;
  /** Stream data, written as it is (the dictionary's /Length must match it). */
  stream?: Buffer;
}

/** What the signed block says: the certificate's holder, the time and the certificate fingerprint. */
export interface AppearanceText {
  heading: string;
  rows: { label: string; value: string; mono?: boolean; muted?: boolean }[];
}

const PAD = 8;
/** Aligned with the signature page's value column (reports/pdf/signature-page.ts: 150 from the block's text edge). */
const LABEL_WIDTH = 140;
const ROW_GAP = 1.5;

export function appearanceText(identity: SigningIdentity, signingTime: Date, language: ReportLanguage, timeZone?: string): AppearanceText {
  const t = reportTranslator(language);
  const none = t('document.none');
  return {
    heading: t('signatures.signedHeading'),
    rows: [
      { label: t('signatures.name'), value: identity.commonName },
      { label: t('signatures.role'), value: identity.role ?? none, muted: !identity.role },
      { label: t('signatures.organisation'), value: identity.organisation ?? none, muted: !identity.organisation },
      { label: t('signatures.signingTime'), value: signingTimeText(signingTime, language, timeZone) },
      { label: t('signatures.fingerprint'), value: identity.certificateFingerprint, mono: true },
    ],
  };
}

/**
 * "7.12.2026 klo 14.05 UTC+2" / "7 July 2026 at 15:05 GMT+3": local time with its offset from UTC, as the report's
 * language writes it; English spells the month, since 07/07 reads differently on either side of the Atlantic.
 */
export function signingTimeText(time: Date, language: ReportLanguage, timeZone?: string): string {
  return new Intl.DateTimeFormat(LOCALE_OF[language], {
    day: 'numeric', month: language === 'en' ? 'long' : 'numeric', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'shortOffset',
    ...(timeZone ? { timeZone } : {}),
  }).format(time);
}

/**
 * The visible block of a signature as a form XObject of `width` x `height` points (the widget's /Rect), and the
 * objects it needs (content fonts, embedded as subsets), numbered from `firstNumber`.
 *
 * Drawn by pdfkit with the report's own fonts and styles, on a one-page document the size of the block; the page's
 * content stream becomes the form's content and its resources are copied with new object numbers. So the block
 * looks like the rest of the report, and the text stays selectable and searchable.
 */
export async function signatureAppearance(text: AppearanceText, width: number, height: number, firstNumber: number): Promise<{ form: number; objects: UpdateObject[] }> {
  const page = readPdfFile(await drawBlock(text, width, height));
  const pageDict = firstPage(page);
  const content = page.object(refNumber(pageDict.get('Contents')))!;
  if (!content.stream) throw new Error('signature appearance: the drawn page has no content stream');
  const copier = new ObjectCopier(page, firstNumber + 1);
  const resources = copier.copy(pageDict.get('Resources')!);
  const formDict: PdfDict = new Map<string, PdfValue>([
    ['Type', name('XObject')],
    ['Subtype', name('Form')],
    ['BBox', numbers([0, 0, width, height])],
    ['Resources', resources],
    ['Length', { kind: 'number', value: content.stream.raw.length }],
  ]);
  const filter = content.stream.dict.get('Filter');
  if (filter) formDict.set('Filter', copier.copy(filter));
  const form: UpdateObject = { num: firstNumber, gen: 0, value: { kind: 'dict', entries: formDict }, stream: Buffer.from(content.stream.raw) };
  return { form: firstNumber, objects: [form, ...copier.objects] };
}

/** A one-page PDF with the block drawn to fill the page, scaled down (never up) when its text needs more room. */
async function drawBlock(text: AppearanceText, width: number, height: number): Promise<Buffer> {
  const doc = new PDFDocument({ size: [width, height], margin: 0, autoFirstPage: false, info: { CreationDate: new Date(0) } });
  registerReportFonts(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.addPage();
  const flow = new PageFlow(doc);
  doc.save().rect(0, 0, width, height).fill(COLOR.white).restore();
  doc.save().lineWidth(0.8).strokeColor(COLOR.accent).rect(0.4, 0.4, width - 0.8, height - 0.8).stroke().restore();
  doc.save().rect(0, 0, 3, height).fill(COLOR.accent).restore();

  // The largest scale (at most 1) at which the block fits: long names wrap, and a small field still shows everything.
  let scale = 1;
  let layout = layoutBlock(flow, text, width / scale);
  while (layout.height * scale > height && scale > 0.3) {
    scale *= 0.9;
    layout = layoutBlock(flow, text, width / scale);
  }
  doc.save().scale(scale);
  const inner = width / scale - 2 * PAD;
  let y = PAD + Math.max(0, (height / scale - layout.height) / 2);
  y = drawLines(flow, layout.heading, PAD + 2, y, inner) + 2;
  for (const row of layout.rows) {
    drawLines(flow, row.label, PAD + 2, y, LABEL_WIDTH - 8);
    drawLines(flow, row.value, PAD + 2 + LABEL_WIDTH, y, inner - LABEL_WIDTH);
    y += row.height;
  }
  doc.restore();
  doc.end();
  return done;
}

interface BlockLayout {
  heading: LaidLine[];
  rows: { label: LaidLine[]; value: LaidLine[]; height: number }[];
  height: number;
}

function layoutBlock(flow: PageFlow, text: AppearanceText, width: number): BlockLayout {
  const inner = width - 2 * PAD;
  const heading = flow.wrap(text.heading, STYLE.h3, inner);
  const rows = text.rows.map((row) => {
    const style: TextStyle = row.mono ? STYLE.mono : row.muted ? STYLE.bodyMuted : STYLE.body;
    const label = flow.wrap(row.label, { ...STYLE.smallBold, lineHeight: style.lineHeight }, LABEL_WIDTH - 8);
    const value = flow.wrap(row.value, style, inner - LABEL_WIDTH);
    return { label, value, height: Math.max(linesHeight(label), linesHeight(value)) + ROW_GAP };
  });
  return { heading, rows, height: 2 * PAD + linesHeight(heading) + 2 + rows.reduce((sum, r) => sum + r.height, 0) };
}

function drawLines(flow: PageFlow, lines: readonly LaidLine[], x: number, y: number, width: number): number {
  let top = y;
  for (const line of lines) {
    if (line.text) flow.drawLine(line, x, top, width);
    top += line.height;
  }
  return top;
}

function firstPage(file: PdfFile): PdfDict {
  const pages = file.dict(file.catalog()?.get('Pages'));
  const kids = file.resolve(pages?.get('Kids'));
  const page = kids?.kind === 'array' ? file.dict(kids.items[0]) : null;
  if (!page) throw new Error('signature appearance: the drawn document has no page');
  return page;
}

function refNumber(value: PdfValue | undefined): number {
  if (value?.kind !== 'ref') throw new Error('signature appearance: expected an indirect object');
  return value.num;
}

/**
 * Copies the objects a value refers to (transitively) out of another file, each under a new number. Streams keep
 * their encoded data; a /Length that was a reference becomes a direct number.
 */
class ObjectCopier {
  readonly objects: UpdateObject[] = [];
  private readonly numbers = new Map<number, number>();

  constructor(private readonly file: PdfFile, private next: number) {}

  copy(value: PdfValue): PdfValue {
    switch (value.kind) {
      case 'ref':
        return { kind: 'ref', num: this.copyObject(value.num), gen: 0 };
      case 'dict':
        return { kind: 'dict', entries: new Map([...value.entries].map(([k, v]) => [k, this.copy(v)])) };
      case 'array':
        return { kind: 'array', items: value.items.map((v) => this.copy(v)) };
      default:
        return value;
    }
  }

  private copyObject(num: number): number {
    const known = this.numbers.get(num);
    if (known !== undefined) return known;
    const object = this.file.object(num);
    if (!object) throw new Error(`signature appearance: object ${num} is missing`);
    const target = this.next++;
    this.numbers.set(num, target);
    const copied: UpdateObject = { num: target, gen: 0, value: { kind: 'null' } };
    this.objects.push(copied);
    if (object.stream) {
      const entries = new Map([...object.stream.dict].filter(([k]) => k !== 'Length').map(([k, v]) => [k, this.copy(v)]));
      entries.set('Length', { kind: 'number', value: object.stream.raw.length });
      copied.value = { kind: 'dict', entries };
      copied.stream = Buffer.from(object.stream.raw);
    } else {
      copied.value = this.copy(object.value);
    }
    return target;
  }
}

const name = (value: string): PdfValue => ({ kind: 'name', value });
const numbers = (values: number[]): PdfValue => ({ kind: 'array', items: values.map((value) => ({ kind: 'number', value })) });
