import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, test } from 'vitest';
import { generatedSchemas, schemaText } from '../../scripts/json-schemas.ts';
import { bundleOf, exampleFile, exporterIdentity } from '../exchange/bundle-fixtures.ts';
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

  test('a bundle the app writes passes the bundle schema, free rows and several rows per item too; a row with both an item and a title, or an unknown field, fails', async () => {
    const validateBundle = ajv.compile(schemas['docs/bundle-format.schema.json'] as object);
    const { identity } = await exporterIdentity();
    const row = { item: 3, goal: 'Tiimikokoukset', status: 'open' as const };
    const json = JSON.parse(bundleOf(identity, [{ file: exampleFile(), actionPlan: [row, { ...row, goal: 'Toinen' }, { title: 'Yhteistyö Kelan kanssa', goal: 'Palaveri', status: 'done' }] }]).toString('utf8'));
    expect(json.format).toBe('ips-fidelity-bundle/2');
    expect(validateBundle(json), JSON.stringify(validateBundle.errors)).toBe(true);
    expect(validateBundle(JSON.parse(bundleOf(identity).toString('utf8')))).toBe(true);
    json.content.reviews[0].actionPlan[0].title = 'Molemmat';
    expect(validateBundle(json)).toBe(false);
    delete json.content.reviews[0].actionPlan[0].title;
    json.content.reviews[0].actionPlan[0].priority = 1;
    expect(validateBundle(json)).toBe(false);
  });
});
