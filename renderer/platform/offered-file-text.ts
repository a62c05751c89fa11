import { base64ToBytes } from './pdf-bytes.ts';

/**
 * The text of an offered review file (.json; see use-offered-file.ts), for JSON.parse and reviews.importFile:
 * the base64 decoded as UTF-8. A bundle's base64 goes to bundles.inspect / bundles.import as it is.
 */
export function offeredFileText(file: { base64: string }): string {
  // TextDecoder drops a leading byte-order mark (written by some Windows editors) by default (ignoreBOM: false).
  return new TextDecoder('utf-8').decode(base64ToBytes(file.base64));
}
