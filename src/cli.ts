#!/usr/bin/env node
/** The `cds-usage-segments` executable: runs `main` (src/cli/main.ts) on the process's arguments and streams. */
import { processIo } from './cli/io.js';
import { main } from './cli/main.js';

process.exitCode = await main(process.argv.slice(2), processIo());
