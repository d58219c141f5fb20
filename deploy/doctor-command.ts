import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ENVIRONMENTS } from '../config/environments';
import { EnvironmentName } from '../config/types';
import { ConfigError } from '../config/validate';
import { StackJson } from '../review/data-bearing';
import { checkRequirements, formatReport, parseEnvironmentArg, ProcessEnv } from './requirements';
import { synthesizeToTree } from '../review/synthesize';
import { checkTerraformVersion, installedTerraformVersion } from './terraform-version';

/**
 * `npm run doctor -- <env> [--from <synth dir>]`: lists what the environment's
 * deploy needs and exits 1 when anything is missing. Without --from it
 * synthesizes the environment into a temporary directory first, so the list
 * is the one of the code being deployed.
 */

const DOCTOR_USAGE = 'Usage: npm run doctor -- <environment> [--from <synth dir>]';

function readStack(dir: string, env: EnvironmentName): StackJson {
  return JSON.parse(readFileSync(join(dir, 'stacks', env, 'cdk.tf.json'), 'utf8')) as StackJson;
}

/** `<environment> [--from <dir>]`; anything else is an error rather than silently ignored. */
function parseDoctorArgs(argv: readonly string[]): { environment?: string; from?: string } {
  const positional: string[] = [];
  let from: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.split(/=(.*)/s, 2);
    if (flag === '--from') {
      from = inline ?? argv[++i];
      if (from === undefined || from === '' || from.startsWith('--')) {
        throw new Error('--from: got no directory; expected a synth output directory (holding stacks/<env>/cdk.tf.json) after it');
      }
    } else if (arg.startsWith('-')) {
      throw new Error(`argument ${JSON.stringify(arg)}: expected an environment name or --from <dir>`);
    } else {
      positional.push(arg);
    }
  }
  if (positional.length > 1) {
    throw new Error(`got ${positional.length} environments (${positional.join(', ')}); expected one`);
  }
  return { environment: positional[0], from };
}

export function runDoctor(
  argv: readonly string[],
  processEnv: ProcessEnv,
  io: { out(text: string): void; err(text: string): void },
  loadStack: (env: EnvironmentName, from?: string) => StackJson = (env, from) => (from ? readStack(resolve(from), env) : synthesizeToTree([env])[env]),
  terraformVersion: () => string | undefined = installedTerraformVersion,
): number {
  try {
    const { environment, from } = parseDoctorArgs(argv);
    const env = parseEnvironmentArg(environment);
    const requirements = checkRequirements(env, loadStack(env, from), processEnv, ENVIRONMENTS[env].datadog.site);
    const version = checkTerraformVersion(terraformVersion());
    const problems = [...requirements.problems, ...version.problems];
    const report = { ...requirements, warnings: [...requirements.warnings, ...version.warnings], problems,
      exitCode: requirements.missing.length + problems.length > 0 ? 1 as const : 0 as const };
    io.out(formatReport(report));
    return report.exitCode;
  } catch (error) {
    io.err(error instanceof ConfigError ? error.message : `npm run doctor: ${(error as Error).message}\n${DOCTOR_USAGE}`);
    return 2;
  }
}
