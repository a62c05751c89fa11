// Import boundaries, and nothing else: which layer may import what (docs: /work/shared conventions, "Boundaries you
// can see from the path"). Run by tests/unit/import-boundaries.test.ts inside `npm test`; `npx eslint .` shows the
// same. No style rules on purpose: this config exists to keep the layers apart (VS Code's layer rules, Signal's lint).
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

/** Every Node built-in by its bare name (fs, fs/promises, …); any node:… specifier is refused by a pattern below. */
const nodeBuiltinPaths = builtinModules.filter((name) => !name.startsWith('node:')).map((name) => ({
  name,
  message: 'the renderer runs in a sandboxed page: no Node modules (ask the backend through the contract instead)',
}));

/** The electron package: only the shell (electron/main) and the preload may use it. */
const electronPackage = {
  paths: [{ name: 'electron', message: 'only electron/main and electron/preload import electron' }],
  patterns: [{ group: ['electron/*'], message: 'only electron/main and electron/preload import electron' }],
};

/** A relative import that climbs to a top-level folder of the app: ../electron/x, ../../renderer/y, … */
const upTo = (folders) => `^(\\.\\./)+(${folders.join('|')})(/|$)`;

export default tseslint.config(
  {
    ignores: ['node_modules/**', 'dist/**', 'out/**', '.cache/**', 'tmp/**', '**/*.d.ts'],
  },
  {
    files: ['**/*.{ts,tsx,mts,cts,js,mjs,cjs}'],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 'latest', sourceType: 'module' },
    linterOptions: {
      // A boundary is not waived in a comment; an exception is written here, with its reason.
      noInlineConfig: true,
      reportUnusedDisableDirectives: 'off',
    },
  },
  {
    // Everything except the shell and the preload: no electron.
    files: ['**/*.{ts,tsx,mts,cts,js,mjs,cjs}'],
    ignores: ['electron/main/**', 'electron/preload/**'],
    rules: { 'no-restricted-imports': ['error', electronPackage] },
  },
  {
    // The renderer: no Node, no native modules, no electron, nothing of the backend or the shell.
    files: ['renderer/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          ...nodeBuiltinPaths,
          { name: 'better-sqlite3', message: 'the renderer has no database: call the backend through the contract' },
          { name: 'pdfkit', message: 'PDFs are drawn in the backend (reports/)' },
          ...electronPackage.paths,
        ],
        patterns: [
          { regex: '^node:', message: 'the renderer runs in a sandboxed page: no Node modules' },
          ...electronPackage.patterns,
          { regex: upTo(['electron/backend', 'electron/main', 'electron/preload', 'cli']), message: 'the renderer reaches the backend only through the contract and its transport (renderer/platform)' },
        ],
      }],
    },
  },
  {
    // The domain runs anywhere: it imports nothing of the app around it.
    files: ['scales/**', 'reports/**', 'exchange/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: electronPackage.paths,
        patterns: [
          ...electronPackage.patterns,
          { regex: upTo(['electron', 'renderer', 'cli']), message: 'the domain (scales, reports, exchange) imports nothing of the app: electron/, renderer/ and cli/ import it, never the other way' },
        ],
      }],
    },
  },
);
