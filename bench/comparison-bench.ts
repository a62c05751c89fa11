/**
 * The comparison benchmark (issue 6): 10,000 reviews of 500 sites in 20 regions (bench/dataset.ts).
 *
 *   npm run bench:compare                         generate the data set into a temp folder, 7 rounds after 1 warm-up
 *   npm run bench:compare -- --db FILE            use (or first generate) that data set file
 *   npm run bench:compare -- --rounds 11 --json results.json
 *
 * 1. Every comparison statement (electron/backend/store/comparison-sql.ts) side by side: in-process with
 *    better-sqlite3 (`stmt.all(params)`: rows as JS objects) and in the sqlite3 shell on the same file with the
 *    same bound values (rows written to /dev/null, timed by `.timer on`), in interleaved rounds. Goal: ours/sqlite3
 *    <= 1.5.
 * 2. Every comparison view as the UI calls it (backend.dispatch: input check, transaction, the statements,
 *    shaping, output check), against a 16 ms frame and the 100 ms a user does not notice. A filter change calls
 *    comparison.included and the view shown; a view change calls the view only.
 * It reports; it never fails on times. It fails when a statement fails in either engine.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import { openBackend } from '../electron/backend/backend.ts';
import { comparedScales } from '../electron/backend/handlers/comparison-scales.ts';
import { COMPARISON_SQL, type ComparisonParams, type ComparisonQueryName } from '../electron/backend/store/comparison-sql.ts';
import type { CallName } from '../electron/contract/contract.ts';
import { loadScaleRegistry } from '../scales/scale-registry.ts';
import { DEFAULT_DATASET, generateDataset } from './dataset.ts';
import { median, watchLoad } from './measure.ts';
import { sqlite3Version, timeInShell } from './sqlite-cli.ts';

const GOAL_RATIO = 1.5;
const BUDGET = { frameMs: 16, unnoticedMs: 100 } as const;

const { values: args } = parseArgs({
  options: { db: { type: 'string' }, rounds: { type: 'string', default: '7' }, warmup: { type: 'string', default: '1' }, json: { type: 'string' } },
});
const rounds = Number.parseInt(args.rounds!, 10);
const warmup = Number.parseInt(args.warmup!, 10);
if (!(rounds > 0 && warmup >= 0)) throw new Error('--rounds must be a positive and --warmup a non-negative whole number');

/** The views the comparison page calls, and the statements each runs. */
const VIEWS: Record<string, readonly ComparisonQueryName[]> = {
  'comparison.included': ['included'],
  'comparison.bandsByRegion': ['bandsByRegion'],
  'comparison.siteTotals': ['siteTotals'],
  'comparison.itemHeatmap': ['itemHeatmap'],
  'comparison.weakestItems': ['weakestItems'],
  'comparison.trend': ['trendYears', 'trendReviews'],
  'comparison.selfVsExternal': ['selfVsExternal'],
  'comparison.fidelityEmployment': ['fidelityEmployment'],
};
const STATEMENTS = Object.keys(COMPARISON_SQL) as ComparisonQueryName[];

interface Scenario { name: string; filters: { regionId?: number; siteId?: number; from?: string; to?: string; kind?: 'external' | 'self' } }

function scenarios(file: string): Scenario[] {
  const db = new BetterSqlite3(file, { readonly: true });
  // The busiest region and site, so the narrower scenarios are their worst case.
  const region = db.prepare('SELECT s.region_id AS id FROM reviews r JOIN sites s ON s.id = r.site_id GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1').get() as { id: number };
  const site = db.prepare('SELECT site_id AS id FROM reviews GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1').get() as { id: number };
  db.close();
  return [
    { name: 'national', filters: {} },
    { name: 'one region', filters: { regionId: region.id } },
    { name: 'one site', filters: { siteId: site.id } },
    { name: 'external, 2 years', filters: { kind: 'external', from: '2024-01-01', to: '2025-12-31' } },
  ];
}

function paramsFor(filters: Scenario['filters']): ComparisonParams {
  const { registry } = loadScaleRegistry();
  return {
    scales: comparedScales(registry, null).rulesJson,
    region: filters.regionId ?? null,
    site: filters.siteId ?? null,
    kind: filters.kind ?? null,
    from: filters.from ?? '0000-01-01',
    to: filters.to ?? '9999-12-31',
  };
}

interface StatementResult { scenario: string; statement: ComparisonQueryName; rows: number; ours: { wall: number[]; cpu: number[] }; shell: { wall: number[]; cpu: number[] } }

function timeStatements(file: string, scenario: Scenario): StatementResult[] {
  const params = paramsFor(scenario.filters);
  const db = new BetterSqlite3(file, { readonly: true });
  const prepared = STATEMENTS.map((name) => db.prepare(COMPARISON_SQL[name]));
  const results = STATEMENTS.map((statement, i) => ({ scenario: scenario.name, statement, rows: prepared[i]!.all(params).length, ours: { wall: [] as number[], cpu: [] as number[] }, shell: { wall: [] as number[], cpu: [] as number[] } }));
  const runOurs = (record: boolean) => prepared.forEach((stmt, i) => {
    const cpu = process.cpuUsage();
    const started = performance.now();
    stmt.all(params);
    const wall = performance.now() - started;
    const used = process.cpuUsage(cpu);
    if (record) {
      results[i]!.ours.wall.push(wall);
      results[i]!.ours.cpu.push((used.user + used.system) / 1000);
    }
  });
  const runShell = (record: boolean) => timeInShell(file, { ...params }, STATEMENTS.map((name) => COMPARISON_SQL[name])).forEach((t, i) => {
    if (record) {
      results[i]!.shell.wall.push(t.realMs);
      results[i]!.shell.cpu.push(t.cpuMs);
    }
  });
  for (let round = 0; round < warmup + rounds; round++) {
    const record = round >= warmup;
    // Alternate who goes first, so neither always runs right after the other on a warm cache.
    if (round % 2 === 0) { runOurs(record); runShell(record); } else { runShell(record); runOurs(record); }
  }
  db.close();
  return results;
}

