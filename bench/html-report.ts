import { pathToFileURL } from 'node:url';
import { fontPath } from '../reports/pdf/fonts.ts';
import type { BarChartModel, Field, ReportModel, TextBlock, TrendModel } from '../reports/report-model-types.ts';

/**
 * The benchmark's Chromium variant: the same report model as an HTML page, the way an Electron app would template it
 * before `printToPDF`. Same sections and strings as the pdfkit report, the same DejaVu fonts (@font-face from the
 * npm package's files), A4 with CSS page margin boxes for the running header, footer and "Sivu 3 / 9", page breaks
 * before the summary, the method and the signature page, and vector (inline SVG) charts. No JavaScript.
 */
export function reportHtml(model: ReportModel): string {
  return `<!DOCTYPE html>
<html lang="${esc(model.languageTag)}"><head><meta charset="utf-8"><title>${esc(model.metadata.title)}</title>
<style>${css(model)}</style></head>
<body>
${cover(model)}
${summary(model)}
${method(model)}
${items(model)}
${model.strengths ? `<section><h2>${esc(model.strengths.heading)}</h2>${model.strengths.blocks.map(block).join('')}</section>` : ''}
<section><h2>${esc(model.recommendations.heading)}</h2>${model.recommendations.overall ? block(model.recommendations.overall) : ''}
${model.recommendations.itemsHeading ? `<h3>${esc(model.recommendations.itemsHeading)}</h3>` : ''}${model.recommendations.items.map(block).join('')}
${model.recommendations.none ? `<p class="muted">${esc(model.recommendations.none)}</p>` : ''}</section>
<section><h2>${esc(model.followUp.heading)}</h2>${fields(model.followUp.fields)}${paragraphs(model.followUp.paragraphs)}</section>
<section class="page"><h2>${esc(model.signatures.heading)}</h2>${paragraphs(model.signatures.intro)}
${model.signatures.slots.map((s) => `<div class="signature"><h3>${esc(s.heading)}</h3>${fields(s.fields)}<div class="sign-line">${esc(s.awaiting)}</div></div>`).join('')}
</section>
</body></html>`;
}

function css(model: ReportModel): string {
  const font = (family: string, name: 'regular' | 'bold' | 'mono', weight: number) =>
    `@font-face { font-family: "${family}"; src: url("${pathToFileURL(fontPath(name)).href}") format("truetype"); font-weight: ${weight}; }`;
  const [before, between, after] = model.frame.pageTemplate.split(/\{\{page\}\}|\{\{pages\}\}/);
  const pageCounter = `"${cssString(before ?? '')}" counter(page) "${cssString(between ?? '')}" counter(pages) "${cssString(after ?? '')}"`;
  return `
${font('DejaVu Sans', 'regular', 400)}
${font('DejaVu Sans', 'bold', 700)}
${font('DejaVu Sans Mono', 'mono', 400)}
@page { size: A4; margin: 28mm 20mm 23mm 20mm;
  @top-left { content: "${cssString(model.frame.runningTitle)}"; font: 8pt "DejaVu Sans"; color: #5f6b7a; border-bottom: 0.5pt solid #b8c2cc; }
  @top-right { content: "${cssString(model.frame.siteName)}"; font: 8pt "DejaVu Sans"; color: #5f6b7a; border-bottom: 0.5pt solid #b8c2cc; }
  @bottom-left { content: "${cssString(model.frame.reportDateLine)}"; font: 8pt "DejaVu Sans"; color: #5f6b7a; border-top: 0.5pt solid #b8c2cc; }
  @bottom-right { content: ${pageCounter}; font: 8pt "DejaVu Sans"; color: #5f6b7a; border-top: 0.5pt solid #b8c2cc; }
}
html { font: 9.5pt/1.42 "DejaVu Sans"; color: #1f2933; }
body { margin: 0; }
h1 { font-size: 22pt; margin: 0 0 6pt; }
h2 { font-size: 13pt; color: #1b5e7f; margin: 14pt 0 6pt; break-after: avoid; }
h3 { font-size: 10pt; margin: 10pt 0 4pt; break-after: avoid; }
p { margin: 0 0 6pt; }
.page { break-before: page; }
.muted { color: #5f6b7a; }
.cover-title { font-size: 13pt; font-weight: 700; color: #1b5e7f; margin-top: 60pt; }
.notice { background: #fff4dc; border-left: 3pt solid #d9a441; padding: 4pt 8pt; }
dl { display: grid; grid-template-columns: 38% 62%; margin: 6pt 0; }
dt { font-weight: 700; padding: 2pt 6pt 2pt 0; } dd { margin: 0; padding: 2pt 0; }
.mono { font-family: "DejaVu Sans Mono"; font-size: 8pt; word-break: break-all; }
.figures { display: flex; gap: 10pt; margin: 8pt 0; }
.figure { flex: 1; background: #dbe8ef; padding: 8pt; } .figure b { display: block; font-size: 18pt; }
table { width: 100%; border-collapse: collapse; font-size: 8.5pt; line-height: 1.34; }
thead { display: table-header-group; }
th { background: #e4ecf1; text-align: left; font-size: 8pt; padding: 3pt 4pt; }
td { border-bottom: 0.5pt solid #b8c2cc; padding: 3pt 4pt; vertical-align: top; overflow-wrap: anywhere; }
tr.section td { background: #f2f5f7; font-weight: 700; }
.items col.n { width: 6%; } .items col.t { width: 34%; } .items col.s { width: 8%; } .items col.x { width: 52%; }
.note-heading { font-weight: 700; display: block; margin-top: 3pt; }
svg { display: block; margin: 6pt 0; } svg text { font-family: "DejaVu Sans"; font-size: 7px; fill: #1f2933; }
.signature { border: 0.5pt solid #b8c2cc; padding: 6pt 10pt; margin: 10pt 0; break-inside: avoid; }
.sign-line { border-bottom: 0.5pt solid #1f2933; height: 36pt; width: 60%; }
`;
}

