import { knownAlertIds } from '../../catalog/alerts';
import { SERVICES } from '../../catalog/services';
import { ENVIRONMENTS } from '../../config/environments';
import { ConfigError, isHttpUrl, isInt, loadEnvironments, parseEnvironmentNames } from '../../config/validate';
import { problemsOf, withProduction } from '../support/config-problems';

const ids = knownAlertIds(SERVICES);

describe('environment configuration', () => {
  it('accepts the committed configuration of every environment', () => {
    const envs = loadEnvironments(['staging', 'production'], ids);
    expect(envs.map((e) => e.name)).toEqual(['staging', 'production']);
  });

  it('pages on call in production only', () => {
    expect(ENVIRONMENTS.production.pagesOnCall).toBe(true);
    expect(ENVIRONMENTS.staging.pagesOnCall).toBe(false);
  });

  it('fails when an environment name is unknown, naming the variable and the allowed values', () => {
    expect(() => parseEnvironmentNames('staging,qa')).toThrow(
      /MONITORING_ENVIRONMENTS: got "qa"; expected one of staging, production \(entry 2 of "staging,qa"\)\. Fix: unset MONITORING_ENVIRONMENTS/);
  });

  it('reads an unset environment list as every environment, and a set one as given', () => {
    expect(parseEnvironmentNames(undefined)).toEqual(['staging', 'production']);
    expect(parseEnvironmentNames('production')).toEqual(['production']);
    expect(parseEnvironmentNames('production,staging')).toEqual(['production', 'staging']);
  });

  it.each([
    ['', 'got ""; expected one of staging, production (entry 1 of "")'],
    [',', 'got ""; expected one of staging, production (entry 1 of ",")'],
    [' production', 'got " production"; expected one of staging, production (entry 1 of " production")'],
    ['production,', 'got ""; expected one of staging, production (entry 2 of "production,")'],
    ['production,production', 'got "production,production"; expected each environment at most once ("production" is listed twice)'],
  ])('fails when MONITORING_ENVIRONMENTS is %j, naming the entry and the fix', (raw, message) => {
    expect(() => parseEnvironmentNames(raw)).toThrow(ConfigError);
    expect(() => parseEnvironmentNames(raw)).toThrow(`MONITORING_ENVIRONMENTS: ${message}. Fix: unset MONITORING_ENVIRONMENTS`);
  });

  it('fails when a URL is malformed, naming the field and the fix', () => {
    const problems = problemsOf(withProduction((env) => { env.grafana.publicUrl = 'monitoring.blueprintbuddy.io'; }));
    expect(problems).toEqual([
      'production.grafana.publicUrl: got "monitoring.blueprintbuddy.io"; expected an absolute https: URL with a dotted host and no ' +
        'trailing slash. Fix: edit config/environments.ts',
    ]);
  });

  it('fails when a URL is plain http where https is required', () => {
    const problems = problemsOf(withProduction((env) => { env.grafana.publicUrl = 'http://monitoring.blueprintbuddy.io'; }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^production\.grafana\.publicUrl: got "http:\/\/monitoring/);
  });

  it('fails when a setting is missing', () => {
    const problems = problemsOf(withProduction((env) => { delete env.sentry.projectSlug; }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^production\.sentry\.projectSlug: got nothing \(the setting is missing\); expected a slug/);
  });

  it('fails when a threshold override is not a number', () => {
    // Whether a number is in range for the alert is checked with the catalog, which knows each alert's unit: see __tests__/catalog.
    const problems = problemsOf(withProduction((env) => {
      env.thresholdOverrides = { 'esg-scraper-api-error-ratio': { critical: 'high' } };
    }));
    expect(problems).toEqual([expect.stringMatching(
      /^production\.thresholdOverrides\.esg-scraper-api-error-ratio\.critical: got "high"; expected a finite number/)]);
  });

  it('fails when a threshold override names an alert the catalog does not have', () => {
    const problems = problemsOf(withProduction((env) => { env.thresholdOverrides = { 'error-rate': { critical: 0.1 } }; }));
    expect(problems[0]).toMatch(/^production\.thresholdOverrides\.error-rate: got "error-rate"; expected an alert id from the catalog \(esg-scraper-api-error-ratio, /);
  });

  it('fails when two environments share a Grafana organization, explaining the notification-policy tree', () => {
    const problems = problemsOf(withProduction((env) => { env.grafana.orgId = ENVIRONMENTS.staging.grafana.orgId; }));
    expect(problems).toEqual([expect.stringContaining(
      'production.grafana.orgId: got "2"; expected a value no other environment uses (staging uses it too). ' +
        'Fix: give each environment its own Grafana organization')]);
  });

  it('fails when a maintenance window would mute critical alerts', () => {
    const problems = problemsOf(withProduction((env) => { env.maintenanceWindows[0].severities = ['critical']; }));
    expect(problems).toEqual([expect.stringMatching(/maintenanceWindows\[0\]\.severities: got \["critical"\]; expected a list of "warning" and\/or "info"/)]);
  });

  it('fails when uptime checks would run from a single or unknown region', () => {
    const problems = problemsOf(withProduction((env) => { env.digitalocean.uptimeRegions = ['eu-west']; }));
    expect(problems).toEqual([expect.stringMatching(/^production\.digitalocean\.uptimeRegions: got \["eu-west"\]; expected two or more of us_east/)]);
  });

  it('reports every problem at once, not only the first', () => {
    const problems = problemsOf(withProduction((env) => {
      env.grafana.publicUrl = 'nope';
      env.pagerduty.rotation.responderEmails = [];
      env.slack.alertsChannel = 'alerts';
    }));
    expect(problems.map((p) => p.split(':')[0])).toEqual([
      'production.grafana.publicUrl', 'production.pagerduty.rotation.responderEmails', 'production.slack.alertsChannel',
    ]);
  });
});

describe('resources two stacks could fight over', () => {
  it.each([
    ['sentry.teamSlug', (env: any) => { env.sentry.teamSlug = ENVIRONMENTS.staging.sentry.teamSlug; }],
    ['sentry.projectSlug', (env: any) => { env.sentry.projectSlug = ENVIRONMENTS.staging.sentry.projectSlug; }],
    ['digitalocean.app.name', (env: any) => { env.digitalocean.app.name = ENVIRONMENTS.staging.digitalocean.app.name; }],
  ])('fails when two environments share %s', (field, change) => {
    const problems = problemsOf(withProduction(change));
    expect(problems).toEqual([expect.stringMatching(new RegExp(
      `^production\\.${field.replace(/\./g, '\\.')}: got .*; expected a value no other environment uses \\(staging uses it too\\)\\. ` +
      'Fix: edit config/environments.ts: two stacks declaring one resource fight over it'))]);
  });
});

describe('Datadog site', () => {
  // The sites of https://docs.datadoghq.com/getting_started/site/, written out here so that a dropped one fails.
  it.each(['datadoghq.com', 'us3.datadoghq.com', 'us5.datadoghq.com', 'datadoghq.eu', 'ap1.datadoghq.com', 'ap2.datadoghq.com', 'ddog-gov.com'])(
    'accepts %s', (site) => {
      expect(problemsOf(withProduction((env) => { env.datadog.site = site; }))).toEqual([]);
    });

  it.each(['app.datadoghq.com', 'api.datadoghq.eu', 'datadoghq.example', 'ap3.datadoghq.com'])('fails when the site is %j', (site) => {
    expect(problemsOf(withProduction((env) => { env.datadog.site = site; }))).toEqual([
      `production.datadog.site: got ${JSON.stringify(site)}; expected a Datadog site: datadoghq.com, us3.datadoghq.com, us5.datadoghq.com, ` +
        'datadoghq.eu, ap1.datadoghq.com, ap2.datadoghq.com, ddog-gov.com. Fix: edit config/environments.ts',
    ]);
  });
});

describe('state backend', () => {
  it('fails when the Spaces region is missing', () => {
    const problems = problemsOf(withProduction((env) => { env.backend.region = ''; }));
    expect(problems).toEqual(['production.backend.region: got ""; expected a non-empty string. Fix: edit config/environments.ts']);
  });

  it('accepts a local backend without a path (cdktf\'s default, terraform.<env>.tfstate) or with one in the project', () => {
    expect(problemsOf(withProduction((env) => { env.backend = { type: 'local' }; }))).toEqual([]);
    expect(problemsOf(withProduction((env) => { env.backend = { type: 'local', path: 'state/production.tfstate' }; }))).toEqual([]);
  });

  it.each([
    'cdktf.out/stacks/production/terraform.tfstate',
    './cdktf.out/production.tfstate',
    '/var/lib/terraform/production.tfstate',
    '../production.tfstate',
    'production.json',
  ])('fails when a local state path is %j: inside the synth output, outside the project or not a .tfstate', (path) => {
    const problems = problemsOf(withProduction((env) => { env.backend = { type: 'local', path }; }));
    expect(problems).toEqual([
      `production.backend.path: got ${JSON.stringify(path)}; expected a relative path of a ".tfstate" file in the project, ` +
        'outside the synth output (cdktf.out/) and without "..". Fix: omit it (the state then lives in ' +
        'terraform.production.tfstate, cdktf\'s default), or edit config/environments.ts',
    ]);
  });

  it('accepts a pg backend with a schema name (the connection string comes from PG_CONN_STR)', () => {
    expect(problemsOf(withProduction((env) => { env.backend = { type: 'pg', schemaName: 'monitoring_production' }; }))).toEqual([]);
  });

  it.each(['', 'Monitoring', '1st_schema', 'monitoring-production', 'a'.repeat(64)])('fails when the pg schema name is %j', (name) => {
    const problems = problemsOf(withProduction((env) => { env.backend = { type: 'pg', schemaName: name }; }));
    expect(problems).toEqual([`production.backend.schemaName: got ${JSON.stringify(name)}; expected a PostgreSQL schema name: ` +
      'lowercase letters, digits and "_", starting with a letter or "_", at most 63 characters. Fix: edit config/environments.ts']);
  });

  it('fails when the backend type is unknown, naming the three allowed', () => {
    const problems = problemsOf(withProduction((env) => { env.backend = { type: 'gcs', bucket: 'b' }; }));
    expect(problems).toEqual(['production.backend.type: got "gcs"; expected "local", "s3" or "pg". Fix: edit config/environments.ts']);
  });
});

describe('maintenance windows', () => {
  it('fails when a window crosses midnight, which Grafana mute timings cannot express', () => {
    const problems = problemsOf(withProduction((env) => {
      env.maintenanceWindows[0].startTime = '22:00';
      env.maintenanceWindows[0].endTime = '02:00';
    }));
    expect(problems).toEqual([
      'production.maintenanceWindows[0].endTime: got "02:00"; expected a time after startTime (22:00) on the same day. ' +
        'Fix: split a window that crosses midnight into two windows (until "24:00" and from "00:00") in config/environments.ts',
    ]);
  });

  it('accepts a window that ends with the day, "24:00", as the first half of one that crosses midnight', () => {
    expect(problemsOf(withProduction((env) => {
      env.maintenanceWindows[0].startTime = '22:00';
      env.maintenanceWindows[0].endTime = '24:00';
    }))).toEqual([]);
  });

  it.each([
    ['a capitalised weekday', ['Sunday']],
    ['an unknown weekday', ['sundays']],
    ['a range that runs backwards', ['friday:monday']],
    ['a one-day range, which Grafana reads back as the day', ['monday:monday']],
    ['no weekday at all', []],
  ])('fails when weekdays hold %s, which Grafana rejects or reads back differently', (_what, weekdays) => {
    const problems = problemsOf(withProduction((env) => { env.maintenanceWindows[0].weekdays = weekdays; }));
    expect(problems).toEqual([`production.maintenanceWindows[0].weekdays: got ${JSON.stringify(weekdays)}; expected a list of at least one ` +
      'lowercase weekday or ascending range, e.g. ["sunday"] or ["monday:friday"]. Fix: edit config/environments.ts']);
  });

  it.each(['Europe/Berlln', 'europe/berlin', '', ' '])('fails when the time zone is not one Grafana can load: %j', (location) => {
    const problems = problemsOf(withProduction((env) => { env.maintenanceWindows[0].location = location; }));
    expect(problems).toEqual([`production.maintenanceWindows[0].location: got ${JSON.stringify(location)}; expected an IANA time zone ` +
      'such as "Europe/Berlin". Fix: edit config/environments.ts']);
  });
});

describe('messages', () => {
  it('shows a non-finite number as itself, not as null', () => {
    const problems = problemsOf(withProduction((env) => { env.grafana.orgId = Number.NaN; }));
    expect(problems[0]).toMatch(/^production\.grafana\.orgId: got NaN; expected a positive integer/);
  });
});

describe('on-call rotation (pagerduty)', () => {
  const FIX = 'Fix: edit config/environments.ts';

  it('fails when the time zone is unknown, naming the field, the value and the fix', () => {
    const problems = problemsOf(withProduction((env) => { env.pagerduty.rotation.timeZone = 'Europe/Frankfurt'; }));
    expect(problems).toEqual([
      `production.pagerduty.rotation.timeZone: got "Europe/Frankfurt"; expected an IANA time zone such as "Europe/Berlin". ${FIX}`]);
  });

  it.each(['9:00', '24:00', '10:00:00', 'noon'])('fails when the handoff %p is not a time of day', (handoffTime) => {
    const problems = problemsOf(withProduction((env) => { env.pagerduty.rotation.handoffTime = handoffTime; }));
    expect(problems).toEqual([`production.pagerduty.rotation.handoffTime: got ${JSON.stringify(handoffTime)}; ` +
      `expected a time of day "hh:mm" from "00:00" to "23:59", e.g. "09:00". ${FIX}`]);
  });

  it('fails when the rotation is empty', () => {
    const problems = problemsOf(withProduction((env) => { env.pagerduty.rotation.responderEmails = []; }));
    expect(problems).toEqual([
      `production.pagerduty.rotation.responderEmails: got []; expected at least one e-mail address of a PagerDuty user, in rotation order. ${FIX}`]);
  });

  it('fails when a responder is listed twice, naming both places and the fix', () => {
    const problems = problemsOf(withProduction((env) => {
      env.pagerduty.rotation.responderEmails = ['a@blueprintbuddy.io', 'b@blueprintbuddy.io', 'a@blueprintbuddy.io'];
    }));
    expect(problems).toEqual([
      'production.pagerduty.rotation.responderEmails[2]: got "a@blueprintbuddy.io"; expected each responder once ' +
        '(it is already production.pagerduty.rotation.responderEmails[0]). ' +
        'Fix: remove the repeated address from production.pagerduty.rotation.responderEmails in config/environments.ts']);
  });

  it('fails when the second line lists a responder twice', () => {
    const problems = problemsOf(withProduction((env) => {
      env.pagerduty.secondLine.responderEmails = ['lead@blueprintbuddy.io', 'lead@blueprintbuddy.io'];
    }));
    expect(problems).toEqual([expect.stringMatching(/^production\.pagerduty\.secondLine\.responderEmails\[1\]: got "lead@blueprintbuddy\.io"; expected each responder once/)]);
  });

  it('fails when the second line names both users and a schedule', () => {
    const problems = problemsOf(withProduction((env) => { env.pagerduty.secondLine.scheduleName = 'Leads'; }));
    expect(problems).toEqual([expect.stringMatching(
      /^production\.pagerduty\.secondLine: got .*; expected exactly one of responderEmails or scheduleName\. Fix: keep one of the two/)]);
  });

  it.each([[-1], [10], [1.5]])('fails when numLoops is %p, outside the 0 to 9 PagerDuty allows', (numLoops) => {
    const problems = problemsOf(withProduction((env) => { env.pagerduty.numLoops = numLoops; }));
    expect(problems).toEqual([`production.pagerduty.numLoops: got ${numLoops}; expected an integer from 0 to 9 (how often PagerDuty repeats the policy). ${FIX}`]);
  });

  it('fails when a weekly turn is longer than the year PagerDuty allows', () => {
    const problems = problemsOf(withProduction((env) => { env.pagerduty.rotation.turnLength = 53; }));
    expect(problems).toEqual([expect.stringMatching(/^production\.pagerduty\.rotation\.turnLength: got 53; expected a whole number of weeks from 1 to 52/)]);
  });

  it.each(['2026-02-30', '05.01.2026', 'today'])('fails when the start date %p is not a calendar date', (startDate) => {
    const problems = problemsOf(withProduction((env) => { env.pagerduty.rotation.startDate = startDate; }));
    expect(problems).toEqual([expect.stringMatching(/^production\.pagerduty\.rotation\.startDate: got .*; expected a date "yyyy-mm-dd"/)]);
  });

  it('fails when an environment that pages has no rotation', () => {
    const problems = problemsOf(withProduction((env) => { delete env.pagerduty; }));
    expect(problems).toEqual(['production.pagerduty: got nothing (the setting is missing); expected an on-call rotation, because ' +
      'production.pagesOnCall is true. Fix: add a pagerduty section (rotation, escalationDelayMinutes, numLoops) in ' +
      'config/environments.ts, or set pagesOnCall to false']);
  });

  it('fails when an environment that never pages declares PagerDuty, which nothing would route to', () => {
    const configs = structuredClone(ENVIRONMENTS) as Record<string, any>;
    configs.staging.pagerduty = structuredClone(ENVIRONMENTS.production.pagerduty);
    expect(problemsOf(configs)).toEqual(['staging.pagerduty: got "(a pagerduty section)"; expected no pagerduty section, because ' +
      'staging.pagesOnCall is false and nothing would ever page it. Fix: remove the pagerduty section from config/environments.ts, ' +
      'or set pagesOnCall to true']);
  });

  it('fails when the business service of the status page has no name', () => {
    const problems = problemsOf(withProduction((env) => { env.pagerduty.statusPage.businessServiceName = ' '; }));
    expect(problems).toEqual([`production.pagerduty.statusPage.businessServiceName: got " "; expected a non-empty name without ` +
      `surrounding spaces (the status page shows it). ${FIX}`]);
  });

  it('fails when the status page URL is not https', () => {
    const problems = problemsOf(withProduction((env) => { env.pagerduty.statusPage.url = 'http://status.blueprintbuddy.io'; }));
    expect(problems).toEqual([expect.stringMatching(/^production\.pagerduty\.statusPage\.url: got "http:\/\/status\.blueprintbuddy\.io"; expected an absolute https: URL/)]);
  });
});

/**
 * Each rule of checkEnvironment broken on purpose, one field at a time: the problem names the
 * field, the value received, what is allowed and the fix; and each bound is accepted where it is
 * allowed (so a rule made stricter by mistake fails too).
 */
describe('each rule of an environment, case by case', () => {
  const FIX = 'edit config/environments.ts';
  const problem = (field: string, value: string, allowed: string, fix = FIX) =>
    `production.${field}: got ${value}; expected ${allowed}. Fix: ${fix}`;
  const URL_HTTPS = 'an absolute https: URL with a dotted host and no trailing slash';
  const TEXT = 'a non-empty string';
  const SLUG_RULE = 'a slug of lowercase letters, digits and "-"';
  const long = (n: number) => 'a'.repeat(n);

  it.each<[string, (env: any) => void, string]>([
    ['pagesOnCall is not a boolean', (env) => { env.pagesOnCall = 'yes'; }, problem('pagesOnCall', '"yes"', 'true or false')],
    ['the Grafana URL has a trailing slash', (env) => { env.grafana.publicUrl = 'https://monitoring.example.com/'; },
      problem('grafana.publicUrl', '"https://monitoring.example.com/"', URL_HTTPS)],
    ['the Grafana URL has an undotted host', (env) => { env.grafana.publicUrl = 'https://grafana'; },
      problem('grafana.publicUrl', '"https://grafana"', URL_HTTPS)],
    ['the Grafana URL is not text', (env) => { env.grafana.publicUrl = 42; }, problem('grafana.publicUrl', '42', URL_HTTPS)],
    ['the Prometheus URL is neither http nor https', (env) => { env.grafana.prometheusUrl = 'ftp://prometheus.example.com'; },
      problem('grafana.prometheusUrl', '"ftp://prometheus.example.com"', 'an absolute http: or https: URL with a dotted host and no trailing slash')],
    ['the Grafana organization is 0', (env) => { env.grafana.orgId = 0; }, problem('grafana.orgId', '0', 'a positive integer (a Grafana organization id)')],
    ['the Grafana organization is above 1000000', (env) => { env.grafana.orgId = 1_000_001; },
      problem('grafana.orgId', '1000001', 'a positive integer (a Grafana organization id)')],
    ['the Grafana organization is 2.5, not an integer', (env) => { env.grafana.orgId = 2.5; },
      problem('grafana.orgId', '2.5', 'a positive integer (a Grafana organization id)')],
    ['the Grafana organization is a string', (env) => { env.grafana.orgId = '3'; },
      problem('grafana.orgId', '"3"', 'a positive integer (a Grafana organization id)')],
    ['the PostgreSQL host has no port', (env) => { env.grafana.postgres.host = 'db.example.com'; },
      problem('grafana.postgres.host', '"db.example.com"', 'host:port')],
    ['the PostgreSQL host has text before it', (env) => { env.grafana.postgres.host = 'x db.example.com:5432'; },
      problem('grafana.postgres.host', '"x db.example.com:5432"', 'host:port')],
    ['the PostgreSQL port has six digits', (env) => { env.grafana.postgres.host = 'db.example.com:543210'; },
      problem('grafana.postgres.host', '"db.example.com:543210"', 'host:port')],
    ['the PostgreSQL database is blank', (env) => { env.grafana.postgres.database = '  '; }, problem('grafana.postgres.database', '"  "', TEXT)],
    ['the PostgreSQL user is missing', (env) => { delete env.grafana.postgres.user; },
      problem('grafana.postgres.user', 'nothing (the setting is missing)', TEXT)],
    ['the Sentry organization has capitals', (env) => { env.sentry.organization = 'ESG'; }, problem('sentry.organization', '"ESG"', SLUG_RULE)],
    ['the Sentry team slug starts with "-"', (env) => { env.sentry.teamSlug = '-esg'; }, problem('sentry.teamSlug', '"-esg"', SLUG_RULE)],
    ['the Sentry project slug ends with "-"', (env) => { env.sentry.projectSlug = 'esg-'; }, problem('sentry.projectSlug', '"esg-"', SLUG_RULE)],
    ['the Sentry rate limit is 0 events', (env) => { env.sentry.rateLimit.count = 0; },
      problem('sentry.rateLimit.count', '0', 'an integer from 1 to 1000000')],
    ['the Sentry rate limit is above 1000000 events', (env) => { env.sentry.rateLimit.count = 1_000_001; },
      problem('sentry.rateLimit.count', '1000001', 'an integer from 1 to 1000000')],
    ['the Sentry rate-limit window is under a minute', (env) => { env.sentry.rateLimit.windowSeconds = 59; },
      problem('sentry.rateLimit.windowSeconds', '59', 'an integer from 60 to 86400')],
    ['the Sentry rate-limit window is over a day', (env) => { env.sentry.rateLimit.windowSeconds = 86_401; },
      problem('sentry.rateLimit.windowSeconds', '86401', 'an integer from 60 to 86400')],
    ['the Sentry team name is empty', (env) => { env.sentry.teamName = ''; }, problem('sentry.teamName', '""', TEXT)],
    ['the Sentry Slack integration name is empty', (env) => { env.sentry.slackIntegrationName = ''; },
      problem('sentry.slackIntegrationName', '""', TEXT)],
    ['the Sentry PagerDuty integration name is empty', (env) => { env.sentry.pagerdutyIntegrationName = ''; },
      problem('sentry.pagerdutyIntegrationName', '""', TEXT)],
    // Since issue 15 the first line is a rotation (a schedule, one target); the 5-target limit binds the second line.
    ['six second-line PagerDuty responders are given (at most 5 targets per escalation rule)', (env) => {
      env.pagerduty.secondLine.responderEmails = ['a', 'b', 'c', 'd', 'e', 'f'].map((n) => `${n}@example.com`);
    }, problem('pagerduty.secondLine.responderEmails', JSON.stringify(['a', 'b', 'c', 'd', 'e', 'f'].map((n) => `${n}@example.com`)),
      'one to five e-mail addresses (PagerDuty allows at most 5 targets per escalation rule)')],
    ['no second-line PagerDuty responders are given', (env) => { env.pagerduty.secondLine.responderEmails = []; },
      problem('pagerduty.secondLine.responderEmails', '[]', 'one to five e-mail addresses (PagerDuty allows at most 5 targets per escalation rule)')],
    ['no PagerDuty rotation responders are given', (env) => { delete env.pagerduty.rotation.responderEmails; },
      problem('pagerduty.rotation.responderEmails', 'nothing (the setting is missing)', 'at least one e-mail address of a PagerDuty user, in rotation order')],
    ['a PagerDuty responder is not an e-mail address', (env) => { env.pagerduty.rotation.responderEmails[1] = 'oncall@localhost'; },
      problem('pagerduty.rotation.responderEmails[1]', '"oncall@localhost"', 'an e-mail address')],
    ['a second-line PagerDuty responder is not an e-mail address', (env) => { env.pagerduty.secondLine.responderEmails[0] = 'lead'; },
      problem('pagerduty.secondLine.responderEmails[0]', '"lead"', 'an e-mail address')],
    ['the escalation delay is 0 minutes', (env) => { env.pagerduty.escalationDelayMinutes = 0; },
      problem('pagerduty.escalationDelayMinutes', '0', 'an integer from 1 to 1440')],
    ['the escalation delay is over a day', (env) => { env.pagerduty.escalationDelayMinutes = 1441; },
      problem('pagerduty.escalationDelayMinutes', '1441', 'an integer from 1 to 1440')],
    ['the alerts channel has no "#"', (env) => { env.slack.alertsChannel = 'alerts'; },
      problem('slack.alertsChannel', '"alerts"', 'a Slack channel name such as "#alerts"')],
    ['the monitoring channel is 81 characters', (env) => { env.slack.monitoringChannel = `#${long(81)}`; },
      problem('slack.monitoringChannel', `"#${long(81)}"`, 'a Slack channel name such as "#alerts"')],
    ['no alert e-mail address is given', (env) => { env.alertEmails = []; }, problem('alertEmails', '[]', 'a list of at least one e-mail address')],
    ['an alert e-mail address is longer than 100 characters', (env) => { env.alertEmails = [`${long(89)}@example.com`]; },
      problem('alertEmails[0]', `"${long(89)}@example.com"`, 'an e-mail address of at most 100 characters')],
    ['an alert e-mail address has a space', (env) => { env.alertEmails = ['alerts team@example.com']; },
      problem('alertEmails[0]', '"alerts team@example.com"', 'an e-mail address of at most 100 characters')],
    ['the app name is one character', (env) => { env.digitalocean.app.name = 'a'; },
      problem('digitalocean.app.name', '"a"', 'a lowercase DNS label of 2-32 characters')],
    ['the app name is 33 characters', (env) => { env.digitalocean.app.name = long(33); },
      problem('digitalocean.app.name', `"${long(33)}"`, 'a lowercase DNS label of 2-32 characters')],
    ['the app repository has no owner', (env) => { env.digitalocean.app.github.repo = 'esg-scraper'; },
      problem('digitalocean.app.github.repo', '"esg-scraper"', '"owner/name"')],
    ['the app repository has two slashes', (env) => { env.digitalocean.app.github.repo = 'a/b/c'; },
      problem('digitalocean.app.github.repo', '"a/b/c"', '"owner/name"')],
    ['the app branch is empty', (env) => { env.digitalocean.app.github.branch = ''; }, problem('digitalocean.app.github.branch', '""', TEXT)],
    ['the app size is empty', (env) => { env.digitalocean.app.instanceSizeSlug = ''; }, problem('digitalocean.app.instanceSizeSlug', '""', TEXT)],
    ['the region is empty', (env) => { env.digitalocean.region = ''; }, problem('digitalocean.region', '""', TEXT)],
    ['the app runs 0 instances', (env) => { env.digitalocean.app.instanceCount = 0; },
      problem('digitalocean.app.instanceCount', '0', 'an integer from 1 to 50')],
    ['the app runs 51 instances', (env) => { env.digitalocean.app.instanceCount = 51; },
      problem('digitalocean.app.instanceCount', '51', 'an integer from 1 to 50')],
    ['the app port is 0', (env) => { env.digitalocean.app.httpPort = 0; }, problem('digitalocean.app.httpPort', '0', 'a port from 1 to 65535')],
    ['the app port is 65536', (env) => { env.digitalocean.app.httpPort = 65_536; },
      problem('digitalocean.app.httpPort', '65536', 'a port from 1 to 65535')],
    ['the MongoDB cluster is empty', (env) => { env.digitalocean.databases.mongodb = ''; }, problem('digitalocean.databases.mongodb', '""', TEXT)],
    ['the Redis cluster is empty', (env) => { env.digitalocean.databases.redis = ''; }, problem('digitalocean.databases.redis', '""', TEXT)],
    ['uptime checks run from a single known region', (env) => { env.digitalocean.uptimeRegions = ['us_east']; },
      problem('digitalocean.uptimeRegions', '["us_east"]',
        'two or more of us_east, us_west, eu_west, se_asia (checks from one region cannot tell an outage from a network blip)')],
    ['one of two uptime regions is unknown', (env) => { env.digitalocean.uptimeRegions = ['us_east', 'mars']; },
      problem('digitalocean.uptimeRegions', '["us_east","mars"]',
        'two or more of us_east, us_west, eu_west, se_asia (checks from one region cannot tell an outage from a network blip)')],
    ['no uptime region is given', (env) => { delete env.digitalocean.uptimeRegions; },
      problem('digitalocean.uptimeRegions', 'nothing (the setting is missing)',
        'two or more of us_east, us_west, eu_west, se_asia (checks from one region cannot tell an outage from a network blip)')],
    ['the Datadog site has a suffix', (env) => { env.datadog.site = 'datadoghq.com.example'; },
      problem('datadog.site', '"datadoghq.com.example"',
        'a Datadog site: datadoghq.com, us3.datadoghq.com, us5.datadoghq.com, datadoghq.eu, ap1.datadoghq.com, ap2.datadoghq.com, ddog-gov.com')],
    ['a threshold override names an unknown severity', (env) => { env.thresholdOverrides = { 'esg-scraper-api-error-ratio': { page: 0.1 } }; },
      problem('thresholdOverrides.esg-scraper-api-error-ratio.page', '"page"', 'critical, warning, info')],
    ['a threshold override is infinite', (env) => { env.thresholdOverrides = { 'esg-scraper-api-error-ratio': { critical: Infinity } }; },
      problem('thresholdOverrides.esg-scraper-api-error-ratio.critical', 'Infinity', 'a finite number')],
    ['a maintenance window name has a space', (env) => { env.maintenanceWindows[0].name = 'weekly maintenance'; },
      problem('maintenanceWindows[0].name', '"weekly maintenance"', 'letters, digits, "-" and "_"')],
    ['a maintenance window starts at "24:00"', (env) => { env.maintenanceWindows[0].startTime = '24:00'; },
      problem('maintenanceWindows[0].startTime', '"24:00"', '"hh:mm"')],
    ['a maintenance window starts at "2:00"', (env) => { env.maintenanceWindows[0].startTime = '2:00'; },
      problem('maintenanceWindows[0].startTime', '"2:00"', '"hh:mm"')],
    ['a maintenance window ends at "25:00"', (env) => { env.maintenanceWindows[0].endTime = '25:00'; },
      problem('maintenanceWindows[0].endTime', '"25:00"', '"hh:mm", or "24:00" for the end of the day')],
    ['a maintenance window ends at "24:30"', (env) => { env.maintenanceWindows[0].endTime = '24:30'; },
      problem('maintenanceWindows[0].endTime', '"24:30"', '"hh:mm", or "24:00" for the end of the day')],
    ['a maintenance window ends when it starts', (env) => { env.maintenanceWindows[0].endTime = env.maintenanceWindows[0].startTime; },
      problem('maintenanceWindows[0].endTime', '"02:00"', 'a time after startTime (02:00) on the same day',
        'split a window that crosses midnight into two windows (until "24:00" and from "00:00") in config/environments.ts')],
    ['a maintenance window mutes critical alerts along with warnings', (env) => { env.maintenanceWindows[0].severities = ['warning', 'critical']; },
      problem('maintenanceWindows[0].severities', '["warning","critical"]', 'a list of "warning" and/or "info" (critical alerts are never muted)')],
    ['a maintenance window mutes nothing', (env) => { env.maintenanceWindows[0].severities = []; },
      problem('maintenanceWindows[0].severities', '[]', 'a list of "warning" and/or "info" (critical alerts are never muted)')],
    ['the Spaces bucket is empty', (env) => { env.backend.bucket = ''; }, problem('backend.bucket', '""', TEXT)],
    ['the state key is empty', (env) => { env.backend.key = ''; }, problem('backend.key', '""', TEXT)],
    ['the Spaces endpoint is not https', (env) => { env.backend.endpoint = 'http://fra1.digitaloceanspaces.com'; },
      problem('backend.endpoint', '"http://fra1.digitaloceanspaces.com"', URL_HTTPS)],
    // Since issue 11 the path may be omitted (cdktf's default); an empty one is refused as not a .tfstate path.
    ['a local backend has an empty path', (env) => { env.backend = { type: 'local', path: '' }; }, problem('backend.path', '""',
      'a relative path of a ".tfstate" file in the project, outside the synth output (cdktf.out/) and without ".."',
      'omit it (the state then lives in terraform.production.tfstate, cdktf\'s default), or edit config/environments.ts')],
    ['the backend type is unknown', (env) => { env.backend = { type: 'gcs' }; }, problem('backend.type', '"gcs"', '"local", "s3" or "pg"')],
    ['the backend is missing', (env) => { delete env.backend; }, problem('backend.type', 'nothing (the setting is missing)', '"local", "s3" or "pg"')],
  ])('fails when %s, naming the field and the fix', (_what, change, expected) => {
    expect(problemsOf(withProduction(change))).toEqual([expected]);
  });

  it.each<[string, string[]]>([
    ['"funday"', ['funday']],
    ['"friday:monday" (backwards)', ['friday:monday']],
    ['a range of three days', ['monday:wednesday:friday']],
    ['a range ending on an unknown day', ['monday:funday']],
    ['a range starting on an unknown day', ['funday:monday']],
    ['a valid day and an invalid one', ['sunday', 'Monday']],
  ])('fails when maintenance weekdays hold %s', (_what, weekdays) => {
    expect(problemsOf(withProduction((env) => { env.maintenanceWindows[0].weekdays = weekdays; }))).toEqual([
      problem('maintenanceWindows[0].weekdays', JSON.stringify(weekdays),
        'a list of at least one lowercase weekday or ascending range, e.g. ["sunday"] or ["monday:friday"]'),
    ]);
  });

  it('fails when the time zone is not text', () => {
    expect(problemsOf(withProduction((env) => { env.maintenanceWindows[0].location = 1; }))).toEqual([
      problem('maintenanceWindows[0].location', '1', 'an IANA time zone such as "Europe/Berlin"'),
    ]);
  });

  it.each<[string, (env: any) => void]>([
    ['every bound of the whole numbers, low', (env) => {
      env.grafana.orgId = 1_000_000;
      env.sentry.rateLimit = { count: 1, windowSeconds: 60 };
      env.pagerduty.escalationDelayMinutes = 1;
      env.digitalocean.app.instanceCount = 1;
      env.digitalocean.app.httpPort = 1;
    }],
    ['every bound of the whole numbers, high', (env) => {
      env.grafana.orgId = 3;
      env.sentry.rateLimit = { count: 1_000_000, windowSeconds: 86_400 };
      env.pagerduty.escalationDelayMinutes = 1440;
      env.digitalocean.app.instanceCount = 50;
      env.digitalocean.app.httpPort = 65_535;
    }],
    ['one PagerDuty responder, and an alert address of 100 characters', (env) => {
      env.pagerduty.rotation.responderEmails = ['a@example.com'];
      env.alertEmails = [`${long(88)}@example.com`]; // 100 characters
    }],
    // The second line takes at most five responders (PagerDuty's targets per escalation rule); since issue 15 the first line is a rotation.
    ['five second-line PagerDuty responders', (env) => {
      env.pagerduty.secondLine.responderEmails = ['a', 'b', 'c', 'd', 'e'].map((n) => `${n}@example.com`);
    }],
    ['the shortest and longest names', (env) => {
      env.digitalocean.app.name = `a${long(30)}b`;
      env.slack.monitoringChannel = `#${long(80)}`;
      env.sentry.teamSlug = 'ab';
    }],
    ['the shortest app name', (env) => { env.digitalocean.app.name = 'ab'; }],
    ['every uptime region', (env) => { env.digitalocean.uptimeRegions = ['us_east', 'us_west', 'eu_west', 'se_asia']; }],
    ['an http Prometheus URL and an https one', (env) => { env.grafana.prometheusUrl = 'https://prometheus.example.com'; }],
    ['every weekday form', (env) => { env.maintenanceWindows[0].weekdays = ['sunday', 'monday:friday', 'friday:saturday', 'saturday']; }],
    ['every weekday by name', (env) => {
      env.maintenanceWindows[0].weekdays = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
    }],
    ['ranges from and to the middle of the week', (env) => { env.maintenanceWindows[0].weekdays = ['tuesday:wednesday', 'wednesday:thursday']; }],
    ['a window from midnight to the end of the day', (env) => { Object.assign(env.maintenanceWindows[0], { startTime: '00:00', endTime: '24:00' }); }],
    ['a window at 19:59 to 23:59', (env) => { Object.assign(env.maintenanceWindows[0], { startTime: '19:59', endTime: '23:59' }); }],
    ['a window muting only info alerts', (env) => { env.maintenanceWindows[0].severities = ['info']; }],
    ['a time zone Intl spells differently but Grafana loads (a link such as US/Pacific)', (env) => {
      env.maintenanceWindows[0].location = 'US/Pacific';
    }],
    ['a threshold override of every severity', (env) => {
      env.thresholdOverrides = { 'esg-scraper-api-error-ratio': { critical: 0.2, warning: 0.1, info: 0.05 } };
    }],
    ['a local backend', (env) => { env.backend = { type: 'local', path: 'terraform.production.tfstate' }; }],
    ['no maintenance window and no overrides', (env) => { delete env.maintenanceWindows; delete env.thresholdOverrides; }],
  ])('accepts %s', (_what, change) => {
    expect(problemsOf(withProduction(change))).toEqual([]);
  });

  it.each(['datadoghq.com', 'datadoghq.eu', 'us3.datadoghq.com', 'us5.datadoghq.com', 'ap1.datadoghq.com', 'ap2.datadoghq.com', 'ddog-gov.com'])(
    'accepts the Datadog site %s', (site) => {
      expect(problemsOf(withProduction((env) => { env.datadog.site = site; }))).toEqual([]);
    });
});

describe('loading environments', () => {
  it('returns the named environments in the order asked for', () => {
    expect(loadEnvironments(['production'], ids).map((e) => e.name)).toEqual(['production']);
    expect(loadEnvironments(['production', 'staging'], ids).map((e) => e.name)).toEqual(['production', 'staging']);
  });

  it('validates every environment, also those not asked for', () => {
    const configs = structuredClone(ENVIRONMENTS) as Record<string, any>;
    configs.staging.slack.alertsChannel = 'alerts';
    expect(() => loadEnvironments(['production'], ids, configs)).toThrow(/staging\.slack\.alertsChannel: got "alerts"/);
  });

  it('fails when an environment is named outside the known list, naming the allowed ones', () => {
    const configs = structuredClone(ENVIRONMENTS) as Record<string, any>;
    configs.production.name = 'prod';
    expect(problemsOf(configs)).toEqual(['prod.name: got "prod"; expected one of staging, production. Fix: edit config/environments.ts']);
  });

  it('counts the problems in the message, one per line', () => {
    const one = new ConfigError(['a: got 1']);
    expect(one.message).toBe('Invalid monitoring configuration (1 problem):\n  - a: got 1');
    expect(one.name).toBe('ConfigError');
    expect(new ConfigError(['a', 'b']).message).toBe('Invalid monitoring configuration (2 problems):\n  - a\n  - b');
  });

  // Since issue 11 a blank entry is refused, not skipped: each one is named with its position.
  it('fails when a list has blanks between commas, naming each blank entry', () => {
    const fix = 'Fix: unset MONITORING_ENVIRONMENTS to synthesize every environment, or name known ones, separated by "," without spaces';
    let problems: readonly string[] = [];
    try {
      parseEnvironmentNames('staging, ,production,');
    } catch (error) {
      problems = (error as ConfigError).problems;
    }
    expect(problems).toEqual([
      `MONITORING_ENVIRONMENTS: got " "; expected one of staging, production (entry 2 of "staging, ,production,"). ${fix}`,
      `MONITORING_ENVIRONMENTS: got ""; expected one of staging, production (entry 4 of "staging, ,production,"). ${fix}`,
    ]);
    expect(() => parseEnvironmentNames('   ')).toThrow(`MONITORING_ENVIRONMENTS: got "   "; expected one of staging, production (entry 1 of "   "). ${fix}`);
  });

  it('fails for an unknown name under another variable, naming that variable and the fix', () => {
    expect(() => parseEnvironmentNames('qa', 'REVIEW_ENVS')).toThrow(
      'REVIEW_ENVS: got "qa"; expected one of staging, production (entry 1 of "qa"). ' +
        'Fix: unset REVIEW_ENVS to synthesize every environment, or name known ones, separated by "," without spaces');
  });
});

describe('helpers shared with other checks', () => {
  it('takes only whole numbers within both bounds for an integer', () => {
    expect([isInt(1, 1, 3), isInt(3, 1, 3), isInt(0, 1, 3), isInt(4, 1, 3), isInt(2.5, 1, 3), isInt('2', 1, 3)]).toEqual(
      [true, true, false, false, false, false]);
  });

  it('takes an http URL only where http is allowed', () => {
    expect(isHttpUrl('http://a.example.com')).toBe(false);
    expect(isHttpUrl('http://a.example.com', ['http:'])).toBe(true);
    expect(isHttpUrl('not a url', ['https:'])).toBe(false);
    expect(isHttpUrl(undefined)).toBe(false);
  });
});

/** More rules broken on purpose: missing sections, the rotation, the second line, the status page, local state paths. */
describe('each rule of an environment, more cases', () => {
  const FIX = 'edit config/environments.ts';
  const problem = (field: string, value: string, allowed: string, fix = FIX) =>
    `production.${field}: got ${value}; expected ${allowed}. Fix: ${fix}`;
  const MISSING = 'nothing (the setting is missing)';
  const fieldsOf = (problems: string[]) => problems.map((p) => p.slice(0, p.indexOf(': got ')));

  // A missing section is reported field by field, as missing, never as a crash while reading it.
  it.each<[string, (env: any) => void, string[]]>([
    ['grafana', (env) => { delete env.grafana; },
      ['grafana.publicUrl', 'grafana.prometheusUrl', 'grafana.orgId', 'grafana.postgres.host', 'grafana.postgres.database', 'grafana.postgres.user']],
    ['grafana.postgres', (env) => { delete env.grafana.postgres; },
      ['grafana.postgres.host', 'grafana.postgres.database', 'grafana.postgres.user']],
    ['sentry', (env) => { delete env.sentry; },
      ['sentry.organization', 'sentry.teamSlug', 'sentry.projectSlug', 'sentry.rateLimit.count', 'sentry.rateLimit.windowSeconds',
        'sentry.teamName', 'sentry.slackIntegrationName', 'sentry.pagerdutyIntegrationName']],
    ['sentry.rateLimit', (env) => { delete env.sentry.rateLimit; }, ['sentry.rateLimit.count', 'sentry.rateLimit.windowSeconds']],
    ['pagerduty.rotation', (env) => { delete env.pagerduty.rotation; },
      ['pagerduty.rotation.responderEmails', 'pagerduty.rotation.length', 'pagerduty.rotation.handoffTime', 'pagerduty.rotation.timeZone',
        'pagerduty.rotation.startDate']],
    ['slack', (env) => { delete env.slack; }, ['slack.alertsChannel', 'slack.monitoringChannel']],
    ['alertEmails', (env) => { delete env.alertEmails; }, ['alertEmails']],
    ['digitalocean', (env) => { delete env.digitalocean; },
      ['digitalocean.app.name', 'digitalocean.app.github.repo', 'digitalocean.app.github.branch', 'digitalocean.app.instanceSizeSlug',
        'digitalocean.region', 'digitalocean.app.instanceCount', 'digitalocean.app.httpPort', 'digitalocean.databases.mongodb',
        'digitalocean.databases.redis', 'digitalocean.uptimeRegions']],
    ['digitalocean.app', (env) => { delete env.digitalocean.app; },
      ['digitalocean.app.name', 'digitalocean.app.github.repo', 'digitalocean.app.github.branch', 'digitalocean.app.instanceSizeSlug',
        'digitalocean.app.instanceCount', 'digitalocean.app.httpPort']],
    ['digitalocean.app.github', (env) => { delete env.digitalocean.app.github; },
      ['digitalocean.app.github.repo', 'digitalocean.app.github.branch']],
    ['digitalocean.databases', (env) => { delete env.digitalocean.databases; },
      ['digitalocean.databases.mongodb', 'digitalocean.databases.redis']],
    ['datadog', (env) => { delete env.datadog; }, ['datadog.site']],
    ['a maintenance window\'s weekdays', (env) => { delete env.maintenanceWindows[0].weekdays; }, ['maintenanceWindows[0].weekdays']],
    ['a maintenance window\'s severities', (env) => { delete env.maintenanceWindows[0].severities; }, ['maintenanceWindows[0].severities']],
  ])('fails when %s is missing, naming each field it holds as missing', (_what, change, fields) => {
    const problems = problemsOf(withProduction(change));
    expect(fieldsOf(problems)).toEqual(fields.map((f) => `production.${f}`));
    for (const p of problems) expect(p).toContain(`: got ${MISSING}; expected `);
  });

  it.each<[string, (env: any) => void, string]>([
    ['the rotation length is monthly', (env) => { env.pagerduty.rotation.length = 'monthly'; },
      problem('pagerduty.rotation.length', '"monthly"', '"weekly" or "daily"')],
    ['a daily turn is longer than a year', (env) => { Object.assign(env.pagerduty.rotation, { length: 'daily', turnLength: 366 }); },
      problem('pagerduty.rotation.turnLength', '366', 'a whole number of days from 1 to 365 (PagerDuty allows turns of up to a year)')],
    ['a turn is 0 weeks', (env) => { env.pagerduty.rotation.turnLength = 0; },
      problem('pagerduty.rotation.turnLength', '0', 'a whole number of weeks from 1 to 52 (PagerDuty allows turns of up to a year)')],
    ['a turn is 1.5 weeks', (env) => { env.pagerduty.rotation.turnLength = 1.5; },
      problem('pagerduty.rotation.turnLength', '1.5', 'a whole number of weeks from 1 to 52 (PagerDuty allows turns of up to a year)')],
    ['the handoff has a digit before it', (env) => { env.pagerduty.rotation.handoffTime = '109:00'; },
      problem('pagerduty.rotation.handoffTime', '"109:00"', 'a time of day "hh:mm" from "00:00" to "23:59", e.g. "09:00"')],
    ['the start date has no such month', (env) => { env.pagerduty.rotation.startDate = '2026-13-01'; },
      problem('pagerduty.rotation.startDate', '"2026-13-01"', 'a date "yyyy-mm-dd", the day of the first handoff (a fixed date, not "today")')],
    ['the start date names only a month', (env) => { env.pagerduty.rotation.startDate = '2026-01'; },
      problem('pagerduty.rotation.startDate', '"2026-01"', 'a date "yyyy-mm-dd", the day of the first handoff (a fixed date, not "today")')],
    ['the start date is not text', (env) => { env.pagerduty.rotation.startDate = 20260105; },
      problem('pagerduty.rotation.startDate', '20260105', 'a date "yyyy-mm-dd", the day of the first handoff (a fixed date, not "today")')],
    ['the rotation time zone is lowercase', (env) => { env.pagerduty.rotation.timeZone = 'europe/berlin'; },
      problem('pagerduty.rotation.timeZone', '"europe/berlin"', 'an IANA time zone such as "Europe/Berlin"')],
    ['a responder address has text after it', (env) => { env.pagerduty.rotation.responderEmails[0] = 'oncall@example.com extra'; },
      problem('pagerduty.rotation.responderEmails[0]', '"oncall@example.com extra"', 'an e-mail address')],
    ['a responder address has two "@"', (env) => { env.pagerduty.rotation.responderEmails[0] = 'oncall@team@example.com'; },
      problem('pagerduty.rotation.responderEmails[0]', '"oncall@team@example.com"', 'an e-mail address')],
    ['a responder address is not text', (env) => { env.pagerduty.rotation.responderEmails[0] = 42; },
      problem('pagerduty.rotation.responderEmails[0]', '42', 'an e-mail address')],
    ['the second line names neither users nor a schedule', (env) => { env.pagerduty.secondLine = { escalationDelayMinutes: 15 }; },
      problem('pagerduty.secondLine', '{"escalationDelayMinutes":15}', 'exactly one of responderEmails or scheduleName',
        'keep one of the two in config/environments.ts')],
    ['the second-line schedule name is blank', (env) => { env.pagerduty.secondLine = { scheduleName: ' ', escalationDelayMinutes: 15 }; },
      problem('pagerduty.secondLine.scheduleName', '" "', 'a non-empty string')],
    ['the second line escalates after 0 minutes', (env) => { env.pagerduty.secondLine.escalationDelayMinutes = 0; },
      problem('pagerduty.secondLine.escalationDelayMinutes', '0', 'an integer from 1 to 1440')],
    ['the second line escalates after more than a day', (env) => { env.pagerduty.secondLine.escalationDelayMinutes = 1441; },
      problem('pagerduty.secondLine.escalationDelayMinutes', '1441', 'an integer from 1 to 1440')],
    ['the business service name has a leading space', (env) => { env.pagerduty.statusPage.businessServiceName = ' ESG Scraper API'; },
      problem('pagerduty.statusPage.businessServiceName', '" ESG Scraper API"', 'a non-empty name without surrounding spaces (the status page shows it)')],
    ['the business service name has a trailing space', (env) => { env.pagerduty.statusPage.businessServiceName = 'ESG Scraper API '; },
      problem('pagerduty.statusPage.businessServiceName', '"ESG Scraper API "', 'a non-empty name without surrounding spaces (the status page shows it)')],
    ['the status page has no point of contact', (env) => { env.pagerduty.statusPage.pointOfContact = ''; },
      problem('pagerduty.statusPage.pointOfContact', '""', 'a non-empty string')],
    ['an alert address has text after it', (env) => { env.alertEmails = ['alerts@example.com extra']; },
      problem('alertEmails[0]', '"alerts@example.com extra"', 'an e-mail address of at most 100 characters')],
    ['the rotation is one address as a string, not a list', (env) => { env.pagerduty.rotation.responderEmails = 'oncall@example.com'; },
      problem('pagerduty.rotation.responderEmails', '"oncall@example.com"', 'at least one e-mail address of a PagerDuty user, in rotation order')],
    ['the uptime regions are one string, not a list', (env) => { env.digitalocean.uptimeRegions = 'us_east,eu_west'; },
      problem('digitalocean.uptimeRegions', '"us_east,eu_west"',
        'two or more of us_east, us_west, eu_west, se_asia (checks from one region cannot tell an outage from a network blip)')],
    ['the alert addresses are one address as a string, not a list', (env) => { env.alertEmails = 'alerts@example.com'; },
      problem('alertEmails', '"alerts@example.com"', 'a list of at least one e-mail address')],
    ['the maintenance windows are one string, not a list', (env) => { env.maintenanceWindows = 'sunday 02:00-04:00'; },
      problem('maintenanceWindows', '"sunday 02:00-04:00"', 'a list of windows, or no setting for none')],
    ['maintenance weekdays are one string, not a list', (env) => { env.maintenanceWindows[0].weekdays = 'monday:friday'; },
      problem('maintenanceWindows[0].weekdays', '"monday:friday"',
        'a list of at least one lowercase weekday or ascending range, e.g. ["sunday"] or ["monday:friday"]')],
    ['maintenance severities are one string, not a list', (env) => { env.maintenanceWindows[0].severities = 'warning'; },
      problem('maintenanceWindows[0].severities', '"warning"', 'a list of "warning" and/or "info" (critical alerts are never muted)')],
    ['the alerts channel has text before the "#"', (env) => { env.slack.alertsChannel = 'team#alerts'; },
      problem('slack.alertsChannel', '"team#alerts"', 'a Slack channel name such as "#alerts"')],
    ['the app name starts with a digit', (env) => { env.digitalocean.app.name = '1esg-api'; },
      problem('digitalocean.app.name', '"1esg-api"', 'a lowercase DNS label of 2-32 characters')],
    ['the app repository owner has a space', (env) => { env.digitalocean.app.github.repo = 'blueprint buddy/esg-scraper'; },
      problem('digitalocean.app.github.repo', '"blueprint buddy/esg-scraper"', '"owner/name"')],
    ['an unknown alert\'s override has no severities', (env) => { env.thresholdOverrides = { 'error-rate': null }; },
      problem('thresholdOverrides.error-rate', '"error-rate"', `an alert id from the catalog (${[...ids].join(', ')})`,
        'rename or remove the override')],
    ['a maintenance window weekday is not text', (env) => { env.maintenanceWindows[0].weekdays = [1]; },
      problem('maintenanceWindows[0].weekdays', '[1]', 'a list of at least one lowercase weekday or ascending range, e.g. ["sunday"] or ["monday:friday"]')],
    ['a maintenance window starts at "109:00"', (env) => { env.maintenanceWindows[0].startTime = '109:00'; },
      problem('maintenanceWindows[0].startTime', '"109:00"', '"hh:mm"')],
    ['a maintenance window ends at "104:00"', (env) => { env.maintenanceWindows[0].endTime = '104:00'; },
      problem('maintenanceWindows[0].endTime', '"104:00"', '"hh:mm", or "24:00" for the end of the day')],
    ['a maintenance window ends at "24:00" with more after it', (env) => { env.maintenanceWindows[0].endTime = '24:000'; },
      problem('maintenanceWindows[0].endTime', '"24:000"', '"hh:mm", or "24:00" for the end of the day')],
    ['a maintenance window time zone is lowercase', (env) => { env.maintenanceWindows[0].location = 'utc'; },
      problem('maintenanceWindows[0].location', '"utc"', 'an IANA time zone such as "Europe/Berlin"')],
  ])('fails when %s, naming the field and the fix', (_what, change, expected) => {
    expect(problemsOf(withProduction(change))).toEqual([expected]);
  });

  it.each<[string, unknown]>([
    ['a backslash path inside the synth output', 'cdktf.out\\production.tfstate'],
    ['a backslash path out of the project', '..\\production.tfstate'],
    ['a path in the build folder', '.build/production.tfstate'],
    ['a ./ path in the build folder', './.build/production.tfstate'],
    ['not text', 42],
  ])('fails when a local state path is %s', (_what, path) => {
    expect(problemsOf(withProduction((env) => { env.backend = { type: 'local', path }; }))).toEqual([
      problem('backend.path', JSON.stringify(path),
        'a relative path of a ".tfstate" file in the project, outside the synth output (cdktf.out/) and without ".."',
        'omit it (the state then lives in terraform.production.tfstate, cdktf\'s default), or edit config/environments.ts'),
    ]);
  });

  it('names an environment without a name "?" in its problems, and its missing name', () => {
    const configs = structuredClone(ENVIRONMENTS) as Record<string, any>;
    delete configs.production.name;
    configs.production.slack.alertsChannel = 'alerts';
    configs.production.pagerduty.numLoops = 10;
    expect(fieldsOf(problemsOf(configs))).toEqual(['undefined.name', '?.pagerduty.numLoops', '?.slack.alertsChannel']);
  });

  it.each<[string, (env: any) => void]>([
    ['a daily rotation with a turn of a year', (env) => { Object.assign(env.pagerduty.rotation, { length: 'daily', turnLength: 365 }); }],
    ['a weekly rotation with a turn of 52 weeks', (env) => { env.pagerduty.rotation.turnLength = 52; }],
    ['a turn of one week', (env) => { env.pagerduty.rotation.turnLength = 1; }],
    ['numLoops 0 and the second line escalating after a day', (env) => {
      env.pagerduty.numLoops = 0;
      env.pagerduty.secondLine.escalationDelayMinutes = 1440;
    }],
    ['numLoops 9 and the second line escalating after a minute', (env) => {
      env.pagerduty.numLoops = 9;
      env.pagerduty.secondLine.escalationDelayMinutes = 1;
    }],
    ['a second line by schedule', (env) => { env.pagerduty.secondLine = { scheduleName: 'Platform leads', escalationDelayMinutes: 30 }; }],
    ['no second line and no status page', (env) => { delete env.pagerduty.secondLine; delete env.pagerduty.statusPage; }],
    ['a leap day as start date', (env) => { env.pagerduty.rotation.startDate = '2028-02-29'; }],
    ['a handoff at 00:00', (env) => { env.pagerduty.rotation.handoffTime = '00:00'; }],
    ['a handoff at 23:59', (env) => { env.pagerduty.rotation.handoffTime = '23:59'; }],
    ['a time zone Intl spells differently (Etc/UTC)', (env) => { env.pagerduty.rotation.timeZone = 'Etc/UTC'; }],
    ['a PostgreSQL host with a five-digit port', (env) => { env.grafana.postgres.host = 'db-1.example.com:65535'; }],
    ['a PostgreSQL host with a one-digit port', (env) => { env.grafana.postgres.host = 'db:5'; }],
  ])('accepts %s', (_what, change) => {
    expect(problemsOf(withProduction(change))).toEqual([]);
  });
});
