import { m001Initial } from './001-initial.ts';
import { m002ReviewWorkflow } from './002-review-workflow.ts';
import { m003SignedReports } from './003-signed-reports.ts';
import { m004IdentityProtection } from './004-identity-protection.ts';
import { m005ExchangeAndComparison } from './005-exchange-and-comparison.ts';
import { m006ReviewResultFacts } from './006-review-result-facts.ts';
import { m007ReviewOrigins } from './007-review-origins.ts';
import { m008TrustedCertificates } from './008-trusted-certificates.ts';
import { m009ReviewerRatingSources } from './009-reviewer-rating-sources.ts';
import { m010ReviewerRecommendations } from './010-reviewer-recommendations.ts';
import { m011VisitPlanSchedule } from './011-visit-plan-schedule.ts';
import { m012ActionPlanRows } from './012-action-plan-rows.ts';
import { m013OfficialRegions } from './013-official-regions.ts';
import { m014EmploymentOutcomeFigures } from './014-employment-outcome-figures.ts';
import { m015DatabaseIdentity } from './015-database-identity.ts';
import { m016ReviewKinds } from './016-review-kinds.ts';
import type { Migration } from './migration.ts';

/** Every migration, in order; `PRAGMA user_version` is the number of the last one applied. */
export const MIGRATIONS: readonly Migration[] = [
  m001Initial,
  m002ReviewWorkflow,
  m003SignedReports,
  m004IdentityProtection,
  m005ExchangeAndComparison,
  m006ReviewResultFacts,
  m007ReviewOrigins,
  m008TrustedCertificates,
  m009ReviewerRatingSources,
  m010ReviewerRecommendations,
  m011VisitPlanSchedule,
  m012ActionPlanRows,
  m013OfficialRegions,
  m014EmploymentOutcomeFigures,
  m015DatabaseIdentity,
  m016ReviewKinds,
];
/** The last migration's number; tests/db/migrations.test.ts checks the list is numbered 1..N without a gap. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
