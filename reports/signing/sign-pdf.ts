import { PdfStructureError, readPdfFile, type PdfFile } from '../pdf-reader/pdf-file.ts';
import { PdfSyntaxError, type PdfDict, type PdfValue } from '../pdf-reader/pdf-syntax.ts';
import { ReportLanguage } from '../report-input.ts';
import { signedData } from './cms-signed-data.ts';
import { signerMaterialOf, type SigningIdentity } from './identity.ts';
import { appendUpdate, nextObjectNumber } from './incremental-update.ts';
import { appearanceText } from './signature-appearance.ts';
import { planSignatureUpdate } from './signature-update.ts';
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
  /**
   * The signature field to fill (e.g. "reviewer-2"). By default the first unsigned field whose description names
   * the certificate's holder, else the first unsigned one; with none left, a new invisible field is added.
   */
  slot?: string;
  /** Language of the visible block; by default the document's /Lang, else English. */
  language?: ReportLanguage;
  /** IANA time zone of the time shown in the visible block; by default this computer's. */
  timeZone?: string;
}

/** Written as a PDF name (/Prop_Build /App /Name), so no spaces. */
export const SIGNING_APP_NAME = 'IPS-Fidelity';

/** The ByteRange is written with 10-digit numbers and filled in once the update's length is known. */
const BYTE_RANGE_PLACEHOLDER = 9_999_999_999;

/**
 * Signs a whole PDF with an adbe.pkcs7.detached signature (Adobe.PPKLite; SHA-256, RSA) in one incremental update of
 * our own (reports/signing/signature-update.ts lists what it writes): the signature fills the signer's reserved
 * field on the signature page, whose visible block (name, role, organisation, time, fingerprint) is the appearance
 * of that signature's own widget. So a revision shows exactly the signatures it contains. The first signature
 * certifies the document (DocMDP, permitting only further signatures); earlier signatures stay intact.
 *
 * adbe.pkcs7.detached rather than ETSI.CAdES.detached: PAdES baseline forbids the CMS signing-time attribute that
 * makes the time visible in every validator, and without a trusted timestamp CAdES adds nothing checkable here.
 */
export async function signPdf(pdf: Buffer, identity: SigningIdentity, meta: SignatureMeta): Promise<Buffer> {
  const file = signableInput(pdf);
  const signingTime = meta.signingTime ?? new Date();
  if (signingTime.getTime() > identity.notAfter.getTime()) {
    throw new SigningError('certificate-expired', `the certificate expired on ${identity.notAfter.toISOString()}`, { notAfter: identity.notAfter.toISOString() });
  }
  if (signingTime.getTime() < identity.notBefore.getTime()) {
    throw new SigningError('certificate-not-yet-valid', `the certificate is valid from ${identity.notBefore.toISOString()}`, { notBefore: identity.notBefore.toISOString() });
  }
  const material = signerMaterialOf(identity);
  const contentsBytes = placeholderBytes(material.certificate.length + material.chain.reduce((n, c) => n + c.length, 0));
  const language = meta.language ?? documentLanguage(file);

  let plan;
  try {
    plan = await planSignatureUpdate(file, {
      signature: signatureDictionary(meta, signingTime, contentsBytes),
      slot: meta.slot,
      signerName: identity.commonName,
      appearance: appearanceText(identity, signingTime, language, meta.timeZone),
      newFieldName: `Signature${nextObjectNumber(file)}`,
    }, nextObjectNumber(file));
  } catch (error) {
    if (error instanceof SigningError) throw error;
    if (error instanceof PdfStructureError || error instanceof PdfSyntaxError) {
      throw new SigningError('unsupported-pdf', `cannot add a signature to this PDF (${error.message})`, { reason: error.message });
    }
    throw error;
  }
  const { pdf: prepared, offsets } = appendUpdate(file, plan.objects, `${signingTime.toISOString()} ${identity.certificateFingerprint}`);

  // Fill the byte range: everything except the /Contents hex string, up to the end of the file ("%%EOF").
  const signatureAt = offsets.get(plan.signatureNum)!;
  const placeholder = Buffer.from(`[0 ${BYTE_RANGE_PLACEHOLDER} ${BYTE_RANGE_PLACEHOLDER} ${BYTE_RANGE_PLACEHOLDER}]`, 'latin1');
  const rangeAt = prepared.indexOf(placeholder, signatureAt);
  const contentsAt = prepared.indexOf('/Contents <', signatureAt, 'latin1') + '/Contents '.length;
  const contentsEnd = contentsAt + 2 * contentsBytes + 2;
  if (rangeAt < 0 || contentsAt < signatureAt || prepared[contentsEnd - 1] !== 0x3e) throw new Error('signPdf: placeholder not found in the update');
  const range = [0, contentsAt, contentsEnd, prepared.length - contentsEnd];
  Buffer.from(`[${range.join(' ')}]`.padEnd(placeholder.length, ' '), 'latin1').copy(prepared, rangeAt);

  const signedBytes = Buffer.concat([prepared.subarray(0, contentsAt), prepared.subarray(contentsEnd)]);
  const cms = signedData(signedBytes, material, signingTime);
  if (cms.length > contentsBytes) {
    throw new SigningError('signature-too-large', `the signature (${cms.length} bytes) exceeds placeholder length (${contentsBytes} bytes)`);
  }
  Buffer.from(cms.toString('hex').toUpperCase(), 'latin1').copy(prepared, contentsAt + 1);
  return prepared;
}