function cover(model: ReportModel): string {
  const c = model.cover;
  return `<section><div class="cover-title">${esc(c.title)}</div><h1>${esc(c.siteName)}</h1><p>${esc(c.subtitle)}</p>
${c.notices.map((n) => `<p class="notice">${esc(n)}</p>`).join('')}${fields(c.fields)}</section>`;
}

function summary(model: ReportModel): string {
  const s = model.summary;
  const table = s.sectionTable;
  return `<section class="page"><h2>${esc(s.heading)}</h2>
<div class="figures">${s.figures.map((f) => `<div class="figure">${esc(f.label)}<b>${esc(f.value)}</b>${f.note ? `<span class="muted">${esc(f.note)}</span>` : ''}</div>`).join('')}</div>
<h3>${esc(table.heading)}</h3><table><thead><tr>${table.headers.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead>
<tbody>${table.rows.map((r) => `<tr>${r.map((v) => `<td>${esc(v)}</td>`).join('')}</tr>`).join('')}</tbody></table>
<h3>${esc(s.chart.title)}</h3>${barChart(s.chart)}
${s.trend ? trendChart(s.trend) : `<p class="muted">${esc(s.noTrend ?? '')}</p>`}</section>`;
}

function barChart(chart: BarChartModel): string {
  const bars = chart.groups.flatMap((g) => g.items);
  const width = 480, height = 150, left = 20, bottom = 130, slot = (width - left) / bars.length;
  const y = (v: number) => bottom - ((v - chart.min + 1) / (chart.max - chart.min + 1)) * 110;
  const drawn = bars.map((b, i) => {
    const x = left + i * slot;
    const top = b.score === null ? bottom : y(b.score);
    return `<rect x="${x + 2}" y="${top}" width="${slot - 4}" height="${bottom - top}" fill="#1b5e7f"/>`
      + `<text x="${x + slot / 2}" y="${top - 2}" text-anchor="middle">${esc(b.label)}</text>`
      + `<text x="${x + slot / 2}" y="${bottom + 9}" text-anchor="middle">${b.number}</text>`;
  }).join('');
  let at = 0;
  const groups = chart.groups.map((g) => {
    const x = left + at * slot;
    at += g.items.length;
    return `<text x="${x + 2}" y="${bottom + 19}">${esc(g.title)}</text>`;
  }).join('');
  return `<svg width="${width}pt" height="${height}pt" viewBox="0 0 ${width} ${height}"><line x1="${left}" y1="${bottom}" x2="${width}" y2="${bottom}" stroke="#b8c2cc"/>${drawn}${groups}</svg>`
    + (chart.legend ? `<p class="muted">${esc(chart.legend)}</p>` : '');
}

