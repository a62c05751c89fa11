import type { FollowUpModel, MethodModel, RecommendationsModel, TextBlock, TextSectionModel } from '../report-model-types.ts';
import { drawFields } from './fields.ts';
import type { PageFlow } from './page-flow.ts';
import { STYLE } from './theme.ts';

export function drawMethod(flow: PageFlow, method: MethodModel): void {
  flow.heading(method.heading, STYLE.h1, { keepWith: 80 });
  for (const paragraph of method.paragraphs) flow.paragraph(paragraph, STYLE.body);
  flow.gap(4);
  drawFields(flow, method.fields);
  flow.gap(8);
  if (method.scaleNotes.length) {
    flow.heading(method.scaleNotesHeading, STYLE.h2);
    for (const note of method.scaleNotes) flow.paragraph(note, STYLE.smallText);
  }
  if (method.sources.length) {
    flow.heading(method.sourcesHeading, STYLE.h2);
    for (const source of method.sources) flow.paragraph(source, STYLE.smallText, { after: 2 });
  }
}

export function drawTextSection(flow: PageFlow, section: TextSectionModel): void {
  flow.heading(section.heading, STYLE.h1);
  for (const block of section.blocks) drawBlock(flow, block);
}

export function drawRecommendations(flow: PageFlow, recommendations: RecommendationsModel): void {
  flow.heading(recommendations.heading, STYLE.h1);
  drawBlock(flow, recommendations.overall);
  flow.heading(recommendations.itemsHeading, STYLE.h2);
  for (const item of recommendations.items) drawBlock(flow, item, true);
  if (recommendations.noItems) flow.paragraph(recommendations.noItems, STYLE.bodyMuted);
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
