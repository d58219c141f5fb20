import { Route, RoutingDiff, routingChanged } from './routing-graph';

/**
 * The routing changes of one environment as a Mermaid flowchart: the alerts
 * whose routing changed on the left, one node per real destination on the
 * right, one edge per change, labelled with the severity and what changed.
 * Routes the pull request adds are thick and green, routes it removes dotted
 * and red, changed routes (a mute timing, another contact point to the same
 * place) amber. Unchanged routes are not drawn: they are counted in a table.
 *
 * Alerts that change in exactly the same way share one node ("Grafana: 300
 * alerts"), so a policy change that re-routes every warning alert is one edge,
 * at 1 service as at 100. If the picture would still pass its size limits, the
 * alerts are grouped by tool alone, and past that the remaining edges are left
 * to the table below the picture.
 */

/** Mermaid reads `"` and angle brackets in labels as syntax; its entity codes are safe. */
function label(text: string): string {
  return text.replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;').replace(/\|/g, '#124;');
}

const STYLE = {
  added: 'stroke:#1a7f37,stroke-width:3px',
  removed: 'stroke:#cf222e,stroke-width:2px,stroke-dasharray:4',
  changed: 'stroke:#9a6700,stroke-width:3px',
} as const;
const ARROW = { added: '==>', removed: '-.->', changed: '-->' } as const;

/**
 * The picture's own limits, well inside Mermaid's defaults (maxEdges 500 and
 * maxTextSize 50,000 characters, mermaid 11 config.schema.yaml): past a few dozen
 * edges a flowchart is no longer read, and the picture shares the comment's budget.
 */
export const PICTURE_LIMITS = { maxEdges: 60, maxChars: 8_000 } as const;

type ChangeKind = keyof typeof STYLE;

/** One changed route, as drawn. */
interface Change {
  readonly kind: ChangeKind;
  readonly route: Route;
  /** The edge label: severity and what changed. */
  readonly text: string;
}

export function changesOf(diff: RoutingDiff): Change[] {
  const muted = (r: Route) => (r.mutedBy ? ` · muted: ${r.mutedBy}` : '');
  // The public status page the route's incidents mark impacted is part of the route (routing-graph.ts).
  const head = (r: Route) => `${r.severity}${r.publicStatus ? ` · status page: ${r.publicStatus}` : ''}`;
  return [
    ...diff.added.map((route) => ({ kind: 'added' as const, route, text: `${head(route)} · added${muted(route)}` })),
    ...diff.removed.map((route) => ({ kind: 'removed' as const, route, text: `${head(route)} · removed${muted(route)}` })),
    ...diff.changed.map((c) => ({ kind: 'changed' as const, route: c.after, text: `${head(c.after)} · ${c.what}` })),
  ];
}

/** A node on the left: alerts of one tool that change the same way. */
interface AlertGroup {
  readonly source: string;
  readonly alerts: string[];
  readonly edges: { kind: ChangeKind; destination: string; text: string }[];
}

/** Alerts grouped by identical changes (`byTool`: by tool alone, edges counted). */
export function groupChanges(changes: readonly Change[], byTool = false): AlertGroup[] {
  if (byTool) {
    const groups = new Map<string, AlertGroup & { counts: Map<string, Set<string>> }>();
    for (const c of changes) {
      const group = groups.get(c.route.source) ?? { source: c.route.source, alerts: [] as string[], edges: [], counts: new Map<string, Set<string>>() };
      groups.set(c.route.source, group);
      if (!group.alerts.includes(c.route.alert)) group.alerts.push(c.route.alert);
      const key = [c.kind, c.route.destination, c.text].join('\u0000');
      group.counts.set(key, (group.counts.get(key) ?? new Set()).add(c.route.alert));
    }
    return [...groups.values()].map(({ source, alerts, counts }) => ({
      source, alerts,
      edges: [...counts].map(([key, set]) => {
        const [kind, destination, text] = key.split('\u0000');
        return { kind: kind as ChangeKind, destination, text: `${text} (${set.size} alert${set.size === 1 ? '' : 's'})` };
      }),
    }));
  }
  const perAlert = new Map<string, { source: string; alert: string; edges: AlertGroup['edges'] }>();
  for (const c of changes) {
    const key = `${c.route.source}\u0000${c.route.alert}`;
    const entry = perAlert.get(key) ?? { source: c.route.source, alert: c.route.alert, edges: [] };
    perAlert.set(key, entry);
    entry.edges.push({ kind: c.kind, destination: c.route.destination, text: c.text });
  }
  const groups = new Map<string, AlertGroup>();
  for (const { source, alert, edges } of perAlert.values()) {
    const sorted = [...edges].sort((a, b) => `${a.kind}${a.destination}${a.text}`.localeCompare(`${b.kind}${b.destination}${b.text}`));
    const signature = JSON.stringify([source, sorted]);
    const group = groups.get(signature) ?? { source, alerts: [], edges: sorted };
    groups.set(signature, group);
    group.alerts.push(alert);
  }
  return [...groups.values()];
}

