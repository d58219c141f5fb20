import * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';

/** A query of a built dashboard, with where it sits. */
export interface PanelQuery {
  readonly panelId: number;
  readonly panelTitle: string;
  readonly refId: string;
  readonly datasourceType: string | undefined;
  readonly query: Record<string, unknown>;
}

/** Every query of every panel of a dashboard model. */
export function queriesOf(model: dashboard.Dashboard): PanelQuery[] {
  return (model.panels ?? []).flatMap((panel) => {
    if (!('targets' in panel) || !panel.targets) return [];
    return panel.targets.map((target) => {
      const query = target as unknown as Record<string, unknown>;
      const datasource = (query.datasource ?? panel.datasource) as dashboard.DataSourceRef | undefined;
      return {
        panelId: panel.id as number,
        panelTitle: panel.title ?? '',
        refId: String(query.refId),
        datasourceType: datasource?.type,
        query,
      };
    });
  });
}

/** The PromQL of one panel's target, by panel id and refId. */
export function promqlOf(model: dashboard.Dashboard, panelId: number, refId = 'A'): string {
  const found = queriesOf(model).find((q) => q.panelId === panelId && q.refId === refId);
  if (!found || typeof found.query.expr !== 'string') throw new Error(`no PromQL target ${refId} on panel ${panelId}`);
  return found.query.expr;
}

/**
 * Grafana replaces its global variables before a query reaches Prometheus; do the
 * same with fixed values so the expression can be parsed and evaluated.
 */
export function withGrafanaVariables(expr: string, values: { range?: string; interval?: string } = {}): string {
  return expr
    .replaceAll('$__rate_interval', values.interval ?? '1m')
    .replaceAll('$__interval', values.interval ?? '1m')
    .replaceAll('$__range', values.range ?? '1h');
}