interface ViewResult { scenario: string; view: string; bytes: number; wall: number[] }

async function timeViews(file: string, scenario: Scenario): Promise<ViewResult[]> {
  const backend = await openBackend({ dbFile: file, actor: 'bench', log: () => {} });
  try {
    const results: ViewResult[] = [];
    for (const view of Object.keys(VIEWS)) {
      const wall: number[] = [];
      let bytes = 0;
      for (let round = 0; round < warmup + rounds; round++) {
        const started = performance.now();
        const response = await backend.dispatch(view as CallName, scenario.filters);
        const ms = performance.now() - started;
        if (!response.ok) throw new Error(`${view} failed: ${JSON.stringify(response.error)}`);
        bytes = JSON.stringify(response.output).length;
        if (round >= warmup) wall.push(ms);
      }
      results.push({ scenario: scenario.name, view, bytes, wall });
    }
    return results;
  } finally {
    backend.close();
  }
}

const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(1)).padStart(7);
const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : 'n/a');
const verdict = (value: number) => (value <= BUDGET.frameMs ? 'within a frame' : value <= BUDGET.unnoticedMs ? 'unnoticed (<100 ms)' : 'NOTICEABLE');

async function main() {
  const file = args.db ?? join(mkdtempSync(join(tmpdir(), 'ips-compare-')), 'dataset.sqlite');
  if (!existsSync(file)) {
    const started = performance.now();
    const counts = await generateDataset(file, DEFAULT_DATASET);
    console.log(`data set ${file}: ${JSON.stringify(counts)} generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  const db = new BetterSqlite3(file, { readonly: true });
  const sqliteVersion = (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  db.close();
  console.log(`node ${process.version}, better-sqlite3 with SQLite ${sqliteVersion}; sqlite3 shell ${sqlite3Version()}; ${cpus().length} x ${cpus()[0]?.model ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GiB`);
  console.log(`${rounds} rounds after ${warmup} warm-up; medians. Goal: ours/sqlite3 <= ${GOAL_RATIO}; views within ${BUDGET.unnoticedMs} ms (a frame: ${BUDGET.frameMs} ms).\n`);

  const load = watchLoad();
  const statementResults: StatementResult[] = [];
  const viewResults: ViewResult[] = [];
  for (const scenario of scenarios(file)) {
    statementResults.push(...timeStatements(file, scenario));
    viewResults.push(...await timeViews(file, scenario));
  }
  const window = load();

  console.log('Statements: ours (better-sqlite3) vs the sqlite3 shell, same SQL, same file, same values');
  console.log(`${'scenario'.padEnd(18)} ${'statement'.padEnd(19)} ${'rows'.padStart(6)} | wall ms: ${'ours'.padStart(7)} ${'sqlite3'.padStart(7)} ratio | cpu ms: ${'ours'.padStart(7)} ${'sqlite3'.padStart(7)} ratio`);
  let worstWall = 0;
  for (const r of statementResults) {
    const [ow, sw, oc, sc] = [median(r.ours.wall), median(r.shell.wall), median(r.ours.cpu), median(r.shell.cpu)];
    // Statements under 1 ms are below the shell timer's resolution; their ratio says little.
    if (sw >= 1) worstWall = Math.max(worstWall, ow / sw);
    console.log(`${r.scenario.padEnd(18)} ${r.statement.padEnd(19)} ${String(r.rows).padStart(6)} |          ${ms(ow)} ${ms(sw)} ${ratio(ow, sw).padStart(5)} |         ${ms(oc)} ${ms(sc)} ${ratio(oc, sc).padStart(5)}`);
  }
  const totals = (pick: (r: StatementResult) => number[]) => statementResults.reduce((sum, r) => sum + median(pick(r)), 0);
  const [ow, sw] = [totals((r) => r.ours.wall), totals((r) => r.shell.wall)];
  console.log(`all statements, sum of medians: ours ${ow.toFixed(1)} ms, sqlite3 ${sw.toFixed(1)} ms, ratio ${ratio(ow, sw)}; worst single ratio (statements >= 1 ms) ${worstWall.toFixed(2)} -> ${worstWall <= GOAL_RATIO ? 'PASS' : 'MISS'} (goal <= ${GOAL_RATIO})\n`);

  console.log('Views as the UI calls them (backend.dispatch), wall ms');
  console.log(`${'scenario'.padEnd(18)} ${'view'.padEnd(30)} ${'median'.padStart(7)} ${'max'.padStart(7)} ${'bytes'.padStart(8)}  budget`);
  for (const v of viewResults) {
    console.log(`${v.scenario.padEnd(18)} ${v.view.padEnd(30)} ${ms(median(v.wall))} ${ms(Math.max(...v.wall))} ${String(v.bytes).padStart(8)}  ${verdict(median(v.wall))}`);
  }
  console.log(`\nload during the run: ${window.busyCores.toFixed(2)} of ${window.cores} cores busy, of which this benchmark ${window.benchCores.toFixed(2)}, others ${window.otherCores.toFixed(2)}; loadavg ${window.loadBefore.map((l) => l.toFixed(2)).join(' ')} -> ${window.loadAfter.map((l) => l.toFixed(2)).join(' ')}`);
  if (args.json) writeFileSync(args.json, JSON.stringify({ sqliteVersion, shell: sqlite3Version(), rounds, warmup, statementResults, viewResults, load: window }, null, 2));
}

await main();
