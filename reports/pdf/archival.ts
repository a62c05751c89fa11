/**
 * PDF/A-2b (ISO 19005-2, level B): the report can be archived and shown the same way in decades. pdfkit 0.17
 * with `subset: 'PDF/A-2b'` writes the identification (pdfaid:part 2, pdfaid:conformance B) into the XMP
 * metadata stream and an sRGB IEC61966-2.1 output intent (GTS_PDFA1) with its ICC profile; fonts are embedded
 * anyway (reports/pdf/fonts.ts). Two things it gets wrong are set right here:
 * - its XMP copies the document information (title, author, subject, keywords) without XML escaping, so a site
 *   named "Kaari & Co" would make the metadata unreadable; the packet is written here with every value escaped;
 * - PDF/A requires the information dictionary and the XMP to agree: pdfkit writes pdf:Producer from /Creator
 *   while /Producer stays "PDFKit", so both are set to the same name.
 */

export const PRODUCER = 'IPS Fidelity';

export const ARCHIVAL_OPTIONS = {
  subset: 'PDF/A-2b',
  tagged: true,
  pdfVersion: '1.7',
} as const;

interface MetadataInternals {
  info: { Title?: string; Author?: string; Subject?: string; Keywords?: string; Creator?: string; Producer?: string; CreationDate: Date };
  appendXML(xml: string, newline?: boolean): void;
  _addInfo(): void;
}

/** Replaces pdfkit's XMP description of the document information with an escaped one (called before doc.end()). */
export function writeEscapedXmpInfo(document: PDFKit.PDFDocument, language: string): void {
  const doc = document as unknown as MetadataInternals;
  doc._addInfo = () => {
    const { info } = doc;
    const created = `${info.CreationDate.toISOString().split('.')[0]}Z`;
    const alt = (value: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${xml(value)}</rdf:li></rdf:Alt>`;
    doc.appendXML([
      '<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">',
      `<xmp:CreateDate>${created}</xmp:CreateDate>`,
      `<xmp:CreatorTool>${xml(info.Creator ?? PRODUCER)}</xmp:CreatorTool>`,
      '</rdf:Description>',
      '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">',
      '<dc:format>application/pdf</dc:format>',
      info.Title ? `<dc:title>${alt(info.Title)}</dc:title>` : '',
      info.Author ? `<dc:creator><rdf:Seq><rdf:li>${xml(info.Author)}</rdf:li></rdf:Seq></dc:creator>` : '',
      info.Subject ? `<dc:description>${alt(info.Subject)}</dc:description>` : '',
      `<dc:language><rdf:Bag><rdf:li>${xml(language)}</rdf:li></rdf:Bag></dc:language>`,
      '</rdf:Description>',
      '<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">',
      `<pdf:Producer>${xml(info.Producer ?? PRODUCER)}</pdf:Producer>`,
      info.Keywords ? `<pdf:Keywords>${xml(info.Keywords)}</pdf:Keywords>` : '',
      '</rdf:Description>',
    ].filter(Boolean).join('\n'));
  };
}

/** XML character data: & < > escaped, and characters XML 1.0 forbids (C0 controls) dropped. */
export function xml(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
