import { readTrustAnchors } from '../store/trust-store.ts';
import type { HandlerContext } from './handler-context.ts';

/**
 * Whether the certificate with this fingerprint is a trusted signer, so that it may send a later revision of, or a
 * report for, a review another exporter sent first: a signer certificate the user confirmed in the trust store
 * (trusted_certificates, kind 'signer'), or one of this app's own signing identities (trust-store.ts). Roots are
 * not consulted: a bundle carries only its exporter's certificate, and continuity is about that one certificate.
 */
export function isTrustedExporter(ctx: HandlerContext, fingerprint: string): boolean {
  return readTrustAnchors(ctx.db).signers.some((signer) => signer.fingerprint === fingerprint);
}
