import { createHash } from 'node:crypto';

/** Ways to break a review bundle, for the importer's fuzz test. Each mutation makes the bundle one the importer must refuse. */

export type Random = () => number;

/** A small deterministic generator (mulberry32), so a failure can be replayed from its seed. */
export function random(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Path = (string | number)[];
const pick = <T>(rand: Random, items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
const get = (root: any, path: Path): any => path.reduce((node, key) => node?.[key], root);
function set(root: any, path: Path, value: unknown) {
  const owner = get(root, path.slice(0, -1));
  Object.defineProperty(owner, path.at(-1)!, { value, enumerable: true, writable: true, configurable: true });
}
function remove(root: any, path: Path) {
  delete get(root, path.slice(0, -1))[path.at(-1)!];
}

const R0: Path = ['content', 'reviews', 0];
const FILE: Path = [...R0, 'file'];
const REQUIRED: Path[] = [
  ['content', 'createdAt'], ['content', 'exporter'], ['content', 'exporter', 'name'], ['content', 'exporter', 'certificateFingerprint'],
  ['content', 'reviews'], ['content', 'scales'], ['signature', 'value'], ['signature', 'certificate'], ['signature', 'algorithm'], [...R0, 'file'],
  [...FILE, 'format'], [...FILE, 'reviewId'], [...FILE, 'revision'], [...FILE, 'scale'], [...FILE, 'scale', 'id'], [...FILE, 'scale', 'version'],
  [...FILE, 'scale', 'contentHash'], [...FILE, 'site'], [...FILE, 'site', 'name'], [...FILE, 'kind'], [...FILE, 'visitDates'], [...FILE, 'reviewers'],
  [...FILE, 'reviewers', 0, 'name'], [...FILE, 'ratings'], [...FILE, 'ratings', 4, 'item'], [...FILE, 'ratings', 4, 'score'],
  [...R0, 'signedReport', 'sha256'], [...R0, 'signedReport', 'signers'], [...R0, 'signedReport', 'pdfBase64'], [...R0, 'actionPlan', 0, 'status'],
  ['content', 'scales', 0, 'items'], ['content', 'scales', 0, 'id'], ['content', 'scales', 0, 'scoring'],
];
const BOUNDED_STRINGS: Path[] = [
  ['content', 'exporter', 'name'], [...FILE, 'site', 'name'], [...FILE, 'site', 'region'], [...FILE, 'reviewers', 0, 'name'],
  [...FILE, 'ratings', 0, 'evidence'], [...R0, 'actionPlan', 0, 'goal'], [...R0, 'actionPlan', 0, 'owner'], [...R0, 'signedReport', 'signers', 0, 'name'],
];
const IDENTIFIERS: Path[] = [
  [...FILE, 'reviewId'], [...FILE, 'scale', 'id'], [...FILE, 'scale', 'version'], [...FILE, 'kind'], [...FILE, 'status'], [...FILE, 'language'],
  [...FILE, 'visitDates', 0], [...FILE, 'format'], ['content', 'scales', 0, 'id'], ['content', 'exporter', 'certificateFingerprint'],
  [...R0, 'signedReport', 'sha256'], [...R0, 'signedReport', 'language'], ['content', 'createdAt'], [...R0, 'actionPlan', 0, 'dueDate'],
  [...R0, 'actionPlan', 0, 'status'], [...FILE, 'ratings', 0, 'reason'], [...FILE, 'scale', 'contentHash'],
];
const PATH_TRICKS = ['../../etc/passwd', '..\\..\\windows\\system32\\config', '/etc/passwd', 'C:\\Windows\\win.ini', 'file:///etc/passwd', '%2e%2e%2f%2e%2e%2f', 'a\u0000b', '~/.ssh/id_rsa'];
const BAD_NUMBERS: [Path, unknown[]][] = [
  [[...FILE, 'revision'], [0, -1, 1.5, 1e308]], [[...FILE, 'ratings', 0, 'item'], [0, 26, 2.5, -3]], [[...FILE, 'ratings', 1, 'score'], [6, -1, 3.5, 1e308]],
  [[...FILE, 'site', 'collaborationModel'], [3, 0]], [[...R0, 'actionPlan', 0, 'item'], [0, 99, 1.5]],
];
const OBJECTS_WITHOUT_EXTRAS: Path[] = [['content'], ['content', 'exporter'], [...R0], [...R0, 'signedReport'], [...R0, 'actionPlan', 0], ['signature'], [...R0, 'signedReport', 'signers', 0], ['content', 'scales', 0]];

/** Every path in the content, to change the type of a value anywhere. */
function allPaths(node: unknown, path: Path, into: Path[]) {
  if (path.length) into.push(path);
  if (Array.isArray(node)) node.forEach((v, i) => allPaths(v, [...path, i], into));
  else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) allPaths(v, [...path, k], into);
}

function otherType(value: unknown, rand: Random): unknown {
  if (typeof value === 'string') return pick(rand, [12345, true, null, [value], { value }]);
  if (typeof value === 'number') return pick(rand, [String(value), null, [value], false]);
  if (typeof value === 'boolean') return pick(rand, ['true', 1, null]);
  if (value === null) return pick(rand, [0, 'null', {}]);
  if (Array.isArray(value)) return pick(rand, [{ ...value }, 'array', 7, null]);
  return pick(rand, [[value], 'object', 42, null]);
}

const hex = (rand: Random, n: number) => Array.from({ length: n }, () => '0123456789abcdef'[Math.floor(rand() * 16)]).join('');

/**
 * Breaks `bundle` in place. `resign`: whether the change is to the signed content and the caller should sign it
 * again, so that it is the deeper checks, not the signature, that must catch it.
 */
export function mutateContent(bundle: any, rand: Random): { what: string; resign: boolean } {
  const content = bundle.content;
  switch (Math.floor(rand() * 17)) {
    case 0: {
      const paths: Path[] = [];
      allPaths(content, ['content'], paths);
      const path = pick(rand, paths);
      set(bundle, path, otherType(get(bundle, path), rand));
      return { what: `wrong type at ${path.join('.')}`, resign: true };
    }
    case 1: {
      const path = pick(rand, REQUIRED);
      remove(bundle, path);
      return { what: `deleted ${path.join('.')}`, resign: path[0] === 'content' };
    }
    case 2: {
      const path = pick(rand, BOUNDED_STRINGS);
      set(bundle, path, 'x'.repeat(20_001 + Math.floor(rand() * 300_000)));
      return { what: `huge string at ${path.join('.')}`, resign: true };
    }
    case 3: {
      const path = pick(rand, IDENTIFIERS);
      set(bundle, path, pick(rand, PATH_TRICKS));
      return { what: `path trick at ${path.join('.')}`, resign: true };
    }
    case 4:
      bundle.format = pick(rand, ['ips-fidelity-bundle/3', 'ips-fidelity-bundle/0', 'ips-fidelity-bundle/1.1', 'ips-fidelity-bundle/../1', 'ips-fidelity-review/1', '', 1]);
      return { what: `format ${bundle.format}`, resign: false };
    case 5:
      content.reviews.push(structuredClone(pick(rand, content.reviews)));
      return { what: 'duplicated review', resign: true };
    case 6: {
      const kind = Math.floor(rand() * 3);
      if (kind === 0) content.reviews[0].file.scale.contentHash = `sha256:${hex(rand, 64)}`;
      else if (kind === 1) content.scales[0].title.fi = `${content.scales[0].title.fi} (muokattu)`;
      else {
        // A new scale version the importer lacks, named by the review with the hash of the old text.
        content.scales[0].version = '1.9.0';
        for (const review of content.reviews) review.file.scale.version = '1.9.0';
      }
      return { what: `mismatched scale hash (${kind})`, resign: true };
    }
    case 7: {
      const path = pick(rand, OBJECTS_WITHOUT_EXTRAS);
      set(bundle, [...path, pick(rand, ['extra', '__proto__', 'constructor', 'prototype'])], { polluted: true });
      return { what: `unknown field in ${path.join('.')}`, resign: path[0] === 'content' };
    }
    case 8: {
      const [path, values] = pick(rand, BAD_NUMBERS);
      set(bundle, path, pick(rand, values));
      return { what: `bad number at ${path.join('.')}`, resign: true };
    }
    case 9: {
      const path = pick(rand, [['content', 'reviews'], ['content', 'scales'], [...FILE, 'reviewers'], [...FILE, 'visitDates'], [...R0, 'signedReport', 'signers']] as Path[]);
      set(bundle, path, []);
      return { what: `empty ${path.join('.')}`, resign: true };
    }
    case 10: {
      let deep: unknown = 1;
      for (let i = 0; i < 40 + Math.floor(rand() * 5000); i++) deep = [deep];
      set(bundle, [...FILE, 'site', pick(rand, ['name', 'extra'])], deep);
      return { what: 'deep nesting', resign: true };
    }
    case 11:
      if (rand() < 0.04) {
        content.reviews = Array.from({ length: 1001 }, () => content.reviews[1]);
        return { what: 'too many reviews', resign: true };
      }
      content.scales.push({ ...structuredClone(content.scales[0]), version: '3.0.0' });
      return { what: 'unused scale', resign: true };
    case 12: {
      const kind = Math.floor(rand() * 3);
      if (kind === 0) bundle.signature.algorithm = pick(rand, ['RSASSA-PKCS1-v1_5-SHA256', 'none', 'rsassa-pss-sha256']);
      else if (kind === 1) bundle.signature.value = Buffer.from(hex(rand, 512), 'hex').toString('base64');
      else bundle.signature.certificate = Buffer.from(hex(rand, 600), 'hex').toString('base64');
      return { what: `signature trick (${kind})`, resign: false };
    }
    case 13: {
      const report = content.reviews[0].signedReport;
      const pdf = Buffer.from(report.pdfBase64, 'base64');
      // A byte the signature covers: the zero padding inside /Contents is not signed, and a change there is no tampering.
      const signedPart = pdf.toString('latin1').lastIndexOf('/Contents <');
      const at = Math.floor(rand() * signedPart);
      pdf[at] = pdf[at]! ^ 0x01;
      report.pdfBase64 = pdf.toString('base64');
      // Half with the hash of the changed bytes: then the PDF's own signature must catch it.
      if (rand() < 0.5) report.sha256 = createHash('sha256').update(pdf).digest('hex');
      return { what: 'changed PDF', resign: true };
    }
    case 14: {
      const path = pick(rand, [[...FILE, 'visitDates', 0], ['content', 'createdAt'], [...R0, 'actionPlan', 0, 'dueDate'], [...R0, 'signedReport', 'createdAt']] as Path[]);
      set(bundle, path, pick(rand, ['2026-02-30', '2026-13-01', 'yesterday', '23.11.2026', '2026-11-23T25:00:00Z']));
      return { what: `bad date at ${path.join('.')}`, resign: true };
    }
    case 15:
      content.exporter.name = pick(rand, ['THL', 'Aino Laaksonen ', 'aino laaksonen']);
      return { what: 'exporter not the certificate', resign: true };
    default:
      content.reviews[0].signedReport.signers[0].certificateFingerprint = Array.from({ length: 32 }, () => hex(rand, 2).toUpperCase()).join(':');
      return { what: 'signer who did not sign', resign: true };
  }
}
