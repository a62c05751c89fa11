import { createHash } from 'node:crypto';

/**
 * JSON with object keys sorted at every level and no whitespace, so the same data always gives the same bytes
 * whatever the file's formatting or key order. (The same idea as RFC 8785, without its number re-formatting:
 * scale files hold only integers and strings.)
 */
export function canonicalJson(value: unknown, known?: ReadonlyMap<object, string>): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    if (text === undefined) throw new TypeError(`canonicalJson: ${typeof value} has no JSON form`);
    return text;
  }
  // A review bundle's scales are hashed and signed alike: their text is worked out once and passed in `known`.
  const already = known?.get(value);
  if (already !== undefined) return already;
  // Plain loops and string appends rather than entries/map/join: review bundles put megabytes through here.
  if (Array.isArray(value)) {
    let text = '[';
    for (let i = 0; i < value.length; i++) text += (i ? ',' : '') + (i in value ? canonicalJson(value[i], known) : '');
    return `${text}]`;
  }
  const object = value as Record<string, unknown>;
  // The default sort orders by UTF-16 code units, as `<` does.
  const keys = Object.keys(object).sort();
  let text = '{';
  for (const key of keys) {
    const member = object[key];
    if (member === undefined) continue;
    text += `${text.length > 1 ? ',' : ''}${JSON.stringify(key)}:${canonicalJson(member, known)}`;
  }
  return `${text}}`;
}

/** `sha256:<hex>` of the canonical JSON: the identity a review records for the scale text it was scored with. */
export function contentHash(value: unknown): string {
  return `sha256:${createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex')}`;
}
