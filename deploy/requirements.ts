import { ENVIRONMENT_NAMES, EnvironmentName } from '../config/types';
import { DATADOG_SITES, isHttpUrl } from '../config/validate';
import { StackJson } from '../review/data-bearing';
import { TerraformProbe, terraformProblem } from './terraform-version';

/**
 * What `cdktf deploy <env>` needs from its environment before Terraform runs:
 * the providers' credential variables, the state backend's keys and a
 * `TF_VAR_<name>` for every variable without a default. All three are read from
 * the synthesized stack (its `provider`, `terraform.backend` and `variable`
 * blocks), so the list stays true when a provider or a secret is added.
 */

/** One credential; any of `names` satisfies it (providers accept aliases). */
export interface Credential {
  readonly names: readonly string[];
  readonly what: string;
}

/** Environment variables each provider reads its credentials from (its own docs and source). */
export const PROVIDER_CREDENTIALS: Readonly<Record<string, readonly Credential[]>> = {
  digitalocean: [{ names: ['DIGITALOCEAN_TOKEN', 'DIGITALOCEAN_ACCESS_TOKEN'], what: 'DigitalOcean API token' }],
  grafana: [
    { names: ['GRAFANA_URL'], what: 'Grafana base URL' },
    { names: ['GRAFANA_AUTH'], what: 'Grafana service-account token' },
  ],
  sentry: [{ names: ['SENTRY_AUTH_TOKEN', 'SENTRY_TOKEN'], what: 'Sentry auth token' }],
  pagerduty: [{ names: ['PAGERDUTY_TOKEN'], what: 'PagerDuty API token' }],
  datadog: [
    { names: ['DD_API_KEY', 'DATADOG_API_KEY'], what: 'Datadog API key' },
    { names: ['DD_APP_KEY', 'DATADOG_APP_KEY'], what: 'Datadog application key' },
    // The provider ignores DD_SITE: without DD_HOST it talks to US1 whatever the org's site.
    { names: ['DD_HOST', 'DATADOG_HOST'], what: 'Datadog API URL, https://api.<site>' },
  ],
};

/** Keys of the state backends (DigitalOcean Spaces speaks S3 and takes AWS-named keys). */
export const BACKEND_CREDENTIALS: Readonly<Record<string, readonly Credential[]>> = {
  s3: [
    { names: ['AWS_ACCESS_KEY_ID'], what: 'Spaces access key of the state bucket' },
    { names: ['AWS_SECRET_ACCESS_KEY'], what: 'Spaces secret key of the state bucket' },
  ],
  // The connection string carries the password, so the pg backend block never holds it.
  pg: [{ names: ['PG_CONN_STR'], what: 'PostgreSQL connection string of the state database (postgres://…)' }],
};

export interface Requirement {
  readonly group: 'credential' | 'backend' | 'variable';
  readonly names: readonly string[];
  readonly what: string;
  /** Which of `names` is set (non-empty); undefined when none is. */
  readonly setBy?: string;
}

export interface DoctorReport {
  readonly env: string;
  readonly requirements: readonly Requirement[];
  readonly warnings: readonly string[];
  /** Conditions that make the deploy wrong even with every credential set. */
  readonly problems: readonly string[];
  readonly missing: readonly Requirement[];
  readonly exitCode: 0 | 1;
}

export type ProcessEnv = Readonly<Record<string, string | undefined>>;

/** Throws unless `name` is an environment, naming the allowed values and the fix. */
export function parseEnvironmentArg(name: string | undefined): EnvironmentName {
  if (name !== undefined && (ENVIRONMENT_NAMES as readonly string[]).includes(name)) return name as EnvironmentName;
  throw new Error(`environment: got ${name === undefined ? 'nothing' : JSON.stringify(name)}; expected one of ` +
    `${ENVIRONMENT_NAMES.join(', ')}. Fix: npm run doctor -- <${ENVIRONMENT_NAMES.join('|')}>`);
}

function isSet(env: ProcessEnv, name: string): boolean {
  return (env[name] ?? '').trim() !== '';
}

