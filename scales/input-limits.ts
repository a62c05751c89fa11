/**
 * Issue 14: every reader of outside input has limits. JSON.parse copes with any nesting, but every recursive
 * walk after it (zod, canonical JSON, our own code) overflows the stack on a value nested a few thousand deep;
 * a lone UTF-16 surrogate ("\ud800") is valid JSON but no text at all, and breaks hashing, SQLite and PDFs.
 * These checks are iterative, so they hold for any input.
 */

/** Deeper than any file or API input of this app (a bundle's deepest value is about ten levels). */
export const MAX_INPUT_DEPTH = 64;

/**
 * Whether JSON text nests deeper than `limit`, found without parsing. Strings are skipped with indexOf: base64
 * is long.
 */
export function nestedDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // Find the closing quote: one not preceded by an odd number of backslashes.
      let end = text.indexOf('"', i + 1);
      while (end > 0) {
        let slashes = 0;
        while (text.charCodeAt(end - 1 - slashes) === 0x5c) slashes++;
        if (slashes % 2 === 0) break;
        end = text.indexOf('"', end + 1);
      }
      if (end < 0) return false;
      i = end;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return false;
}

export type InputValueProblem =
  | { reason: 'too-deep'; max: number }
  | { reason: 'not-well-formed-unicode'; path: string };

/** A lone surrogate anywhere in the string: not Unicode text. */
export function isWellFormedText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      return false;
    }
  }
  return true;
}

/**
 * The first reason a value (parsed JSON, or an IPC message) cannot be taken: nested deeper than `maxDepth`, or a
 * string or key that is not well-formed Unicode (its path in dotted form). Null when it can.
 */
export function inputValueProblem(value: unknown, maxDepth = MAX_INPUT_DEPTH): InputValueProblem | null {
  const stack: { value: unknown; depth: number; path: string }[] = [{ value, depth: 0, path: '' }];
  while (stack.length > 0) {
    const { value: current, depth, path } = stack.pop()!;
    if (typeof current === 'string') {
      if (!isWellFormedText(current)) return { reason: 'not-well-formed-unicode', path };
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (depth >= maxDepth) return { reason: 'too-deep', max: maxDepth };
    const entries: [string, unknown][] = Array.isArray(current) ? current.map((v, i) => [String(i), v]) : Object.entries(current);
    for (const [key, child] of entries) {
      const childPath = path ? `${path}.${key}` : key;
      if (!isWellFormedText(key)) return { reason: 'not-well-formed-unicode', path: childPath };
      stack.push({ value: child, depth: depth + 1, path: childPath });
    }
  }
  return null;
}

export type JsonTextResult =
  | { ok: true; value: unknown }
  | { ok: false; reason: 'too-deep'; max: number }
  | { ok: false; reason: 'not-well-formed-unicode'; path: string }
  | { ok: false; reason: 'not-json'; message: string };

/** JSON text (a leading BOM allowed) within the limits, parsed; or why not. */
export function parseJsonWithLimits(text: string, maxDepth = MAX_INPUT_DEPTH): JsonTextResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (nestedDeeperThan(body, maxDepth)) return { ok: false, reason: 'too-deep', max: maxDepth };
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    return { ok: false, reason: 'not-json', message: (error as Error).message.slice(0, 200) };
  }
  const problem = inputValueProblem(value, maxDepth);
  return problem ? { ok: false, ...problem } : { ok: true, value };
}

/** A refusal of parseJsonWithLimits in English, for logs and developer-facing messages. */
export function jsonProblemText(result: Exclude<JsonTextResult, { ok: true }>): string {
  if (result.reason === 'too-deep') return `nested deeper than ${result.max} levels`;
  if (result.reason === 'not-well-formed-unicode') return `the string at ${result.path || '(root)'} is not well-formed Unicode`;
  return `not valid JSON: ${result.message}`;
}
