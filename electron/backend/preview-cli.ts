import { spawnSync } from 'node:child_process';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { readFileToOffer } from './offered-file.ts';
import { startPreviewServer } from './preview-server.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const PreviewArgs = z.object({
  db: z.string({ message: 'name the database file: npm run preview -- --db FILE' }).min(1),
  port: z.coerce.number().int().min(0).max(65535).default(0),
  build: z.boolean().default(true),
  open: z.string().min(1).optional(),
});
const USAGE = 'usage: npm run preview -- --db FILE [--port N] [--no-build] [--open FILE.ipsreview|FILE.json]';

/**
 * `npm run preview -- --db FILE [--port N] [--no-build] [--open FILE]`: the app in a browser, on 127.0.0.1 only.
 * `--open` offers a bundle or review file to the page as the desktop app does with a double-clicked file (the
 * exchange page takes it with files.takeOffered), so that path can be tried and tested without Electron.
 */
async function main() {
  let args: z.infer<typeof PreviewArgs>;
  try {
    const { values } = parseArgs({ options: { db: { type: 'string' }, port: { type: 'string' }, 'no-build': { type: 'boolean' }, open: { type: 'string' } }, strict: true });
    args = PreviewArgs.parse({ db: values.db, port: values.port, build: !values['no-build'], open: values.open });
  } catch (error) {
    const message = error instanceof z.ZodError ? error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n') : (error as Error).message;
    console.error(`${message}\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  // Read before anything starts, so a wrong file stops here with its reason.
  const opened = args.open === undefined ? undefined : await readFileToOffer(resolve(args.open));
  if (opened?.ok === false) {
    console.error(`--open: ${opened.refusal.message}`);
    process.exitCode = 2;
    return;
  }
  if (args.build) {
    const build = spawnSync('npm', ['run', '--silent', 'build:renderer'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) {
      console.error('building the renderer failed');
      process.exitCode = 1;
      return;
    }
  }
  const server = await startPreviewServer({ dbFile: resolve(args.db), staticDir: resolve(ROOT, 'dist', 'renderer'), actor: userInfo().username, port: args.port });
  if (opened) {
    const offered = server.backend.offerFile({ fileName: opened.fileName, bytes: opened.bytes });
    if (!offered.ok) {
      console.error(`--open: ${offered.refusal.message}`);
      await server.close();
      process.exitCode = 2;
      return;
    }
    console.log(`${offered.fileName} is waiting on the page "Import and export" (#/exchange).`);
  }
  console.log(`IPS Fidelity preview: ${server.url}`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: Error & { code?: string }) => {
  console.error(error.code?.startsWith('db-') ? error.message : `preview failed: ${error.message}`);
  process.exitCode = 1;
});
