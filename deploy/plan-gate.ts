import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DATA_BEARING_TYPES, DEFAULT_ALLOWLIST, isDataBearing, MOVE_FIX, qualified, readAllowlist } from '../review/data-bearing';
import { guard, GuardResult } from '../review/destroy-guard';
import { Destruction } from '../review/tree-diff';
import { allowlistLine, InPlaceLoss, planLosses } from './in-place-losses';
import { parseEnvironmentArg } from './requirements';

/**
 * `npm run plan-gate -- <env> <plan.json>`: the deploy's last gate. It reads the
 * saved plan as JSON (`terraform show -json plan.tfplan`) and applies the same
 * destroy guard as `npm run diff`: only the plan knows what the provider will
 * really replace (a ForceNew attribute, an unknown reference), so a change the
 * synth diff could not see still stops here, before anyone approves it.
 *
 * It also blocks what an in-place update takes away (deploy/in-place-losses.ts): an
 * App Platform app's component, variable, domain, database binding or command, a
 * notification-policy route, anything an import's first update removes.
 *
 * Exit codes: 0 the plan destroys no data-bearing resource and loses nothing in place
 * (or the allowlist acknowledges each); 1 it does; 2 bad arguments or an unreadable plan file.
 */

/**
 * One entry of the plan's `resource_changes`, as far as the gate reads it
 * (Terraform's JSON output format, "Change Representation"; format_version 1.x).
 */
export interface PlanResourceChange {
  readonly address: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  readonly change: {
    /** `no-op`, `create`, `read`, `update`, `delete`, `forget`; a replacement is `["delete","create"]` or `["create","delete"]`. */
    readonly actions: readonly string[];
    readonly before?: unknown;
    readonly after?: unknown;
    /** Paths whose change forces the replacement, each a list of keys and indexes. */
    readonly replace_paths?: readonly (readonly (string | number)[])[];
    /** Values known only after apply, mirroring `after`. */
    readonly after_unknown?: unknown;
    /** Present when this run imports the resource (an `import` block; Terraform 1.5+). */
    readonly importing?: { readonly id?: string };
  };
  /** Why Terraform chose the action, e.g. `delete_because_no_resource_config`. */
  readonly action_reason?: string;
}

export interface PlanJson {
  readonly format_version: string;
  readonly resource_changes?: readonly PlanResourceChange[];
}

export interface PlanGateResult extends GuardResult<Destruction> {
  readonly env: string;
  /** In-place losses: blocked unless the allowlist acknowledges each. */
  readonly losses: { readonly blocked: readonly InPlaceLoss[]; readonly acknowledged: readonly InPlaceLoss[] };
  /** Planned actions by kind, for the summary line. */
  readonly counts: Readonly<Record<'create' | 'update' | 'replace' | 'destroy', number>>;
  readonly exitCode: 0 | 1;
  readonly markdown: string;
}

/** Reads a plan JSON file; a missing, empty or malformed file throws, naming it. */
export function readPlanJson(file: string): PlanJson {
  const fix = 'Fix: write it with `terraform show -json plan.tfplan > plan.json` after `terraform plan -out plan.tfplan`';
  if (!existsSync(file)) throw new Error(`${file}: missing; expected a plan as JSON. ${fix}`);
  const text = readFileSync(file, 'utf8');
  if (text.trim() === '') throw new Error(`${file}: empty; expected a plan as JSON. ${fix}`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message}). ${fix}`);
  }
  const plan = json as Partial<PlanJson> & { errored?: boolean; planned_values?: unknown };
  // A primitive or a list has no string format_version, so only null needs its own check.
  if (plan === null || typeof plan.format_version !== 'string' || !('planned_values' in plan)) {
    throw new Error(`${file}: not a Terraform plan (no format_version and planned_values); expected the output of \`terraform show -json\` on a saved plan. ${fix}`);
  }
  if (plan.errored === true) throw new Error(`${file}: the plan errored; Terraform cannot apply it. Fix: read the plan step's errors`);
  if (plan.resource_changes !== undefined && !Array.isArray(plan.resource_changes)) {
    throw new Error(`${file}: resource_changes is not a list. ${fix}`);
  }
  return plan as PlanJson;
}

function isReplace(actions: readonly string[]): boolean {
  return actions.includes('delete') && actions.includes('create');
}

