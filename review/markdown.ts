import { DATA_BEARING_TYPES, MOVE_FIX, qualified } from './data-bearing';
import { AttributeChange } from './json-diff';
import { routingMermaid, routingStatus } from './mermaid';
import { Route, RoutingDiff, routingChanged } from './routing-graph';
import { StateFinding } from './state-guard';
import { Destruction, IgnoredChange, ResourceChange, StackDiff } from './tree-diff';

/** Everything `npm run diff` reports, before it is rendered. */
export interface DiffReport {
  /** What each side is, e.g. `origin/main (abc1234)` and `working tree`. */
  readonly from: string;
  readonly to: string;
  readonly stacks: readonly StackDiff[];
  readonly routing: readonly RoutingDiff[];
  /** Data-bearing resources destroyed or replaced and not acknowledged: these fail the command. */
  readonly blocked: readonly Destruction[];
  /** Those the allowlist acknowledges. */
  readonly acknowledged: readonly Destruction[];
  /** Backend changes and removed environments not acknowledged: these fail the command too. */
  readonly stateBlocked: readonly StateFinding[];
  readonly stateAcknowledged: readonly StateFinding[];
  /** Allowlist entries that matched nothing (stale once their pull request merged). */
  readonly unusedAllowlist: readonly string[];
  readonly allowlistPath: string;
}

/** GitHub rejects comments over 65,536 characters; leave room for the sticky-comment marker. */
export const COMMENT_LIMIT = 60_000;

/** The widest a value is shown in a table cell before it is cut around the change. */
const CELL_WIDTH = 160;
const CONTEXT = 50;

/** An inline code span that survives pipes and backticks inside a table cell. */
function code(text: string): string {
  const escaped = text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  const fence = escaped.includes('`') ? '``' : '`';
  return `${fence}${fence === '``' ? ' ' : ''}${escaped}${fence === '``' ? ' ' : ''}${fence}`;
}

/**
 * Both sides of a change, cut to the region that differs when they are long:
 * a 3 kB PromQL expression shows as `…> 0.05` → `…> 0.1`.
 */