/**
 * The CMS holds the certificates, the signed attributes and the RSA signature; 4 KiB beyond the certificates leaves
 * room for a 4096-bit key. Unused space is zero padding inside /Contents, which verifiers ignore.
 */
function placeholderBytes(certificateBytes: number): number {
  return Math.max(8192, Math.ceil((certificateBytes + 4096) / 1024) * 1024);
}

function signatureDictionary(meta: SignatureMeta, signingTime: Date, contentsBytes: number): PdfDict {
  const entries = new Map<string, PdfValue>([
    ['Type', { kind: 'name', value: 'Sig' }],
    ['Filter', { kind: 'name', value: 'Adobe.PPKLite' }],
    ['SubFilter', { kind: 'name', value: 'adbe.pkcs7.detached' }],
    ['ByteRange', { kind: 'array', items: [0, BYTE_RANGE_PLACEHOLDER, BYTE_RANGE_PLACEHOLDER, BYTE_RANGE_PLACEHOLDER].map((value) => ({ kind: 'number', value })) }],
    ['Contents', { kind: 'string', bytes: Buffer.alloc(contentsBytes) }],
    ['M', { kind: 'string', bytes: Buffer.from(pdfDateString(signingTime), 'latin1') }],
    ['Name', textString(meta.name)],
    ['Reason', textString(meta.reason)],
  ]);
  if (meta.location) entries.set('Location', textString(meta.location));
  if (meta.contactInfo) entries.set('ContactInfo', textString(meta.contactInfo));
  entries.set('Prop_Build', { kind: 'dict', entries: new Map([['App', { kind: 'dict', entries: new Map([['Name', { kind: 'name', value: SIGNING_APP_NAME }]]) }]]) });
  return entries;
}

/** A PDF text string (7.9.2.2): ASCII as it is, anything else UTF-16BE with a byte order mark. */
function textString(text: string): PdfValue {
  if (/^[\x20-\x7e]*$/.test(text)) return { kind: 'string', bytes: Buffer.from(text, 'latin1') };
  return { kind: 'string', bytes: Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]) };
}

/** "D:20261207120500Z" (7.9.4), in UTC. */
function pdfDateString(date: Date): string {
  return `D:${date.toISOString().slice(0, 19).replace(/[-T:]/g, '')}Z`;
}

/** The report's language from the catalog's /Lang ("fi-FI"), else English. */
function documentLanguage(file: PdfFile): ReportLanguage {
  const lang = file.resolve(file.catalog()?.get('Lang'));
  const tag = lang?.kind === 'string' ? lang.bytes.toString('latin1').slice(0, 2).toLowerCase() : '';
  const parsed = ReportLanguage.safeParse(tag);
  return parsed.success ? parsed.data : 'en';
}

/** A complete PDF (header, final %%EOF, not encrypted) whose last section is a classic cross-reference table. */
function signableInput(pdf: Buffer): PdfFile {
  if (pdf.subarray(0, 1024).indexOf('%PDF-') < 0) throw new SigningError('not-a-pdf', 'the file is not a PDF');
  const tail = pdf.subarray(Math.max(0, pdf.length - 1024)).toString('latin1');
  if (!/startxref\s+\d+\s+%%EOF\s*$/.test(tail)) throw new SigningError('not-a-pdf', 'the PDF is incomplete (it does not end with %%EOF)');
  let file: PdfFile;
  try {
    file = readPdfFile(pdf);
  } catch (error) {
    throw new SigningError('unsupported-pdf', `cannot read this PDF (${(error as Error).message})`, { reason: (error as Error).message });
  }
  const last = file.revisions[file.last]!;
  if (last.kind !== 'table') {
    throw new SigningError('unsupported-pdf', 'the PDF uses a cross-reference stream, which this signer cannot extend', { reason: 'xref-stream' });
  }
  if (last.trailer.has('Encrypt')) throw new SigningError('unsupported-pdf', 'the PDF is encrypted', { reason: 'encrypted' });
  return file;
}
