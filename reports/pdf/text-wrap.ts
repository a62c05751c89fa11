import type { TextStyle } from './theme.ts';

/** Width of a text in a style, in points, by the same font metrics pdfkit draws with. */
export type Measure = (text: string, style: TextStyle) => number;

export type Align = 'left' | 'right' | 'center';

/** One line of text ready to draw. A line with empty text is vertical space (a paragraph break). */
export interface LaidLine {
  text: string;
  style: TextStyle;
  height: number;
  align?: Align;
  /** Repeated for the reader's orientation only (a "(continued)" line): drawn as an artifact, outside the structure tree. */
  artifact?: boolean;
}

/**
 * Why we wrap lines ourselves instead of letting pdfkit flow the text: a table row whose notes run over a page
 * must be cut between two lines, and the cut must be the same in every column. pdfkit's heightOfString can only
 * say how tall a text is; knowing every line lets the layout split a row exactly, so nothing ever runs past the
 * bottom margin. Widths come from pdfkit's own widthOfString, so a line is exactly as wide as when drawn.
 */
export function wrapText(text: string, style: TextStyle, width: number, measure: Measure, align?: Align): LaidLine[] {
  const lines: LaidLine[] = [];
  const line = (t: string): LaidLine => (align ? { text: t, style, height: style.lineHeight, align } : { text: t, style, height: style.lineHeight });
  for (const paragraph of normaliseText(text).split('\n')) {
    const words = paragraph.split(' ').filter((w) => w !== '');
    if (words.length === 0) {
      // A blank line between paragraphs: half a line, and never two in a row.
      if (lines.length > 0 && lines.at(-1)!.text !== '') lines.push({ text: '', style, height: style.lineHeight / 2 });
      continue;
    }
    // pdfkit measures and draws a line as chunks "word " (each with its trailing space) and a last "word";
    // summing the same chunks gives exactly the width it will draw.
    // Each word is measured once, with its space: the bare width is that less a space (DejaVu kerns no pair
    // with a space; tests/reports/report-text-wrap.test.ts checks it), and the drawing finds the same chunks
    // already shaped.
    const space = measure(' ', style);
    let current = '';
    let widthWithSpace = 0;
    for (const word of words) {
      const chunkWidth = measure(`${word} `, style);
      const wordWidth = chunkWidth - space;
      if (wordWidth > width) {
        if (current) lines.push(line(current));
        const pieces = splitLongWord(word, style, width, measure);
        for (const piece of pieces.slice(0, -1)) lines.push(line(piece));
        current = pieces.at(-1) ?? '';
        widthWithSpace = measure(`${current} `, style);
      } else if (current === '' || widthWithSpace + wordWidth <= width) {
        current = current === '' ? word : `${current} ${word}`;
        widthWithSpace += chunkWidth;
      } else {
        lines.push(line(current));
        current = word;
        widthWithSpace = chunkWidth;
      }
    }
    if (current) lines.push(line(current));
  }
  if (lines.at(-1)?.text === '') lines.pop();
  return lines;
}

/** Line ends as \n, tabs and other spacing as plain spaces, control characters and soft hyphens removed. */
export function normaliseText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\t\v\f\u2028\u2029]/g, (c) => (c === '\u2028' || c === '\u2029' ? '\n' : ' '))
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u00ad\u200b\ufeff]/g, '')
    .replace(/[\u2000-\u200a\u3000]/g, ' ')
    .trim();
}

/**
 * A word wider than the column (a URL, a hash, a long compound): cut after - / _ . : where possible,
 * else between characters. Each piece fits the width.
 */
function splitLongWord(word: string, style: TextStyle, width: number, measure: Measure): string[] {
  const segments = word.match(/[^-/_.:]*[-/_.:]?/g)?.filter((s) => s !== '') ?? [word];
  const pieces: string[] = [];
  let current = '';
  for (const segment of segments) {
    if (measure(current + segment, style) <= width) {
      current += segment;
      continue;
    }
    if (current) pieces.push(current);
    current = '';
    if (measure(segment, style) <= width) {
      current = segment;
      continue;
    }
    const chars = Array.from(segment);
    while (chars.length) {
      const take = charsThatFit(chars, style, width, measure);
      const piece = chars.splice(0, take).join('');
      if (chars.length) pieces.push(piece);
      else current = piece;
    }
  }
  if (current) pieces.push(current);
  return pieces;
}

/**
 * How many of `chars` fit in `width`, at least one. Estimated from per-character widths (cheap, so a 20 000-letter
 * token is not measured again and again), then checked on the real string: kerning makes a run of letters wider
 * or narrower than the sum of its letters.
 */
function charsThatFit(chars: readonly string[], style: TextStyle, width: number, measure: Measure): number {
  let count = 0;
  let estimate = 0;
  while (count < chars.length && estimate + measure(chars[count]!, style) <= width) {
    estimate += measure(chars[count]!, style);
    count += 1;
  }
  while (count > 1 && measure(chars.slice(0, count).join(''), style) > width) count -= 1;
  while (count < chars.length && measure(chars.slice(0, count + 1).join(''), style) <= width) count += 1;
  return Math.max(1, count);
}

/** The text cut to fit `width`, ending in an ellipsis when it had to be cut (running headers). */
export function fitWithEllipsis(text: string, style: TextStyle, width: number, measure: Measure): string {
  const clean = normaliseText(text).replace(/\s+/g, ' ');
  if (measure(clean, style) <= width) return clean;
  const chars = Array.from(clean);
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (measure(`${chars.slice(0, mid).join('').trimEnd()}…`, style) <= width) low = mid;
    else high = mid - 1;
  }
  return `${chars.slice(0, low).join('').trimEnd()}…`;
}

export const linesHeight = (lines: readonly LaidLine[]): number => lines.reduce((sum, l) => sum + l.height, 0);
