import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TerraformStack, Testing } from 'cdktf';
import { ErrorTrackingProject } from '../../constructs/sentry/error-tracking-project';
import { ENVIRONMENT_NAMES } from '../../config/types';
import {
  AddressLock, checkAddressLock, DATA_BEARING_TYPES, dataBearingAddresses, formatAddressLock, LOCK_FILE, LOCK_FIX, readAddressLock,
} from '../../review/data-bearing';
import { ROOT } from '../support/paths';
import { ONE_SERVICE, TWO_SERVICE } from '../support/estates';
import { synthOf } from '../support/synth';

/**
 * The address lock: a data-bearing resource (review/data-bearing.ts) whose
 * Terraform address changes is destroyed and recreated by the next deploy. This
 * fails until the change is made deliberately and the lock updated with it.
 */

const lock = readAddressLock(join(ROOT, LOCK_FILE));

function current(): Record<string, string[]> {
  return Object.fromEntries(ENVIRONMENT_NAMES.map((env) => [env, dataBearingAddresses(synthOf(env))]));
}

describe('address lock', () => {
  it('holds: every data-bearing resource keeps its Terraform address', () => {
    const problems = checkAddressLock(current(), lock);
    if (problems.length > 0) throw new Error(`The address lock does not hold (${LOCK_FILE}):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  });

  it('is as accept and lock:update write it (sorted, current comment): a hand edit shows up here', () => {
    expect(readFileSync(join(ROOT, LOCK_FILE), 'utf8')).toBe(formatAddressLock(lock));
  });

  it('holds for the two-service estate: adding a service moves no locked address, and only the new service\'s own resources appear', () => {
    const added = TWO_SERVICE.services.filter((s) => !ONE_SERVICE.services.includes(s));
    expect(added).toHaveLength(1);
    const addresses = Object.fromEntries(ENVIRONMENT_NAMES.map((env) => [env, dataBearingAddresses(synthOf(env, TWO_SERVICE))]));
    // Against the real estate's own addresses: whether the committed lock is current is the test above.
    const problems = checkAddressLock(addresses, current());
    expect(problems.filter((p) => !p.includes(' appeared '))).toEqual([]);
    // What appears is the new services' own resources, named after their ids (their dashboards, rule group, monitors,
    // SLOs, synthetic tests, status-page components), and nothing else.
    const appeared = problems.map((p) => p.split(' ')[0]);
    const own = ENVIRONMENT_NAMES.flatMap((env) => addresses[env]
      .filter((a) => added.some((service) => new RegExp(`^[a-z_]+\\.[\\w-]*-${service.id}[-_]`).test(a)))
      .map((a) => `${env}:${a}`));
    expect(appeared.sort()).toEqual(own.sort());
    for (const env of ENVIRONMENT_NAMES) {
      for (const service of added) {
        expect(appeared).toContainEqual(expect.stringMatching(new RegExp(`^${env}:grafana_dashboard\\.grafana-dashboards_service-${service.id}_[0-9A-F]{8}$`)));
      }
    }
  });

  it('locks the Sentry project and the Grafana folder of every environment, and PagerDuty where it pages', () => {
    const typesOf = (env: string) => new Set(lock[env].map((a) => a.split('.')[0]));
    for (const env of ENVIRONMENT_NAMES) {
      expect([...typesOf(env)]).toEqual(expect.arrayContaining(['sentry_project', 'grafana_folder']));
    }
    expect([...typesOf('production')]).toEqual(expect.arrayContaining(['pagerduty_service', 'pagerduty_schedule']));
    expect([...typesOf('staging')].filter((t) => t.startsWith('pagerduty_'))).toEqual([]);
  });

  it('fails when the Sentry project\'s address changes, naming the old and new address and the fix', () => {
    const renamed = structuredClone(synthOf('production'));
    const projects = renamed.resource.sentry_project;
    const [name] = Object.keys(projects);
    projects['error-tracking_0A1B2C3D'] = projects[name];
    delete projects[name];

    const problems = checkAddressLock({ ...current(), production: dataBearingAddresses(renamed) }, current());

    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(new RegExp(`^production:sentry_project\\.${name} vanished: Terraform would destroy it`));
    expect(problems[0]).toContain(`Fix: ${LOCK_FIX}.`);
    expect(LOCK_FIX).toMatch(/keep the construct id, or move the resource deliberately with a moved block \/ `resource\.moveTo\(\.\.\.\)`, then run `npm run lock:update`/);
    expect(problems[1]).toMatch(/^production:sentry_project\.error-tracking_0A1B2C3D appeared/);
  });

  it('fails when the Sentry project construct is renamed: cdktf derives the address from the construct path', () => {
    /** The sentry_* addresses the real construct gets under `id` in a stack named like the environment. */
    const sentryAddresses = (id: string) => {
      const stack = new TerraformStack(Testing.app(), 'production');
      new ErrorTrackingProject(stack, id, {
        organization: 'esg-scraper', team: { slug: 't', name: 'T' }, project: { slug: 'p', name: 'P' },
        keyName: 'k', rateLimit: { count: 1, windowSeconds: 60 },
      });
      return dataBearingAddresses(JSON.parse(Testing.synth(stack)));
    };
    // The project construct's team, project and key (the metric monitor belongs to the alert construct).
    const lockedSentry = lock.production.filter((a) => /^sentry_(team|project|key)\./.test(a));
    // The id renderSentry uses reproduces the locked addresses: the construct, not the test, decides them.
    expect(sentryAddresses('sentry-project')).toEqual(lockedSentry);

    const renamed = sentryAddresses('error-tracking');
    const problems = checkAddressLock({ production: renamed }, { production: lockedSentry });
    const [project] = lockedSentry.filter((a) => a.startsWith('sentry_project.'));
    expect(problems).toContain(`production:${project} vanished: Terraform would destroy it and lose ` +
      `${DATA_BEARING_TYPES.sentry_project}. Fix: ${LOCK_FIX}.`);
    expect(problems.filter((p) => p.includes('vanished'))).toHaveLength(lockedSentry.length); // the key goes too
  });

  it('fails when a locked environment disappears', () => {
    const partial: AddressLock = { production: current().production };
    expect(checkAddressLock(partial, lock).filter((p) => p.startsWith('staging:'))).toHaveLength(lock.staging.length);
  });
});
