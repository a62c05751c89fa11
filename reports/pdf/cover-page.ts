import type { CoverModel } from '../report-model-types.ts';
import { drawFields, drawNotice } from './fields.ts';
import type { PageFlow } from './page-flow.ts';
import { BODY, COLOR, STYLE, withSize } from './theme.ts';

export function drawCover(flow: PageFlow, cover: CoverModel): void {
  flow.gap(48);
  const top = flow.y;
  flow.decor((doc) => doc.save().rect(BODY.left, top, 48, 4).fill(COLOR.accent).restore());
  flow.gap(18);
  // The report's title and the site's name make one heading: "IPS-menetelmäuskollisuusarvioinnin raportti Järvenranta…".
  flow.tags.within('H1', () => {
    flow.lines(flow.wrap(cover.title, STYLE.coverTitle));
    flow.gap(10);
    flow.lines(siteNameLines(flow, cover.siteName));
  });
  flow.gap(4);
  flow.tags.within('P', () => flow.lines(flow.wrap(cover.subtitle, STYLE.coverSubtitle)));
  flow.gap(28);
  for (const notice of cover.notices) drawNotice(flow, notice);
  flow.gap(6);
  drawFields(flow, cover.fields);
}

/** The site's name large; a very long name (up to 300 characters) is set smaller so the cover stays one page. */
function siteNameLines(flow: PageFlow, name: string) {
  for (const size of [22, 17]) {
    const lines = flow.wrap(name, withSize(STYLE.coverSite, size));
    if (lines.length <= 3) return lines;
  }
  return flow.wrap(name, withSize(STYLE.coverSite, 13));
}
