import { DATA_BEARING_TYPES, MOVE_FIX, qualified } from './data-bearing';
import { AttributeChange } from './json-diff';
import { DROP, FIRST_LINES, FIRST_TABLES, fitSections, joinSections, Section } from './comment-budget';
import { RoutingDiff, routingChanged } from './routing-graph';
import { routingSections } from './routing-section';
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

/** The command that prints the whole report, named where the comment leaves something out. */
export const FULL_COMMAND = 'npm run diff -- --full';

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

/** Paths longer than this are shortened in the table, so before and after keep their width. */
const PATH_WIDTH = 64;

/**
 * A long attribute path cut to its first segment (which names the item, e.g.
 * `rule[uid=…]`) and as many of its last segments as fit:
 * `rule[uid=esg-scraper-api-error-ratio-critical]…evaluator.params`.
 */
export function shortPath(path: string, width = PATH_WIDTH): string {
  if (path.length <= width) return path;
  // Segments split at dots outside brackets: `rule[uid=a.b]`, `data[ref_id=C]`, `model`, …
  const segments = path.match(/(?:[^.[]|\[[^\]]*\])+/g) ?? [path];
  const [head, ...rest] = segments;
  let tail = rest[rest.length - 1] ?? '';
  for (let i = rest.length - 2; i >= 0 && `${head}…${rest[i]}.${tail}`.length <= width; i--) tail = `${rest[i]}.${tail}`;
  const room = width - tail.length - 1;
  return head.length <= room ? `${head}…${tail}` : `${head.slice(0, Math.max(room - 1, 0))}……${tail}`;
}

