import { spawnSync } from 'node:child_process';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { startPreviewServer } from './preview-server.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const PreviewArgs = z.object({
  db: z.string({ message: 'name the database file: npm run preview -- --db FILE' }).min(1),
  port: z.coerce.number().int().min(0).max(65535).default(0),
  build: z.boolean().default(true),
});

/** `npm run preview -- --db FILE [--port N] [--no-build]`: the app in a browser, on 127.0.0.1 only. */
async function main() {
  let args: z.infer<typeof PreviewArgs>;
  try {
    const { values } = parseArgs({ options: { db: { type: 'string' }, port: { type: 'string' }, 'no-build': { type: 'boolean' } }, strict: true });
    args = PreviewArgs.parse({ db: values.db, port: values.port, build: !values['no-build'] });
  } catch (error) {
    const message = error instanceof z.ZodError ? error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n') : (error as Error).message;
    console.error(`${message}\nusage: npm run preview -- --db FILE [--port N] [--no-build]`);
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
  console.log(`IPS Fidelity preview: ${server.url}`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: Error & { code?: string }) => {
  console.error(error.code?.startsWith('db-') ? error.message : `preview failed: ${error.message}`);
  process.exitCode = 1;
});
