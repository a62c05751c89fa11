import type { FollowUpModel, MethodModel, NotRatedRowModel, RecommendationsModel, TextBlock, TextSectionModel } from '../report-model-types.ts';
import { drawFields } from './fields.ts';
import type { PageFlow } from './page-flow.ts';
import { BODY, BODY_WIDTH, STYLE } from './theme.ts';

export function drawMethod(flow: PageFlow, method: MethodModel): void {
  flow.heading(method.heading, STYLE.h1, { keepWith: 80 });
  for (const paragraph of method.paragraphs) flow.paragraph(paragraph, STYLE.body);
  if (method.notRated.length) {
    flow.heading(method.notRatedHeading, STYLE.h2, { keepWith: 50 });
    drawNotRatedList(flow, method.notRated);
    if (method.modelDiffersNote) flow.paragraph(method.modelDiffersNote, STYLE.body);
  }
  flow.gap(4);
  if (method.fields.length) drawFields(flow, method.fields);
  if (method.noneRecorded) flow.paragraph(method.noneRecorded, STYLE.bodyMuted);
  for (const group of method.visits) {
    flow.heading(group.heading, STYLE.h3, { keepWith: 30 });
    drawFields(flow, group.rows, 190);
  }
  flow.gap(8);
  if (method.sources.length) {
    flow.heading(method.sourcesHeading, STYLE.h2);
    flow.tags.within('L', () => {
      for (const source of method.sources) flow.tags.within('LI', () => flow.paragraph(source, STYLE.smallText, { after: 2, type: 'LBody' }));
    });
  }
}

const LABEL_WIDTH = 190;

/** A list (L > LI > Lbl + LBody): the item's number and title, and beside it the reason it was not rated. */
function drawNotRatedList(flow: PageFlow, rows: readonly NotRatedRowModel[]): void {
  const reasonWidth = BODY_WIDTH - LABEL_WIDTH;
  flow.tags.within('L', () => {
    for (const row of rows) {
      const label = flow.wrap(row.label, STYLE.bodyBold, LABEL_WIDTH - 10);
      const reason = flow.wrap(row.reason, STYLE.body, reasonWidth);
      const height = Math.max(label.length * STYLE.body.lineHeight, reason.length * STYLE.body.lineHeight);
      flow.ensure(height);
      const top = flow.y;
      flow.tags.within('LI', () => {
        flow.tags.within('Lbl', () => flow.lines(label, BODY.left, LABEL_WIDTH - 10));
        flow.y = top;
        flow.tags.within('LBody', () => flow.lines(reason, BODY.left + LABEL_WIDTH, reasonWidth));
      });
      flow.y = top + height + 4;
    }
  });
}

export function drawTextSection(flow: PageFlow, section: TextSectionModel): void {
  flow.heading(section.heading, STYLE.h1);
  for (const block of section.blocks) drawBlock(flow, block);
}

export function drawRecommendations(flow: PageFlow, recommendations: RecommendationsModel): void {
  flow.heading(recommendations.heading, STYLE.h1);
  if (recommendations.overall) drawBlock(flow, recommendations.overall);
  if (recommendations.itemsHeading) flow.heading(recommendations.itemsHeading, STYLE.h2);
  for (const item of recommendations.items) drawBlock(flow, item, true);
  if (recommendations.none) flow.paragraph(recommendations.none, STYLE.bodyMuted);
}

export function drawFollowUp(flow: PageFlow, followUp: FollowUpModel): void {
  flow.heading(followUp.heading, STYLE.h1, { keepWith: 80 });
  drawFields(flow, followUp.fields);
  flow.gap(8);
  for (const paragraph of followUp.paragraphs) flow.paragraph(paragraph, STYLE.body);
}

function drawBlock(flow: PageFlow, block: TextBlock, small = false): void {
  if (block.heading) flow.heading(block.heading, small ? STYLE.h3 : STYLE.h2, { keepWith: 30 });
  flow.paragraph(block.text, block.muted ? STYLE.bodyMuted : STYLE.body);
}
