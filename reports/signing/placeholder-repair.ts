/**
 * Corrections to the incremental update that @signpdf/placeholder-plain 3.3 appends, made before the signature is
 * computed (the update is not signed yet, so nothing signed changes):
 *
 * 1. Non-ASCII strings: it turns a Unicode /Name or /Reason into UTF-16BE as a binary string and then writes it
 *    with Buffer.from(string), i.e. as UTF-8, which garbles it ("Mäkelä" would not survive). We pass same-length
 *    ASCII markers and swap in proper PDF text strings (<FEFF…> hex, UTF-16BE) of exactly the same length, so no
 *    cross-reference offset moves.
 * 2. startxref points one byte early (at the newline before "xref"), and when the file already has an AcroForm
 *    (the second signature) /Size is one too large. `qpdf --check` warns about both; we fix both.
 */

/** A PDF text string: PDFDocEncoding-free, UTF-16BE with a byte order mark, as hex. */
export function pdfTextHex(text: string): string {
  return `<FEFF${Buffer.from(text, 'utf16le').swap16().toString('hex').toUpperCase()}>`;
}

/** An ASCII stand-in for `text` whose literal-string form "(marker)" is exactly as long as pdfTextHex(text). */
export function markerFor(text: string, index: number): string {
  const length = pdfTextHex(text).length - 2;
  const stem = `IPSF${index}M`;
  return (stem + 'X'.repeat(Math.max(0, length - stem.length))).slice(0, length);
}

/** Replaces "(marker)" with the hex text string inside `update` (the appended bytes only). */
export function swapMarkers(pdf: Buffer, updateStart: number, texts: ReadonlyArray<{ marker: string; text: string }>): Buffer {
  const out = Buffer.from(pdf);
  for (const { marker, text } of texts) {
    const needle = Buffer.from(`(${marker})`, 'latin1');
    const at = out.indexOf(needle, updateStart);
    if (at < 0) throw new Error(`signature placeholder: marker for "${text}" not found`);
    const replacement = Buffer.from(pdfTextHex(text), 'latin1');
    if (replacement.length !== needle.length) throw new Error('signature placeholder: marker length mismatch');
    replacement.copy(out, at);
  }
  return out;
}

/** Points startxref at the "xref" keyword and sets /Size to one more than the highest object number in use. */
export function repairTrailer(pdf: Buffer, updateStart: number): Buffer {
  const text = pdf.subarray(updateStart).toString('latin1');
  const xrefAt = text.lastIndexOf('\nxref\n') + 1;
  const tail = /trailer\s*<<([\s\S]*?)>>\s*startxref\s*(\d+)\s*%%EOF$/.exec(text);
  if (xrefAt <= 0 || !tail) throw new Error('signature placeholder: unexpected trailer layout');
  const highest = Math.max(previousSize(pdf, updateStart) - 1, ...objectNumbersIn(text.slice(xrefAt, tail.index)));
  const trailer = tail[1]!.replace(/\/Size\s+\d+/, `/Size ${highest + 1}`);
  const fixed = `${text.slice(0, tail.index)}trailer\n<<${trailer}>>\nstartxref\n${updateStart + xrefAt}\n%%EOF`;
  return Buffer.concat([pdf.subarray(0, updateStart), Buffer.from(fixed, 'latin1')]);
}

/** /Size of the trailer before the update. */
function previousSize(pdf: Buffer, updateStart: number): number {
  const before = pdf.subarray(Math.max(0, updateStart - 4096), updateStart).toString('latin1');
  const sizes = [...before.matchAll(/\/Size\s+(\d+)/g)];
  const last = sizes.at(-1);
  if (!last) throw new Error('signature placeholder: no /Size in the previous trailer');
  return Number(last[1]);
}

/** Object numbers of the subsection headers ("12 1") of an xref table whose subsections each hold one entry. */
function objectNumbersIn(xref: string): number[] {
  return [...xref.matchAll(/^(\d+) (\d+)$/gm)].flatMap(([, first, count]) =>
    Array.from({ length: Number(count) }, (_, i) => Number(first) + i)).filter((n) => n > 0);
}
