/**
 * The CLI's subcommands, in help-screen order. A new subcommand is one module
 * exporting a `Command` and one entry here.
 */
import type { Command } from './command.js';
import { convertCommand } from './convert.js';
import { crawlCommand } from './crawl.js';
import { diffCommand } from './diff.js';
import { importEspiCommand } from './import-espi.js';
import { revisionCommand } from './revision.js';
import { rowsCommand } from './rows.js';
import { validateCommand } from './validate.js';

export const COMMANDS: readonly Command[] = [validateCommand, revisionCommand, rowsCommand, crawlCommand, diffCommand, convertCommand, importEspiCommand];