/** What the stack needs, with what is set. Values are only tested for presence, never kept. */
export function checkRequirements(
  envName: string,
  stack: StackJson,
  env: ProcessEnv,
  datadogSite?: string,
  /** What `terraform version -json` said; unchecked when undefined. */
  terraform?: TerraformProbe,
): DoctorReport {
  const warnings: string[] = [];
  const problems: string[] = [];
  const requirements: Requirement[] = [];
  const add = (group: Requirement['group'], c: Credential) =>
    requirements.push({ group, names: c.names, what: c.what, setBy: c.names.find((n) => isSet(env, n)) });

  for (const provider of Object.keys((stack.provider ?? {}) as Record<string, unknown>).sort()) {
    const credentials = PROVIDER_CREDENTIALS[provider];
    if (credentials === undefined) {
      warnings.push(`provider "${provider}" has no entry in PROVIDER_CREDENTIALS (deploy/requirements.ts); ` +
        'check its documentation for the credentials it reads and add them there');
    }
    for (const c of credentials ?? []) add('credential', c);
  }

  const backend = ((stack.terraform as { backend?: Record<string, unknown> } | undefined)?.backend) ?? {};
  for (const type of Object.keys(backend)) for (const c of BACKEND_CREDENTIALS[type] ?? []) add('backend', c);
  if ('local' in backend && isSet(env, 'CI')) {
    problems.push(`the "${envName}" stack keeps its state in a local file, which this CI runner throws away: the next ` +
      'deploy would create every resource again, as duplicates. Fix: give the environment an s3 or pg backend in config/environments.ts');
  }

  const variables = (stack.variable ?? {}) as Record<string, { default?: unknown; description?: string }>;
  for (const [name, variable] of Object.entries(variables).sort(([a], [b]) => a.localeCompare(b))) {
    if (variable.default !== undefined) continue;
    add('variable', { names: [`TF_VAR_${name}`], what: variable.description ?? `Terraform variable ${name}` });
  }

  problems.push(...urlProblems(stack, env, datadogSite));
  if (terraform !== undefined) {
    const problem = terraformProblem(terraform);
    if (problem !== undefined) problems.push(problem);
  }

  const missing = requirements.filter((r) => r.setBy === undefined);
  return { env: envName, requirements, warnings, problems, missing, exitCode: missing.length + problems.length > 0 ? 1 : 0 };
}

/**
 * URL-shaped credentials that are not URLs. Only the variable's name is printed,
 * never its value.
 */
function urlProblems(stack: StackJson, env: ProcessEnv, datadogSite: string | undefined): string[] {
  const providers = (stack.provider ?? {}) as object;
  const problems: string[] = [];
  if ('grafana' in providers && isSet(env, 'GRAFANA_URL') && !isHttpUrl((env.GRAFANA_URL ?? '').trim().replace(/\/+$/, ''), ['http:', 'https:'])) {
    problems.push('GRAFANA_URL is not an http(s) URL with a dotted host (e.g. https://grafana.example.com): ' +
      'the Grafana provider cannot reach it. Fix: set it to the base URL of the Grafana instance');
  }
  if (datadogSite !== undefined && 'datadog' in providers && !(DATADOG_SITES as readonly string[]).includes(datadogSite)) {
    problems.push(`datadog.site "${datadogSite}" is not a Datadog site (${DATADOG_SITES.join(', ')}). Fix: correct it in config/environments.ts`);
  }
  const host = ['DD_HOST', 'DATADOG_HOST'].find((n) => isSet(env, n));
  if (host !== undefined && datadogSite !== undefined && 'datadog' in providers) {
    const expected = `https://api.${datadogSite}`;
    if ((env[host] ?? '').trim().replace(/\/+$/, '') !== expected) {
      problems.push(`${host} is not ${expected}, the API of datadog.site "${datadogSite}" in config/environments.ts: ` +
        'Terraform would manage monitors in another Datadog site, or fail to authenticate. Fix: set it to that URL');
    }
  }
  return problems;
}

const GROUP_TITLES: Record<Requirement['group'], string> = {
  credential: 'Provider credentials',
  backend: 'State backend',
  variable: 'Terraform variables (secrets)',
};

/** The report as text. Only names are printed: never a value. */
export function formatReport(report: DoctorReport): string {
  const lines = [`Deploy requirements of "${report.env}" (cdktf deploy ${report.env}):`];
  for (const group of Object.keys(GROUP_TITLES) as Requirement['group'][]) {
    const list = report.requirements.filter((r) => r.group === group);
    if (list.length === 0) continue;
    lines.push('', `${GROUP_TITLES[group]}:`);
    const status = (r: Requirement) => (r.setBy === undefined ? 'MISSING' : `set${r.names.length > 1 ? ` (${r.setBy})` : ''}`);
    const width = Math.max(...list.map((r) => r.names.join(' or ').length));
    const statusWidth = Math.max(...list.map((r) => status(r).length));
    for (const r of list) {
      lines.push(`  ${r.setBy === undefined ? '✗' : '✓'} ${r.names.join(' or ').padEnd(width)}  ${status(r).padEnd(statusWidth)}  ${r.what}`);
    }
  }
  if (report.warnings.length > 0) lines.push('', 'Warnings:', ...report.warnings.map((w) => `  ! ${w}`));
  if (report.problems.length > 0) lines.push('', 'Problems:', ...report.problems.map((p) => `  ✗ ${p}`));
  lines.push('', report.missing.length === 0
    ? `All ${report.requirements.length} requirements are set.${report.problems.length > 0 ? ' Fix the problems above first.' : ''}`
    : `${report.missing.length} of ${report.requirements.length} missing: ${report.missing.map((m) => m.names[0]).join(', ')}. ` +
      'Fix: export them (in CI: GitHub environment secrets, see .github/workflows/deploy.yml) and run again.');
  return lines.join('\n');
}
