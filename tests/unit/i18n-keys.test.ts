import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiErrorCode } from '../../electron/contract/api-error.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const RENDERER = join(ROOT, 'renderer');
const LOCALES = ['fi', 'sv', 'en'] as const;

type Messages = { [key: string]: string | Messages };
// The same assembly as renderer/i18n/messages.ts: locales/<lang>.json plus locales/<feature>/<lang>.json under <feature>.
const LOCALE_DIR = join(RENDERER, 'i18n', 'locales');
const FEATURES = readdirSync(LOCALE_DIR, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
const readJson = (...parts: string[]) => JSON.parse(readFileSync(join(LOCALE_DIR, ...parts), 'utf8')) as Messages;
const messages = Object.fromEntries(
  LOCALES.map((locale) => [locale, {
    ...readJson(`${locale}.json`),
    ...Object.fromEntries(FEATURES.map((feature) => [feature, readJson(feature, `${locale}.json`)])),
  }]),
) as Record<(typeof LOCALES)[number], Messages>;

/** 'sites.status.created' for every leaf; plural forms (_one, _other) are folded into their base key. */
function leafKeys(tree: Messages, prefix = ''): Map<string, string> {
  const keys = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') keys.set(path.replace(/_(zero|one|two|few|many|other)$/, ''), value);
    else for (const [k, v] of leafKeys(value, path)) keys.set(k, v);
  }
  return keys;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('UI message files', () => {
  const fiKeys = leafKeys(messages.fi);

  it.each(['sv', 'en'] as const)('%s has exactly the keys of fi.json', (locale) => {
    const keys = leafKeys(messages[locale]);
    expect([...fiKeys.keys()].filter((k) => !keys.has(k)), `missing in ${locale}.json`).toEqual([]);
    expect([...keys.keys()].filter((k) => !fiKeys.has(k)), `in ${locale}.json but not in fi.json`).toEqual([]);
  });

  it.each(['sv', 'en'] as const)('%s uses the same {{placeholders}} as fi and has no empty message', (locale) => {
    const keys = leafKeys(messages[locale]);
    for (const [key, text] of keys) {
      expect(text.trim(), `${locale}: ${key}`).not.toBe('');
      expect(placeholders(text), `${locale}: ${key}`).toEqual(placeholders(fiKeys.get(key) ?? ''));
    }
  });

  it("translates every API error's message key (errors.<code>) and the transport's errors.network", () => {
    for (const locale of LOCALES) {
      const keys = leafKeys(messages[locale]);
      for (const code of [...ApiErrorCode.options, 'network']) expect(keys.has(`errors.${code}`), `${locale}: errors.${code}`).toBe(true);
    }
  });
});

function sourceFiles(dir: string, extension: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path, extension);
    return entry.name.endsWith(extension) ? [path] : [];
  });
}

/** Comments and string literals inside {…} expressions do not count as JSX text. */
const withoutComments = (source: string) => source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

/**
 * Hard-coded UI text: letters in JSX text (after a tag's '>' up to the next tag or expression, or after an
 * expression's '}' up to a closing tag), or in a user-visible attribute given as a literal. `=>` and generic
 * closers like `Promise<T>(` are not tags.
 */
function hardCodedTexts(source: string): string[] {
  const code = withoutComments(source);
  const found: string[] = [];
  for (const match of code.matchAll(/(?<![=\-])>\s*([A-Za-zÅÄÖåäö][^<{}]*?)\s*[<{]/g)) found.push(match[1]!);
  for (const match of code.matchAll(/\}[ \t]*([A-Za-zÅÄÖåäö][^<{}\n]*?)\s*<\//g)) found.push(match[1]!);
  for (const match of code.matchAll(/\b(?:aria-label|title|placeholder|alt|aria-description)="([^"]*[A-Za-zÅÄÖåäö][^"]*)"/g)) found.push(match[1]!);
  return found;
}

describe('renderer components', () => {
  const files = sourceFiles(RENDERER, '.tsx');

  it('has components to check', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it.each(files.map((file) => [relative(ROOT, file), file]))('%s has no hard-coded UI text (all through t())', (_name, file) => {
    expect(hardCodedTexts(readFileSync(file, 'utf8'))).toEqual([]);
  });

  it('the check itself finds JSX text and literal labels, and ignores t() calls and arrows', () => {
    expect(hardCodedTexts('<button type="button">Tallenna</button>')).toEqual(['Tallenna']);
    expect(hardCodedTexts('<p>\n  Ääni on päällä\n</p>')).toEqual(['Ääni on päällä']);
    expect(hardCodedTexts('<input aria-label="Search" />')).toEqual(['Search']);
    expect(hardCodedTexts("<button>{t('siteForm.save')}</button>")).toEqual([]);
    expect(hardCodedTexts('const f = (a: number) => useState<number>(a);')).toEqual([]);
    expect(hardCodedTexts('<td className="numeric">{value}</td>')).toEqual([]);
    expect(hardCodedTexts('<p>Yhteensä {count}</p>')).toEqual(['Yhteensä']);
    expect(hardCodedTexts('<p>{count} yksikköä</p>')).toEqual(['yksikköä']);
    expect(hardCodedTexts('function f(): Promise<Foo> {\n  if (a) {\n  } else {\n  }\n}')).toEqual([]);
  });
});
