import fc from 'fast-check';
import type { z } from 'zod';
import { signBundleContent } from '../../exchange/bundle-sign.ts';
import { signerMaterialOf, type SigningIdentity } from '../../reports/signing/identity.ts';

/**
 * fast-check arbitraries for hostile input: odd text (lone surrogates, control characters, every plane, huge),
 * numbers at the edges, random JSON, deep nesting, and near-valid values built from a zod schema (the right keys
 * and mostly the right types, one field at a time wrong), so the fuzzer gets past the first checks too.
 */

/** Half of a surrogate pair on its own: valid in a JS string and in JSON text, but no Unicode text. */
export const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));

/** Any code point, now and then a lone surrogate half. */
const oddUnit = fc.oneof(
  { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), weight: 6 },
  { arbitrary: fc.constantFrom('\u0000', '\u202e', '\ufeff', '\uffff', '\u{10ffff}', '\u{1f469}\u200d\u{1f4bb}', 'ä', 'Å', '\r\n', '"', '\\', '%'), weight: 2 },
  { arbitrary: loneSurrogate, weight: 1 },
);

export const oddString = fc.oneof(
  { arbitrary: fc.string({ unit: oddUnit, maxLength: 40 }), weight: 6 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }), weight: 2 },
  { arbitrary: fc.constantFrom('', ' ', "'; DROP TABLE sites; --", '../../etc/passwd', '\\\\server\\share\\x', 'file:///etc/passwd', '%00', '__proto__', 'constructor', '2026-02-30', '2026-11-01', 'ips-25', '1.0.0', 'fi', 'final'), weight: 2 },
  // Huge: past every max() of the contract.
  { arbitrary: fc.tuple(fc.constantFrom('x', 'ä', '\u{1f600}', '\ud800'), fc.integer({ min: 1_000, max: 300_000 })).map(([c, n]) => c.repeat(n)), weight: 1 },
);

/** Numbers where code breaks: zero and minus zero, NaN and the infinities, past the safe integers, tiny and huge. */
export const edgeNumber = fc.oneof(
  fc.constantFrom(0, -0, 1, -1, 0.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.MAX_SAFE_INTEGER,
    Number.MAX_SAFE_INTEGER + 2, -Number.MAX_SAFE_INTEGER, Number.MAX_VALUE, Number.MIN_VALUE, 2 ** 31, -(2 ** 31), 2 ** 32, 2 ** 63, 1e21),
  fc.integer(),
  fc.double(),
);

/** Values nested `depth` levels, of arrays or objects (the dispatcher takes 64 and refuses 65). */
export const deepValue = fc.tuple(fc.constantFrom(1, 30, 63, 64, 65, 66, 200), fc.boolean()).map(([depth, asArray]) => {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = asArray ? [value] : { a: value };
  return value;
});

/** Any value a caller could send: JSON (also with odd text), undefined, deep nesting, odd keys. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 3 },
  { arbitrary: fc.constantFrom(null, undefined, true, false, [], {}), weight: 2 },
  { arbitrary: oddString, weight: 3 },
  { arbitrary: edgeNumber, weight: 2 },
  { arbitrary: deepValue, weight: 1 },
  { arbitrary: fc.dictionary(oddString, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }), weight: 1 },
  { arbitrary: fc.object({ maxDepth: 2, maxKeys: 4 }), weight: 1 },
);

/** Strings that pass many of the contract's checks, chosen by the field's name. */
function plausibleString(key: string): fc.Arbitrary<string> {
  const k = key.toLowerCase();
  if (k.includes('date') || k.startsWith('period') || k.endsWith('from') || k.endsWith('to')) return fc.constantFrom('2026-11-01', '2026-01-31', '2027-03-31', '2026-02-30', '2026-13-01', '1900-01-01');
  if (k.endsWith('at')) return fc.constantFrom('2026-11-23T12:00:00.000Z', '2026-11-23', 'yesterday');
  if (k.includes('base64')) return fc.oneof(fc.base64String({ maxLength: 64 }), fc.constant(Buffer.from('%PDF-1.7\n').toString('base64')));
  if (k.includes('fingerprint') || k.includes('exporter') || k.includes('signer')) return fc.constantFrom(Array.from({ length: 32 }, () => 'AB').join(':'), 'AB:CD');
  // The test backend's daily backup at its frozen clock, and near misses.
  if (k === 'name' && key === 'name') return fc.constantFrom('Tampereen IPS', 'Åbo IPS', 'ips-fidelity-2026-11-23T12-00-00Z-daily.sqlite', 'ips-fidelity-2026-11-23T12-00-00Z-manual.sqlite', '../ips.sqlite');
  if (k.includes('passphrase')) return fc.constantFrom('salasana-2026', 'short', 'vientisalasana-2026');
  if (k.includes('version')) return fc.constantFrom('1.0.0', '1.1.0', '9.9.9', '1.0');
  if (k === 'id' || k.endsWith('scaleid') || k === 'scale') return fc.constantFrom('ips-25', 'nope');
  if (k.includes('region')) return fc.constantFrom('06', '01', '99');
  return fc.constantFrom('Testi', 'Åsa Öberg', 'a', '');
}

