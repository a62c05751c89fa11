import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { ReportHistoryEntry, ReportInput, ReportLanguage } from '../../reports/report-input.ts';
import { buildReportModel } from '../../reports/report-model.ts';
import { renderReportPdf } from '../../reports/render-pdf.ts';
import { scoreReview } from '../../scales/review-check.ts';
import type { ReviewFile } from '../../scales/review-file.ts';
import { bundledIps25, readExample } from '../fixtures/ratings.ts';
import { pdftotextFlat, writeTempPdf } from './report-pdf-tools.ts';

/** Issue 13: a peer review's report says so, names the reviewing organisation, and charts peer reviews apart. */
const { registry } = bundledIps25();
const peer = (): ReviewFile => ({ ...(readExample('full-review.json') as ReviewFile), kind: 'peer', reviewingOrganisation: 'Tampereen IPS-tiimi' });

function model(json: unknown, language: ReportLanguage, extra: Partial<ReportInput> = {}) {
  const scored = scoreReview(json, registry);
  if (!scored.ok) throw new Error(JSON.stringify(scored.problems));
  return buildReportModel({ review: scored.review, scale: scored.scale, score: scored.score, reportDate: '2026-11-23', ...extra }, language);
}

const history: ReportHistoryEntry[] = [
  { date: '2025-03-12', total: 96, estimate: false, band: 'fair', kind: 'peer' },
  { date: '2024-09-10', total: 88, estimate: false, band: 'fair', kind: 'external' },
];

describe('the report of a peer review', () => {
  test.each([
    ['fi', 'Vertaisarviointi', 'Arvioiva organisaatio', 'vertaisarviointi'],
    ['sv', 'Kollegial utvärdering', 'Utvärderande organisation', 'kollegial utvärdering'],
    ['en', 'Peer review', 'Reviewing organisation', 'peer review'],
  ] as const)('%s: cover subtitle, the reviewing organisation, method and the trend legend', (language, subtitle, label, legend) => {
    const m = model(peer(), language, { history });
    expect(m.cover.subtitle.startsWith(subtitle)).toBe(true);
    expect(m.cover.fields.find((f) => f.label === label)?.value).toBe('Tampereen IPS-tiimi');
    expect(m.method.paragraphs[0]).toMatch(/IPS/);
    expect(m.summary.trend!.legend.peer).toBe(legend);
    expect(m.summary.trend!.points.map((p) => p.kind)).toEqual(['external', 'peer', 'peer']);
  });

  test('an external review without an organisation has no such field and no peer legend', () => {
    const m = model(readExample('full-review.json'), 'fi', { history: [history[1]!] });
    expect(m.cover.fields.find((f) => f.label === 'Arvioiva organisaatio')).toBeUndefined();
    expect(m.summary.trend!.legend.peer).toBeNull();
  });

  test('the PDF says it is a peer review and by whom', async () => {
    const file = writeTempPdf('peer-review', await renderReportPdf(model(peer(), 'fi', { history })));
    const text = pdftotextFlat(file);
    rmSync(dirname(file), { recursive: true, force: true });
    expect(text).toContain('Vertaisarviointi');
    expect(text).toContain('Arvioiva organisaatio');
    expect(text).toContain('Tampereen IPS-tiimi');
    expect(text).toContain('vertaisarviointi');
  });
});
