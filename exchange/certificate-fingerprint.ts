import { z } from 'zod';

/** SHA-256 of a DER certificate as certificate viewers show it (reports/signing/certificate-summary.ts). Runs anywhere (the renderer shares it). */
export const CertificateFingerprint = z.string().regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/, 'use the SHA-256 fingerprint form AB:CD:…');
