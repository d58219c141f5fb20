/**
 * Time to page, measured on the Prometheus engine: the paging rules of a
 * synthesized stack (translated by translate.ts) run through `promtool test rules`
 * over each incident scenario, with their own `for` and the group's evaluation
 * interval, input scraped every 15 s. One promtool process per scenario checks,
 * at every evaluation from the incident's start on, that no rule fires; promtool
 * reports every evaluation where one does, and the earliest is the first page.
 *
 * The incident starts right after an evaluation (its first failed requests are in
 * the next scrape): the slowest phase for detection, so the times are upper bounds
 * of firing. The page itself follows after the notification policy's group_wait.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { destinationsFor } from '../../catalog/routing';
import { ServiceDefinition } from '../../catalog/services';
import { EnvironmentConfig } from '../../config/types';
import { HISTORY_MINUTES, INCIDENT_SCENARIOS, IncidentScenario, SCRAPE_SECONDS, scenarioSeries } from './scenarios';
import { GrafanaRuleGroupJson, TranslatedGroup, translateGroup } from './translate';

/** The synthesized Terraform JSON of one stack (the part read here). */
export interface StackJson {
  readonly resource: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

/** The rule group of `service` in a synthesized stack, with only the rules that page in `env`. */
export function pagingRules(stack: StackJson, service: ServiceDefinition, env: EnvironmentConfig): TranslatedGroup {
  const groups = Object.values(stack.resource.grafana_rule_group ?? {}) as GrafanaRuleGroupJson[];
  const group = groups.find((g) => g.name === service.id);
  if (!group) throw new Error(`no grafana_rule_group named "${service.id}" in the synthesized stack (found: ${groups.map((g) => g.name).join(', ')})`);
  const pages = (labels: Readonly<Record<string, string>>) =>
    labels.severity !== undefined && destinationsFor(labels.severity as never, env).includes('pagerduty');
  return translateGroup(group, pages);
}

export interface Detection {
  readonly scenario: IncidentScenario;
  /** Minutes from the incident's start to the first firing evaluation; undefined when nothing fired. */
  readonly minutes?: number;
  /** Uids of the rules that fired at that evaluation. */
  readonly rules: readonly string[];
  /** Rules already firing before the incident (a broken scenario or rule). */
  readonly firingBefore: readonly string[];
  /** Whether the scenario's goal holds. */
  readonly met: boolean;
}

const DURATION_PART = /(\d+)(ms|[smhdwy])/g;
const PART_SECONDS: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400, w: 604800, y: 31536000 };

/** Seconds in a Prometheus duration as promtool prints it, e.g. `6h1m30s`. */
export function durationSeconds(text: string): number {
  return [...text.matchAll(DURATION_PART)].reduce((sum, [, n, unit]) => sum + Number(n) * PART_SECONDS[unit], 0);
}

/** Alert names and eval times promtool reports as failed checks: `alertname: X, time: 6h1m,`. */
function firings(output: string): { alert: string; seconds: number }[] {
  return [...output.matchAll(/alertname: (\S+), time: (\S+),/g)].map(([, alert, time]) => ({ alert, seconds: durationSeconds(time) }));
}

/**
 * Go runtime settings for promtool runs: the same results for less CPU. Each run is one
 * thread of rule evaluation, and the callers already run one per core; measured on the
 * 6-hour scenario, GOMAXPROCS=1 and GOGC=200 (collect at 3x the live heap, not 2x) cut
 * its CPU time from 4.5 s to 3.2 s for 40 MB more memory (80 to 120 MB peak).
 */
export const PROMTOOL_GO_ENV = { GOMAXPROCS: '1', GOGC: '200' } as const;

/** Runs `promtool test rules <file>` in `cwd`; its exit status and everything it printed. */
function promtool(cwd: string, file: string): Promise<{ status: number | null; output: string }> {
  return new Promise((done, fail) => {
    const child = spawn('promtool', ['test', 'rules', file], { cwd, env: { ...process.env, ...PROMTOOL_GO_ENV } });
    let output = '';
    child.stdout.on('data', (chunk) => { output += chunk; });
    child.stderr.on('data', (chunk) => { output += chunk; });
    child.on('error', (error: NodeJS.ErrnoException) => fail(error.code === 'ENOENT'
      ? new Error('promtool is required: install it with `node scripts/ensure-tools.mjs` (Debian package prometheus)')
      : error));
    child.on('close', (status) => done({ status, output }));
  });
}

