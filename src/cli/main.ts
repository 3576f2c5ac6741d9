/**
 * cds-usage-segments — the command-line conformance checker, as a function:
 * `main(argv, io)` returns the exit status and touches the outside world only
 * through `io` (and the files it is asked to read), so tests run it in-process.
 *
 * Exit status: 0 all valid (warnings allowed), 1 any error, 2 usage error,
 * unreadable file or invalid JSON. Input must be UTF-8 JSON without a byte
 * order mark (RFC 8259 §8.1); a BOM is reported as unreadable input (exit 2).
 */
import type { Command } from './command.js';
import { COMMANDS } from './commands.js';
import { UsageError, type CliIo } from './io.js';
import { parseCommandArgs, type OptionSpec } from './options.js';
import { orList } from '../words.js';
import { PROGRAM, version } from './version.js';

export { version } from './version.js';

/** A two-column help entry: the label padded to 11 characters, continuation lines indented under the text. */
function entry(label: string, text: string): string {
  const [first, ...rest] = text.split('\n');
  return [`  ${label.padEnd(10)} ${first}`, ...rest.map((l) => `${' '.repeat(13)}${l}`)].join('\n');
}

function optionLabel(o: OptionSpec): string {
  return o.value === undefined ? `--${o.name}` : `--${o.name} ${o.value}`;
}

/** The help screen, built from the command table. */
export function helpText(commands: readonly Command[] = COMMANDS): string {
  const options = new Map<string, OptionSpec>();
  for (const c of commands) for (const o of c.options) if (!options.has(o.name)) options.set(o.name, o);
  return [
    'Usage:',
    ...commands.map((c) => `  ${PROGRAM} ${c.usage}`),
    `  ${PROGRAM} --help | --version`,
    '',
    'Commands:',
    ...commands.map((c) => entry(c.name, c.summary)),
    '',
    'Options:',
    ...[...options.values()].map((o) => entry(optionLabel(o), o.help)),
    '  -h, --help Show this help.  -V, --version Show the version.',
    '',
    'Exit status: 0 valid (warnings allowed), 1 errors found, 2 usage error,',
    'unreadable file, byte order mark, invalid UTF-8 or invalid JSON.',
    '',
  ].join('\n');
}

function commandList(commands: readonly Command[]): string {
  return orList(commands.map((c) => c.name));
}

/** Run the CLI with `argv` (the arguments after the program name); resolves to the exit status. Never rejects. */
export async function main(argv: readonly string[], io: CliIo, commands: readonly Command[] = COMMANDS): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr(`${PROGRAM}: missing command (${commandList(commands)}); see --help\n`);
    return 2;
  }
  if (name === '--help' || name === '-h' || name === 'help' || rest.includes('--help') || rest.includes('-h')) {
    io.stdout(helpText(commands));
    return 0;
  }
  if (name === '--version' || name === '-V') {
    io.stdout(version() + '\n');
    return 0;
  }
  try {
    const command = commands.find((c) => c.name === name);
    if (command === undefined) throw new UsageError(`unknown command ${JSON.stringify(name)} (expected ${commandList(commands)})`);
    return await command.run(parseCommandArgs(rest, command.options), io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`${PROGRAM}: ${e.message}; see --help\n`);
      return 2;
    }
    io.stderr(`${PROGRAM}: internal error: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}\n`);
    return 2;
  }
}
