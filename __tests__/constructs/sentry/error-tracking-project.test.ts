import { TerraformOutput, Testing } from 'cdktf';
import { ErrorTrackingProject, ErrorTrackingProjectProps } from '../../../constructs/sentry/error-tracking-project';

const PROPS: ErrorTrackingProjectProps = {
  organization: 'acme',
  team: { slug: 'platform', name: 'Platform' },
  project: { slug: 'api-qa', name: 'API (qa)' },
  keyName: 'api-qa',
  rateLimit: { count: 10, windowSeconds: 60 },
};

describe('ErrorTrackingProject (Sentry)', () => {
  it('declares a team, a python-fastapi project without default alert rules and a rate-limited key', () => {
    const json = JSON.parse(Testing.synthScope((scope) => {
      new TerraformOutput(scope, 'dsn', { value: new ErrorTrackingProject(scope, 'p', PROPS).dsn, sensitive: true });
    }));
    const [[teamName]] = Object.entries(json.resource.sentry_team);
    const [[projectName, project]] = Object.entries(json.resource.sentry_project) as [string, any][];
    expect(project).toMatchObject({ slug: 'api-qa', platform: 'python-fastapi', default_rules: false, teams: [`\${sentry_team.${teamName}.slug}`] });
    const [[keyName, key]] = Object.entries(json.resource.sentry_key) as [string, any][];
    expect(key).toMatchObject({ name: 'api-qa', project: `\${sentry_project.${projectName}.slug}`, rate_limit_count: 10, rate_limit_window: 60 });
    expect(Object.keys(json.resource)).toHaveLength(3);
    // the `dsn` map, not the deprecated `dsn_public`
    expect(json.output.dsn.value).toBe(`\${sentry_key.${keyName}.dsn["public"]}`);
  });

  it('takes another platform when given', () => {
    const json = JSON.parse(Testing.synthScope((scope) => { new ErrorTrackingProject(scope, 'p', { ...PROPS, platform: 'python' }); }));
    const [project] = Object.values(json.resource.sentry_project) as any[];
    expect(project.platform).toBe('python');
  });
});
