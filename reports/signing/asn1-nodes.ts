import forge from 'node-forge';

const { asn1 } = forge;
export type Asn1Node = forge.asn1.Asn1;

/** The children of a constructed node; none for a primitive or missing one. */
export function children(node: Asn1Node | undefined): Asn1Node[] {
  return node && Array.isArray(node.value) ? (node.value as Asn1Node[]) : [];
}

/** An OBJECT IDENTIFIER node as dotted text; '' when the node is not one. */
export function oidOf(node: Asn1Node | undefined): string {
  if (!node || node.type !== asn1.Type.OID || typeof node.value !== 'string') return '';
  try {
    return asn1.derToOid(node.value);
  } catch {
    return '';
  }
}

/** TBSCertificate fields without the [0] version: serial, signature, issuer, validity, subject, spki, …extensions. */
export function tbsFields(certificate: Asn1Node): Asn1Node[] {
  const fields = children(children(certificate)[0]);
  return fields[0]?.tagClass === asn1.Class.CONTEXT_SPECIFIC && fields[0].type === 0 ? fields.slice(1) : fields;
}
