import type { PageFrameModel } from '../report-model-types.ts';
import type { PageFlow } from './page-flow.ts';
import { fitWithEllipsis } from './text-wrap.ts';
import { BODY, BODY_WIDTH, COLOR, FOOTER, HEADER, STYLE } from './theme.ts';

/**
 * Header (report name, site) and footer (report date, "Sivu 3 / 9") on every page. Written last, over the buffered
 * pages, because the page count is known only then.
 */
export function drawPageFrames(flow: PageFlow, frame: PageFrameModel): void {
  const { start, count } = flow.doc.bufferedPageRange();
  for (let index = 0; index < count; index++) {
    flow.doc.switchToPage(start + index);
    // Page furniture: outside the structure tree, so a screen reader does not read it on every page.
    flow.tags.artifact(() => drawFrame(flow, frame, index, count), 'Pagination');
  }
}

function drawFrame(flow: PageFlow, frame: PageFrameModel, index: number, count: number): void {
  const { doc } = flow;
  const style = STYLE.frame;
  const half = BODY_WIDTH / 2 - 6;
  {
    doc.save().lineWidth(0.5).strokeColor(COLOR.rule)
      .moveTo(BODY.left, HEADER.rule).lineTo(BODY.right, HEADER.rule).stroke()
      .moveTo(BODY.left, FOOTER.rule).lineTo(BODY.right, FOOTER.rule).stroke()
      .restore();
    const title = fitWithEllipsis(frame.runningTitle, style, half, flow.measure);
    const site = fitWithEllipsis(frame.siteName, style, half, flow.measure);
    const page = frame.pageTemplate.replace('{{page}}', String(index + 1)).replace('{{pages}}', String(count));
    const date = fitWithEllipsis(frame.reportDateLine, style, half, flow.measure);
    flow.textAt(title, style, BODY.left, HEADER.textTop, half);
    flow.textAt(site, style, BODY.right - half, HEADER.textTop, half, 'right');
    flow.textAt(date, style, BODY.left, FOOTER.textTop, half);
    flow.textAt(page, style, BODY.right - half, FOOTER.textTop, half, 'right');
  }
}
