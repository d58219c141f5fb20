import { knownAlertIds } from '../../catalog/alerts';
import { SERVICES } from '../../catalog/services';
import { ENVIRONMENTS } from '../../config/environments';
import { EnvironmentConfig } from '../../config/types';
import { ConfigError, loadEnvironments, parseEnvironmentNames } from '../../config/validate';

const ids = knownAlertIds(SERVICES);

/** A deep copy of the real configs with one environment changed. */
function withProduction(change: (env: any) => void): Record<string, EnvironmentConfig> {
  const configs = structuredClone(ENVIRONMENTS) as Record<string, any>;
  change(configs.production);
  return configs;
}

function problemsOf(configs: Record<string, EnvironmentConfig>): string[] {
  try {
    loadEnvironments(['staging', 'production'], ids, configs);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return [...(error as ConfigError).problems];
  }
  return [];
}

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
    expect(problems).toEqual([expect.stringMatching(/maintenanceWindows\[0\]\.severities: got \["critical"\]; expected "warning" and\/or "info"/)]);
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
    expect(problems).toEqual([`production.maintenanceWindows[0].weekdays: got ${JSON.stringify(weekdays)}; expected at least one ` +
      'lowercase weekday or ascending range, e.g. "sunday" or "monday:friday". Fix: edit config/environments.ts']);
  });

  it.each(['Europe/Berlln', 'europe/berlin', ''])('fails when the time zone is not one Grafana can load: %j', (location) => {
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