function trendChart(trend: TrendModel): string {
  const width = 480, height = 140, left = 20, top = 10, bottom = 110;
  const y = (v: number) => bottom - ((v - trend.min) / (trend.max - trend.min)) * (bottom - top);
  const x = (i: number) => left + 30 + (i * (width - left - 60)) / Math.max(1, trend.points.length - 1);
  const shades = ['#f2f5f7', '#e4ecf1', '#dbe8ef', '#c9dce6'];
  const bands = trend.bands.map((b, i) => `<rect x="${left}" y="${y(b.max)}" width="${width - left}" height="${y(b.min) - y(b.max)}" fill="${shades[i % shades.length]}"/>`
    + `<text x="${width - 2}" y="${y(b.max) + 8}" text-anchor="end">${esc(b.label)}</text>`).join('');
  const points = trend.points.filter((p) => p.total !== null);
  const line = points.map((p) => `${x(trend.points.indexOf(p))},${y(p.total!)}`).join(' ');
  const marks = trend.points.map((p, i) => (p.total === null ? '' : `<circle cx="${x(i)}" cy="${y(p.total)}" r="${p.current ? 4 : 3}" fill="${p.kind === 'self' ? '#a15c00' : '#1b5e7f'}"/>`
    + `<text x="${x(i)}" y="${y(p.total) - 6}" text-anchor="middle">${esc(p.valueLabel)}</text>`)
    + `<text x="${x(i)}" y="${bottom + 10}" text-anchor="middle">${esc(p.dateLabel)}</text>`).join('');
  const legend = [trend.legend.external, trend.legend.self, trend.legend.current, trend.legend.estimate].filter(Boolean).join(' · ');
  return `<h3>${esc(trend.title)}</h3><svg width="${width}pt" height="${height}pt" viewBox="0 0 ${width} ${height}">${bands}`
    + `<polyline points="${line}" fill="none" stroke="#1b5e7f" stroke-width="1.5"/>${marks}</svg><p class="muted">${esc(legend)}</p>`
    + (trend.truncatedNote ? `<p class="muted">${esc(trend.truncatedNote)}</p>` : '');
}

function method(model: ReportModel): string {
  const m = model.method;
  return `<section class="page"><h2>${esc(m.heading)}</h2>${paragraphs(m.paragraphs)}
${m.notRated.length ? `<h3>${esc(m.notRatedHeading)}</h3><ul>${m.notRated.map((r) => `<li><b>${esc(r.label)}</b> ${esc(r.reason)}</li>`).join('')}</ul>` : ''}
${m.modelDiffersNote ? `<p>${esc(m.modelDiffersNote)}</p>` : ''}${fields(m.fields)}${m.noneRecorded ? `<p class="muted">${esc(m.noneRecorded)}</p>` : ''}
<h3>${esc(m.sourcesHeading)}</h3><ul>${m.sources.map((s) => `<li>${esc(s)}</li>`).join('')}</ul></section>`;
}

function items(model: ReportModel): string {
  const t = model.items;
  const rows = t.sections.map((section) => `<tr class="section"><td colspan="4">${esc(section.title)}</td></tr>`
    + section.rows.map((r) => `<tr><td>${esc(r.number)}</td><td><b>${esc(r.title)}</b>${r.anchor ? `<br><span class="muted">${esc(r.anchor)}</span>` : ''}</td>`
      + `<td>${r.rated ? `<b>${esc(r.scoreText)}</b>` : `<span class="muted">${esc(r.scoreText)}</span>`}</td>`
      + `<td>${r.notes.map((n) => `${n.heading ? `<span class="note-heading">${esc(n.heading)}</span>` : ''}<span${n.muted ? ' class="muted"' : ''}>${esc(n.text)}</span>`).join('')}</td></tr>`).join('')).join('\n');
  return `<section><h2>${esc(t.heading)}</h2><p>${esc(t.intro)}</p>
<table class="items"><colgroup><col class="n"><col class="t"><col class="s"><col class="x"></colgroup>
<thead><tr><th>${esc(t.columns.number)}</th><th>${esc(t.columns.item)}</th><th>${esc(t.columns.score)}</th><th>${esc(t.columns.notes)}</th></tr></thead>
<tbody>${rows}</tbody></table></section>`;
}

function block(b: TextBlock): string {
  return `${b.heading ? `<h3>${esc(b.heading)}</h3>` : ''}${paragraphs(b.text.split(/\n\s*\n/), b.muted)}`;
}

function paragraphs(texts: readonly string[], muted = false): string {
  return texts.map((p) => `<p${muted ? ' class="muted"' : ''}>${esc(p)}</p>`).join('');
}

function fields(list: readonly Field[]): string {
  return `<dl>${list.map((f) => `<dt>${esc(f.label)}</dt><dd class="${f.mono ? 'mono' : ''}${f.muted ? ' muted' : ''}">${esc(f.value) || '&nbsp;'}</dd>`).join('')}</dl>`;
}

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A CSS string literal's content: backslash and double quote escaped, line breaks as \A. */
function cssString(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\A ');
}
