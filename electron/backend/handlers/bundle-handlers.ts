import { readBundle, type CheckedBundle } from '../../../exchange/bundle-read.ts';
import { judgeBundle, type BundleTrust } from '../../../exchange/bundle-trust.ts';
import type { Problem } from '../../../scales/problem.ts';
import { matchRegionName } from '../../../scales/regions/fi-regions.ts';
import { scoreRatings, scoreTotals } from '../../../scales/scoring.ts';
import type { ScaleVersion } from '../../../scales/scale-version.ts';
import { openSealedIdentity } from '../../../reports/signing/sealed-identity.ts';
import type { SigningIdentity } from '../../../reports/signing/identity.ts';
import { SigningError } from '../../../reports/signing/signing-error.ts';
import { joinedAnchors } from '../../../reports/signing/signer-trust.ts';
import { ApiFailure } from '../../contract/api-error.ts';
import type { CallName, CallOutput } from '../../contract/contract.ts';
import { getIdentityRow } from '../store/reports-store.ts';
import { readTrustAnchors } from '../store/trust-store.ts';
import { bundleFileName, exportBundle, reviewsToExport, type BundleSelection } from './bundle-export.ts';
import { applyBundleImport, planBundleImport, type ReviewPlan } from './bundle-import.ts';
import { bundleTrustView, extraTrustAnchors, reportVerdictView } from './bundle-trust-view.ts';
import type { HandlerContext, HandlerGroup } from './handler-context.ts';
import { storedSecret } from './report-handlers.ts';
import { toSummary } from './review-views.ts';

const issues = (problems: readonly Problem[]) => problems.map((p) => ({ path: p.path, code: p.code, message: p.message }));

/** Reads and checks a bundle; a refused one is an input error listing every problem, and nothing is written. */
export function checkedBundle(ctx: HandlerContext, bytes: Uint8Array, options: { checkSignature?: boolean } = {}): CheckedBundle {
  const read = readBundle(bytes, ctx.registry, options);
  if (!read.ok) throw new ApiFailure('invalid-input', { reason: 'invalid-bundle', issues: issues(read.problems) });
  return read.bundle;
}

/**
 * Imports a checked bundle in one transaction (all of it or nothing), then adds the scale versions it stored to
 * the registry, only once they are committed. The API calls it; the bundle benchmark calls it directly.
 */
export function importCheckedBundle(ctx: HandlerContext, bundle: CheckedBundle, replace: ReadonlySet<string>, acceptExporter?: string) {
  const { applied, storedScales } = ctx.db.transaction(() => applyBundleImport(ctx, bundle, planBundleImport(ctx, bundle, acceptExporter), replace)).immediate();
  for (const scale of storedScales) ctx.registry.add(scale);
  return { applied, storedScales };
}

function reviewInfo(plan: ReviewPlan, trust: BundleTrust) {
  const { review, existing } = plan;
  const score = scoreRatings(review.scale.data, review.file.ratings);
  return {
    reviewUid: review.file.reviewId,
    siteName: review.file.site.name,
    regionName: review.file.site.region ?? null,
    regionCode: review.file.site.regionCode ?? (review.file.site.region ? matchRegionName(review.file.site.region) : null),
    kind: review.file.kind,
    status: review.file.status ?? 'final',
    visitDates: plan.incoming.visitDates,
    revision: review.file.revision,
    localRevision: existing?.revision ?? null,
    scale: { id: review.scale.data.id, version: review.scale.data.version },
    // The bundle's ratings passed the scale's checks, so scoring them cannot fail.
    score: toSummary(score.ok ? score.score : scoreTotals(review.scale.data, { ratedItems: 0, rawTotal: 0 })),
    signedReport: review.signedReport !== undefined,
    reportVerdict: reportVerdictView(trust.reports.get(review.index)),
    actionPlanRows: review.actionPlan?.length ?? 0,
    reason: plan.reason,
    refusal: plan.refusal,
  };
}

/** The certificate the user accepts must be this bundle's exporter's: a flag meant for one sender never admits another. */
function acceptedExporterIssue(bundle: CheckedBundle, acceptExporter: string | undefined) {
  if (acceptExporter === undefined || acceptExporter === bundle.exporter.certificateFingerprint) return null;
  return { path: 'acceptExporter', code: 'accept-exporter-mismatch', message: `the bundle is signed by ${bundle.exporter.name} (${bundle.exporter.certificateFingerprint}), not by the certificate ${acceptExporter} named to accept` };
}

