/**
 * PDF bytes in the renderer: the API carries them as base64; the page turns them into a Blob for a download
 * link, and reads a chosen file back into base64. No Node, no fetch of data: URLs (the CSP's connect-src
 * forbids them).
 */

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A File as base64 (FileReader's data URL without its "data:…;base64," head). */
export function readFileAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      const comma = url.indexOf(',');
      if (comma < 0) reject(new Error('not a data URL'));
      else resolve(url.slice(comma + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/**
 * Pages of a PDF as its page objects (`/Type /Page`, not `/Pages`) counted in the raw bytes. Right for the
 * report's own PDFs (pdfkit writes no object streams); only shown as information, never relied on.
 */
export function countPdfPages(bytes: Uint8Array): number {
  const text = new TextDecoder('latin1').decode(bytes);
  return text.match(/\/Type\s*\/Page(?![A-Za-z])/g)?.length ?? 0;
}

/** Base64 of n bytes is 4 * ceil(n / 3) characters long. */
export const base64Length = (byteCount: number) => 4 * Math.ceil(byteCount / 3);

/** A file name the usual file systems accept: no path separators or reserved characters, no control characters. */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\p{Cc}]+/gu, '-').replace(/\s+/g, ' ').trim();
}
