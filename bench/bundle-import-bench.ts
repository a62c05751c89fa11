/**
 * The review bundle import benchmark (issue 6): 1,000 signed bundles, one review each (examples/full-review.json
 * with its own reviewId and one of 50 sites), imported into a fresh temporary database, three ways:
 *
 *   api       bundles.import through the dispatcher (zod on the base64 input and the output), signature checked
 *   direct    the same read and import functions the handler calls, signature checked
 *   unsigned  the same as direct without the signature check (certificate, canonical JSON, RSA-PSS verify)
 *
 *   npm run bench:bundles                    1,000 bundles, 2 rounds
 *   npm run bench:bundles -- --bundles 200 --rounds 3
 *
 * Automatic backups are off (a backup before every import is issue 7's policy, and would measure copying the
 * database). Every import must add exactly one review; the run fails otherwise. It never judges the times.
 */
import { mkdtempSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openStoreContext } from '../cli/open-store.ts';
import { openBackend } from '../electron/backend/backend.ts';
import { checkedBundle, importCheckedBundle } from '../electron/backend/handlers/bundle-handlers.ts';
import { writeBundle } from '../exchange/bundle-write.ts';
import type { BundledReviewFile } from '../exchange/bundle-review-check.ts';
import { createSelfSignedIdentity, readIdentity } from '../reports/signing/identity.ts';
import { contentHash } from '../scales/canonical-json.ts';
import { loadScaleRegistry } from '../scales/scale-registry.ts';
import example from '../examples/full-review.json' with { type: 'json' };

const { values: args } = parseArgs({ options: { bundles: { type: 'string', default: '1000' }, rounds: { type: 'string', default: '2' } } });
const count = Number(args.bundles);
const rounds = Number(args.rounds);
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(rounds) || rounds < 1) throw new Error('--bundles and --rounds take positive whole numbers');

const uid = (n: number) => `00000000-0000-4000-a000-${String(n).padStart(12, '0')}`;
const seconds = (ms: number) => (ms / 1000).toFixed(2);

async function makeBundles(): Promise<Buffer[]> {
  // The app's own identities are 3072-bit RSA (identities.create); so is this one.
  const p12 = await createSelfSignedIdentity({ name: 'Aino Laaksonen', organisation: 'Pirkanmaan hyvinvointialue', validDays: 30, passphrase: 'bench-passphrase' });
  const identity = readIdentity(p12, 'bench-passphrase');
  const scale = loadScaleRegistry().registry.get('ips-25', '1.0.0')!;
  const base = example as unknown as BundledReviewFile;
  return Array.from({ length: count }, (_, i) => writeBundle({
    createdAt: new Date().toISOString(),
    reviews: [{ file: { ...base, reviewId: uid(i), scale: { ...base.scale, contentHash: contentHash(scale.json) }, site: { ...base.site, name: `${base.site.name} ${i % 50}` } } }],
    scales: [scale.json],
  }, identity));
}

type Variant = 'api' | 'direct' | 'unsigned';
const VARIANTS: Variant[] = ['api', 'direct', 'unsigned'];
type Importer = { importOne: (index: number) => Promise<void>; close: () => void };

const freshDb = () => join(mkdtempSync(join(tmpdir(), 'ips-bundle-bench-')), 'bench.sqlite');

async function importer(variant: Variant, bundles: readonly Buffer[], base64: readonly string[]): Promise<Importer> {
  if (variant === 'api') {
    const backend = await openBackend({ dbFile: freshDb(), actor: 'bench', automaticBackups: false, log: () => {} });
    return {
      async importOne(i) {
        const response = await backend.dispatch('bundles.import', { bundleBase64: base64[i] });
        if (!response.ok || (response.output as { reviews: { outcome: string }[] }).reviews[0]?.outcome !== 'new') throw new Error(`api: ${JSON.stringify(response).slice(0, 300)}`);
      },
      close: () => backend.close(),
    };
  }
  const store = await openStoreContext(freshDb(), [], 'bench', () => {});
  return {
    async importOne(i) {
      const { applied } = importCheckedBundle(store.ctx, checkedBundle(store.ctx, bundles[i]!, { checkSignature: variant === 'direct' }), new Set());
      if (applied[0]?.result !== 'new') throw new Error(`${variant}: not imported`);
    },
    close: () => store.close(),
  };
}

interface Totals { wallMs: number; cpuMs: number }

/**
 * One round: the three variants side by side, each into its own fresh database, bundle by bundle in rotating order,
 * so that a burst of load from other processes slows them alike. CPU time is counted too: on a shared machine it
 * moves less than the wall time (which includes waiting for the disk's fsync on every commit).
 */
async function round(bundles: readonly Buffer[], base64: readonly string[]): Promise<Record<Variant, Totals>> {
  const importers = Object.fromEntries(await Promise.all(VARIANTS.map(async (v) => [v, await importer(v, bundles, base64)] as const))) as Record<Variant, Importer>;
  const totals = Object.fromEntries(VARIANTS.map((v) => [v, { wallMs: 0, cpuMs: 0 }])) as Record<Variant, Totals>;
  for (let i = 0; i < bundles.length; i++) {
    for (let k = 0; k < VARIANTS.length; k++) {
      const variant = VARIANTS[(i + k) % VARIANTS.length]!;
      const cpu = process.cpuUsage();
      const start = performance.now();
      await importers[variant].importOne(i);
      totals[variant].wallMs += performance.now() - start;
      const used = process.cpuUsage(cpu);
      totals[variant].cpuMs += (used.user + used.system) / 1000;
    }
  }
  for (const v of VARIANTS) importers[v].close();
  return totals;
}

const made = performance.now();
const bundles = await makeBundles();
const base64 = bundles.map((b) => b.toString('base64'));
console.log(`${count} bundles of ${Math.round(bundles[0]!.length / 1024)} KB made and signed in ${seconds(performance.now() - made)} s (${cpus().length} CPUs: ${cpus()[0]?.model ?? '?'}, Node ${process.versions.node})`);

const results: Record<Variant, Totals[]> = { api: [], direct: [], unsigned: [] };
for (let r = 0; r < rounds; r++) {
  const totals = await round(bundles, base64);
  for (const v of VARIANTS) results[v].push(totals[v]);
}

const best = (v: Variant, key: keyof Totals) => Math.min(...results[v].map((t) => t[key]));
const perSecond = (ms: number) => (count / (ms / 1000)).toFixed(0).padStart(5);
console.log(`\nbest of ${rounds} rounds, ${count} bundles each into a fresh database (variants interleaved bundle by bundle):`);
console.log('             wall       bundles/s    CPU        bundles/s per CPU second');
for (const v of VARIANTS) {
  console.log(`  ${v.padEnd(9)} ${seconds(best(v, 'wallMs')).padStart(6)} s  ${perSecond(best(v, 'wallMs'))}       ${seconds(best(v, 'cpuMs')).padStart(6)} s  ${perSecond(best(v, 'cpuMs'))}`);
}
for (const key of ['wallMs', 'cpuMs'] as const) {
  const label = key === 'wallMs' ? 'wall' : 'CPU';
  console.log(`${label.padEnd(4)}: signature check direct/unsigned ${(best('direct', key) / best('unsigned', key)).toFixed(2)}x (${((best('direct', key) - best('unsigned', key)) / count).toFixed(2)} ms per bundle); api/direct ${(best('api', key) / best('direct', key)).toFixed(2)}x`);
}
