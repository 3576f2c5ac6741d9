#!/usr/bin/env node
/** The `cds-usage-segments` executable: runs `main` (src/cli/main.ts) on the process's arguments and streams. */
import { processIo } from './cli/io.js';
import { main } from './cli/main.js';

// A reader that stops early (`| head`) closes the pipe: that is not an error of ours, so stop quietly instead of crashing on EPIPE.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

process.exitCode = await main(process.argv.slice(2), processIo());
