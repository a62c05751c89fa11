import BetterSqlite3 from 'better-sqlite3';
import { beforeAll, describe, expect, test } from 'vitest';
import { generateDataset } from '../../bench/dataset.ts';
import { rowsInShell, sqlite3Version } from '../../bench/sqlite-cli.ts';
import { comparedScales } from '../../electron/backend/handlers/comparison-scales.ts';
import { COMPARISON_SQL, type ComparisonParams, type ComparisonQueryName } from '../../electron/backend/store/comparison-sql.ts';
import { loadScaleRegistry } from '../../scales/scale-registry.ts';
import { tempDbFile } from '../fixtures/backend.ts';
import { tempFolders } from '../fixtures/temp-folders.ts';

/**
 * The benchmark compares our statements with the same text in the sqlite3 shell (Debian's, an older SQLite than
 * better-sqlite3's). That comparison means something only if both run it and give the same rows: checked here on a
 * small generated data set, for every statement under several filters. No timing.
 */
let file: string;
const temp = tempFolders();
const scales = comparedScales(loadScaleRegistry().registry, null).rulesJson;
const base: ComparisonParams = { scales, region: null, site: null, kind: null, from: '0000-01-01', to: '9999-12-31' };
/** Stands for the first region that has sites (the region list is the official one, migration 013: most have none here). */
const A_REGION_WITH_SITES = -1;
const SCENARIOS: [string, ComparisonParams][] = [
  ['national', base],
  ['one region', { ...base, region: A_REGION_WITH_SITES }],
  ['one site', { ...base, site: 3 }],
  ['self-assessments, 2022-2024', { ...base, kind: 'self', from: '2022-01-01', to: '2024-12-31' }],
];

beforeAll(async () => {
  file = temp.fileIn(tempDbFile());
  await generateDataset(file, { reviews: 300, sites: 20, regions: 4, seed: 3 });
}, 60_000);

/** Reals to 9 decimals: the shell prints 15 significant digits, JavaScript up to 17. */
const normalised = (rows: Record<string, unknown>[]) =>
  rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'number' ? Math.round(v * 1e9) / 1e9 : v])));

describe(`the comparison statements in the sqlite3 shell (${sqlite3Version()})`, () => {
  test.each(SCENARIOS)('%s: every statement gives the same rows as in better-sqlite3', (_name, scenario) => {
    const db = new BetterSqlite3(file, { readonly: true });
    try {
      const params = scenario.region === A_REGION_WITH_SITES
        ? { ...scenario, region: db.prepare('SELECT min(region_id) FROM sites WHERE region_id IS NOT NULL').pluck().get() as number }
        : scenario;
      for (const name of Object.keys(COMPARISON_SQL) as ComparisonQueryName[]) {
        const ours = db.prepare(COMPARISON_SQL[name]).all(params) as Record<string, unknown>[];
        const shell = rowsInShell(file, { ...params }, COMPARISON_SQL[name]);
        // Statements without ORDER BY (groupings) may list rows in another order: compare as sorted text.
        const sorted = (rows: Record<string, unknown>[]) => normalised(rows).map((r) => JSON.stringify(r)).sort();
        expect(sorted(shell), name).toEqual(sorted(ours));
        if (name !== 'trendReviews' || params.site !== null) expect(ours.length, name).toBeGreaterThan(0);
      }
    } finally {
      db.close();
    }
  });
});
