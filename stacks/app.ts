import { App } from 'cdktf';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { buildAlertCatalog, knownAlertIds } from '../catalog/alerts';
import { buildSloCatalog } from '../catalog/slos';
import { SERVICES, ServiceDefinition } from '../catalog/services';
import { ENVIRONMENTS } from '../config/environments';
import { ENVIRONMENT_NAMES, EnvironmentConfig, EnvironmentName } from '../config/types';
import { loadEnvironments } from '../config/validate';
import { MonitoringStack } from './monitoring-stack';
import { installOutput, lockOutdir, removeLeftovers } from './synth-output';

export interface BuildAppOptions {
  /** Where synth writes. */
  readonly outdir: string;
  /** @default every environment */
  readonly environments?: readonly EnvironmentName[];
  /** @default SERVICES (catalog/services.ts) */
  readonly services?: readonly ServiceDefinition[];
  /** @default ENVIRONMENTS (config/environments.ts) */
  readonly configs?: Record<string, EnvironmentConfig>;
}

/**
 * Validates every environment and builds every alert and SLO catalog first, then one
 * stack per environment. Any bad input throws before a single construct exists.
 * `installedOutdir` is where the output ends up when `options.outdir` is a
 * staging directory: Terraform runs there, so a local state path is relative to it.
 */
export function buildApp(options: BuildAppOptions, installedOutdir = options.outdir): App {
  const services = options.services ?? SERVICES;
  const envs = loadEnvironments(options.environments ?? ENVIRONMENT_NAMES, knownAlertIds(services), options.configs ?? ENVIRONMENTS);
  const catalogs = envs.map((env) => ({ alerts: buildAlertCatalog(services, env), slos: buildSloCatalog(services, env) }));

  mkdirSync(dirname(resolve(options.outdir)), { recursive: true });
  const app = new App({ outdir: options.outdir });
  envs.forEach((env, i) => new MonitoringStack(app, {
    env, services, ...catalogs[i],
    workingDirectory: join(resolve(installedOutdir), 'stacks', env.name),
  }));
  return app;
}

/**
 * Synthesizes into a sibling directory, then moves the files it wrote into the
 * output directory one by one (see stacks/synth-output.ts): a failed run leaves
 * the previous output untouched, what Terraform keeps beside the stacks
 * (`.terraform/`, state, plans) survives, and other environments' output stays.
 */
export function synthesize(options: BuildAppOptions): void {
  const outdir = resolve(options.outdir);
  const partial = `${outdir}.partial-${process.pid}`;
  let unlock: (() => void) | undefined;
  try {
    withoutTokenStackTraces(() => {
      // Bad input throws here, before anything is written.
      const app = buildApp({ ...options, outdir: partial }, outdir);
      unlock = lockOutdir(outdir);
      removeLeftovers(outdir);
      app.synth();
      installOutput(partial, outdir);
    });
  } finally {
    rmSync(partial, { recursive: true, force: true });
    unlock?.();
  }
}

/**
 * cdktf captures a full stack trace for every token it creates, only to print it
 * if that token later fails to resolve; capturing and formatting those traces is a
 * third of synth time at scale (BENCHMARKS.md). While `fn` runs, those captures
 * (made on plain objects, not errors) are skipped; real errors keep their stack
 * traces. To see token creation stacks while debugging, call `buildApp(...).synth()`.
 */
function withoutTokenStackTraces<T>(fn: () => T): T {
  const capture = Error.captureStackTrace;
  Error.captureStackTrace = (target: object, constructorOpt?: Function) => {
    if (target instanceof Error) capture(target, constructorOpt);
  };
  try {
    return fn();
  } finally {
    Error.captureStackTrace = capture;
  }
}