/** The plan's destroyed or replaced data-bearing resources, in the diff's terms. */
export function planDestructions(env: string, plan: PlanJson): Destruction[] {
  return plan.resource_changes
    ?.filter((r) => r.mode === 'managed' && r.change.actions.includes('delete') && isDataBearing(r.address, r.type))
    .map((r) => ({
      env,
      address: r.address,
      type: r.type,
      kind: isReplace(r.change.actions) ? 'replaced' : 'removed',
      replacedBy: (r.change.replace_paths ?? []).map((path) => path.map((p) => (typeof p === 'number' ? `[${p}]` : p)).join('.').replace(/\.\[/g, '[')),
    })) ?? [];
}

function countActions(plan: PlanJson): PlanGateResult['counts'] {
  const counts = { create: 0, update: 0, replace: 0, destroy: 0 };
  if (plan.resource_changes === undefined) return counts; // Terraform leaves the list out when it is empty
  for (const { mode, change } of plan.resource_changes) {
    // As Terraform's own summary: a data source leaving the configuration is forgotten, not destroyed.
    if (mode !== 'managed') continue;
    if (isReplace(change.actions)) counts.replace++;
    else if (change.actions.includes('delete')) counts.destroy++;
    else if (change.actions.includes('create')) counts.create++;
    else if (change.actions.includes('update')) counts.update++;
  }
  return counts;
}

function line(d: Destruction, reasons: ReadonlyMap<string, string | undefined>): string {
  const how = d.kind === 'removed' ? 'destroyed' : `replaced${d.replacedBy.length > 0 ? ` (forced by ${d.replacedBy.map((p) => `\`${p}\``).join(', ')})` : ''}`;
  const reason = reasons.get(d.address);
  return `- \`${qualified(d.env, d.address)}\` would be **${how}**${reason ? ` (${reason})` : ''}, losing ${DATA_BEARING_TYPES[d.type]}.`;
}

function lossLine(l: InPlaceLoss): string {
  return `- \`${qualified(l.env, l.address)}\`${l.importing ? ' (imported in this run)' : ''} ${l.description}: \`${allowlistLine(l)}\``;
}

/** Checks one environment's plan against the allowlist. Pure but for reading the allowlist. */
export function gatePlan(env: string, plan: PlanJson, allowlistPath: string, allowlistName = allowlistPath): PlanGateResult {
  const allowed = readAllowlist(allowlistPath);
  const result = guard(planDestructions(env, plan), allowed);
  const found = planLosses(env, plan.resource_changes);
  const losses = {
    blocked: found.filter((l) => !allowed.has(allowlistLine(l))),
    acknowledged: found.filter((l) => allowed.has(allowlistLine(l))),
  };
  const counts = countActions(plan);
  const reasons = new Map(plan.resource_changes?.map((r) => [r.address, r.action_reason]));
  const lines = [`## Plan gate: ${env}`, '',
    `Terraform plans ${counts.create} to create, ${counts.update} to update, ${counts.replace} to replace, ${counts.destroy} to destroy.`, ''];
  if (result.blocked.length > 0) {
    lines.push('> [!CAUTION]', `> **The plan destroys or replaces ${result.blocked.length} data-bearing resource(s).** This deploy stops here.`,
      ...result.blocked.map((d) => `> ${line(d, reasons)}`), '>',
      `> Fix: ${MOVE_FIX}. If losing it is intended, add its address to \`${allowlistName}\` in a pull request first.`, '');
  }
  if (losses.blocked.length > 0) {
    lines.push('> [!CAUTION]', `> **The plan's in-place updates lose ${losses.blocked.length} thing(s) that exist today.** This deploy stops here.`,
      ...losses.blocked.map((l) => `> ${lossLine(l)}`), '>',
      '> Fix: declare what is lost in config/environments.ts (the app spec, the adopted resource), so the update keeps it; ' +
      `if losing it is intended, add its line (shown after each) to \`${allowlistName}\` in a pull request first.`, '');
  }
  if (result.acknowledged.length + losses.acknowledged.length > 0) {
    lines.push('> [!WARNING]', `> Acknowledged in \`${allowlistName}\`:`, ...result.acknowledged.map((d) => `> ${line(d, reasons)}`),
      ...losses.acknowledged.map((l) => `> ${lossLine(l)}`), '');
  }
  if (result.blocked.length + result.acknowledged.length === 0) lines.push('No data-bearing resource is destroyed or replaced.', '');
  if (found.length === 0) lines.push('No in-place update removes anything.', '');
  const exitCode = result.blocked.length + losses.blocked.length > 0 ? 1 : 0;
  return { ...result, env, losses, counts, exitCode, markdown: `${lines.join('\n').trimEnd()}\n` };
}

const USAGE = `Usage: npm run plan-gate -- <environment> <plan.json> [--allow <allowlist file>] [--out <markdown file>]
  <plan.json>  the saved plan as JSON: terraform show -json plan.tfplan > plan.json
  --allow      addresses allowed to be destroyed (default: ${DEFAULT_ALLOWLIST})
  --out        also write the Markdown to this file (e.g. "$GITHUB_STEP_SUMMARY")`;

export function runPlanGate(argv: readonly string[], root: string, io: { out(text: string): void; err(text: string): void }): number {
  try {
    const positional: string[] = [];
    const flags: Record<string, string> = {};
    for (let i = 0; i < argv.length; i++) {
      const arg = argv[i];
      if (arg === '--allow' || arg === '--out') {
        const value = argv[++i];
        if (value === undefined || value === '') throw new Error(`${arg}: got no value; expected one after it.`);
        flags[arg.slice(2)] = value;
      } else if (arg.startsWith('-')) {
        throw new Error(`argument ${JSON.stringify(arg)}: expected an environment, a plan file, --allow or --out.`);
      } else {
        positional.push(arg);
      }
    }
    if (positional.length !== 2) throw new Error(`got ${positional.length} arguments (${positional.join(' ')}); expected <environment> <plan.json>.`);
    const env = parseEnvironmentArg(positional[0]);
    const allow = flags.allow ?? DEFAULT_ALLOWLIST;
    const result = gatePlan(env, readPlanJson(resolve(root, positional[1])), resolve(root, allow), allow);
    if (flags.out) writeFileSync(resolve(root, flags.out), result.markdown, { flag: 'a' });
    io.out(result.markdown);
    if (result.exitCode !== 0) {
      const what = [
        ...(result.blocked.length > 0 ? [`destroys or replaces ${result.blocked.map((d) => qualified(d.env, d.address)).join(', ')}`] : []),
        ...result.losses.blocked.map((l) => `${l.description} (${qualified(l.env, l.address)})`),
      ];
      io.err(`npm run plan-gate: the ${env} plan ${what.join('; ')}; not applying it.`);
    }
    return result.exitCode;
  } catch (error) {
    io.err(`npm run plan-gate: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
}
