import type { CliIo } from './io.js';
import type { OptionSpec } from './options.js';

/** `--quiet`: no progress lines at all. */
export const QUIET_OPTION: OptionSpec = { name: 'quiet', type: 'boolean', help: 'No progress lines on standard error.' };

/**
 * How often progress shows when standard error is not a terminal (CI logs):
 * often enough that a log never goes 5 s without a line, rarely enough that
 * a quick run prints nothing.
 */
export const PROGRESS_INTERVAL_MS = 3000;

/** Where long work reports what it is doing; `stop` ends the heartbeat. */
export interface Progress {
  /** The latest state of the work, one line (e.g. `page 12: 100 segments, URL`). */
  line(text: string): void;
  stop(): void;
}

/**
 * Progress on standard error. `every`: each line as it comes (a person at a
 * terminal watching a crawl); `throttled`: at most one line per interval,
 * prefixed with the elapsed time, and a heartbeat repeating the latest line
 * when the work is waiting (a request, a read) so that a log shows the run is
 * alive. A line that arrives during synchronous work is printed when it
 * arrives if the interval has passed (a timer cannot fire then).
 */
export function startProgress(io: CliIo, mode: 'every' | 'throttled' | 'off'): Progress {
  if (mode === 'off') return { line: () => {}, stop: () => {} };
  if (mode === 'every') return { line: (text) => io.stderr(`${text}\n`), stop: () => {} };
  const interval = io.progressIntervalMs ?? PROGRESS_INTERVAL_MS;
  const started = Date.now();
  let lastPrinted = started;
  let latest: string | null = null;
  const print = (): void => {
    if (latest === null) return;
    lastPrinted = Date.now();
    io.stderr(`[${((lastPrinted - started) / 1000).toFixed(1)} s] ${latest}\n`);
  };
  const timer = setInterval(() => {
    if (Date.now() - lastPrinted >= interval) print();
  }, Math.max(10, Math.floor(interval / 2)));
  // The heartbeat never keeps the process alive by itself.
  timer.unref();
  return {
    line(text) {
      latest = text;
      if (Date.now() - lastPrinted >= interval) print();
    },
    stop: () => clearInterval(timer),
  };
}

/** The mode for a command: off with --quiet; every line on a terminal when `everyOnTty`; otherwise throttled. */
export function progressMode(io: CliIo, quiet: boolean, everyOnTty: boolean): 'every' | 'throttled' | 'off' {
  if (quiet) return 'off';
  return everyOnTty && io.stderrIsTTY === true ? 'every' : 'throttled';
}
