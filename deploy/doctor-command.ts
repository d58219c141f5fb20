import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ENVIRONMENTS } from '../config/environments';
import { EnvironmentName } from '../config/types';
import { ConfigError } from '../config/validate';
import { StackJson } from '../review/data-bearing';
import { defaultVendorUrls, formatFindings, ONLINE_CHECKS, OnlineCheck, runOnlineChecks, VendorUrls } from './online-checks';
import { checkRequirements, formatReport, parseEnvironmentArg, ProcessEnv } from './requirements';
import { probeTerraform, TerraformProbe } from './terraform-version';
import { synthesizeToTree } from '../review/synthesize';

/**
 * `npm run doctor -- <env> [--from <synth dir>] [--online]`: lists what the
 * environment's deploy needs (credentials, Terraform on the PATH at the required
 * version, URL-shaped values that are URLs) and exits 1 when anything is missing
 * or wrong. Without --from it synthesizes the environment into a temporary
 * directory first, so the list is the one of the code being deployed. With
 * --online it also asks each vendor, read-only, whether the credentials work
 * (deploy/online-checks.ts) and what already exists that the stack would create, or
 * would change by adopting it (deploy/estate-checks.ts).
 */

const DOCTOR_USAGE = 'Usage: npm run doctor -- <environment> [--from <synth dir>] [--online]';

/** What the doctor reaches outside itself; tests replace each. */
export interface DoctorDeps {
  readonly loadStack?: (env: EnvironmentName, from?: string) => StackJson;
  readonly probeTerraform?: (processEnv: ProcessEnv) => TerraformProbe;
  readonly fetch?: typeof globalThis.fetch;
  /** @default defaultVendorUrls (the vendors' public APIs) */
  readonly urls?: Partial<VendorUrls>;
  /** @default ONLINE_CHECKS (credentials, then what already exists) */
  readonly checks?: readonly OnlineCheck[];
}

function readStack(dir: string, env: EnvironmentName): StackJson {
  return JSON.parse(readFileSync(join(dir, 'stacks', env, 'cdk.tf.json'), 'utf8')) as StackJson;
}

/** `<environment> [--from <dir>] [--online]`; anything else is an error rather than silently ignored. */
function parseDoctorArgs(argv: readonly string[]): { environment?: string; from?: string; online: boolean } {
  const positional: string[] = [];
  let from: string | undefined;
  let online = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.split(/=(.*)/s, 2);
    if (flag === '--from') {
      from = inline ?? argv[++i];
      if (from === undefined || from === '' || from.startsWith('--')) {
        throw new Error('--from: got no directory; expected a synth output directory (holding stacks/<env>/cdk.tf.json) after it');
      }
    } else if (arg === '--online') {
      online = true;
    } else if (arg.startsWith('-')) {
      throw new Error(`argument ${JSON.stringify(arg)}: expected an environment name, --from <dir> or --online`);
    } else {
      positional.push(arg);
    }
  }
  if (positional.length > 1) {
    throw new Error(`got ${positional.length} environments (${positional.join(', ')}); expected one`);
  }
  return { environment: positional[0], from, online };
}

export async function runDoctor(
  argv: readonly string[],
  processEnv: ProcessEnv,
  io: { out(text: string): void; err(text: string): void },
  deps: DoctorDeps = {},
): Promise<number> {
  const loadStack = deps.loadStack ?? ((env, from) => (from ? readStack(resolve(from), env) : synthesizeToTree([env])[env]));
  let exitCode: number;
  let stack: StackJson;
  let env: EnvironmentName;
  let online: boolean;
  try {
    const args = parseDoctorArgs(argv);
    env = parseEnvironmentArg(args.environment);
    online = args.online;
    stack = loadStack(env, args.from);
    const terraform = (deps.probeTerraform ?? probeTerraform)(processEnv);
    const report = checkRequirements(env, stack, processEnv, ENVIRONMENTS[env].datadog.site, terraform);
    io.out(formatReport(report));
    exitCode = report.exitCode;
  } catch (error) {
    io.err(error instanceof ConfigError ? error.message : `npm run doctor: ${(error as Error).message}\n${DOCTOR_USAGE}`);
    return 2;
  }
  if (!online) return exitCode;

  const config = ENVIRONMENTS[env];
  const findings = await runOnlineChecks({
    env: config,
    processEnv,
    fetch: deps.fetch ?? globalThis.fetch,
    stack,
    urls: { ...defaultVendorUrls(config, processEnv), ...deps.urls },
  }, deps.checks ?? ONLINE_CHECKS);
  io.out(`\n${formatFindings(findings)}`);
  return findings.every((f) => f.ok) ? exitCode : 1;
}
