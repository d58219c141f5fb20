/**
 * Runs Prometheus rule unit tests with `promtool test rules`: writes rule files
 * and one test file per case into a temporary directory, then runs ONE promtool
 * process for all of them and reports each case's result. Files are JSON, which
 * promtool reads as YAML.
 *
 * promtool comes from Debian's `prometheus` package; `npm test` installs it when
 * missing (scripts/ensure-tools.mjs). If it is still missing, this throws with
 * the command that installs it: the tests never skip silently.
 */
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './paths';
import { PROMTOOL_GO_ENV } from '../../bench/detection/harness';

/** A Prometheus alerting rule. */
export interface PromAlertingRule {
  readonly alert: string;
  readonly expr: string;
  readonly for: string;
  readonly labels: Readonly<Record<string, string>>;
}

/** An input series in promtool's expanding notation, e.g. `0+10x30` or `1x10 _x5`. */
export interface InputSeries {
  readonly series: string;
  readonly values: string;
}

/** At `evalTime`, exactly these alerts (by labels, besides `alertname`) fire; none when empty. */
export interface AlertCheck {
  readonly evalTime: string;
  readonly alertname: string;
  readonly firing: readonly Readonly<Record<string, string>>[];
}

export interface PromtoolCase {
  /** Unique across the run; reported back as the result's key. */
  readonly name: string;
  /** Key of the rule file (in `PromtoolRun.ruleFiles`) the case evaluates. */
  readonly ruleFile: string;
  readonly series: readonly InputSeries[];
  readonly checks: readonly AlertCheck[];
}

export interface PromtoolRun {
  /** Rule files by key; each becomes one rule group. */
  readonly ruleFiles: Readonly<Record<string, readonly PromAlertingRule[]>>;
  readonly cases: readonly PromtoolCase[];
  /**
   * Spacing of input samples and of rule evaluation.
   * @default '1m'
   */
  readonly interval?: string;
}

export interface PromtoolResult {
  readonly passed: boolean;
  /** What promtool printed for this case's file. */
  readonly output: string;
}

/** Thrown when promtool is not installed; the message says how to install it. */
export class PromtoolMissingError extends Error {}

function installHint(): string {
  const run = spawnSync(process.execPath, [join(ROOT, 'scripts', 'ensure-tools.mjs'), '--check'], { encoding: 'utf8', env: process.env });
  return `${run.stderr}${run.stdout}`.trim() || 'promtool is not installed: run `node scripts/ensure-tools.mjs`';
}

/** Runs every case in one `promtool test rules` process; results by case name. */
export function runPromtool(run: PromtoolRun): Map<string, PromtoolResult> {
  const names = new Set<string>();
  for (const c of run.cases) {
    if (names.has(c.name)) throw new Error(`promtool case "${c.name}" is declared twice`);
    if (!run.ruleFiles[c.ruleFile]) throw new Error(`promtool case "${c.name}" names unknown rule file "${c.ruleFile}"`);
    names.add(c.name);
  }
  const interval = run.interval ?? '1m';
  const dir = mkdtempSync(join(tmpdir(), 'promtool-'));
  try {
    const ruleFileNames: Record<string, string> = {};
    Object.entries(run.ruleFiles).forEach(([key, rules], i) => {
      ruleFileNames[key] = `rules-${i}.json`;
      writeFileSync(join(dir, ruleFileNames[key]), JSON.stringify({ groups: [{ name: key, interval, rules }] }));
    });
    const testFiles = run.cases.map((c, i) => {
      const file = `case-${i}.json`;
      writeFileSync(join(dir, file), JSON.stringify({
        rule_files: [ruleFileNames[c.ruleFile]],
        evaluation_interval: interval,
        tests: [{
          name: c.name,
          interval,
          input_series: c.series,
          alert_rule_test: c.checks.map((check) => ({
            eval_time: check.evalTime,
            alertname: check.alertname,
            exp_alerts: check.firing.map((labels) => ({ exp_labels: labels })),
          })),
        }],
      }));
      return file;
    });

    // stdout (file headers, SUCCESS) and stderr (failures) into one file, in order.
    const logPath = join(dir, 'promtool.log');
    const log = openSync(logPath, 'w');
    let status: number | null;
    let error: Error | undefined;
    try {
      ({ status, error } = spawnSync('promtool', ['test', 'rules', ...testFiles], {
        cwd: dir,
        stdio: ['ignore', log, log],
        // jest gives tests their own process.env; child_process would read the real one
        env: { ...process.env, ...PROMTOOL_GO_ENV },
      }));
    } finally {
      closeSync(log);
    }
    if ((error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') throw new PromtoolMissingError(installHint());
    if (error) throw error;
    const output = readFileSync(logPath, 'utf8');

    const sections = new Map<string, string>();
    for (const part of output.split(/^Unit Testing:\s+/m).slice(1)) {
      const newline = part.indexOf('\n');
      sections.set(part.slice(0, newline).trim(), part.slice(newline + 1).trim());
    }
    const results = new Map<string, PromtoolResult>();
    run.cases.forEach((c, i) => {
      const section = sections.get(testFiles[i]);
      results.set(c.name, section === undefined
        ? { passed: false, output: `promtool did not report on this case (exit status ${status}):\n${output}` }
        : { passed: section === 'SUCCESS', output: section });
    });
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
