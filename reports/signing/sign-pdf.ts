import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SignPdf } from '@signpdf/signpdf';
import { SUBFILTER_ADOBE_PKCS7_DETACHED } from '@signpdf/utils';
import { IdentitySigner } from './cms-signed-data.ts';
import { signerMaterialOf, type SigningIdentity } from './identity.ts';
import { markerFor, repairTrailer, swapMarkers } from './placeholder-repair.ts';
import { SigningError } from './signing-error.ts';

export interface SignatureMeta {
  /** Why the signer signs, shown by PDF readers ("Review report approved"). */
  reason: string;
  location?: string;
  /** The signer's name as the signature dictionary states it (readers show the certificate's name as well). */
  name: string;
  contactInfo?: string;
  /** Defaults to now. */
  signingTime?: Date;
}

/** Written as a PDF name (/Prop_Build /App /Name), so no spaces. */
export const SIGNING_APP_NAME = 'IPS-Fidelity';

/**
 * Signs a whole PDF with an adbe.pkcs7.detached signature (Adobe.PPKLite; SHA-256, RSA). The signature fields are
 * appended as an incremental update, so signing an already-signed PDF leaves the earlier signatures intact: the
 * second reviewer's signature covers the first one's, and both stay valid.
 *
 * adbe.pkcs7.detached rather than ETSI.CAdES.detached: PAdES baseline forbids the CMS signing-time attribute that
 * makes the time visible in every validator, and without a trusted timestamp CAdES adds nothing checkable here.
 */
export async function signPdf(pdf: Buffer, identity: SigningIdentity, meta: SignatureMeta): Promise<Buffer> {
  const input = signableInput(pdf);
  const signingTime = meta.signingTime ?? new Date();
  if (signingTime.getTime() > identity.notAfter.getTime()) {
    throw new SigningError('certificate-expired', `the certificate expired on ${identity.notAfter.toISOString()}`, { notAfter: identity.notAfter.toISOString() });
  }
  if (signingTime.getTime() < identity.notBefore.getTime()) {
    throw new SigningError('certificate-not-yet-valid', `the certificate is valid from ${identity.notBefore.toISOString()}`, { notBefore: identity.notBefore.toISOString() });
  }
  const material = signerMaterialOf(identity);
  const markers: { marker: string; text: string }[] = [];
  const literal = (text: string) => {
    if (/^[\x20-\x7e]*$/.test(text)) return text;
    const marker = markerFor(text, markers.length);
    markers.push({ marker, text });
    return marker;
  };

  let prepared: Buffer;
  try {
    prepared = plainAddPlaceholder({
      pdfBuffer: input,
      reason: literal(meta.reason),
      name: literal(meta.name),
      location: literal(meta.location ?? ''),
      contactInfo: literal(meta.contactInfo ?? ''),
      signingTime,
      signatureLength: placeholderBytes(material.certificate.length + material.chain.reduce((n, c) => n + c.length, 0)),
      subFilter: SUBFILTER_ADOBE_PKCS7_DETACHED,
      appName: SIGNING_APP_NAME,
    });
    prepared = repairTrailer(swapMarkers(prepared, input.length, markers), input.length);
  } catch (error) {
    throw new SigningError('unsupported-pdf', `cannot add a signature field to this PDF (${(error as Error).message})`, { reason: (error as Error).message });
  }
  try {
    return await new SignPdf().sign(prepared, new IdentitySigner(material), signingTime);
  } catch (error) {
    const message = (error as Error).message;
    if (/exceeds placeholder length/i.test(message)) throw new SigningError('signature-too-large', message);
    throw error;
  }
}

/**
 * The CMS holds the certificates, the signed attributes and the RSA signature; 4 KiB beyond the certificates leaves
 * room for a 4096-bit key. Unused space is zero padding inside /Contents, which verifiers ignore.
 */
function placeholderBytes(certificateBytes: number): number {
  return Math.max(8192, Math.ceil((certificateBytes + 4096) / 1024) * 1024);
}

/** A complete classic PDF (header, final %%EOF, a cross-reference table rather than a stream, not encrypted), without its final newline. */
function signableInput(pdf: Buffer): Buffer {
  if (pdf.subarray(0, 1024).indexOf('%PDF-') < 0) throw new SigningError('not-a-pdf', 'the file is not a PDF');
  let end = pdf.length;
  while (end > 0 && (pdf[end - 1] === 0x0a || pdf[end - 1] === 0x0d)) end -= 1;
  const input = pdf.subarray(0, end);
  const tail = input.subarray(Math.max(0, end - 1024)).toString('latin1');
  const startxref = /startxref\s+(\d+)\s+%%EOF$/.exec(tail);
  if (!startxref || !/[\r\n]%%EOF$/.test(tail)) throw new SigningError('not-a-pdf', 'the PDF is incomplete (it does not end with %%EOF)');
  const at = Number(startxref[1]);
  if (!/^\s*xref/.test(input.subarray(at, at + 32).toString('latin1'))) {
    throw new SigningError('unsupported-pdf', 'the PDF uses a cross-reference stream, which this signer cannot extend', { reason: 'xref-stream' });
  }
  if (/\/Encrypt\s/.test(input.subarray(input.lastIndexOf('trailer')).toString('latin1'))) {
    throw new SigningError('unsupported-pdf', 'the PDF is encrypted', { reason: 'encrypted' });
  }
  return input;
}
