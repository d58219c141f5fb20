import { buildAlertCatalog } from '../catalog/alerts';
import { SERVICES, ServiceDefinition } from '../catalog/services';
import { buildSloCatalog } from '../catalog/slos';
import { formatStatusImpactTable, statusImpactTable } from '../catalog/status-impact';
import { ENVIRONMENTS } from '../config/environments';
import { EnvironmentConfig } from '../config/types';
import { StackJson } from './data-bearing';

/**
 * The README's generated tables: each sits between `<!-- <name>:start -->` and
 * `<!-- <name>:end -->`, follows from the config, the catalog and the synth output,
 * is checked by a test and rewritten by `npm run accept` (scripts/accept.ts).
 */

export const README_FILE = 'README.md';

/** What the synth output of every environment gives a table: the stacks, by environment name. */
export type Stacks = Readonly<Record<string, StackJson>>;

export interface ReadmeTable {
  readonly name: string;
  readonly render: (stacks: Stacks) => string;
}

/** The text between a table's markers, or undefined when either marker is missing. */
export function readmeBlock(readme: string, name: string): string | undefined {
  const start = `<!-- ${name}:start -->\n`;
  const end = `\n<!-- ${name}:end -->`;
  const from = readme.indexOf(start);
  const to = readme.indexOf(end, from);
  return from < 0 || to < 0 ? undefined : readme.slice(from + start.length, to);
}

/** The README with a table's block replaced; throws, naming the markers, when they are missing. */
export function replaceReadmeBlock(readme: string, name: string, content: string): string {
  const current = readmeBlock(readme, name);
  if (current === undefined) {
    throw new Error(`${README_FILE}: no "<!-- ${name}:start -->" … "<!-- ${name}:end -->" block. Fix: put the markers around the table`);
  }
  const start = `<!-- ${name}:start -->\n`;
  const at = readme.indexOf(start) + start.length;
  return `${readme.slice(0, at)}${content}${readme.slice(at + current.length)}`;
}

// ---------------------------------------------------------------------------
// The public status impact table (README, "Public status page").

export function statusImpactReadmeTable(services: readonly ServiceDefinition[] = SERVICES,
  configs: Readonly<Record<string, EnvironmentConfig>> = ENVIRONMENTS): string {
  const envs = [configs.staging, configs.production];
  const reference = envs.find((env) => env.pagerduty?.statusPage) ?? envs[0];
  const rows = statusImpactTable(envs, buildAlertCatalog(services, reference), buildSloCatalog(services, reference), services);
  return formatStatusImpactTable(rows, envs);
}

// ---------------------------------------------------------------------------
// The Datadog monitor table (README, "Datadog"): one row per kind of synthesized monitor.

type Json = Record<string, any>;

export interface MonitorKind {
  /** The monitor's name with `<service>`, `<env>` and `…` for its concrete parts. */
  readonly monitor: string;
  readonly burnRate: boolean;
  readonly composite: boolean;
  /** Metric names or event tags the query reads (through its SLO for a burn-rate alert); empty for a composite. */
  readonly watches: readonly string[];
}