export function clip(before: string | undefined, after: string | undefined): [string, string] {
  const absent = '_(none)_';
  if (before === undefined || after === undefined || Math.max(before.length, after.length) <= CELL_WIDTH) {
    const cut = (s: string | undefined) => (s === undefined ? absent : code(s.length > CELL_WIDTH * 2 ? `${s.slice(0, CELL_WIDTH * 2)}…` : s));
    return [cut(before), cut(after)];
  }
  let prefix = 0;
  while (prefix < before.length && prefix < after.length && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < before.length - prefix && suffix < after.length - prefix &&
    before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  const window = (s: string) => {
    const start = Math.max(0, prefix - CONTEXT);
    const end = Math.min(s.length, Math.max(s.length - suffix + CONTEXT, start + 1));
    const middle = s.slice(start, end);
    const limited = middle.length > CELL_WIDTH * 2 ? `${middle.slice(0, CELL_WIDTH * 2)}…` : middle;
    return code(`${start > 0 ? '…' : ''}${limited}${end < s.length ? '…' : ''}`);
  };
  return [window(before), window(after)];
}

function attributeTable(changes: readonly AttributeChange[]): string[] {
  const rows = changes.map((c) => {
    const [before, after] = clip(c.before, c.after);
    return `| ${code(c.path)}${c.sensitive ? ' 🔒' : ''} | ${before} | ${after} |`;
  });
  return ['| attribute | before | after |', '|---|---|---|', ...rows];
}

function destructionLine(d: Destruction): string {
  const how = d.kind === 'removed' ? 'destroyed' : `replaced (forced by ${d.replacedBy.map(code).join(', ')}${viaText(d.via)})`;
  return `- ${code(qualified(d.env, d.address))} would be **${how}**, losing ${DATA_BEARING_TYPES[d.type]}.`;
}

/** The referents whose change forces a replacement: ` ← sentry_project.x.slug changes`. */
function viaText(via: readonly string[] | undefined): string {
  return via && via.length > 0 ? `, which follows ${via.map(code).join(', ')}` : '';
}

/** Backend changes and removed environments: they fork or abandon state, so they get their own block. */
function stateLines(report: DiffReport): string[] {
  const lines: string[] = [];
  if (report.stateBlocked.length > 0) {
    lines.push('> [!CAUTION]', '> **The state would be forked or abandoned.** This check fails until it is handled or acknowledged.',
      ...report.stateBlocked.map((f) => `> - ${f.summary}.\n>   Fix: ${f.fix} (${code(report.allowlistPath)}).`), '');
  }
  if (report.stateAcknowledged.length > 0) {
    lines.push('> [!WARNING]', `> Acknowledged in ${code(report.allowlistPath)}:`,
      ...report.stateAcknowledged.map((f) => `> - ${f.summary}.`), '');
  }
  return lines;
}

/** Changes that `ignore_changes` keeps from the vendor: in the code, not applied by deploy. */
function notAppliedLines(stack: StackDiff): string[] {
  const rows = stack.resources.flatMap((r) => (r.ignored ?? []).map((i): [ResourceChange, IgnoredChange] => [r, i]));
  if (rows.length === 0) return [];
  return [`**Not applied by deploy (${rows.length})**: under \`lifecycle.ignore_changes\`, so \`terraform apply\` leaves them as they are.`, '',
    ...rows.map(([r, i]) => `- ${code(r.address)} ${code(i.path)} (ignored: ${code(i.entry)}). Apply it: ${i.command}.`), ''];
}

/** One resource: its address, the name people know it by (addresses end in hashes), and what happens. */
function resourceLine(r: ResourceChange): string {
  const head = `- ${code(r.address)}${r.label ? ` — ${code(r.label)}` : ''}${r.dataBearing ? ' · data-bearing' : ''}`;
  const changed = count(r.changes.length, 'attribute');
  switch (r.kind) {
    case 'added':
    case 'removed':
      return head;
    case 'moved':
      return `${head}: moved from ${code(r.movedFrom ?? '?')}${r.changes.length ? `, ${changed} changed` : ''}`;
    case 'replaced':
      return `${head}: **replaced**, forced by ${r.replacedBy.map(code).join(', ')}${viaText(r.via)}; ${changed} changed`;
    case 'changed':
      return `${head}: ${changed} changed`;
  }
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** Tables longer than this are folded so that one big dashboard edit does not bury the rest. */
const OPEN_TABLE_ROWS = 8;

function stackSection(stack: StackDiff, routing: RoutingDiff | undefined, compact: boolean): string[] {
  const status = stack.stack === 'removed' ? ' (stack removed: its resources would be orphaned, not destroyed)' : stack.stack === 'added' ? ' (stack added)' : '';
  const lines = [`### ${stack.env}${status}`, ''];
  const byKind = (kind: ResourceChange['kind']) => stack.resources.filter((r) => r.kind === kind);
  const groups: [string, ResourceChange[]][] = [
    [stack.stack === 'removed' ? 'Orphaned' : 'Removed', byKind('removed')],
    ['Replaced', byKind('replaced')],
    ['Added', byKind('added')],
    ['Moved', byKind('moved')],
    ['Changed', byKind('changed')],
  ];
  if (stack.resources.length === 0 && stack.settings.length === 0) lines.push('No resource changes.', '');
  for (const [title, list] of groups) {
    if (list.length === 0) continue;
    lines.push(`**${title} (${list.length})**`, '');
    for (const r of list) {
      lines.push(resourceLine(r));
      if (r.changes.length === 0 || r.kind === 'added' || r.kind === 'removed') continue;
      if (compact) {
        lines.push(`  ${r.changes.map((c) => code(c.path)).slice(0, 10).join(', ')}${r.changes.length > 10 ? ', …' : ''}`);
        continue;
      }
      const table = attributeTable(r.changes).map((l) => `  ${l}`);
      if (r.changes.length <= OPEN_TABLE_ROWS) {
        lines.push('', ...table, '');
      } else {
        lines.push('', '  <details><summary>show the changed attributes</summary>', '', ...table, '', '  </details>', '');
      }
    }
    lines.push('');
  }
  if (stack.settings.length > 0) {
    lines.push(`**Settings (providers, backend, variables, outputs): ${count(stack.settings.length, 'change')}**`, '');
    lines.push(...(compact ? stack.settings.map((c) => `- ${code(c.path)}`) : attributeTable(stack.settings)), '');
  }
  lines.push(...notAppliedLines(stack));
  if (routing) lines.push(...routingSection(routing));
  return lines;
}

function routeRow(route: Route, change: string): string {
  return `| ${change} | ${route.source} | ${route.alert.replace(/\|/g, '\\|')} | ${route.severity} | ${route.destination.replace(/\|/g, '\\|')}${route.mutedBy ? ` (muted: ${route.mutedBy})` : ''} |`;
}

function routingSection(routing: RoutingDiff): string[] {
  const diagram = routingMermaid(routing);
  if (diagram === '') return [];
  const title = `Alert routing (${routing.env}) — ${routingStatus(routing)}`;
  const chart = ['```mermaid', diagram, '```', ''];
  if (!routingChanged(routing)) {
    return [`<details><summary>${title}</summary>`, '', ...chart, '</details>', ''];
  }
  return [`#### ${title}`, '', ...chart,
    '| change | source | alert | severity | destination |', '|---|---|---|---|---|',
    ...routing.added.map((r) => routeRow(r, 'added')), ...routing.removed.map((r) => routeRow(r, 'removed')), ''];
}

/** The pull-request comment. Secrets are already masked in the report (review/sensitive.ts). */
export function renderMarkdown(report: DiffReport, options: { compact?: boolean } = {}): string {
  const compact = options.compact ?? false;
  const lines = ['## Synth diff', '', `Comparing ${code(report.from)} → ${code(report.to)}.`, ''];

  if (report.blocked.length > 0) {
    lines.push('> [!CAUTION]',
      `> **${count(report.blocked.length, 'data-bearing resource')} would be destroyed or replaced.** This check fails until each is kept or acknowledged.`,
      ...report.blocked.map((d) => `> ${destructionLine(d)}`),
      '>',
      `> Fix: ${MOVE_FIX}. If losing it is intended, add its address to ${code(report.allowlistPath)} in this pull request.`,
      '');
  }
  lines.push(...stateLines(report));
  if (report.acknowledged.length > 0) {
    lines.push('> [!WARNING]', `> Acknowledged in ${code(report.allowlistPath)}, so they do not fail this check:`,
      ...report.acknowledged.map((d) => `> ${destructionLine(d)}`), '');
  }
  if (report.unusedAllowlist.length > 0) {
    lines.push('> [!NOTE]', `> ${code(report.allowlistPath)} lists addresses this diff does not destroy: ` +
      `${report.unusedAllowlist.map(code).join(', ')}. Remove them once their change has been deployed.`, '');
  }

  lines.push('| environment | added | removed | replaced | moved | changed | routing |', '|---|---|---|---|---|---|---|');
  for (const stack of report.stacks) {
    const n = (kind: ResourceChange['kind']) => stack.resources.filter((r) => r.kind === kind).length;
    const routing = report.routing.find((r) => r.env === stack.env);
    const routingCell = routing && routingChanged(routing) ? '**changed**' : 'unchanged';
    lines.push(`| ${stack.env} | ${n('added')} | ${n('removed')} | ${n('replaced')} | ${n('moved')} | ${n('changed')} | ${routingCell} |`);
  }
  lines.push('');

  for (const stack of report.stacks) lines.push(...stackSection(stack, report.routing.find((r) => r.env === stack.env), compact));
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

/** The comment, shortened to fit GitHub's limit: attribute tables first, then a hard cut. */
export function renderComment(report: DiffReport): string {
  const full = renderMarkdown(report);
  if (full.length <= COMMENT_LIMIT) return full;
  const compact = renderMarkdown(report, { compact: true });
  const note = '\n_Attribute values are left out to fit a comment; run `npm run diff` locally for the full report._\n';
  if (compact.length + note.length <= COMMENT_LIMIT) return compact + note;
  return `${compact.slice(0, COMMENT_LIMIT - 200)}\n\n_…cut to fit a comment; run \`npm run diff\` locally for the full report._\n`;
}
