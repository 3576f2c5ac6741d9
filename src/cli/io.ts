/**
 * What the CLI touches outside itself, passed in so that `main` runs
 * in-process in tests: output streams, standard input, whether standard error
 * is a terminal, and the environment. Files are read from the file system
 * relative to the process's working directory.
 */
export interface CliIo {
  /** Write to standard output. */
  stdout(text: string): void;
  /** Write to standard error. */
  stderr(text: string): void;
  /** Read standard input to its end. */
  stdin(): Promise<Uint8Array>;
  /** Standard error is a terminal (every progress line then; a line every few seconds otherwise). Absent: not a terminal. */
  readonly stderrIsTTY?: boolean;
  /** How often progress shows when standard error is not a terminal, ms (tests shorten it). Absent: PROGRESS_INTERVAL_MS. */
  readonly progressIntervalMs?: number;
  /** Environment variables the CLI reads (`CDS_TOKEN`). Absent: none. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** The real process's streams. */
export function processIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    stdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
      return Buffer.concat(chunks);
    },
    stderrIsTTY: process.stderr.isTTY === true,
    env: process.env,
  };
}

/** A mistake in the command line (exit 2, with a pointer to --help). */
export class UsageError extends Error {}
