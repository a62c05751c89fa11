/**
 * How a report records who is expected to sign it: one empty signature field per reviewer, drawn on the signature
 * page, named "reviewer-1", "reviewer-2", … (/T) with the reviewer's name and role as its description (/TU,
 * "Name, role"). Both are inside the signed bytes, so a verifier can compare the signatures with the expected signers;
 * the signer fills the field whose description names the certificate's holder.
 */

const FIELD_PREFIX = 'reviewer-';

export interface ExpectedSigner {
  name: string;
  role?: string | undefined;
}

/** The field name of the n-th expected signer (1-based). */
export function slotFieldName(n: number): string {
  return `${FIELD_PREFIX}${n}`;
}

/** The position (1-based) of an expected signer's field, or undefined for a field that is not one of ours. */
export function slotNumber(fieldName: string): number | undefined {
  const m = /^reviewer-([1-9]\d{0,2})$/.exec(fieldName);
  return m ? Number(m[1]) : undefined;
}

/** The field description (/TU): "Name, role", or just the name. */
export function slotDescription(signer: ExpectedSigner): string {
  return signer.role ? `${signer.name}, ${signer.role}` : signer.name;
}

/**
 * Whether a field description names this person. A name may itself hold ", " (rare, but not ours to forbid), so the
 * name is matched as a prefix rather than by splitting.
 */
export function slotNamesSigner(description: string, commonName: string): boolean {
  const name = commonName.trim().normalize('NFC');
  const text = description.trim().normalize('NFC');
  return name !== '' && (text === name || text.startsWith(`${name}, `));
}

/** A description read back: the name before the first ", ", the role after it (what slotDescription wrote). */
export function parseSlotDescription(description: string): ExpectedSigner {
  const at = description.indexOf(', ');
  return at < 0 ? { name: description } : { name: description.slice(0, at), role: description.slice(at + 2) };
}
