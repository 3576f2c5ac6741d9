// `npm audit` of the runtime dependencies: fails on a high or critical
// advisory. When the registry's advisory service cannot be reached (some
// sandboxes only allow GET requests to the registry), the audit is reported
// as SKIPPED with the reason instead of failing the build on a network error.
import { spawnSync } from 'node:child_process';

const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8' });
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  console.error(`npm audit: unreadable output (exit ${run.status}): ${run.stderr.split('\n')[0]}`);
  process.exit(1);
}

const counts = report.metadata?.vulnerabilities;
if (counts === undefined) {
  const reason = report.message ?? report.error?.summary ?? 'no vulnerability counts in the report';
  // 405: a proxy that lets only GET requests reach the registry (the advisory
  // service takes POST). Anything else (a 5xx, a malformed answer) fails.
  if (report.statusCode === 405 || /ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN/.test(reason)) {
    console.log(`npm audit SKIPPED: the advisory service is unavailable here (${reason})`);
    process.exit(0);
  }
  console.error(`npm audit failed: ${reason}`);
  process.exit(1);
}

const serious = (counts.high ?? 0) + (counts.critical ?? 0);
console.log(`npm audit (runtime dependencies): ${JSON.stringify(counts)}`);
if (serious > 0) {
  console.error(`npm audit: ${serious} high or critical advisories`);
  process.exit(1);
}
