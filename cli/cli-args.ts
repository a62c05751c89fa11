import { parseArgs } from 'node:util';
import { z } from 'zod';

export class UsageError extends Error {
  constructor(readonly key: string, readonly params: Record<string, string> = {}) {
    super(key);
    this.name = 'UsageError';
  }
}

const COMMANDS = ['scales', 'validate', 'score', 'help'] as const;
const Language = z.enum(['fi', 'en']);

const CliArgs = z.discriminatedUnion('command', [
  z.object({ command: z.literal('scales'), scaleDirs: z.array(z.string()) }),
  z.object({ command: z.literal('validate'), file: z.string(), scaleDirs: z.array(z.string()) }),
  z.object({ command: z.literal('score'), file: z.string(), json: z.boolean(), scaleDirs: z.array(z.string()) }),
  z.object({ command: z.literal('help') }),
]);
export type CliArgs = z.infer<typeof CliArgs> & { language: z.infer<typeof Language> };

/** The language is read first and on its own, so that even a usage error is told in the user's language. */
export function languageFrom(argv: readonly string[]): 'fi' | 'en' {
  const index = argv.findIndex((arg) => arg === '--lang' || arg.startsWith('--lang='));
  const arg = argv[index];
  const value = arg?.includes('=') ? arg.slice('--lang='.length) : argv[index + 1];
  const parsed = Language.safeParse(value);
  return parsed.success ? parsed.data : 'fi';
}

export function parseCliArgs(argv: readonly string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        lang: { type: 'string' },
        json: { type: 'boolean', default: false },
        'scale-dir': { type: 'string', multiple: true, default: [] },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError('error.usage', { message: (error as Error).message });
  }
  const { values, positionals } = parsed;
  const language = Language.safeParse(values.lang ?? 'fi');
  if (!language.success) throw new UsageError('error.badLang', { value: String(values.lang) });

  const [command = 'help', ...rest] = positionals;
  if (values.help || command === 'help') return { command: 'help', language: language.data };
  if (!(COMMANDS as readonly string[]).includes(command)) throw new UsageError('error.unknownCommand', { command });

  const expectsFile = command !== 'scales';
  if (expectsFile && rest.length === 0) throw new UsageError('error.missingFile', { command });
  const extra = rest.slice(expectsFile ? 1 : 0);
  if (extra.length) throw new UsageError('error.tooManyArguments', { extra: extra.join(' ') });

  const args = CliArgs.parse({ command, file: rest[0], json: values.json, scaleDirs: values['scale-dir'] });
  return { ...args, language: language.data };
}
