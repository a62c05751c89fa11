import type { PageFlow } from './page-flow.ts';
import type { StructElement } from './tagging.ts';
import { linesHeight, type Align, type LaidLine } from './text-wrap.ts';
import { BODY, COLOR, type TextStyle } from './theme.ts';

/** A paragraph inside a table cell. */
export interface CellBlock {
  text: string;
  style: TextStyle;
  gapBefore?: number;
  align?: Align;
}

export interface TableRow {
  cells: CellBlock[][];
  /** One cell across every column (a section heading inside the table). */
  span?: boolean;
  fill?: string;
  /** Shown at the top of each cell when the row continues on a new page (e.g. the item number again). */
  continuation?: CellBlock[][];
}

export interface TableSpec {
  columns: { width: number }[];
  header?: CellBlock[][];
  rows: TableRow[];
  borders: boolean;
  padding: { x: number; y: number };
  /** Drawn above the repeated header on each continuation page, e.g. "Results by item (continued)". */
  continuedTitle?: CellBlock;
  /** The first column labels its row (label–value pairs): tagged TH with row scope instead of TD. */
  rowHeaders?: boolean;
  /** A box drawn with the table's layout that is not a table (a highlighted notice): tagged as one paragraph. */
  paragraph?: boolean;
}

/** Fewer lines than this are not started at the bottom of a page; the row moves to the next page instead. */
const MIN_LINES_ON_PAGE = 3;
/** A row up to this tall is never cut: it moves to the next page whole. Only longer rows are split. */
const KEEP_TOGETHER_HEIGHT = (BODY.bottom - BODY.top) / 3;

interface LaidCell { x: number; width: number; queue: LaidLine[] }

/**
 * Draws a table whose rows may be taller than a page. A row that does not fit is cut between lines (the same cut
 * in every column), its borders closed on both pages, and the header row repeated on the new page.
 */
export function drawTable(flow: PageFlow, spec: TableSpec): void {
  // Each row is wrapped once; the layout is reused for the keep-with-next check and for drawing.
  const laidRows = new Map<TableRow, LaidCell[]>();
  const laid = (row: TableRow): LaidCell[] => {
    let cells = laidRows.get(row);
    if (!cells) laidRows.set(row, cells = cellsOf(flow, spec, row));
    return cells;
  };
  const header: TableRow | undefined = spec.header ? { cells: spec.header, fill: COLOR.headerFill } : undefined;
  const previousHook = flow.onNewPage;
  // On a continuation page the title and the header row are repeated for the eye only: artifacts.
  const drawHeader = () => flow.tags.artifact(() => {
    if (spec.continuedTitle) flow.lines(layoutBlocks(flow, [spec.continuedTitle], tableWidth(spec)));
    if (header) drawRowWhole(flow, spec, header, laid(header), null);
  }, 'Pagination');
  const table = flow.tags.open(spec.paragraph ? 'P' : 'Table');
  if (header) {
    flow.ensure(heightOf(spec, laid(header)) + MIN_LINES_ON_PAGE * 12);
    drawRowWhole(flow, spec, header, laid(header), rowElements(flow, spec, header, table, true));
  }
  flow.onNewPage = drawHeader;
  try {
    spec.rows.forEach((row, index) => {
      const next = spec.rows[index + 1];
      if (row.span && next) {
        // Keep a section heading row with the start of the row after it.
        flow.ensure(heightOf(spec, laid(row)) + startHeight(spec, laid(next)));
      }
      drawRowSplitting(flow, spec, row, laid(row), rowElements(flow, spec, row, table, false));
      laidRows.delete(row);
    });
  } finally {
    flow.onNewPage = previousHook;
    flow.tags.close(table);
  }
}

/**
 * A row's TR and its cells' elements, made before the row is drawn so that a cell cut over a page collects its
 * lines from both pages: header cells are TH with column scope, a spanning row's one cell a TH across the
 * columns, the first cell of a label–value row a TH with row scope, and the rest TD.
 */
function rowElements(flow: PageFlow, spec: TableSpec, row: TableRow, table: StructElement, header: boolean): StructElement[] {
  const { tags } = flow;
  if (spec.paragraph) return spec.columns.map(() => table);
  const tr = tags.child('TR', {}, table);
  if (row.span) return [tags.child('TH', { colSpan: spec.columns.length }, tr)];
  return spec.columns.map((_, i) => {
    if (header) return tags.child('TH', { scope: 'Column' }, tr);
    if (spec.rowHeaders && i === 0) return tags.child('TH', { scope: 'Row' }, tr);
    return tags.child('TD', {}, tr);
  });
}

function tableWidth(spec: TableSpec): number {
  return spec.columns.reduce((sum, c) => sum + c.width, 0);
}

