import { DROP, Section } from './comment-budget';
import { changesOf, groupChanges, routingPicture, routingStatus } from './mermaid';
import { Route, RoutingDiff, routingChanged } from './routing-graph';

/**
 * An environment's alert routing in the comment, as sections the budget can
 * shorten: the heading with the counts (always), the picture of what changed,
 * a table of the changes grouped as in the picture, the changed routes one row
 * per alert (collapsed), and the unchanged routing as counts (collapsed).
 */

const cell = (text: string) => text.replace(/\|/g, '\\|');

/** How many alerts a group names in a cell before it says "and N more". */
const NAMED_ALERTS = 3;

function alertsCell(alerts: readonly string[]): string {
  const named = alerts.slice(0, NAMED_ALERTS).map(cell).join(', ');
  return alerts.length > NAMED_ALERTS ? `${alerts.length} alerts: ${named}, … (${alerts.length - NAMED_ALERTS} more)` : named;
}

/** The unchanged routes counted per tool, severity, destination, mute timing and status page. */
function unchangedCounts(kept: readonly Route[]): string[] {
  const counts = new Map<string, Set<string>>();
  for (const r of kept) {
    const key = [r.source, r.severity, r.destination, r.mutedBy ?? '', r.publicStatus ?? ''].join('\u0000');
    counts.set(key, (counts.get(key) ?? new Set()).add(r.alert));
  }
  const rows = [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([key, alerts]) => {
    const [source, severity, destination, muted, status] = key.split('\u0000');
    return `| ${source} | ${severity} | ${cell(destination)} | ${alerts.size} | ${muted ? cell(muted) : '—'} | ${status ? cell(status) : '—'} |`;
  });
  return ['| tool | severity | destination | alerts | muted by | status page |', '|---|---|---|---:|---|---|', ...rows];
}

function changeRows(diff: RoutingDiff): string[] {
  const row = (change: string, r: Route, what: string) =>
    `| ${change} | ${r.source} | ${cell(r.alert)} | ${r.severity} | ${cell(r.destination)} | ${cell(what)} |`;
  const muted = (r: Route) => [r.publicStatus ? `status page: ${r.publicStatus}` : '', r.mutedBy ? `muted: ${r.mutedBy}` : '']
    .filter(Boolean).join(' · ');
  return ['| change | tool | alert | severity | destination | detail |', '|---|---|---|---|---|---|',
    ...diff.added.map((r) => row('added', r, muted(r))),
    ...diff.removed.map((r) => row('removed', r, muted(r))),
    ...diff.changed.map((c) => row('changed', c.after, c.what))];
}

export function routingSections(routing: RoutingDiff): Section[] {
  const env = routing.env;
  const routes = routing.kept.length + routing.added.length + routing.changed.length;
  if (routes + routing.removed.length === 0) return [];
  const sections: Section[] = [];
  const status = routingStatus(routing);
  sections.push({ text: routingChanged(routing) ? `#### Alert routing (${env}) — ${status}` : `Alert routing (${env}): unchanged.` });

  if (routingChanged(routing)) {
    const picture = routingPicture(routing);
    const undrawn = picture.undrawn > 0 ? `\n\n_${picture.undrawn} more changes are too many to draw: see the table._` : '';
    sections.push({ text: `\`\`\`mermaid\n${picture.text}\n\`\`\`${undrawn}`, drop: DROP.routingPicture, what: 'routing pictures', env });

    const groups = groupChanges(changesOf(routing));
    sections.push({
      text: ['| alerts | tool | change | destination |', '|---|---|---|---|',
        ...groups.flatMap((g) => g.edges.map((e) => `| ${alertsCell(g.alerts)} | ${g.source} | ${cell(e.text)} | ${cell(e.destination)} |`)),
      ].join('\n'),
      drop: DROP.routeTable, what: 'tables of changed routes', env,
    });
    if (groups.some((g) => g.alerts.length > NAMED_ALERTS)) {
      sections.push({
        text: [`<details><summary>Every changed route (${env}), one row per alert</summary>`, '', ...changeRows(routing), '', '</details>'].join('\n'),
        drop: DROP.changedRouteList, what: 'lists of changed routes', env,
      });
    }
  }
  if (routing.kept.length > 0) {
    const alerts = new Set(routing.kept.map((r) => `${r.source}\u0000${r.alert}`)).size;
    sections.push({
      text: [`<details><summary>Unchanged routing (${env}): ${routing.kept.length} routes of ${alerts} alerts</summary>`, '',
        ...unchangedCounts(routing.kept), '', '</details>'].join('\n'),
      drop: DROP.unchangedRouting, what: 'unchanged routing tables', env,
    });
  }
  return sections;
}