/** Metric names of a Datadog query: `trace.fastapi.request.hits{…}` and the like. */
function metricsOf(text: string): string[] {
  return [...new Set([...text.matchAll(/(trace\.[a-z_.]+?)\{/g)].map((m) => m[1]))];
}

/** What a monitor's query reads: its trace metrics, the metrics of the SLO it names, or the tags of the events it counts. */
export function monitorWatches(monitor: Json, stack: StackJson): string[] {
  switch (monitor.type) {
    case 'composite':
      return [];
    case 'event-v2 alert':
      return (/^events\("([^"]+)"\)/.exec(monitor.query)?.[1] ?? '').split(' ').filter((t) => t !== '' && !t.startsWith('env:'));
    case 'slo alert': {
      const name = /datadog_service_level_objective\.([\w-]+)\.id/.exec(monitor.query)?.[1];
      const slo = (stack.resource?.datadog_service_level_objective as Record<string, Json> | undefined)?.[name ?? ''];
      return slo ? metricsOf(JSON.stringify([slo.query, slo.sli_specification])) : [];
    }
    default:
      return metricsOf(monitor.query);
  }
}

/** A monitor's name as a kind: the service's display name and the environment replaced, a burn rate's details cut. */
export function monitorKindName(name: string, env: string, services: readonly ServiceDefinition[], burnRate: boolean): string {
  // Longest names first, so that "ESG Scraper API" never eats the start of "ESG Scraper API v2".
  const names = services.map((s) => s.displayName).sort((a, b) => b.length - a.length);
  const owner = names.find((n) => name.startsWith(n));
  let kind = owner === undefined ? name : `<service>${name.slice(owner.length)}`;
  kind = kind.replace(`(${env})`, '(<env>)').replace(`(${env}, `, '(<env>, ');
  return burnRate ? kind.replace(/\(<env>\): .*$/, '(<env>): …') : kind;
}

/** The kinds of monitor in the stacks, in the order of their first monitor (sorted by name within each stack). */
export function monitorKinds(stacks: Stacks, services: readonly ServiceDefinition[] = SERVICES): MonitorKind[] {
  const kinds = new Map<string, MonitorKind>();
  for (const env of Object.keys(stacks).sort()) {
    const monitors = Object.values((stacks[env].resource?.datadog_monitor ?? {}) as Record<string, Json>);
    for (const monitor of [...monitors].sort((a, b) => String(a.name).localeCompare(String(b.name)))) {
      const burnRate = monitor.type === 'slo alert';
      const name = monitorKindName(monitor.name, env, services, burnRate);
      if (!kinds.has(name)) {
        kinds.set(name, { monitor: name, burnRate, composite: monitor.type === 'composite', watches: monitorWatches(monitor, stacks[env]) });
      }
    }
  }
  return [...kinds.values()];
}

/** Who sends what a row watches into Datadog. */
function producerOf(kind: MonitorKind): string {
  if (kind.composite) return '';
  if (kind.watches.length > 0 && kind.watches.every((w) => w.startsWith('trace.fastapi.'))) {
    return 'ddtrace\'s FastAPI integration in the API, through the `datadog-agent` component';
  }
  if (kind.watches.includes('heartbeat:grafana-watchdog')) return 'Grafana\'s watchdog rule, through its webhook contact point';
  return 'unknown: name it in producerOf, review/readme-tables.ts';
}

/** The README's table of Datadog monitors, from the synthesized stacks. */
export function datadogMonitorReadmeTable(stacks: Stacks, services: readonly ServiceDefinition[] = SERVICES): string {
  // The catalog's alerts (a composite just before its parts, whose names extend its name), the per-service
  // self-watch, the burn rates, then what watches the rest of the alert path; by name within each.
  const group = (kind: MonitorKind) => kind.monitor.startsWith('<service>: ') ? 0 : kind.burnRate ? 2 : kind.monitor.startsWith('<service>') ? 1 : 3;
  const kinds = monitorKinds(stacks, services).sort((a, b) => group(a) - group(b) || a.monitor.localeCompare(b.monitor));
  let previous = '';
  const rows = kinds.map((kind) => {
    const producer = producerOf(kind);
    const shown = producer !== '' && producer === previous ? 'the same' : producer;
    if (producer !== '') previous = producer;
    const watches = kind.composite ? 'composite of its two parts below'
      : kind.watches.map((w) => w.includes(':') ? `events tagged \`${w}\`` : `\`${w}\``).join(', ') + (kind.burnRate ? ' (through the SLO)' : '');
    return `| \`${kind.monitor}\`${kind.burnRate ? ' (burn rate)' : ''} | ${watches} |${shown === '' ? '' : ` ${shown}`} |`;
  });
  return ['| monitor | watches | produced by |', '|---|---|---|', ...rows].join('\n');
}

/** Every generated table of the README, in the order they appear. */
export const README_TABLES: readonly ReadmeTable[] = [
  { name: 'status-impact', render: () => statusImpactReadmeTable() },
  { name: 'datadog-monitors', render: (stacks) => datadogMonitorReadmeTable(stacks) },
];
