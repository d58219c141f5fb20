import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { appLosses, planLosses, policyLosses, removedValues } from '../../deploy/in-place-losses';
import { gatePlan, readPlanJson, runPlanGate } from '../../deploy/plan-gate';
import { tempDir } from '../review/fixtures';

const PLANS = join(__dirname, 'plans');
const APP = 'digitalocean_app.digitalocean-app_6098690D';
const POLICY = 'grafana_notification_policy.grafana-notification-policy_065FE467';

let tmp: ReturnType<typeof tempDir>;
let allowlist: string;
beforeEach(() => {
  tmp = tempDir();
  allowlist = join(tmp.dir, 'allowed-removals.txt');
  writeFileSync(allowlist, '# nothing allowed\n');
});
afterEach(() => tmp.cleanup());

function gate(fixture: string, env = 'production') {
  return gatePlan(env, readPlanJson(join(PLANS, fixture)), allowlist);
}

describe('the plan gate on in-place updates', () => {
  it('fails when an adopted app loses an env key, a worker and the run command, naming each', () => {
    const result = gate('imports-app-removing-env-worker-and-run-command.json');
    expect(result.exitCode).toBe(1);
    expect(result.blocked).toEqual([]); // nothing is destroyed: only the in-place check sees this
    expect(result.losses.blocked.map((l) => [l.address, l.key, l.importing])).toEqual([
      [APP, 'env.LEGACY_CACHE_URL', true],
      [APP, 'service.esg-scraper-api.run_command', true],
      [APP, 'worker.report-worker', true],
    ]);
    expect(result.markdown).toContain('(imported in this run) removes the app\'s variable LEGACY_CACHE_URL');
    expect(result.markdown).toContain('removes the run command of the service esg-scraper-api ("gunicorn app.main:app -k uvicorn.workers.UvicornWorker")');
    expect(result.markdown).toContain('removes the worker report-worker');
    expect(result.markdown).toContain('Fix: declare what is lost in config/environments.ts');
  });

  it('fails when the notification policy loses a route someone else made, naming its contact point and matchers', () => {
    const result = gate('removes-notification-policy-route.json');
    expect(result.exitCode).toBe(1);
    expect(result.losses.blocked).toHaveLength(1);
    expect(result.losses.blocked[0]).toMatchObject({ address: POLICY, key: 'route.billing-team-email{team=billing}', importing: false });
    expect(result.markdown).toContain('removes the route to billing-team-email for team=billing');
  });

  it('fails when an import\'s first update sets a value the resource has to nothing, naming the attribute', () => {
    const result = gate('imports-folder-removing-its-parent.json');
    expect(result.exitCode).toBe(1);
    // `url` is unknown until apply, not lost; the changed title is a change, not a loss.
    expect(result.losses.blocked.map((l) => l.key)).toEqual(['parent_folder_uid']);
  });

  it('passes an update that only changes an alert threshold', () => {
    const result = gate('updates-threshold-only.json');
    expect(result.exitCode).toBe(0);
    expect(result.losses.blocked).toEqual([]);
    expect(result.markdown).toContain('No in-place update removes anything.');
  });

  it('passes a loss that the allowlist acknowledges by its line, and only that one', () => {
    writeFileSync(allowlist, `production:${APP} worker.report-worker # retired in #123\n`);
    const result = gate('imports-app-removing-env-worker-and-run-command.json');
    expect(result.losses.acknowledged.map((l) => l.key)).toEqual(['worker.report-worker']);
    expect(result.losses.blocked.map((l) => l.key)).toEqual(['env.LEGACY_CACHE_URL', 'service.esg-scraper-api.run_command']);
    expect(result.exitCode).toBe(1);
    // Acknowledging the address alone (a destroy's line) acknowledges none of its losses.
    writeFileSync(allowlist, `production:${APP}\n`);
    expect(gate('imports-app-removing-env-worker-and-run-command.json').losses.blocked).toHaveLength(3);
  });

  it('names every loss on stderr and exits 1 from the command', () => {
    const err: string[] = [];
    const code = runPlanGate(['production', join(PLANS, 'removes-notification-policy-route.json'), '--allow', allowlist], tmp.dir,
      { out: () => undefined, err: (t) => err.push(t) });
    expect(code).toBe(1);
    expect(err.join('')).toContain(`removes the route to billing-team-email for team=billing (production:${POLICY}); not applying it`);
  });
});

describe('app spec losses', () => {
  const spec = (s: Record<string, unknown>) => ({ spec: [s] });
  it('names removed domains and database bindings, changed build commands and component variables', () => {
    const before = spec({
      domain: [{ name: 'api.example.com' }, { name: 'old.example.com' }],
      database: [{ name: 'mongodb' }, { name: 'legacy-pg' }],
      service: [{ name: 'api', build_command: 'make', env: [{ key: 'A' }, { key: 'B' }] }],
      job: [{ name: 'migrate' }],
    });
    const after = spec({
      domain: [{ name: 'api.example.com' }],
      database: [{ name: 'mongodb' }],
      service: [{ name: 'api', build_command: 'make all', env: [{ key: 'A' }] }],
      job: [{ name: 'migrate' }],
    });
    expect(appLosses(before, after)).toEqual([
      { key: 'domain.old.example.com', description: 'removes the domain old.example.com' },
      { key: 'database.legacy-pg', description: 'removes the database binding legacy-pg' },
      { key: 'service.api.env.B', description: 'removes the variable B of the service api' },
      { key: 'service.api.build_command', description: 'changes the build command of the service api from "make" to "make all"' },
    ]);
  });

  it('finds nothing when the spec only grows or changes values', () => {
    const before = spec({ env: [{ key: 'A', value: '1' }], service: [{ name: 'api', instance_count: 1 }] });
    const after = spec({ env: [{ key: 'A', value: '2' }, { key: 'B' }], service: [{ name: 'api', instance_count: 3, run_command: 'new' }], worker: [{ name: 'w' }] });
    expect(appLosses(before, after)).toEqual([]);
  });
});

describe('notification policy losses', () => {
  it('names a nested route by its parent, and ignores a route that only moved in order', () => {
    const route = (cp: string, label: string, nested: unknown[] = []) => ({ contact_point: cp, matcher: [{ label, match: '=', value: 'x' }], policy: nested });
    const before = { policy: [route('a', 'team', [route('b', 'sev')]), route('c', 'env')] };
    const after = { policy: [route('c', 'env'), route('a', 'team')] };
    expect(policyLosses(before, after)).toEqual([
      { key: 'route.a{team=x}/b{sev=x}', description: 'removes the route to b for sev=x (nested under a{team=x})' },
    ]);
  });
});

describe('removed values of an import', () => {
  it('names shortened lists and nulled leaves, never unknown ones, and never a value', () => {
    const lost = removedValues({ tags: ['a', 'b'], secret: 's3cr3t', keep: 1, later: 'x' }, { tags: ['a'], secret: null, keep: 2 }, { later: true });
    expect(lost).toEqual([
      { key: 'tags[1:]', description: 'removes 1 of the 2 elements of tags' },
      { key: 'secret', description: 'removes secret' },
    ]);
    expect(JSON.stringify(lost)).not.toContain('s3cr3t');
  });

  it('ignores updates that are not imports for types without a check of their own', () => {
    expect(planLosses('production', [{
      address: 'grafana_folder.f', mode: 'managed', type: 'grafana_folder',
      change: { actions: ['update'], before: { parent_folder_uid: 'p' }, after: { parent_folder_uid: null } },
    }])).toEqual([]);
  });
});