/** Runs one scenario: one promtool process; the first evaluation at which a paging rule fires. */
export async function detect(group: TranslatedGroup, scenario: IncidentScenario, service: ServiceDefinition, instances: number): Promise<Detection> {
  const intervalSeconds = durationSeconds(group.interval);
  const start = HISTORY_MINUTES * 60;
  const end = start + scenario.observeMinutes * 60;
  const ticks: number[] = [];
  for (let t = Math.ceil(start / intervalSeconds) * intervalSeconds; t <= end; t += intervalSeconds) ticks.push(t);

  const dir = mkdtempSync(join(tmpdir(), 'detection-'));
  try {
    writeFileSync(join(dir, 'rules.json'), JSON.stringify({ groups: [{ name: group.name, interval: group.interval, rules: group.rules }] }));
    writeFileSync(join(dir, 'test.json'), JSON.stringify({
      rule_files: ['rules.json'],
      evaluation_interval: group.interval,
      tests: [{
        name: scenario.key,
        interval: `${SCRAPE_SECONDS}s`,
        input_series: scenarioSeries(scenario, service, instances),
        alert_rule_test: ticks.flatMap((t) => group.rules.map((r) => ({ eval_time: `${t}s`, alertname: r.alert, exp_alerts: [] }))),
      }],
    }));
    const { status, output } = await promtool(dir, 'test.json');
    const fired = firings(output);
    if (status !== 0 && fired.length === 0) throw new Error(`promtool failed on scenario "${scenario.key}":\n${output}`);

    const firingBefore = [...new Set(fired.filter((f) => f.seconds <= start).map((f) => f.alert))];
    const after = fired.filter((f) => f.seconds > start);
    const firstSeconds = after.length > 0 ? Math.min(...after.map((f) => f.seconds)) : undefined;
    const minutes = firstSeconds === undefined ? undefined : (firstSeconds - start) / 60;
    const rules = [...new Set(after.filter((f) => f.seconds === firstSeconds).map((f) => f.alert))].sort();
    const goal = scenario.goal;
    const met = firingBefore.length === 0 &&
      ('neverPages' in goal ? minutes === undefined : minutes !== undefined && minutes <= goal.pagesWithinMinutes);
    return { scenario, minutes, rules, firingBefore, met };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface EstateDetections {
  /** e.g. `one-service estate: esg-scraper-api`. */
  readonly estate: string;
  readonly service: ServiceDefinition;
  readonly interval: string;
  readonly rules: readonly { readonly alert: string; readonly for: string }[];
  readonly detections: readonly Detection[];
}

/** Runs `tasks`, at most `limit` at a time; results in order. */
async function pooled<T>(tasks: readonly (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

export interface EstateInput {
  /** e.g. `one-service estate: esg-scraper-api`. */
  readonly estate: string;
  readonly stack: StackJson;
  /** The service whose rules are measured. */
  readonly service: ServiceDefinition;
}

/**
 * Every scenario against the paging rules of each estate's service, one promtool
 * process per scenario, as many at a time as the machine has cores. `intervalOverride`
 * (e.g. `30s`) replaces the synthesized group interval: a what-if, never the table of record.
 */
export async function detectAll(estates: readonly EstateInput[], env: EnvironmentConfig,
  scenarios: readonly IncidentScenario[] = INCIDENT_SCENARIOS, intervalOverride?: string): Promise<EstateDetections[]> {
  const groups = estates.map((e) => pagingRules(e.stack, e.service, env))
    .map((g) => (intervalOverride ? { ...g, interval: intervalOverride } : g));
  const instances = env.digitalocean.app.instanceCount;
  const tasks = estates.flatMap((e, i) => scenarios.map((s) => () => detect(groups[i], s, e.service, instances)));
  const detections = await pooled(tasks, availableParallelism());
  return estates.map((e, i) => ({
    estate: e.estate,
    service: e.service,
    interval: groups[i].interval,
    rules: groups[i].rules.map((r) => ({ alert: r.alert, for: r.for })),
    detections: detections.slice(i * scenarios.length, (i + 1) * scenarios.length),
  }));
}

/**
 * Why a detection misses its goal, with the fix; undefined when the goal holds. The
 * goals are the issue's; thresholds and pending durations are what moves them.
 */
export function missedGoal(d: Detection): string | undefined {
  if (d.met) return undefined;
  const what = d.firingBefore.length > 0 ? `${d.firingBefore.join(', ')} already firing before the incident`
    : d.minutes === undefined ? `no page within ${d.scenario.observeMinutes} min`
      : `paged by ${d.rules.join(', ')} after ${Number(d.minutes.toFixed(2))} min`;
  return `"${d.scenario.title}" misses its goal (page: ${goalText(d.scenario)}): ${what}. Fix: set those rules' thresholds ` +
    '(thresholdOverrides in config/environments.ts, or catalog/alerts.ts) or pending durations so that the goal holds; ' +
    'the goals are in bench/detection/scenarios.ts and change only by a deliberate decision';
}

function goalText(scenario: IncidentScenario): string {
  return 'neverPages' in scenario.goal ? 'never' : `≤ ${scenario.goal.pagesWithinMinutes} min`;
}

/** The measured table, in Markdown. */
export function formatDetections(estates: readonly EstateDetections[]): string {
  return estates.map((e) => [
    `**${e.estate}** (group interval ${e.interval}; paging rules: ${e.rules.map((r) => `\`${r.alert}\` for ${r.for}`).join(', ')})`,
    '',
    '| scenario | goal | first page | rule that paged | goal met |',
    '|---|---|---|---|---|',
    ...e.detections.map((d) => {
      const page = d.minutes === undefined ? `never (watched ${d.scenario.observeMinutes} min)` : `${Number(d.minutes.toFixed(2))} min`;
      const before = d.firingBefore.length > 0 ? ` (already firing before the incident: ${d.firingBefore.join(', ')})` : '';
      return `| ${d.scenario.title} | ${goalText(d.scenario)} | ${page} | ${d.rules.map((r) => `\`${r}\``).join(', ') || '–'}${before} | ${d.met ? 'yes' : '**NO**'} |`;
    }),
  ].join('\n')).join('\n\n');
}
