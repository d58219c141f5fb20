import { resourcesOf, synthOf } from '../../support/synth';

describe('SlackMessageTemplate (grafana_message_template)', () => {
  const [[id, template]] = resourcesOf(synthOf('production'), 'grafana_message_template');

  it('defines a title and a text whose blocks are balanced', () => {
    const body: string = template.template;
    expect(body.match(/{{ define "[\w.-]+" }}/g)).toEqual(['{{ define "esg-scraper-slack.title" }}', '{{ define "esg-scraper-slack.text" }}']);
    const opened = body.match(/{{ (define|if|range|with) /g)!.length;
    expect(body.match(/{{ end }}/g)!.length).toBe(opened);
    expect(body).toMatch(/runbook_url/);
    expect(body).toMatch(/dashboard_url/);
  });

  it('is used by every Slack contact point, which waits for it', () => {
    const slack = resourcesOf(synthOf('production'), 'grafana_contact_point').filter(([, c]) => c.slack);
    expect(slack).toHaveLength(2);
    for (const [, point] of slack) {
      expect(point.slack[0].title).toBe('{{ template "esg-scraper-slack.title" . }}');
      expect(point.slack[0].text).toBe('{{ template "esg-scraper-slack.text" . }}');
      expect(point.depends_on).toEqual([`grafana_message_template.${id}`]);
    }
  });
});