function cellsOf(flow: PageFlow, spec: TableSpec, row: TableRow, blocks: CellBlock[][] = row.cells): LaidCell[] {
  const pad = spec.padding.x;
  if (row.span) {
    const width = tableWidth(spec);
    return [{ x: BODY.left, width, queue: layoutBlocks(flow, blocks.flat(), width - 2 * pad) }];
  }
  let x = BODY.left;
  return spec.columns.map((column, i) => {
    const cell = { x, width: column.width, queue: layoutBlocks(flow, blocks[i] ?? [], column.width - 2 * pad) };
    x += column.width;
    return cell;
  });
}

function layoutBlocks(flow: PageFlow, blocks: readonly CellBlock[], width: number): LaidLine[] {
  const lines: LaidLine[] = [];
  for (const block of blocks) {
    if (block.gapBefore && lines.length) lines.push({ text: '', style: block.style, height: block.gapBefore });
    lines.push(...flow.wrap(block.text, block.style, width, block.align));
  }
  return lines;
}

function heightOf(spec: TableSpec, cells: readonly LaidCell[]): number {
  return Math.max(...cells.map((c) => linesHeight(c.queue))) + 2 * spec.padding.y;
}

/**
 * How much of a row must fit on the current page before it is started there: all of it when it is short enough
 * to be kept together, else its first few lines.
 */
function startHeight(spec: TableSpec, cells: readonly LaidCell[]): number {
  const whole = heightOf(spec, cells);
  if (whole <= KEEP_TOGETHER_HEIGHT) return whole;
  return Math.max(...cells.map((c) => linesHeight(c.queue.slice(0, MIN_LINES_ON_PAGE)))) + 2 * spec.padding.y;
}

function drawRowWhole(flow: PageFlow, spec: TableSpec, row: TableRow, cells: readonly LaidCell[], elements: StructElement[] | null): void {
  const height = heightOf(spec, cells);
  flow.ensure(height);
  drawFragment(flow, spec, row, cells.map((c) => ({ ...c, take: c.queue })), height, elements);
  flow.y += height;
}

function drawRowSplitting(flow: PageFlow, spec: TableSpec, row: TableRow, laidCells: readonly LaidCell[], elements: StructElement[]): void {
  const pad = spec.padding.y;
  const cells = laidCells.map((c) => ({ ...c, queue: [...c.queue] }));
  // What a continued row repeats at the top of the next page (the item number again) is for the eye only.
  const continuation = row.continuation
    ? cellsOf(flow, spec, row, row.continuation).map((c) => ({ ...c, queue: c.queue.map((line) => ({ ...line, artifact: true })) }))
    : undefined;
  flow.ensure(startHeight(spec, cells));
  let first = true;
  for (;;) {
    if (!first && continuation) {
      cells.forEach((cell, i) => cell.queue.unshift(...(continuation[i]?.queue ?? [])));
    }
    const available = flow.remaining - 2 * pad;
    const fragment = cells.map((cell) => ({ ...cell, take: takeLines(cell.queue, available) }));
    const height = Math.max(...fragment.map((c) => linesHeight(c.take))) + 2 * pad;
    drawFragment(flow, spec, row, fragment, height, elements);
    flow.y += height;
    cells.forEach((cell, i) => cell.queue.splice(0, fragment[i]!.take.length));
    // Vertical space left over at the top of a continuation is not worth a line of its own.
    cells.forEach((cell) => { while (cell.queue[0]?.text === '') cell.queue.shift(); });
    if (cells.every((cell) => cell.queue.length === 0)) return;
    flow.newPage();
    first = false;
  }
}

/** As many whole lines from the start of `queue` as fit in `available` points (at least one, so a row always advances). */
function takeLines(queue: readonly LaidLine[], available: number): LaidLine[] {
  let used = 0;
  let count = 0;
  for (const line of queue) {
    if (used + line.height > available && count > 0) break;
    used += line.height;
    count += 1;
  }
  return queue.slice(0, count);
}

/** One page's part of a row; `elements` null: a repeated header, drawn as an artifact by the caller. */
function drawFragment(
  flow: PageFlow, spec: TableSpec, row: TableRow, cells: (LaidCell & { take: LaidLine[] })[], height: number, elements: StructElement[] | null,
): void {
  const top = flow.y;
  flow.decor((doc) => {
    if (row.fill) doc.save().rect(BODY.left, top, tableWidth(spec), height).fill(row.fill).restore();
    if (spec.borders) {
      doc.save().lineWidth(0.5).strokeColor(COLOR.rule);
      for (const cell of cells) doc.rect(cell.x, top, cell.width, height).stroke();
      doc.restore();
    }
  });
  cells.forEach((cell, i) => {
    let y = top + spec.padding.y;
    for (const line of cell.take) {
      const lineTop = y;
      if (line.text) {
        const element = elements?.[i];
        if (element && !line.artifact) flow.tags.mark(() => flow.drawLine(line, cell.x + spec.padding.x, lineTop, cell.width - 2 * spec.padding.x), element);
        else flow.drawLine(line, cell.x + spec.padding.x, lineTop, cell.width - 2 * spec.padding.x);
      }
      y += line.height;
    }
  });
}