/** Strings of a zod string format (z.uuid(), z.iso.date(), …), valid and nearly so. */
function formatted(format: string | undefined): fc.Arbitrary<string> | undefined {
  switch (format) {
    case 'uuid': return fc.oneof(fc.constantFrom('00000000-0000-4000-8000-000000000001', '6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b', '6f1c2a8e-3b4d'), fc.uuid());
    case 'date': return fc.constantFrom('2026-11-01', '2026-06-30', '2026-02-30', '0000-01-01');
    case 'datetime': return fc.constantFrom('2026-11-23T12:00:00.000Z', '2026-11-23T12:00:00Z', '2026-11-23');
    case 'base64': return fc.base64String({ maxLength: 64 });
    default: return undefined;
  }
}

/** Mostly small positive integers (the ids, items and scores the test database has), sometimes an edge. */
const plausibleNumber = fc.oneof(
  { arbitrary: fc.integer({ min: 1, max: 3 }), weight: 4 },
  { arbitrary: fc.integer({ min: -1, max: 30 }), weight: 2 },
  { arbitrary: edgeNumber, weight: 1 },
);

type AnySchema = z.ZodType & { def: Record<string, unknown> & { type: string } };

/**
 * A value shaped by a zod schema: the right keys and mostly the right types and values (ids that exist, enum
 * members, dates), each field now and then replaced by a hostile value. `special` gives values for named fields
 * the schema leaves open (z.unknown(), e.g. a review file).
 */
export function nearValid(schema: z.ZodType, special: Record<string, fc.Arbitrary<unknown>> = {}, key = '', depth = 0): fc.Arbitrary<unknown> {
  const shaped = shapedBy(schema as AnySchema, special, key, depth);
  return fc.oneof({ arbitrary: shaped, weight: 24 }, { arbitrary: hostileValue, weight: 1 });
}

function shapedBy(schema: AnySchema, special: Record<string, fc.Arbitrary<unknown>>, key: string, depth: number): fc.Arbitrary<unknown> {
  if (depth > 8) return hostileValue;
  const def = schema.def;
  const inner = (s: unknown, k = key) => nearValid(s as z.ZodType, special, k, depth + 1);
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, z.ZodType>;
      const fields = Object.fromEntries(Object.entries(shape).map(([k, s]) => [k, special[k] ?? inner(s, k)]));
      // Now and then a key the schema does not know.
      const extraKey = fc.oneof({ arbitrary: fc.constant(null), weight: 12 }, { arbitrary: fc.tuple(oddString, hostileValue), weight: 1 });
      return fc.tuple(fc.record(fields), extraKey).map(([value, extra]) => (extra ? { ...value, [extra[0]]: extra[1] } : value));
    }
    case 'string': return fc.oneof({ arbitrary: formatted(def.format as string | undefined) ?? plausibleString(key), weight: 12 }, { arbitrary: oddString, weight: 1 });
    case 'number': case 'int': case 'bigint': return plausibleNumber;
    case 'boolean': return fc.boolean();
    case 'null': return fc.constant(null);
    case 'undefined': return fc.constant(undefined);
    case 'literal': return fc.constantFrom(...(def.values as unknown[]));
    case 'enum': return fc.constantFrom(...Object.values(def.entries as Record<string, unknown>));
    case 'array': return fc.array(inner(def.element), { maxLength: 4 });
    case 'tuple': return fc.tuple(...(def.items as z.ZodType[]).map((s) => inner(s)));
    case 'record': return fc.dictionary(plausibleString(key), inner(def.valueType), { maxKeys: 3 });
    case 'optional': case 'default': case 'prefault': case 'catch': case 'readonly': case 'nonoptional':
      return fc.oneof({ arbitrary: inner(def.innerType), weight: 4 }, { arbitrary: fc.constant(undefined), weight: 1 });
    case 'nullable': return fc.oneof({ arbitrary: inner(def.innerType), weight: 4 }, { arbitrary: fc.constant(null), weight: 1 });
    case 'pipe': return shapedBy(def.in as AnySchema, special, key, depth + 1);
    case 'union': return fc.oneof(...(def.options as z.ZodType[]).map((s) => inner(s)));
    case 'intersection': return fc.tuple(inner(def.left), inner(def.right)).map(([a, b]) => (isPlainObject(a) && isPlainObject(b) ? { ...a, ...b } : a));
    case 'lazy': return inner((def.getter as () => z.ZodType)());
    default: return special[key] ?? hostileValue;
  }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A valid JSON value with one node replaced (by a hostile value), one key dropped or one array shortened: the
 * "valid file, slightly damaged" family.
 */
