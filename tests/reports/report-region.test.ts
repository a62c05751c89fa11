import { describe, expect, test } from 'vitest';
import type { ReportLanguage } from '../../reports/report-input.ts';
import { buildReportModel } from '../../reports/report-model.ts';
import { scoreReview } from '../../scales/review-check.ts';
import type { ReviewFile } from '../../scales/review-file.ts';
import { bundledIps25, readExample } from '../fixtures/ratings.ts';

const { registry } = bundledIps25();

function cover(file: ReviewFile, language: ReportLanguage) {
  const scored = scoreReview(file, registry);
  if (!scored.ok) throw new Error(JSON.stringify(scored.problems));
  return buildReportModel({ review: scored.review, scale: scored.scale, score: scored.score, reportDate: '2026-11-23' }, language).cover.fields;
}
const value = (fields: ReturnType<typeof cover>, label: string) => fields.find((f) => f.label === label)?.value;

describe('report cover: region and collaboration model (issue 13)', () => {
  test('a listed region is named in the report language; a free-text one from an older file as written', () => {
    const file = readExample('full-review.json') as ReviewFile;
    expect(value(cover(file, 'fi'), 'Alue')).toBe('Pirkanmaan hyvinvointialue');
    expect(value(cover(file, 'sv'), 'Område')).toBe('Birkalands välfärdsområde');
    expect(value(cover(file, 'en'), 'Region')).toBe('Pirkanmaa wellbeing services county');
    const { regionCode: _code, ...oldSite } = file.site;
    expect(value(cover({ ...file, site: { ...oldSite, region: 'Uudenmaan hyvinvointialueet' } }, 'sv'), 'Område')).toBe('Uudenmaan hyvinvointialueet');
  });

  test('the "other" collaboration model is shown with its note', () => {
    const file = readExample('full-review.json') as ReviewFile;
    const { collaborationModel: _model, ...site } = file.site;
    const other = { ...file, site: { ...site, collaborationOther: 'Kunta ja hyvinvointialue yhdessä' } };
    expect(value(cover(other, 'fi'), 'Yhteistyömalli')).toBe('Muu malli: Kunta ja hyvinvointialue yhdessä');
    expect(value(cover(other, 'sv'), 'Samarbetsmodell')).toBe('Annan modell: Kunta ja hyvinvointialue yhdessä');
  });
});
