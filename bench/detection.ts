/**
 * `npm run detection`: minutes from incident start to first page, per incident
 * scenario, for the production paging rules exactly as synthesized, measured with
 * `promtool test rules` (bench/detection/). Prints the table and writes it into
 * BENCHMARKS.md between the detection markers. Exits 1 when a goal is missed.
 * `--interval <seconds>` measures what another group interval would give (prints only).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ESTATES, PAGING_ENVIRONMENT, synthesizeEstate } from './detection/estates';
import { detectAll, EstateDetections, formatDetections, missedGoal } from './detection/harness';

const BEGIN = '<!-- detection:begin (written by npm run detection) -->';
const END = '<!-- detection:end -->';

/** `--interval <seconds>`: what if the rule groups evaluated at another interval (prints, writes nothing). */
function intervalOverride(): string | undefined {
  const at = process.argv.indexOf('--interval');
  if (at < 0) return undefined;
  const seconds = Number(process.argv[at + 1]);
  if (!Number.isInteger(seconds) || seconds < 10 || seconds % 10 !== 0) {
    console.error(`--interval: got ${JSON.stringify(process.argv[at + 1])}; expected seconds, a multiple of 10 ` +
      '(Grafana\'s scheduler interval), e.g. --interval 30');
    process.exit(2);
  }
  return `${seconds}s`;
}

async function main(): Promise<void> {
  const override = intervalOverride();
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'detection-synth-'));
  let results: EstateDetections[];
  try {
    const inputs = ESTATES.map((estate, i) => ({
      estate: estate.name, stack: synthesizeEstate(estate, join(dir, String(i))), service: estate.measured,
    }));
    results = await detectAll(inputs, PAGING_ENVIRONMENT, undefined, override);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const seconds = (performance.now() - started) / 1000;
  if (override) {
    process.stdout.write(`What if every rule group evaluated every ${override} (not the synthesized interval; BENCHMARKS.md untouched):\n\n` +
      `${formatDetections(results)}\n`);
    return reportMissed(results);
  }

  const section = [
    BEGIN,
    '## Time to page (`npm run detection`)',
    '',
    `Measured ${new Date().toISOString()} in ${seconds.toFixed(1)} s. The ${PAGING_ENVIRONMENT.name} rules that page ` +
      '(severity routed to PagerDuty), read from the synthesized `grafana_rule_group` and translated stage by stage ' +
      '(query, reduce, threshold, `for`, group interval; bench/detection/translate.ts), run through `promtool test rules` ' +
      'on series scraped every 15 s: 6 hours of healthy history, then the incident, which starts right after an evaluation ' +
      '(the slowest phase). Baseline 100 user requests a second on 2 instances, with App Platform health checks (every 10 s ' +
      'per instance), DigitalOcean uptime checks (2 regions, both health paths, every minute) and Datadog synthetic tests ' +
      '(2 locations, detailed health path, every minute) beside them. "First page" is the first evaluation at which a rule ' +
      'fires; the notification follows after the policy\'s group_wait (Grafana\'s default, 30 s). Error series take the ' +
      'less favourable case: created by the incident when the scenario must page (rate() misses a new series\' first ' +
      'increment), existing from earlier errors when it must not. What-if of another group interval: ' +
      '`npm run detection -- --interval 30`.',
    '',
    formatDetections(results),
    END,
  ].join('\n');

  const path = resolve(__dirname, '..', '..', 'BENCHMARKS.md');
  const current = readFileSync(path, 'utf8');
  const at = current.indexOf(BEGIN);
  const stop = current.indexOf(END);
  const updated = at >= 0 && stop > at
    ? `${current.slice(0, at)}${section}${current.slice(stop + END.length)}`
    : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(path, updated);
  process.stdout.write(`${section}\n`);

  reportMissed(results);
}

/** Exits 1, naming them, when goals are missed. */
function reportMissed(results: readonly EstateDetections[]): void {
  const missed = results.flatMap((r) => r.detections.filter((d) => !d.met).map((d) => `${r.estate}: ${missedGoal(d)}`));
  if (missed.length > 0) {
    console.error(`Goals missed:\n${missed.map((m) => `  - ${m}`).join('\n')}`);
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