function attributeTable(changes: readonly AttributeChange[]): string[] {
  const shortened: string[] = [];
  const rows = changes.map((c) => {
    const [before, after] = clip(c.before, c.after);
    const short = shortPath(c.path);
    if (short !== c.path) shortened.push(`- ${code(short)}: ${code(c.path)}`);
    return `| ${code(short)}${c.sensitive ? ' 🔒' : ''} | ${before} | ${after} |`;
  });
  const table = ['| attribute | before | after |', '|---|---|---|', ...rows];
  if (shortened.length === 0) return table;
  return [...table, '', `<details><summary>full paths of ${count(shortened.length, 'shortened attribute')}</summary>`, '', ...shortened, '', '</details>'];
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

/** A resource's attribute table (indented under its line), folded when long. */
function resourceTable(r: ResourceChange): string {
  const table = attributeTable(r.changes).map((l) => (l === '' ? '' : `  ${l}`));
  if (r.changes.length <= OPEN_TABLE_ROWS) return table.join('\n');
  return ['  <details><summary>show the changed attributes</summary>', '', ...table, '', '  </details>'].join('\n');
}

/** The changed paths alone, what a resource shows once its table gave way to the budget. */
function changedPaths(r: ResourceChange): string {
  return `  ${r.changes.map((c) => code(shortPath(c.path))).slice(0, 10).join(', ')}${r.changes.length > 10 ? ', …' : ''}`;
}

const KINDS: readonly ResourceChange['kind'][] = ['added', 'removed', 'replaced', 'moved', 'changed'];

/** An environment's counts: resources by kind, and whether routing changed. */
function envCounts(stack: StackDiff, routing: RoutingDiff | undefined) {
  const n = (kind: ResourceChange['kind']) => stack.resources.filter((r) => r.kind === kind).length;
  return { kinds: KINDS.map((kind) => [kind, n(kind)] as const), routingChanged: routing !== undefined && routingChanged(routing) };
}

/** The environment's row of the summary table. */
function summaryRow(stack: StackDiff, routing: RoutingDiff | undefined, blocked: number): string {
  const c = envCounts(stack, routing);
  return `| ${stack.env} | ${c.kinds.map(([, n]) => n).join(' | ')} | ${c.routingChanged ? '**changed**' : 'unchanged'} | ${blocked > 0 ? `**${blocked}**` : '0'} |`;
}

/** The environment's summary line, under its heading. */
function summaryLine(stack: StackDiff, routing: RoutingDiff | undefined, blocked: number): string {
  const c = envCounts(stack, routing);
  return [...c.kinds.map(([kind, n]) => `${n} ${kind}`), `routing ${c.routingChanged ? '**changed**' : 'unchanged'}`,
    blocked > 0 ? `**${count(blocked, 'blocking finding')}** (see the caution above)` : 'no blocking finding'].join(' · ');
}

/**
 * One environment's sections: its heading (always), each resource's line and
 * attribute table, the settings, what deploy does not apply (always), and its
 * routing. Tables of the first FIRST_TABLES resources give way after the others;
 * lines past FIRST_LINES last.
 */
function stackSections(stack: StackDiff, routing: RoutingDiff | undefined, blocked: number): Section[] {
  const env = stack.env;
  const status = stack.stack === 'removed' ? ' (stack removed: its resources would be orphaned, not destroyed)' : stack.stack === 'added' ? ' (stack added)' : '';
  const heading = `### ${env}${status}\n\n${summaryLine(stack, routing, blocked)}`;
  const sections: Section[] = [{ text: heading }];
  const byKind = (kind: ResourceChange['kind']) => stack.resources.filter((r) => r.kind === kind);
  const groups: [string, ResourceChange[]][] = [
    [stack.stack === 'removed' ? 'Orphaned' : 'Removed', byKind('removed')],
    ['Replaced', byKind('replaced')],
    ['Added', byKind('added')],
    ['Moved', byKind('moved')],
    ['Changed', byKind('changed')],
  ];
  if (stack.resources.length === 0 && stack.settings.length === 0) sections.push({ text: 'No resource changes.' });
  let lines = 0;
  let tables = 0;
  for (const [title, list] of groups) {
    if (list.length === 0) continue;
    sections.push({ text: `**${title} (${list.length})**` });
    for (const r of list) {
      const line: Section = { text: resourceLine(r), env, what: 'resource lines', ...(lines++ >= FIRST_LINES ? { drop: DROP.laterResourceLines } : {}) };
      if (r.changes.length === 0 || r.kind === 'added' || r.kind === 'removed') {
        sections.push(line);
        continue;
      }
      // The line and its table are one section: a table never loses its line. It gives way to the changed paths, then to the line alone.
      const first = tables++ < FIRST_TABLES;
      const paths: Section = { ...line, text: `${line.text}\n${changedPaths(r)}`, what: 'lists of changed attributes',
        drop: first ? DROP.changedPaths : DROP.laterChangedPaths, fallback: line };
      sections.push({
        text: `${line.text}\n\n${resourceTable(r)}`, env, what: 'attribute tables',
        drop: first ? DROP.attributeTables : DROP.laterAttributeTables, fallback: paths,
      });
    }
  }
  if (stack.settings.length > 0) {
    const title = `**Settings (providers, backend, variables, outputs): ${count(stack.settings.length, 'change')}**`;
    sections.push({
      text: `${title}\n\n${attributeTable(stack.settings).join('\n')}`, env, what: 'attribute tables', drop: DROP.attributeTables,
      fallback: { text: `${title}\n\n${stack.settings.map((c) => `- ${code(shortPath(c.path))}`).join('\n')}` },
    });
  }
  // Changes deploy would not apply are a finding of their own: never left out.
  const notApplied = notAppliedLines(stack);
  if (notApplied.length > 0) sections.push({ text: notApplied.join('\n') });
  if (routing) sections.push(...routingSections(routing));
  return sections;
}

/** How many blocking findings the caution lists before it counts the rest, when nothing else fits. */
const LAST_RESORT_FINDINGS = 20;

/** The whole comment as sections (see comment-budget.ts). Secrets are already masked in the report (review/sensitive.ts). */
export function commentSections(report: DiffReport): Section[] {
  const sections: Section[] = [{ text: `## Synth diff\n\nComparing ${code(report.from)} → ${code(report.to)}.` }];

  if (report.blocked.length > 0) {
    const caution = (listed: readonly Destruction[]) => ['> [!CAUTION]',
      `> **${count(report.blocked.length, 'data-bearing resource')} would be destroyed or replaced.** This check fails until each is kept or acknowledged.`,
      ...listed.map((d) => `> ${destructionLine(d)}`),
      ...(listed.length < report.blocked.length ? [`> - …and ${report.blocked.length - listed.length} more: \`${FULL_COMMAND}\` lists them.`] : []),
      '>',
      `> Fix: ${MOVE_FIX}. If losing it is intended, add its address to ${code(report.allowlistPath)} in this pull request.`].join('\n');
    // Every environment keeps its first findings even in the last resort.
    const envs = [...new Set(report.blocked.map((d) => d.env))];
    const perEnv = Math.max(1, Math.floor(LAST_RESORT_FINDINGS / envs.length));
    const first = envs.flatMap((env) => report.blocked.filter((d) => d.env === env).slice(0, perEnv));
    sections.push({ text: caution(report.blocked), drop: DROP.lastResort, what: 'blocking findings past the first', fallback: { text: caution(first) } });
  }
  // The state findings block the check like the caution above: never left out.
  const state = stateLines(report);
  if (state.length > 0) sections.push({ text: state.join('\n') });
  if (report.acknowledged.length > 0) {
    sections.push({ text: ['> [!WARNING]', `> Acknowledged in ${code(report.allowlistPath)}, so they do not fail this check:`,
      ...report.acknowledged.map((d) => `> ${destructionLine(d)}`)].join('\n') });
  }
  if (report.unusedAllowlist.length > 0) {
    sections.push({ text: `> [!NOTE]\n> ${code(report.allowlistPath)} lists addresses this diff does not destroy: ` +
      `${report.unusedAllowlist.map(code).join(', ')}. Remove them once their change has been deployed.` });
  }

  const blockedIn = (env: string) => report.blocked.filter((d) => d.env === env).length +
    report.stateBlocked.filter((f) => f.env === env).length;
  const routingOf = (env: string) => report.routing.find((r) => r.env === env);
  sections.push({ text: ['| environment | added | removed | replaced | moved | changed | routing | blocking |', '|---|---|---|---|---|---|---|---|',
    ...report.stacks.map((stack) => summaryRow(stack, routingOf(stack.env), blockedIn(stack.env)))].join('\n') });

  for (const stack of report.stacks) sections.push(...stackSections(stack, routingOf(stack.env), blockedIn(stack.env)));
  return sections;
}

/** The whole report, nothing left out (`npm run diff -- --full`). */
export function renderMarkdown(report: DiffReport): string {
  return joinSections(commentSections(report));
}

/** The pull-request comment: the report, shortened whole sections at a time to fit GitHub's limit. */
export function renderComment(report: DiffReport, options: { budget?: number } = {}): string {
  return fitSections(commentSections(report), { budget: options.budget, fullCommand: FULL_COMMAND }).text;
}