const exporterInfo = (bundle: CheckedBundle) => ({ name: bundle.exporter.name, organisation: bundle.exporter.organisation ?? null, certificateFingerprint: bundle.exporter.certificateFingerprint });
const scaleInfo = (scale: ScaleVersion) => ({ id: scale.data.id, version: scale.data.version, contentHash: scale.contentHash });

export async function unsealedIdentity(ctx: HandlerContext, identityId: number, storagePassphrase: string | undefined): Promise<SigningIdentity> {
  const row = ctx.db.transaction(() => getIdentityRow(ctx.db, identityId)).immediate();
  if (!row) throw new ApiFailure('not-found', { entity: 'identity', id: identityId });
  try {
    return await openSealedIdentity(JSON.parse(row.sealed), storedSecret(ctx, row, storagePassphrase));
  } catch (error) {
    if (error instanceof SigningError) throw new ApiFailure('invalid-input', { issues: [{ path: 'storagePassphrase', code: error.code, message: error.message }] });
    throw error;
  }
}

type BundleCalls = 'bundles.export' | 'bundles.inspect' | 'bundles.import';

export const bundleHandlers: HandlerGroup<BundleCalls> = {
  'bundles.export': async ({ reviewIds, siteId, all, identityId, storagePassphrase }, ctx) => {
    const selection: BundleSelection = reviewIds ? { reviewIds } : siteId !== undefined ? { siteIds: [siteId] } : { all: all! };
    // Check the selection before the slow unsealing, so a wrong choice is told at once.
    ctx.db.transaction(() => reviewsToExport(ctx, selection)).immediate();
    const identity = await unsealedIdentity(ctx, identityId, storagePassphrase);
    return ctx.db.transaction((): CallOutput<'bundles.export'> => {
      const rows = reviewsToExport(ctx, selection);
      const { bytes, revisionsRaised } = exportBundle(ctx, rows, identity);
      return { bundleBase64: bytes.toString('base64'), fileName: bundleFileName(ctx, rows), reviewCount: rows.length, revisionsRaised };
    }).immediate();
  },

  'bundles.inspect': ({ bundleBase64, acceptExporter, trustCertificates }, ctx) => {
    const extra = extraTrustAnchors(trustCertificates ?? []);
    const read = readBundle(Buffer.from(bundleBase64, 'base64'), ctx.registry);
    if (!read.ok) return { ok: false, problems: issues(read.problems) };
    const { bundle } = read;
    const mismatch = acceptedExporterIssue(bundle, acceptExporter);
    if (mismatch) return { ok: false, problems: [mismatch] };
    const plans = planBundleImport(ctx, bundle, acceptExporter);
    const used = new Set(plans.filter((p) => p.outcome === 'new' || p.outcome === 'newer').map((p) => p.review.scale));
    const trust = judgeBundle(bundle, joinedAnchors(readTrustAnchors(ctx.db), extra));
    const { exporter, impostors } = bundleTrustView(trust);
    return {
      ok: true,
      exporter: { ...exporterInfo(bundle), ...exporter },
      createdAt: bundle.createdAt,
      reviews: plans.map((plan) => ({ ...reviewInfo(plan, trust), outcome: plan.outcome })),
      scalesToAdd: bundle.newScales.filter((s) => used.has(s)).map(scaleInfo),
      impostors,
      warnings: issues(bundle.reviews.flatMap((r) => r.warnings)),
    };
  },

  'bundles.import': async ({ bundleBase64, replace, acceptExporter }, ctx) => {
    const bundle = checkedBundle(ctx, Buffer.from(bundleBase64, 'base64'));
    const mismatch = acceptedExporterIssue(bundle, acceptExporter);
    if (mismatch) throw new ApiFailure('invalid-input', { issues: [mismatch] });
    const inBundle = new Set(bundle.reviews.map((r) => r.file.reviewId));
    const unknown = replace.filter((uid) => !inBundle.has(uid));
    if (unknown.length) {
      throw new ApiFailure('invalid-input', { issues: unknown.map((uid) => ({ path: 'replace', code: 'not-in-bundle', message: `review ${uid} is not in the bundle` })) });
    }
    const { applied, storedScales } = importCheckedBundle(ctx, bundle, new Set(replace), acceptExporter);
    const trust = judgeBundle(bundle, readTrustAnchors(ctx.db));
    const { exporter, impostors } = bundleTrustView(trust);
    return {
      exporter: { ...exporterInfo(bundle), ...exporter },
      reviews: applied.map((plan) => ({ ...reviewInfo(plan, trust), outcome: plan.result, reviewId: plan.reviewId })),
      scalesAdded: storedScales.map(scaleInfo),
      impostors,
    };
  },
};
