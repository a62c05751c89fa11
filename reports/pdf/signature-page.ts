import type { Field, SignatureBlockModel, SignaturesModel } from '../report-model-types.ts';
import type { PageFlow } from './page-flow.ts';
import { linesHeight, type LaidLine } from './text-wrap.ts';
import { BODY, BODY_WIDTH, COLOR, STYLE } from './theme.ts';

const PAD = 10;
const LABEL_WIDTH = 150;
/** Room to write by hand above a blank line; the signature itself gets more. */
const BLANK_HEIGHT = 24;
const SIGNATURE_HEIGHT = 40;

/** A visible block per signer (name, role, date, certificate fingerprint), or blank lines to sign by hand. */
export function drawSignatures(flow: PageFlow, signatures: SignaturesModel): void {
  flow.heading(signatures.heading, STYLE.h1);
  flow.paragraph(signatures.intro, STYLE.body, { after: 12 });
  signatures.blocks.forEach((block, index) => drawBlock(flow, block, index === signatures.blocks.length - 1));
}

interface LaidField { label: LaidLine[]; value: LaidLine[]; height: number; blankLine: boolean }

function drawBlock(flow: PageFlow, block: SignatureBlockModel, last: boolean): void {
  const inner = BODY_WIDTH - 2 * PAD;
  const heading = flow.wrap(block.heading, STYLE.h3, inner);
  const fields = block.fields.map((field, i) => layoutField(flow, field, inner, block.blank && i === block.fields.length - 1));
  const height = 2 * PAD + linesHeight(heading) + 4 + fields.reduce((sum, f) => sum + f.height, 0);
  flow.ensure(height);
  const top = flow.y;
  flow.doc.save().lineWidth(0.8).strokeColor(COLOR.rule).rect(BODY.left, top, BODY_WIDTH, height).stroke().restore();
  flow.doc.save().rect(BODY.left, top, 3, height).fill(COLOR.accent).restore();
  let y = top + PAD;
  for (const line of heading) {
    flow.drawLine(line, BODY.left + PAD, y, inner);
    y += line.height;
  }
  y += 4;
  for (const field of fields) {
    drawLines(flow, field.label, BODY.left + PAD, y + (field.blankLine ? field.height - linesHeight(field.label) - 2 : 0), LABEL_WIDTH);
    if (field.blankLine) {
      const lineY = y + field.height - 3;
      flow.doc.save().lineWidth(0.6).strokeColor(COLOR.text).moveTo(BODY.left + PAD + LABEL_WIDTH, lineY).lineTo(BODY.right - PAD, lineY).stroke().restore();
    } else {
      drawLines(flow, field.value, BODY.left + PAD + LABEL_WIDTH, y, inner - LABEL_WIDTH);
    }
    y += field.height;
  }
  flow.y = top + height;
  if (!last) flow.gap(14);
}

function layoutField(flow: PageFlow, field: Field, inner: number, isSignature: boolean): LaidField {
  const style = field.mono ? STYLE.mono : field.muted ? STYLE.bodyMuted : STYLE.body;
  // The label gets the value's line height, so that the two first lines sit on one line.
  const label = flow.wrap(field.label, { ...STYLE.smallBold, lineHeight: style.lineHeight }, LABEL_WIDTH - 8);
  if (field.value === '') {
    const height = Math.max(isSignature ? SIGNATURE_HEIGHT : BLANK_HEIGHT, linesHeight(label) + 4);
    return { label, value: [], height, blankLine: true };
  }
  const value = flow.wrap(field.value, style, inner - LABEL_WIDTH);
  return { label, value, height: Math.max(linesHeight(label), linesHeight(value)) + 4, blankLine: false };
}

function drawLines(flow: PageFlow, lines: readonly LaidLine[], x: number, y: number, width: number): void {
  let top = y;
  for (const line of lines) {
    if (line.text) flow.drawLine(line, x, top, width);
    top += line.height;
  }
}
