import { checkMermaid } from '../../bench/comment-scale';
import { PICTURE_LIMITS, routingPicture } from '../../review/mermaid';
import { Route, RoutingDiff } from '../../review/routing-graph';
import { routingSections } from '../../review/routing-section';
import { MERMAID_TIMEOUT } from './fixtures';

/** Pictures of routing changes too varied to draw alert by alert. */

const route = (alert: string, destination: string, severity = 'warning'): Route =>
  ({ source: 'Grafana', alert, severity, destination, via: `contact point ${destination}` });
const diff = (parts: Partial<RoutingDiff>): RoutingDiff => ({ env: 'production', kept: [], added: [], removed: [], changed: [], ...parts });

describe('routingPicture past its limits', () => {
  // 100 alerts, each added to its own pair of 7 × 11 channels: 77 different changes, 200 edges alert by alert.
  const varied = diff({
    added: Array.from({ length: 100 }, (_, i) => [route(`alert ${i}`, `Slack #a${i % 7}`), route(`alert ${i}`, `Slack #b${i % 11}`)]).flat(),
  });

  it('groups the alerts by tool, one edge per destination with the number of alerts, when alert by alert is too big', () => {
    const picture = routingPicture(varied);
    expect(picture.undrawn).toBe(0);
    expect(picture.edges).toBe(18); // 7 + 11 destinations
    expect(picture.nodes).toBe(1 + 18);
    expect(picture.text).toContain('a0["Grafana: 100 alerts (alert 0, alert 1, …)"]');
    expect(picture.text).toMatch(/==>\|"warning · added \(15 alerts\)"\| d\d+/); // i % 7 === 0 for 15 of 0…99
    expect(picture.edges).toBeLessThanOrEqual(PICTURE_LIMITS.maxEdges);
  });

  it('draws at most its edge limit and leaves the rest to the table, saying so', () => {
    const everywhere = diff({ added: Array.from({ length: 90 }, (_, i) => route(`alert ${i}`, `Slack #c${i}`)) });
    const picture = routingPicture(everywhere);
    expect(picture.edges).toBe(PICTURE_LIMITS.maxEdges);
    expect(picture.undrawn).toBe(90 - PICTURE_LIMITS.maxEdges);
    const [, drawn] = routingSections(everywhere);
    expect(drawn.text).toContain(`_${90 - PICTURE_LIMITS.maxEdges} more changes are too many to draw: see the table._`);
  });

  it('stays within its character limit when labels are long', () => {
    const long = diff({ added: Array.from({ length: 50 }, (_, i) => route(`alert ${i} ${'x'.repeat(300)}`, `Slack #${'y'.repeat(200)}${i}`)) });
    const picture = routingPicture(long);
    expect(picture.text.length).toBeLessThanOrEqual(PICTURE_LIMITS.maxChars);
    expect(picture.edges + picture.undrawn).toBe(50);
  });

  it('draws pictures Mermaid\'s own parser accepts', () => {
    const pictures = [varied, diff({ added: Array.from({ length: 90 }, (_, i) => route(`alert ${i}`, `Slack #c${i}`)) })].map((d) => routingPicture(d));
    const check = checkMermaid(pictures.map((p) => p.text));
    expect(check.results.map((r) => [r.ok, r.edges, r.nodes])).toEqual(pictures.map((p) => [true, p.edges, p.nodes]));
  }, MERMAID_TIMEOUT);
});
