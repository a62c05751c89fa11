import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, test } from 'vitest';
import { generatedSchemas, schemaText } from '../../scripts/json-schemas.ts';
import { BUNDLED_SCALES_DIR } from '../../scales/scale-registry.ts';
import { ROOT, readExample } from '../fixtures/ratings.ts';

const schemas = generatedSchemas();

describe('published JSON Schemas', () => {
  test.each(Object.keys(schemas))('%s is the generated one (run `npm run schemas` after changing a zod schema)', (file) => {
    expect(readFileSync(join(ROOT, file), 'utf8')).toBe(schemaText(schemas[file]));
  });

  // ajv is an independent validator: it shows the schema a third party would use agrees with our reader.
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats.default(ajv);
  const validateReview = ajv.compile(schemas['docs/review-format.schema.json'] as object);
  const validateScale = ajv.compile(schemas['docs/scale-format.schema.json'] as object);

  test('the examples and every bundled scale version pass', () => {
    for (const name of ['full-review.json', 'partial-review-17-items.json']) {
      expect(validateReview(readExample(name)), JSON.stringify(validateReview.errors)).toBe(true);
    }
    const scaleFiles = readdirSync(BUNDLED_SCALES_DIR).filter((name) => name.endsWith('.json'));
    expect(scaleFiles).toEqual(expect.arrayContaining(['ips-25-1.0.0.json', 'ips-25-1.1.0.json']));
    for (const name of scaleFiles) {
      const scale = JSON.parse(readFileSync(join(BUNDLED_SCALES_DIR, name), 'utf8'));
      expect(validateScale(scale), `${name}: ${JSON.stringify(validateScale.errors)}`).toBe(true);
    }
  });

  test('the scale schema knows the fields added in 1.1.0, and refuses an unknown band field', () => {
    const scale = JSON.parse(readFileSync(join(BUNDLED_SCALES_DIR, 'ips-25-1.1.0.json'), 'utf8'));
    expect(scale).toMatchObject({ comparableWith: ['1.0.0'], changelog: [{ version: '1.1.0' }] });
    expect(scale.items[0]).toMatchObject({ manualNumber: 'Staffing 1', officialTitle: 'Caseload size' });
    expect(scale.scoring.bands[0]).toMatchObject({ shortLabel: { en: 'poor' }, ownWording: ['sv'] });
    scale.scoring.bands[0].colour = 'red';
    expect(validateScale(scale)).toBe(false);
  });

  test('a review with a bad date, kind and reason fails; an unknown field does not', () => {
    const json = structuredClone(readExample('full-review.json')) as any;
    json.futureField = true;
    expect(validateReview(json)).toBe(true);
    json.visitDates = ['2026-13-45'];
    json.kind = 'audit';
    json.ratings[0] = { item: 1, score: null, reason: 'lazy' };
    expect(validateReview(json)).toBe(false);
    expect([...new Set(validateReview.errors?.map((e) => e.instancePath))].sort()).toEqual(['/kind', '/ratings/0/reason', '/visitDates/0']);
  });
});
