import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CertificateError, readCertificates, type CertificateFacts } from '../reports/signing/certificate-facts.ts';
import { anchorsOfCertificates, type TrustAnchors } from '../reports/signing/signer-trust.ts';
import { InputFileError } from './input-file-error.ts';
import { readBinaryFile } from './read-binary-file.ts';

/** A certificate file is a few kilobytes; a PEM bundle of CAs a few hundred. */
const MAX_CERTIFICATE_FILE_BYTES = 4 * 1024 * 1024;
const CERTIFICATE_FILE = /\.(pem|crt|cer)$/i;

/**
 * The certificates of `verify` and `import --trust FILE… --trust-store DIR…`: every certificate in the files, and in
 * the .pem/.crt/.cer files of the folders. A file that holds no readable certificate is an error, not skipped.
 */
export function trustCertificatesFromFiles(files: readonly string[], folders: readonly string[]): CertificateFacts[] {
  return [...files, ...folders.flatMap(certificateFilesIn)].flatMap(readCertificateFile);
}

/** The trust anchors those certificates make: a CA certificate (basicConstraints cA, allowed to sign certificates) is a root; any other is a confirmed signer. */
export function trustAnchorsFromFiles(files: readonly string[], folders: readonly string[]): TrustAnchors {
  return anchorsOfCertificates(trustCertificatesFromFiles(files, folders));
}

function certificateFilesIn(folder: string): string[] {
  let names: string[];
  try {
    if (!statSync(folder).isDirectory()) throw new InputFileError('error.notAFolder', { file: folder });
    names = readdirSync(folder);
  } catch (error) {
    if (error instanceof InputFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputFileError('error.folderNotFound', { file: folder });
    throw new InputFileError('error.unreadable', { file: folder, reason: code ?? String(error) });
  }
  return names.filter((name) => CERTIFICATE_FILE.test(name)).sort().map((name) => join(folder, name));
}

function readCertificateFile(file: string): CertificateFacts[] {
  const bytes = readBinaryFile(file, MAX_CERTIFICATE_FILE_BYTES);
  try {
    return readCertificates(bytes);
  } catch (error) {
    if (error instanceof CertificateError) throw new InputFileError('error.notACertificate', { file, reason: error.message });
    throw error;
  }
}
