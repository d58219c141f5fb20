import { applyCommand, ignoredPathsOf, ignoringEntry, terraformPath } from '../../review/ignored-changes';
import { PathSegment } from '../../review/json-diff';

/**
 * What `lifecycle.ignore_changes` keeps a deploy from applying: the entries of a body, the
 * Terraform path of a diff path, which entry a path falls under, and the command that applies it
 * instead. tree-diff.test.ts shows them in a diff; diff-command.test.ts on the real synth output.
 */

const DOCTL_ENV = 'set it on the app by hand: `doctl apps spec get <app-id> > spec.yaml`, edit the variable ' +
  '(SENTRY_DSN: `terraform output -raw sentry_dsn`), then `doctl apps update <app-id> --spec spec.yaml`';
const DOCTL_DESTINATIONS = 'push the recipients by hand: ' +
  '`doctl apps update-alert-destinations <app-id> <alert-id> --alert-destinations <file>`';

describe('ignoredPathsOf', () => {
  it.each([
    ['no body', undefined],
    ['a null body', null],
    ['a body without lifecycle', { name: 'x' }],
    ['a lifecycle without ignore_changes', { lifecycle: { prevent_destroy: true } }],
    ['an ignore_changes that is neither a list nor "all"', { lifecycle: { ignore_changes: 'spec' } }],
  ])('ignores nothing for %s', (_, body) => {
    expect(ignoredPathsOf(body)).toEqual([]);
  });

  it('reads ignore_changes = all', () => {
    expect(ignoredPathsOf({ lifecycle: { ignore_changes: 'all' } })).toBe('all');
  });

  it('reads the listed paths, dropping entries that are not text and the spaces inside a path', () => {
    expect(ignoredPathsOf({ lifecycle: { ignore_changes: ['spec[0].env', 42, null, ' spec [0] .\talert '] } }))
      .toEqual(['spec[0].env', 'spec[0].alert']);
  });
});

describe('terraformPath', () => {
  const app = {
    spec: {
      name: 'esg',
      service: {
        env: [{ key: 'SENTRY_DSN', value: 'a' }, { key: 'LOG_LEVEL', value: 'info' }],
        alert: [{ rule: 'CPU', destinations: { emails: ['a@x'] } }],
      },
    },
  };

  it.each<[string, PathSegment[], string]>([
    ['a top-level attribute', [{ key: 'project_id' }], 'project_id'],
    ['a single nested block, addressed as element 0', [{ key: 'spec' }, { key: 'name' }], 'spec[0].name'],
    ['blocks nested in blocks', [{ key: 'spec' }, { key: 'service' }, { key: 'env' }], 'spec[0].service[0].env'],
    ['a list element matched by its natural key, by its index',
      [{ key: 'spec' }, { key: 'service' }, { key: 'env' }, { match: 'key', value: 'LOG_LEVEL' }, { key: 'value' }],
      'spec[0].service[0].env[1].value'],
    ['a list element by index, then a block inside it',
      [{ key: 'spec' }, { key: 'service' }, { key: 'alert' }, { index: 0 }, { key: 'destinations' }, { key: 'emails' }],
      'spec[0].service[0].alert[0].destinations[0].emails'],
    ['a natural key no element has', [{ key: 'spec' }, { key: 'service' }, { key: 'env' }, { match: 'key', value: 'GONE' }], 'spec[0].service[0].env[-1]'],
  ])('gives the Terraform path of %s', (_, segments, expected) => {
    expect(terraformPath(app, segments)).toBe(expected);
  });

  it('skips list elements that are not objects when matching a natural key', () => {
    expect(terraformPath({ env: [null, 'text', { key: 'A' }] }, [{ key: 'env' }, { match: 'key', value: 'A' }])).toBe('env[2]');
  });

  it.each<[string, PathSegment[], string]>([
    ['a key', [{ key: 'a' }, { key: 'b' }], 'a.b'],
    ['an index', [{ key: 'a' }, { index: 3 }], 'a[3]'],
    ['a natural key', [{ key: 'a' }, { match: 'key', value: 'v' }], 'a[-1]'],
  ])('still names the path under an attribute that is null on this side (%s)', (_, segments, expected) => {
    expect(terraformPath({ a: null }, segments)).toBe(expected);
  });

  it('names the path under an attribute absent on this side, without [0]', () => {
    expect(terraformPath({}, [{ key: 'spec' }, { key: 'name' }])).toBe('spec.name');
  });
});

describe('ignoringEntry', () => {
  const ignored = ['spec[0].service[0].env', 'tags'];

  it.each([
    ['the entry itself', 'tags', 'tags'],
    ['an attribute under the entry', 'spec[0].service[0].env.x', 'spec[0].service[0].env'],
    ['an element of the entry', 'spec[0].service[0].env[1].value', 'spec[0].service[0].env'],
  ])('finds the entry of %s', (_, path, entry) => {
    expect(ignoringEntry(ignored, path)).toBe(entry);
  });

  it.each([
    ['an attribute that only shares a prefix', 'spec[0].service[0].envs'],
    ['an attribute that only shares a prefix (tags_all)', 'tags_all'],
    ['a parent of the entry', 'spec[0].service[0]'],
    ['another attribute', 'name'],
  ])('finds none for %s', (_, path) => {
    expect(ignoringEntry(ignored, path)).toBeUndefined();
  });

  it('puts every path under ignore_changes = all', () => {
    expect(ignoringEntry('all', 'name')).toBe('all');
  });
});

describe('applyCommand', () => {
  it.each([
    ['an app\'s env', 'spec[0].service[0].env', DOCTL_ENV],
    ['an app\'s top-level env', 'env', DOCTL_ENV],
    ['an app alert\'s destinations', 'spec[0].alert[0].destinations', DOCTL_DESTINATIONS],
  ])('names the doctl command for %s', (_, entry, command) => {
    expect(applyCommand('digitalocean_app', 'digitalocean_app.app', entry)).toBe(command);
  });

  it.each([
    ['an app attribute that only ends like env', 'digitalocean_app', 'spec[0].service[0].xenv'],
    ['an app attribute that only starts like env', 'digitalocean_app', 'spec[0].service[0].env_from'],
    ['an app attribute that only starts like destinations', 'digitalocean_app', 'spec[0].alert[0].destinations_x'],
    ['a top-level destinations (not an alert\'s)', 'digitalocean_app', 'destinations'],
    ['another type\'s env', 'grafana_contact_point', 'spec[0].env'],
    ['ignore_changes = all', 'digitalocean_app', 'all'],
  ])('falls back to replacing the resource for %s', (_, type, entry) => {
    expect(applyCommand(type, `${type}.x`, entry)).toBe(`\`terraform apply -replace=${type}.x\` (recreates the resource)`);
  });
});
