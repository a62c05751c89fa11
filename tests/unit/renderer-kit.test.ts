import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../fixtures/ratings.ts';

/**
 * The renderer's shared kit (conventions.md, pattern 15): global styles stay small, each feature's styles sit beside
 * it, and a feature uses only classes that are global, in the kit (renderer/components/) or its own.
 */
const RENDERER = join(ROOT, 'renderer');
/** Folders whose styles every feature may use: the shell and the shared kit. */
const SHARED_STYLE_FOLDERS = new Set(['app', 'components']);
const APP_CSS_MAX_LINES = 600;

function files(pattern: RegExp): string[] {
  return readdirSync(RENDERER, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && pattern.test(e.name) && !e.parentPath.includes('node_modules'))
    .map((e) => relative(RENDERER, join(e.parentPath, e.name)).split('\\').join('/'));
}

const folderOf = (file: string) => (file.includes('/') ? file.split('/')[0]! : '');
const read = (file: string) => readFileSync(join(RENDERER, file), 'utf8');

/** Class names a stylesheet defines: every `.name` in a selector (declarations and comments left out). */
export function classesDefinedIn(css: string): Set<string> {
  const withoutComments = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const selectors = [...withoutComments.matchAll(/([^{}]+)\{/g)].map((m) => m[1]!).filter((s) => !s.trim().startsWith('@'));
  return new Set(selectors.flatMap((s) => [...s.matchAll(/\.(-?[A-Za-z_][\w-]*)/g)].map((m) => m[1]!)));
}

/**
 * Class names a component writes: the words of className="…" and of the string literals inside className={…}.
 * A template such as `save-state--${status}` gives the prefix "save-state--*".
 */
export function classesUsedIn(source: string): Set<string> {
  const used = new Set<string>();
  const words = (text: string) => text.split(/\s+/).filter(Boolean);
  for (const m of source.matchAll(/className=(?:"([^"]*)"|\{((?:[^{}]|\{[^{}]*\})*)\})/g)) {
    if (m[1] !== undefined) {
      for (const w of words(m[1])) used.add(w);
      continue;
    }
    for (const literal of m[2]!.matchAll(/(['"`])((?:(?!\1).)*)\1/g)) {
      const text = literal[2]!.replace(/\$\{[^}]*\}\S*/g, '*');
      for (const w of words(text)) if (w !== '*') used.add(w);
    }
  }
  return used;
}

describe('renderer styles', () => {
  const stylesheets = files(/\.css$/);
  const defined = new Map<string, Set<string>>(); // class -> folders whose stylesheets define it
  for (const sheet of stylesheets) {
    for (const name of classesDefinedIn(read(sheet))) {
      defined.set(name, (defined.get(name) ?? new Set()).add(folderOf(sheet)));
    }
  }
  const definers = (name: string): Set<string> => {
    if (!name.endsWith('*')) return defined.get(name) ?? new Set();
    const prefix = name.slice(0, -1);
    return new Set([...defined].filter(([n]) => n.startsWith(prefix)).flatMap(([, folders]) => [...folders]));
  };

  test(`renderer/app/app.css holds only the global styles (at most ${APP_CSS_MAX_LINES} lines)`, () => {
    const lines = read('app/app.css').split('\n').length;
    expect(lines).toBeLessThanOrEqual(APP_CSS_MAX_LINES);
  });

  test('every stylesheet is imported by the renderer', () => {
    const imported = new Set(files(/\.(ts|tsx)$/).flatMap((file) =>
      [...read(file).matchAll(/import\s+['"](\.[^'"]+\.css)['"]/g)].map((m) => posix.join(posix.dirname(file), m[1]!))));
    expect(stylesheets.filter((sheet) => !imported.has(sheet))).toEqual([]);
  });

  test("a feature uses no class that only another feature's stylesheet defines", () => {
    const offenders: string[] = [];
    for (const file of files(/\.tsx$/)) {
      const folder = folderOf(file);
      for (const name of classesUsedIn(read(file))) {
        const where = definers(name);
        if (where.size === 0 || where.has(folder) || [...where].some((f) => SHARED_STYLE_FOLDERS.has(f))) continue;
        offenders.push(`${file}: .${name} is styled only in ${[...where].map((f) => `renderer/${f}/`).join(', ')}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  test('the class scans find what they should (so the checks above can fail)', () => {
    expect([...classesDefinedIn('/* .not-this */ .a .b-c:hover, button.d { margin: 0.5rem; }\n@media (max-width: 60rem) { .e { x: 1 } }')])
      .toEqual(['a', 'b-c', 'd', 'e']);
    expect([...classesUsedIn('<p className="x y" /><b className={ok ? `s s--${k}` : \'t\'} />')]).toEqual(['x', 'y', 's', 's--*', 't']);
    expect(definers('save-state--*').has('components')).toBe(true);
  });
});

describe('renderer imports', () => {
  /** The kit every feature may use; it imports only itself (and the routes, to link to a screen). */
  const KIT = new Set(['components', 'platform', 'i18n', 'scales']);
  /**
   * Feature-to-feature imports that stay, each with its reason ("from folder -> imported file"). A feature that
   * needs another's piece moves the piece to the kit instead of adding a line here.
   */
  const EXCEPTIONS: Record<string, string> = {
    'sites -> action-plan/ActionPlanProgress.tsx': "the site page shows each review's action-plan progress, a table the action plan owns (its data and wording)",
    'reviews -> action-plan/PreviousActionPlan.tsx': "the review editor folds in the previous review's action plan, which the action plan owns",
  };

  /** Every import of a renderer file that lands in another top-level folder of renderer/: [from file, to file]. */
  function crossFolderImports(): [string, string][] {
    return files(/\.(ts|tsx)$/).flatMap((file) =>
      [...read(file).matchAll(/(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)|import\s+['"](\.[^'"]+)['"]/g)]
        .map((m) => posix.join(posix.dirname(file), m[1] ?? m[2] ?? m[3]!))
        .filter((target) => !target.startsWith('..') && folderOf(target) !== '' && folderOf(target) !== folderOf(file))
        .map((target): [string, string] => [file, target]));
  }

  const allowed = (from: string, to: string) =>
    ['app', ''].includes(folderOf(from)) || // the shell (main.tsx, app/) puts the features' screens together
    to === 'app/routes.ts' || // links to a screen
    KIT.has(folderOf(to)) || // the kit imports only itself: a kit file importing a feature falls through
    `${folderOf(from)} -> ${to}` in EXCEPTIONS;

  test("a feature imports only the kit (components, platform, i18n, scales) and the routes, never another feature's files", () => {
    const offenders = crossFolderImports().filter(([from, to]) => !allowed(from, to)).map(([from, to]) => `${from} imports ${to}`);
    expect(offenders).toEqual([]);
  });

  test('every exception is still needed', () => {
    const used = new Set(crossFolderImports().map(([from, to]) => `${folderOf(from)} -> ${to}`));
    expect(Object.keys(EXCEPTIONS).filter((e) => !used.has(e))).toEqual([]);
  });

  test('the import scan finds imports across folders (so the check above can fail)', () => {
    expect(crossFolderImports()).toContainEqual(['app/App.tsx', 'sites/SitesPage.tsx']);
    expect(crossFolderImports()).toContainEqual(['main.tsx', 'components/forms.css']); // a stylesheet import counts too
    expect(allowed('sites/SitePage.tsx', 'reviews/ReviewEditor.tsx')).toBe(false);
    expect(allowed('components/X.tsx', 'reports/Y.tsx')).toBe(false);
    expect(allowed('sites/SitePage.tsx', 'components/StatusMessage.tsx')).toBe(true);
  });
});
