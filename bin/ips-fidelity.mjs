#!/usr/bin/env node
// The command line is written in TypeScript; tsx compiles it on the fly so there is no build step to forget.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../cli/main.ts');
const write = (stream) => (text) => stream.write(text.endsWith('\n') ? text : `${text}\n`);
process.exitCode = await runCli(process.argv.slice(2), { stdout: write(process.stdout), stderr: write(process.stderr) });