function groupLabel(group: AlertGroup): string {
  if (group.alerts.length === 1) return `${group.source}: ${group.alerts[0]}`;
  const names = group.alerts.slice(0, 2).join(', ');
  return `${group.source}: ${group.alerts.length} alerts (${names}${group.alerts.length > 2 ? ', …' : ''})`;
}

/** Figures of a picture, for the heading and the benchmark. */
export interface RoutingPicture {
  readonly text: string;
  readonly nodes: number;
  readonly edges: number;
  /** Changes not drawn (past the picture's limits); the table lists them. */
  readonly undrawn: number;
}

function draw(groups: readonly AlertGroup[], maxEdges: number): RoutingPicture {
  const destinations = new Map<string, string>();
  const nodes: string[] = [];
  const links: string[] = [];
  const styled: Record<ChangeKind, number[]> = { added: [], removed: [], changed: [] };
  let total = 0;
  groups.forEach((group, g) => {
    total += group.edges.length;
    const edges = group.edges.slice(0, Math.max(0, maxEdges - links.length));
    if (edges.length === 0) return;
    nodes.push(`  a${g}["${label(groupLabel(group))}"]`);
    for (const edge of edges) {
      if (!destinations.has(edge.destination)) {
        destinations.set(edge.destination, `d${destinations.size}`);
        nodes.push(`  ${destinations.get(edge.destination)}(["${label(edge.destination)}"])`);
      }
      styled[edge.kind].push(links.length);
      links.push(`  a${g} ${ARROW[edge.kind]}|"${label(edge.text)}"| ${destinations.get(edge.destination)}`);
    }
  });
  const styles = (Object.keys(styled) as ChangeKind[]).filter((k) => styled[k].length > 0)
    .map((k) => `  linkStyle ${styled[k].join(',')} ${STYLE[k]}`);
  const text = ['flowchart LR', ...nodes, ...links, ...styles].join('\n');
  return { text, nodes: nodes.length, edges: links.length, undrawn: total - links.length };
}

/** The picture of an environment's routing changes; empty text when its routing did not change. */
export function routingPicture(diff: RoutingDiff, limits: { maxEdges: number; maxChars: number } = PICTURE_LIMITS): RoutingPicture {
  if (!routingChanged(diff)) return { text: '', nodes: 0, edges: 0, undrawn: 0 };
  const changes = changesOf(diff);
  const fits = (p: RoutingPicture) => p.undrawn === 0 && p.text.length <= limits.maxChars;
  const fine = draw(groupChanges(changes), limits.maxEdges);
  if (fits(fine)) return fine;
  const coarse = groupChanges(changes, true);
  let picture = draw(coarse, limits.maxEdges);
  // Pathological label lengths: draw fewer edges until the text fits.
  for (let max = picture.edges - 1; picture.text.length > limits.maxChars && max > 0; max--) picture = draw(coarse, max);
  return picture;
}

/** The Mermaid text alone (see routingPicture). */
export function routingMermaid(diff: RoutingDiff): string {
  return routingPicture(diff).text;
}

/** A heading suffix for the environment's routing picture. */
export function routingStatus(diff: RoutingDiff): string {
  if (!routingChanged(diff)) return 'unchanged';
  return `changed: ${diff.added.length} route(s) added, ${diff.removed.length} removed, ${diff.changed.length} changed`;
}
