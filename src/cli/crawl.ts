import { orList, plural } from '../words.js';
import { modelIds } from '../models/registry.js';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { crawl, CRAWL_DEFAULTS, isHttpUrl, type CrawlModel, type CrawlReport } from '../crawl/crawl.js';
import { renderJUnit } from '../crawl/junit.js';
import { urlProblem } from '../crawl/page.js';
import { UsageError, type CliIo } from './io.js';
import { modelArgs, modelChoices } from './model-options.js';
import { choice, type OptionSpec } from './options.js';
import { progressMode, QUIET_OPTION, startProgress } from './progress.js';
import { crawlReport, REPORT_OPTIONS, wantsReport, writeReports } from './conformance-report.js';
import type { CheckedPage } from '../crawl/state.js';
import { timelineDocument } from '../timeline/data.js';
import { redactor, tokensInUrl } from '../crawl/redact.js';
import type { Command } from './command.js';

/** Connection errors that mean the host cannot be reached (exit 2), as the fetcher reports them. */

const UNREACHABLE = /\b(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|bad port)\b/;

const OPTIONS: readonly OptionSpec[] = [
  { name: 'token', type: 'string', value: 'T', help: 'Bearer token for the crawl (also CDS_TOKEN); sent only to the\nlisting URL\'s origin and redacted from every output.' },
  { name: 'token-file', type: 'string', value: 'F', help: 'Read the token from a file (first line).' },
  { name: 'json', type: 'boolean', help: 'Print one JSON object.' },
  { name: 'junit', type: 'string', value: 'FILE', help: 'Write a JUnit XML report (one test case per check).' },
  { name: 'max-pages', type: 'string', value: 'N', help: `Pages read per listing (default ${CRAWL_DEFAULTS.maxPages}).` },
  { name: 'timeout-ms', type: 'string', value: 'N', help: `Deadline of one request (default ${CRAWL_DEFAULTS.timeoutMs}).` },
  { name: 'max-body-bytes', type: 'string', value: 'N', help: `Largest page read (default ${CRAWL_DEFAULTS.maxBodyBytes}).` },
  { name: 'model', type: 'string', value: 'M', help: `auto (default: from the first page with a segment), ${orList(modelIds())}:\nthe model the checker validates every page in.` },
  {
    name: 'server-metadata',
    type: 'string',
    value: 'URL|FILE',
    help: "2026: the Server Metadata, from the Client object's cds_server_metadata\nURL (read without the token) or a JSON file; undeclared-type needs it.\nDefault: the listing origin's /.well-known/oauth-authorization-server.",
  },
  { name: 'no-probes', type: 'boolean', help: 'Skip the filter, malformed-filter and authorization probes.' },
  ...REPORT_OPTIONS,
  QUIET_OPTION,
];

function positiveInteger(value: string | boolean | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (typeof value !== 'string' || !Number.isInteger(n) || n < 1) throw new UsageError(`--${flag} must be a whole number ≥ 1, got ${JSON.stringify(value)}`);
  return n;
}

function tokenFrom(values: Record<string, string | boolean | undefined>, env: CliIo['env']): string | undefined {
  if (typeof values.token === 'string' && typeof values['token-file'] === 'string') throw new UsageError('give --token or --token-file, not both');
  if (typeof values['token-file'] === 'string') {
    let text: string;
    try {
      text = readFileSync(values['token-file'], 'utf8');
    } catch (e) {
      throw new UsageError(`--token-file ${values['token-file']}: ${(e as NodeJS.ErrnoException).code ?? 'cannot read'}`);
    }
    const token = text.split(/\r?\n/)[0]?.trim() ?? '';
    if (token === '') throw new UsageError(`--token-file ${values['token-file']} is empty`);
    return token;
  }
  if (typeof values.token === 'string') return values.token;
  const fromEnv = env?.CDS_TOKEN;
  return fromEnv === undefined || fromEnv === '' ? undefined : fromEnv;
}

/** Human-readable report: one line per finding, then a summary. */
function printText(io: CliIo, r: CrawlReport): void {
  for (const f of r.findings) io.stdout(`${f.level} ${f.code} ${f.url}${f.path === undefined || f.path === '' ? '' : ` ${f.path}`} ${f.message}\n`);
  // The findings-omitted finding (printed last above) counts the findings beyond the cap; the totals include them, not it.
  const listed = r.findings.filter((f) => f.code !== 'findings-omitted');
  const errors = listed.filter((f) => f.level === 'error').length + r.omittedErrors;
  const warnings = listed.length + r.omittedFindings - errors;
  io.stdout(
    `${plural(r.pages, 'page')}, ${plural(r.segments, 'segment')}, ${plural(r.requests, 'request')}, ${(r.durationMs / 1000).toFixed(1)} s (model ${r.model}): ${plural(errors, 'error')}, ${plural(warnings, 'warning')} — ${r.conformant ? 'conformant' : 'not conformant'}\n`,
  );
}