export function mutatedJson(base: unknown): fc.Arbitrary<unknown> {
  const paths = jsonPaths(base);
  return fc.tuple(fc.constantFrom(...paths), fc.constantFrom('replace', 'drop', 'duplicate'), hostileValue).map(([path, how, value]) => {
    const copy = structuredClone(base);
    if (path.length === 0) return how === 'replace' ? value : copy;
    const parent = path.slice(0, -1).reduce<any>((node, k) => node[k], copy);
    const last = path.at(-1)!;
    if (how === 'replace') parent[last] = value;
    else if (how === 'drop') {
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete parent[last];
    } else if (Array.isArray(parent)) parent.push(structuredClone(parent[Number(last)]));
    else parent[`${String(last)}\ud800`] = parent[last];
    return copy;
  });
}

/** Every path in a JSON value (the root is []), at most a few thousand. */
function jsonPaths(value: unknown): (string | number)[][] {
  const out: (string | number)[][] = [];
  const walk = (node: unknown, path: (string | number)[]) => {
    if (out.length > 5_000) return;
    out.push(path);
    if (Array.isArray(node)) node.forEach((child, i) => walk(child, [...path, i]));
    else if (isPlainObject(node)) for (const [k, child] of Object.entries(node)) walk(child, [...path, k]);
  };
  walk(value, []);
  return out;
}

/** Bytes of a valid file, damaged: truncated, a byte changed, inserted or removed. */
export function mutatedBytes(base: Uint8Array): fc.Arbitrary<Uint8Array> {
  return fc.tuple(fc.nat({ max: Math.max(0, base.length - 1) }), fc.constantFrom('truncate', 'flip', 'insert', 'remove'), fc.integer({ min: 0, max: 255 })).map(([at, how, byte]) => {
    const bytes = Buffer.from(base);
    switch (how) {
      case 'truncate': return bytes.subarray(0, at);
      case 'flip': bytes[at] = (bytes[at]! ^ (byte || 1)) & 0xff; return bytes;
      case 'insert': return Buffer.concat([bytes.subarray(0, at), Buffer.from([byte]), bytes.subarray(at)]);
      default: return Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + 1 + (byte % 32))]);
    }
  });
}

/** Bytes a file could hold: random, random text, JSON of hostile values, JSON text nested deep. */
export const hostileBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 2_000 }),
  oddString.map((s) => Buffer.from(s, 'utf8')),
  hostileValue.map((v) => Buffer.from(JSON.stringify(v) ?? 'undefined', 'utf8')),
  // A lone surrogate as a JSON escape: valid JSON text, no Unicode.
  fc.constantFrom('{"a":"\\ud800"}', '["\\udfff"]', '{"\\ud83d":1}', '\ufeff{}', '[' .repeat(100_000), '{"a":'.repeat(70) + '1' + '}'.repeat(70)).map((s) => Buffer.from(s, 'utf8')),
);

/**
 * A signed file (bundle or reviewer's ratings) whose content is changed node-wise and signed again by `identity`:
 * the signature holds, so the checks behind it must catch the change.
 */
export function resignedContent(bytes: Uint8Array, identity: SigningIdentity): fc.Arbitrary<Uint8Array> {
  const file = JSON.parse(Buffer.from(bytes).toString('utf8'));
  return mutatedJson(file.content).map((content) => {
    const signature = signBundleContent(content, signerMaterialOf(identity));
    return Buffer.from(JSON.stringify({ ...file, content, signature }) ?? '', 'utf8');
  });
}

/** A valid signed file as it is, damaged byte-wise, or re-signed after a change. */
export const signedFileVariants = (bytes: Uint8Array, identity: SigningIdentity) =>
  fc.oneof(fc.constant(bytes), mutatedBytes(bytes), resignedContent(bytes, identity));
