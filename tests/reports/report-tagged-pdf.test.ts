import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, test } from 'vitest';
import { renderReviewReport } from '../../reports/report-from-review.ts';
import type { ReportModel } from '../../reports/report-model-types.ts';
import { bundledIps25, readExample } from '../fixtures/ratings.ts';
import { pdffonts, pdfinfo, qpdfCheck, writeTempPdf } from './report-pdf-tools.ts';

/**
 * The report as assistive technology and archives read it, checked with poppler and qpdf: a tagged PDF whose
 * structure tree holds every word the page shows, in reading order (only page furniture is left out, as
 * artifacts), and PDF/A-2b identification with an sRGB output intent.
 */
const { registry } = bundledIps25();
const run = (command: string, args: string[]) => execFileSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

/** The text of the structure tree in tree order (pdfinfo prints each element's text as quoted lines). */
const structText = (file: string) => run('pdfinfo', ['-struct-text', file]);
const structWords = (file: string) => [...structText(file).matchAll(/^\s*"(.*)"$/gm)].map((m) => m[1]!).join(' ');

/**
 * Every word pdftotext finds, page by page in drawing order, with the running header and footer taken out (each
 * page's frame is drawn last, so its strings are the last occurrences on the page).
 */
function pageWords(file: string, model: ReportModel): string[] {
  const pages = run('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']).split('\f').filter((p) => p.trim());
  return pages.flatMap((page, index) => {
    let text = page.replace(/\s+/g, ' ');
    const frame = [model.frame.runningTitle, model.frame.siteName, model.frame.reportDateLine,
      model.frame.pageTemplate.replace('{{page}}', String(index + 1)).replace('{{pages}}', String(pages.length))];
    for (const piece of frame) {
      const at = text.lastIndexOf(piece.replace(/\s+/g, ' '));
      if (at >= 0) text = text.slice(0, at) + text.slice(at + piece.length);
    }
    return text.split(' ').filter(Boolean);
  });
}

/** Words a continuation page repeats for the eye only: table titles, header rows, "(continued)", the item again. */
function repeatedWords(model: ReportModel): Set<string> {
  const texts = [model.items.heading, model.items.continued, ...Object.values(model.items.columns),
    ...model.items.sections.flatMap((s) => s.rows.flatMap((r) => [r.number, r.title]))];
  if (model.previousActionPlan) texts.push(model.previousActionPlan.heading, ...Object.values(model.previousActionPlan.columns));
  return new Set(texts.flatMap((t) => t.split(/\s+/)));
}

/**
 * Each page word comes next in the structure text (whitespace ignored: a figure's labels are one piece of content,
 * and a little slack for how the two tools split words); a word that does not is allowed only if a continuation
 * page repeats it for the eye (then it is an artifact, outside the tree).
 */
function checkReadingOrder(file: string, model: ReportModel): { missing: string[]; matched: number } {
  const tree = structWords(file).replace(/\s+/g, '');
  const repeated = repeatedWords(model);
  let position = 0;
  let matched = 0;
  const missing: string[] = [];
  for (const word of pageWords(file, model)) {
    const at = tree.indexOf(word, position);
    if (at >= 0 && at - position <= 3) {
      position = at + word.length;
      matched += 1;
    } else if (!repeated.has(word)) {
      missing.push(`${word} (expected after …${tree.slice(Math.max(0, position - 40), position)})`);
    }
  }
  return { missing, matched };
}

