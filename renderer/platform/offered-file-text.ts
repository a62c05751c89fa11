/**
 * The text of an offered review file (.json; see use-offered-file.ts), for JSON.parse and reviews.importFile:
 * the base64 decoded as UTF-8. A bundle's base64 goes to bundles.inspect / bundles.import as it is.
 */
export function offeredFileText(file: { base64: string }): string {
  const binary = atob(file.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  // TextDecoder drops a leading byte-order mark (written by some Windows editors) by default (ignoreBOM: false).
  return new TextDecoder('utf-8').decode(bytes);
}
