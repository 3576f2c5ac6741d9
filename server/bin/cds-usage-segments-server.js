#!/usr/bin/env node
// The Server's command as npm links it. npm links a workspace's `bin` into the
// root's node_modules/.bin only if the file exists when `npm ci` runs, and
// dist/ is built after that; so the command is this committed launcher, which
// loads the built CLI (or says how to build it).
import { existsSync } from 'node:fs';

const cli = new URL('../dist/src/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('cds-usage-segments-server: the Server is not built yet; run `npm run build` at the repository root\n');
  process.exitCode = 2;
} else {
  const { runProcess } = await import(cli.href);
  runProcess();
}
