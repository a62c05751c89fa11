import type { HandlerContext } from './handler-context.ts';

/**
 * Whether the certificate with this fingerprint is one the user trusts as a signer (issue 11's trust store, table
 * trusted_certificates with kind 'signer'), so that it may send a later revision of, or a report for, a review
 * that another exporter sent first.
 *
 * The trust store is being built beside this change and does not exist yet: until it does, no exporter is trusted
 * and only the same exporter certificate (or the CLI's explicit --accept-exporter) continues a review. This is
 * the one place to connect it.
 */
export function isTrustedExporter(_ctx: HandlerContext, _fingerprint: string): boolean {
  return false;
}
