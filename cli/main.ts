import type { TFunction } from 'i18next';
import { localized } from '../scales/display-format.ts';
import type { Problem } from '../scales/problem.ts';
import { checkReview, scoreReview } from '../scales/review-check.ts';
import { loadScaleRegistry, type ScaleRegistry } from '../scales/scale-registry.ts';
import { ScaleFileError } from '../scales/scale-version.ts';
import { languageFrom, parseCliArgs, UsageError, type CliArgs } from './cli-args.ts';
import { cliTranslator, describeProblem } from './cli-i18n.ts';
import { runBackupCommand } from './backup-command.ts';
import { runBundleExport, runBundleImport } from './bundle-command.ts';
import { runCsv } from './csv-command.ts';
import { InputFileError, readJsonFile } from './read-json-file.ts';
import { runReport } from './report-command.ts';
import { scoreSummary } from './score-summary.ts';
import { runVerify } from './verify-command.ts';
import { SigningError } from '../reports/signing/signing-error.ts';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const EXIT_OK = 0;
export const EXIT_INVALID_INPUT = 1;
export const EXIT_USAGE = 2;

/**
 * Runs one command and returns its exit code; never throws, never prints a stack trace. `env` is where
 * `report --passphrase-env VAR` reads the passphrase from.
 */
export async function runCli(argv: readonly string[], io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const t = await cliTranslator(languageFrom(argv));
  try {
    const args = parseCliArgs(argv);
    if (args.command === 'help') {
      io.stdout(t('usage'));
      return EXIT_OK;
    }
    if (args.command === 'verify') return await runVerify(args, io, t);
    if (args.command === 'csv') return await runCsv(args, io, t);
    if (args.command === 'export') return await runBundleExport(args, io, t, env);
    if (args.command === 'import') return await runBundleImport(args, io, t);
    if (args.command === 'backup' || args.command === 'backups' || args.command === 'restore') return await runBackupCommand(args, io, t);
    const registry = loadRegistry(args.scaleDirs, io, t);
    if (!registry) return EXIT_INVALID_INPUT;
    if (args.command === 'report') return await runReport(args, registry, io, t, env);
    return runCommand(args, registry, io, t);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${t(error.key, error.params)}\n\n${t('usage')}`);
      return EXIT_USAGE;
    }
    if (error instanceof InputFileError) {
      io.stderr(t(error.key, error.params));
      return EXIT_INVALID_INPUT;
    }
    if (error instanceof SigningError) {
      io.stderr(t(error.messageKey, { ...error.params, defaultValue: error.message }));
      return EXIT_INVALID_INPUT;
    }
    if (error instanceof ScaleFileError) {
      io.stderr(scaleRefusal(error, t));
      return EXIT_INVALID_INPUT;
    }
    io.stderr(t('error.internal', { message: (error as Error).message }));
    return EXIT_INVALID_INPUT;
  }
}

function runCommand(args: Exclude<CliArgs, { command: 'help' | 'verify' | 'report' | 'csv' | 'export' | 'import' | 'backup' | 'backups' | 'restore' }>, registry: ScaleRegistry, io: CliIo, t: TFunction): number {
  switch (args.command) {
    case 'scales': {
      const rows = registry.list().map(({ data, contentHash }) =>
        [data.id, data.version, data.languages.join(','), contentHash, localized(data.title, args.language)].join('\t'));
      io.stdout([t('scales.header'), ...rows].join('\n'));
      return EXIT_OK;
    }
    case 'validate': {
      const checked = checkReview(readJsonFile(args.file), registry);
      printWarnings(checked.warnings, io, t);
      if (!checked.ok) return invalid(args.file, checked.problems, io, t);
      const rated = checked.review.ratings.filter((r) => r.score !== null).length;
      io.stdout(t('validate.ok', { file: args.file, rated, total: checked.scale.data.items.length, scale: `${checked.scale.data.id} ${checked.scale.data.version}` }));
      return EXIT_OK;
    }
    case 'score': {
      const scored = scoreReview(readJsonFile(args.file), registry);
      printWarnings(scored.warnings, io, t);
      if (!scored.ok) return invalid(args.file, scored.problems, io, t);
      io.stdout(args.json
        ? JSON.stringify({ ...scored.score, scale: { ...scored.score.scale, contentHash: scored.scale.contentHash } }, null, 2)
        : scoreSummary(scored.review, scored.scale, scored.score, args.language, t));
      return EXIT_OK;
    }
  }
}

function loadRegistry(scaleDirs: readonly string[], io: CliIo, t: TFunction): ScaleRegistry | undefined {
  const { registry, refused } = loadScaleRegistry(scaleDirs);
  if (refused.length === 0) return registry;
  io.stderr(refused.map((error) => scaleRefusal(error, t)).join('\n'));
  return undefined;
}

function scaleRefusal(error: ScaleFileError, t: TFunction): string {
  return [t('error.scaleRefused', { file: error.origin }), ...error.problems.map((p) => `  ${describeProblem(p, t)}`)].join('\n');
}

function invalid(file: string, problems: Problem[], io: CliIo, t: TFunction): number {
  io.stderr([t('error.invalidReview', { file, count: problems.length }), ...problems.map((p) => `  ${describeProblem(p, t)}`)].join('\n'));
  return EXIT_INVALID_INPUT;
}

function printWarnings(warnings: Problem[], io: CliIo, t: TFunction) {
  for (const warning of warnings) io.stderr(`${t('validate.warning')}: ${describeProblem(warning, t)}`);
}