describe.each([
  ['partial-review-17-items.json', 'fi'],
  ['full-review.json', 'en'],
  ['partial-review-17-items.json', 'sv'],
] as const)('%s in %s: tagged PDF/A-2b', (example, language) => {
  let file: string;
  let model: ReportModel;
  beforeAll(async () => {
    const rendered = await renderReviewReport(readExample(example), registry, {
      language, reportDate: '2026-09-22', history: [{ date: '2025-09-16', total: 86, estimate: false, band: 'fair', kind: 'external' }],
      extras: { strengths: 'Vahva johdon tuki & selkeä työnjako.', previousActionPlan: { reviewDate: '2025-09-16', kind: 'external', rows: [{ item: 3, goal: 'Tavoite', status: 'open' }] } },
    });
    model = rendered.model;
    file = writeTempPdf(`${language}-${example.replace('.json', '.pdf')}`, rendered.pdf);
  });

  test('pdfinfo says Tagged: yes; the structure tree holds every word pdftotext finds, in reading order', () => {
    expect(pdfinfo(file).fields.Tagged).toBe('yes');
    const { missing, matched } = checkReadingOrder(file, model);
    expect(missing).toEqual([]);
    expect(matched).toBeGreaterThan(800);
  });

  test('headings, tables with header cells, lists, figures with alternative text, the signature fields as Form', () => {
    const tree = structText(file);
    for (const type of ['Document', 'Sect', 'H1', 'H2', 'H3', 'P', 'Table', 'TR', 'TH', 'TD', 'L', 'LI', 'LBody', 'Figure', 'Form']) {
      expect(tree, type).toMatch(new RegExp(`^\\s*${type}\\b`, 'm'));
    }
    expect(tree).toContain('/Scope /Column');
    expect(tree).toContain('/Scope /Row');
    const raw = run('qpdf', ['--qdf', '--object-streams=disable', file, '-']);
    // Three figures (levels, item scores, trend), each with its alternative text; the document language.
    expect(raw.match(/\/S \/Figure/g)?.length).toBe(3);
    expect(raw.match(/\/Alt [(<]/g)?.length ?? 0).toBeGreaterThanOrEqual(5);
    expect(raw).toMatch(/\/Lang \((fi-FI|sv-FI|en-GB)\)/);
    // Running header and footer as pagination artifacts on every page.
    expect(raw.match(/\/Artifact <<\s*\/Type \/Pagination/g)?.length).toBeGreaterThanOrEqual(pdfinfo(file).pages);
    // The signature widgets point back into the tree.
    expect(raw.match(/\/Type \/OBJR/g)?.length).toBe(2);
  });

  test('PDF/A-2b: pdfaid part 2 conformance B in the XMP, an sRGB output intent, Info and XMP agree, fonts embedded', () => {
    const xmp = run('pdfinfo', ['-meta', file]);
    expect(xmp).toMatch(/<pdfaid:part>2<\/pdfaid:part>/);
    expect(xmp).toMatch(/<pdfaid:conformance>B<\/pdfaid:conformance>/);
    expect(xmp).toContain('<pdf:Producer>IPS Fidelity</pdf:Producer>');
    expect(xmp).toContain(`<rdf:li>${model.languageTag}</rdf:li>`);
    const info = pdfinfo(file).fields;
    expect(info.Producer).toBe('IPS Fidelity');
    const raw = run('qpdf', ['--qdf', '--object-streams=disable', file, '-']);
    expect(raw).toMatch(/\/OutputIntents \[/);
    expect(raw).toMatch(/\/S \/GTS_PDFA1/);
    expect(raw).toContain('sRGB IEC61966-2.1');
    expect(qpdfCheck(file).code).toBe(0);
    expect(pdffonts(file).filter((f) => !f.embedded)).toEqual([]);
  });
});

test('the XMP stays well-formed XML whatever the site is called (pdfkit does not escape it)', async () => {
  const review = readExample('full-review.json') as { site: { name: string } };
  review.site.name = 'Kaari & <Co> "IPS"';
  const { pdf } = await renderReviewReport(review, registry, { language: 'fi', reportDate: '2026-09-22' });
  const xmp = run('pdfinfo', ['-meta', writeTempPdf('amp.pdf', pdf)]);
  expect(xmp).toContain('Kaari &amp; &lt;Co&gt; "IPS"');
  expect(xmp).not.toContain('Kaari & <Co>');
});