/** The crawl itself, with `io` already redacting; `redact` for the files it writes. */
async function runCrawl(url: string, token: string | undefined, values: Record<string, string | boolean | undefined>, io: CliIo, redact: (s: string) => string): Promise<number> {
  const problem = urlProblem(url);
  if (problem !== null) throw new UsageError(`URL must be an absolute http(s) URL (it ${problem}), got ${JSON.stringify(url)}`);
  const metadataArg = values['server-metadata'];
  const metadataUrl = typeof metadataArg === 'string' && isHttpUrl(metadataArg) ? metadataArg : undefined;
  // A file is read as `validate --server-metadata FILE` reads it (a bad file is a usage error, exit 2).
  const { serverMetadata } = metadataUrl === undefined ? await modelArgs(values, io) : {};
  const model = choice<CrawlModel>(values, 'model', ['auto', ...modelIds()] as readonly CrawlModel[], 'auto');
  const maxPages = positiveInteger(values['max-pages'], 'max-pages');
  const timeoutMs = positiveInteger(values['timeout-ms'], 'timeout-ms');
  const maxBodyBytes = positiveInteger(values['max-body-bytes'], 'max-body-bytes');
  // Each page and probe on a terminal; a CI log (a pipe, a file) gets a line every few seconds; --quiet none.
  const progress = startProgress(io, progressMode(io, values.quiet === true, true));
  // The state before the first page, for the heartbeat of a log (a terminal shows lines as they come, from the first page on).
  if (io.stderrIsTTY !== true) progress.line('waiting for page 1');
  // --report / --summary keep every checked page for the picture (memory of the whole listing).
  const pages: CheckedPage[] | null = wantsReport(values) ? [] : null;
  const report = await crawl({
    url,
    ...(token === undefined ? {} : { token }),
    ...(maxPages === undefined ? {} : { maxPages }),
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
    ...(maxBodyBytes === undefined ? {} : { maxBodyBytes }),
    model,
    ...(metadataUrl === undefined ? {} : { serverMetadataUrl: metadataUrl }),
    ...(serverMetadata === undefined ? {} : { serverMetadata }),
    probes: values['no-probes'] !== true,
    onProgress: (line: string) => progress.line(line),
    // Only what the picture needs of each page is kept (timelineDocument: the values reduced to which are null).
    ...(pages === null ? {} : { onPage: (p: CheckedPage) => void pages.push({ ...p, doc: timelineDocument(p.doc) }) }),
  }).finally(() => progress.stop());
  if (typeof values.junit === 'string') await writeFile(values.junit, redact(renderJUnit(report)));
  // Built from redacted strings; a file that still holds a secret verbatim is redacted whole.
  if (pages !== null) await writeReports(values, crawlReport(report, pages, redact), { redact, secrets: [token ?? '', ...tokensInUrl(url)] });
  if (values.json === true) {
    // The documented keys only: the count of findings beyond the cap is the last finding (findings-omitted).
    const { checks: _checks, omittedFindings: _omitted, omittedErrors: _omittedErrors, ...rest } = report;
    io.stdout(`${JSON.stringify(rest)}\n`);
  } else {
    printText(io, report);
  }
  // Could not start: no connection to the host at all (a Server that accepts and then times out or resets is a finding, exit 1).
  if (report.pages === 0 && report.findings.some((f) => f.code === 'transport' && UNREACHABLE.test(f.message))) return 2;
  return report.conformant ? 0 : 1;
}

/** `crawl URL [options]`: check a live Server's listing. */
export const crawlCommand: Command = {
  name: 'crawl',
  usage: `crawl URL [--token T | --token-file F] [--json] [--junit FILE] [--max-pages N] [--timeout-ms N] [--max-body-bytes N] [--model ${modelChoices()}] [--server-metadata URL|FILE] [--no-probes] [--report FILE.html] [--summary FILE.md] [--quiet]`,
  summary:
    "Crawl a Server's usage segments endpoint: every page validated, links,\norder, duplicates and the timeline across pages, filter and auth probes.\nExit 0 no error, 1 errors found, 2 could not start (arguments, unreachable).\n--json prints {conformant, url, model, pages, segments, requests,\ndurationMs, findings}.",
  options: OPTIONS,
  async run({ values, positionals }, io: CliIo): Promise<number> {
    if (positionals.length !== 1) throw new UsageError('crawl needs exactly one URL');
    const url = positionals[0]!;
    const token = tokenFrom(values, io.env);
    // The one redaction of everything this command prints or writes, applied last (after any cutting and escaping).
    const redact = redactor(token, url, typeof values['server-metadata'] === 'string' ? values['server-metadata'] : '');
    const safe: CliIo = { ...io, stdout: (text) => io.stdout(redact(text)), stderr: (text) => io.stderr(redact(text)) };
    try {
      return await runCrawl(url, token, values, safe, redact);
    } catch (e) {
      if (e instanceof UsageError) throw new UsageError(redact(e.message));
      throw new Error(redact(e instanceof Error ? e.message : String(e)));
    }
  },
};
