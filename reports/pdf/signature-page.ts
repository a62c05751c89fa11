import type { Field, SignatureSlotModel, SignaturesModel } from '../report-model-types.ts';
import type { PageFlow } from './page-flow.ts';
import { addSignatureField, endSignatureField } from './signature-fields.ts';
import { linesHeight, type LaidLine } from './text-wrap.ts';
import { BODY, BODY_WIDTH, COLOR, STYLE } from './theme.ts';

const PAD = 10;
const LABEL_WIDTH = 150;
/**
 * The reserved place of a signature: room for the signed block that the signature adds (heading, name, role,
 * organisation, time and a fingerprint on two lines; reports/signing/signature-appearance.ts fits itself to it).
 */
export const SIGNATURE_SLOT_HEIGHT = 118;

/**
 * The expected signers, each with an empty signature field. The page itself never shows a signature: the place
 * shows only a frame and "awaiting signature" until a signature's own appearance covers it.
 */
export function drawSignatures(flow: PageFlow, signatures: SignaturesModel): void {
  flow.heading(signatures.heading, STYLE.h1);
  for (const paragraph of signatures.intro) flow.paragraph(paragraph, STYLE.body);
  flow.gap(6);
  signatures.slots.forEach((slot, index) => drawSlot(flow, slot, index === signatures.slots.length - 1));
}

interface LaidField { label: LaidLine[]; value: LaidLine[]; height: number }

function drawSlot(flow: PageFlow, slot: SignatureSlotModel, last: boolean): void {
  const inner = BODY_WIDTH - 2 * PAD;
  const heading = flow.wrap(slot.heading, STYLE.h3, inner);
  const fields = slot.fields.map((field) => layoutField(flow, field, inner));
  const height = 2 * PAD + linesHeight(heading) + 4 + fields.reduce((sum, f) => sum + f.height, 0) + 6 + SIGNATURE_SLOT_HEIGHT;
  flow.ensure(height);
  const top = flow.y;
  flow.decor((doc) => {
    doc.save().lineWidth(0.8).strokeColor(COLOR.rule).rect(BODY.left, top, BODY_WIDTH, height).stroke().restore();
    doc.save().rect(BODY.left, top, 3, height).fill(COLOR.accent).restore();
  });
  const { tags } = flow;
  // One division per expected signer: heading, name and role (a two-column table), and the signature field.
  tags.within('Div', () => {
    let y = top + PAD;
    tags.within('H3', () => {
      for (const line of heading) {
        flow.drawLine(line, BODY.left + PAD, y, inner);
        y += line.height;
      }
    });
    y += 4;
    tags.within('Table', () => {
      for (const field of fields) {
        tags.within('TR', () => {
          tags.within('TH', () => drawLines(flow, field.label, BODY.left + PAD, y, LABEL_WIDTH), { scope: 'Row' });
          tags.within('TD', () => drawLines(flow, field.value, BODY.left + PAD + LABEL_WIDTH, y, inner - LABEL_WIDTH));
        });
        y += field.height;
      }
    });
    y += 6;
    drawReservedPlace(flow, slot, BODY.left + PAD, y, inner);
  });
  flow.y = top + height;
  if (!last) flow.gap(14);
}

/** A dashed frame with "awaiting signature" in it, and the empty signature field over exactly that frame. */
function drawReservedPlace(flow: PageFlow, slot: SignatureSlotModel, x: number, y: number, width: number): void {
  const { doc } = flow;
  // Stroked 2 pt inside the field's rectangle, so that a signature's opaque appearance covers all of it, even where
  // a low-resolution rendering blends the appearance's edge pixels.
  const inset = 2;
  flow.decor(() => doc.save().lineWidth(0.6).dash(3, { space: 2 }).strokeColor(COLOR.rule)
    .rect(x + inset, y + inset, width - 2 * inset, SIGNATURE_SLOT_HEIGHT - 2 * inset).stroke().undash().restore());
  const text = flow.wrap(slot.awaiting, STYLE.bodyMuted, width - 2 * PAD, 'center');
  flow.tags.within('P', () => drawLines(flow, text, x + PAD, y + (SIGNATURE_SLOT_HEIGHT - linesHeight(text)) / 2, width - 2 * PAD));
  const widget = addSignatureField(doc, { name: slot.fieldName, description: slot.description, x, y, width, height: SIGNATURE_SLOT_HEIGHT });
  // The field in the structure tree (a Form element pointing at the widget), so the tagging covers the annotation.
  flow.tags.formFor(widget, slot.description);
  endSignatureField(widget);
}

function layoutField(flow: PageFlow, field: Field, inner: number): LaidField {
  const style = field.mono ? STYLE.mono : field.muted ? STYLE.bodyMuted : STYLE.body;
  // The label gets the value's line height, so that the two first lines sit on one line.
  const label = flow.wrap(field.label, { ...STYLE.smallBold, lineHeight: style.lineHeight }, LABEL_WIDTH - 8);
  const value = flow.wrap(field.value, style, inner - LABEL_WIDTH);
  return { label, value, height: Math.max(linesHeight(label), linesHeight(value)) + 4 };
}

function drawLines(flow: PageFlow, lines: readonly LaidLine[], x: number, y: number, width: number): void {
  let top = y;
  for (const line of lines) {
    if (line.text) flow.drawLine(line, x, top, width);
    top += line.height;
  }
}
