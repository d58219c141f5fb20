import { diffRoutes, Route, routesOf } from '../../review/routing-graph';
import { checkMermaid } from '../../bench/comment-scale';
import { routingMermaid } from '../../review/mermaid';
import { synthOf } from '../support/synth';
import { MERMAID_TIMEOUT } from './fixtures';

const grafana = (routes: Route[]) => routes.filter((r) => r.source === 'Grafana');

describe('routesOf: the real stacks', () => {
  it('pages for critical Grafana alerts in production, and posts them to Slack too', () => {
    const critical = grafana(routesOf(synthOf('production'))).filter((r) => r.severity === 'critical');
    const alerts = [...new Set(critical.map((r) => r.alert))];
    expect(alerts.length).toBeGreaterThan(0);
    for (const alert of alerts) {
      expect(critical.filter((r) => r.alert === alert).map((r) => [r.destination, r.via]).sort()).toEqual([
        ['PagerDuty ESG Scraper API (production)', 'contact point esg-scraper-production-pagerduty'],
        ['Slack #alerts', 'contact point esg-scraper-production-slack-alerts'],
      ]);
    }
    expect(critical.every((r) => r.mutedBy === undefined)).toBe(true);
  });

  it('never pages from staging', () => {
    const routes = routesOf(synthOf('staging'));
    expect(routes.length).toBeGreaterThan(0);
    expect(routes.filter((r) => /pagerduty/i.test(r.destination))).toEqual([]);
  });

  it('sends info to the monitoring channel and mutes warning and info in the production maintenance window', () => {
    const routes = grafana(routesOf(synthOf('production')));
    const info = routes.filter((r) => r.severity === 'info');
    expect(info.length).toBeGreaterThan(0);
    expect(info.every((r) => r.destination === 'Slack #monitoring' && r.via === 'contact point esg-scraper-production-slack-monitoring')).toBe(true);
    const muted = routes.filter((r) => r.severity !== 'critical' && r.alert !== 'Watchdog');
    expect(muted.every((r) => r.mutedBy === 'weekly-maintenance')).toBe(true);
  });

  it('reads each Sentry alert\'s severity from its name and its destinations from its actions', () => {
    const sentry = (env: 'staging' | 'production') => routesOf(synthOf(env)).filter((r) => r.source === 'Sentry')
      .map((r) => [r.alert.replace(/^.*: /, ''), r.severity, r.destination]);
    expect(sentry('production')).toEqual([
      ['error spike (critical)', 'critical', 'PagerDuty ESG Scraper API (production)'],
      ['error spike (critical)', 'critical', 'Slack #alerts'],
      ['new issue (warning)', 'warning', 'Slack #alerts'],
    ]);
    expect(sentry('staging')).toEqual([
      ['error spike (critical)', 'critical', 'Slack #alerts'],
      ['new issue (warning)', 'warning', 'Slack #alerts'],
    ]);
  });

  it('reads Datadog handles from monitor messages', () => {
    const critical = routesOf(synthOf('production')).filter((r) => r.source === 'Datadog' && r.severity === 'critical');
    const paging = critical.filter((r) => r.via.startsWith('@pagerduty-'));
    expect(paging.length).toBeGreaterThan(0);
    expect(paging.every((r) => r.destination === 'PagerDuty ESG Scraper API (production)')).toBe(true);
  });
});

describe('routesOf: policy semantics', () => {
  const stack = (policy: unknown, labels: Record<string, string>) => ({
    resource: {
      grafana_contact_point: {
        a: { name: 'default-cp', email: [{ addresses: ['x@example.com'] }] },
        b: { name: 'pager', pagerduty: [{ integration_key: '${var.k}' }] },
        c: { name: 'chat', slack: [{ url: '${var.s}' }] },
      },
      grafana_notification_policy: { p: { contact_point: '${grafana_contact_point.a.name}', group_by: ['alertname'], policy } },
      grafana_rule_group: { g: { name: 'g', folder_uid: 'f', rule: [{ name: 'High errors', labels }] } },
    },
  });
  const destinations = (policy: unknown, labels: Record<string, string>) =>
    routesOf(stack(policy, labels)).map((r) => r.via.replace('contact point ', ''));

  it('stops at the first matching policy unless it continues', () => {
    const policies = (cont: boolean) => [
      { matcher: [{ label: 'severity', match: '=', value: 'critical' }], contact_point: 'pager', continue: cont },
      { matcher: [{ label: 'severity', match: '=~', value: 'crit.*|warning' }], contact_point: 'chat' },
    ];
    expect(destinations(policies(false), { severity: 'critical' })).toEqual(['pager']);
    expect(destinations(policies(true), { severity: 'critical' }).sort()).toEqual(['chat', 'pager']);
  });

  it('falls back to the parent contact point when no child matches, and inherits it into children', () => {
    expect(destinations([{ matcher: [{ label: 'severity', match: '=', value: 'critical' }], contact_point: 'pager' }], { severity: 'info' }))
      .toEqual(['default-cp']);
    expect(destinations([{ matcher: [{ label: 'team', match: '!=', value: 'other' }], policy: [{ matcher: [] }] }], { severity: 'info' }))
      .toEqual(['default-cp']);
  });
});

describe('routingMermaid', () => {
  it('draws only what changed: critical alerts that stop paging are one dotted edge to the PagerDuty service', () => {
    const before = synthOf('production');
    const after = structuredClone(before);
    const [policy] = Object.values(after.resource.grafana_notification_policy);
    const pagerPolicy = policy.policy.find((p: Record<string, any>) => String(p.contact_point).includes('pagerduty'));
    pagerPolicy.contact_point = policy.contact_point; // critical now goes to the alerts channel instead of paging
    const diff = diffRoutes('production', before, after);
    const chart = routingMermaid(diff);
    expect(chart.startsWith('flowchart LR\n')).toBe(true);
    expect(diff.removed.length).toBeGreaterThan(0);
    expect(diff.added).toEqual([]); // Slack #alerts already got critical alerts: nothing new arrives there
    // The removed page also took the route to the status page (review/routing-graph.ts, publicStatus).
    expect(chart).toMatch(/ -\.->\|"critical · status page: ESG Scraper API · removed"\| d\d+\n/);
    // Only the change is drawn: the critical alerts, grouped, and the PagerDuty service they no longer page.
    const links = chart.split('\n').filter((l) => / (-\.->|==>|-->)\|/.test(l));
    expect(links).toHaveLength(1);
    expect(chart).toContain(`["Grafana: ${new Set(diff.removed.map((r) => r.alert)).size} alerts (`);
    expect(chart).toContain('(["PagerDuty ESG Scraper API (production)"])');
    expect(chart).not.toContain('Slack #alerts');
    expect(chart).toContain('linkStyle 0 stroke:#cf222e');
    expect(checkMermaid([chart]).results).toEqual([expect.objectContaining({ ok: true, edges: 1, nodes: 2 })]);
  }, MERMAID_TIMEOUT);
});
