import type { CliIo } from './io.js';
import type { OptionSpec, ParsedArgs } from './options.js';

/** One subcommand of the CLI; `commands.ts` lists them. */
export interface Command {
  /** The word after the program name. */
  readonly name: string;
  /** Synopsis after the program name, for the help screen. */
  readonly usage: string;
  /** What the command does (lines separated by \n), for the help screen. */
  readonly summary: string;
  /** Options the command accepts (`main` parses them with `parseCommandArgs`; listed in the help screen). */
  readonly options: readonly OptionSpec[];
  /** Run with the arguments after the command's name, parsed against `options`; resolves to the exit status. Throws `UsageError` for a bad command line. */
  run(args: ParsedArgs, io: CliIo): Promise<number>;
}
