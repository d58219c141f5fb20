import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  acceptAddedAddresses, checkAddressLock, DATA_BEARING_TYPES, dataBearingAddresses, DEFAULT_ALLOWLIST, describeLockUpdate, formatAddressLock, isDataBearing,
  LOCK_FILE, qualified, readAddressLock, readAllowlist, REPLACING_ATTRIBUTES, replacingChanges,
} from '../../review/data-bearing';
import { ROOT } from '../support/paths';
import { tempDir } from './fixtures';

/**
 * The destroy guard's own rules, case by case: which attribute changes replace a resource,
 * which blocks hold data, the address lock and the allowlist. diff-command.test.ts shows the
 * same rules end to end on the real synth output.
 */

/**
 * Every replacing attribute (ForceNew / RequiresReplace in the provider's schema, see
 * REPLACING_ATTRIBUTES), with a changed path that must count as that attribute.
 */
const REPLACING: readonly [type: string, attribute: string, changedPath: string][] = [
  ['grafana_folder', 'uid', 'uid'],
  ['grafana_folder', 'org_id', 'org_id'],
  ['grafana_dashboard', 'config_json.uid', 'config_json.uid'],
  ['grafana_dashboard', 'org_id', 'org_id'],
  ['grafana_data_source', 'uid', 'uid'],
  ['grafana_data_source', 'org_id', 'org_id'],
  ['grafana_rule_group', 'name', 'name'],
  ['grafana_rule_group', 'folder_uid', 'folder_uid'],
  ['grafana_rule_group', 'org_id', 'org_id'],
  ['grafana_contact_point', 'name', 'name'],
  ['grafana_contact_point', 'org_id', 'org_id'],
  ['grafana_contact_point', 'disable_provenance', 'disable_provenance'],
  ['grafana_mute_timing', 'name', 'name'],
  ['grafana_mute_timing', 'org_id', 'org_id'],
  ['grafana_mute_timing', 'disable_provenance', 'disable_provenance'],
  ['grafana_message_template', 'name', 'name'],
  ['grafana_message_template', 'org_id', 'org_id'],
  ['grafana_message_template', 'disable_provenance', 'disable_provenance'],
  ['grafana_notification_policy', 'org_id', 'org_id'],
  ['pagerduty_service_integration', 'service', 'service'],
  ['pagerduty_service_integration', 'type', 'type'],
  ['pagerduty_service_integration', 'vendor', 'vendor'],
  ['pagerduty_service_integration', 'email_filter', 'email_filter[0].subject_regex'],
  ['pagerduty_service_dependency', 'dependency', 'dependency[0].supporting_service[0].id'],
  ['digitalocean_app', 'project_id', 'project_id'],
  ['datadog_monitor', 'type', 'type'],
  ['datadog_service_level_objective', 'type', 'type'],
  ['datadog_integration_pagerduty_service_object', 'service_name', 'service_name'],
  ['sentry_metric_monitor', 'organization', 'organization'],
  ['sentry_metric_monitor', 'project', 'project'],
  ['sentry_alert', 'organization', 'organization'],
];

/** What each data-bearing type holds; a missing one would let its destruction pass unreviewed. */
const DATA_BEARING: readonly string[] = [
  'sentry_project', 'sentry_key', 'sentry_team', 'sentry_metric_monitor',
  'pagerduty_service', 'pagerduty_service_integration', 'pagerduty_schedule', 'pagerduty_business_service',
  'pagerduty_service_dependency', 'pagerduty_escalation_policy',
  'grafana_folder', 'grafana_dashboard', 'grafana_data_source', 'grafana_rule_group', 'grafana_contact_point',
  'digitalocean_app',
  'datadog_service_level_objective', 'datadog_monitor', 'datadog_synthetics_test', 'datadog_dashboard_json',
];

describe('replacingChanges', () => {
  it('has a case here for every replacing attribute', () => {
    const cases = REPLACING.map(([type, attribute]) => `${type}.${attribute}`).sort();
    expect(cases).toEqual(Object.entries(REPLACING_ATTRIBUTES).flatMap(([type, attributes]) => attributes.map((a) => `${type}.${a}`)).sort());
  });

  it.each(REPLACING)('counts a change of %s.%s as a replacement', (type, attribute, changedPath) => {
    expect(replacingChanges(type, [changedPath])).toEqual([attribute]);
  });

  it('counts a replacement by a list-indexed attribute (email_filter[1].from_email_regex)', () => {
    // A path under a list attribute starts with `<attribute>[`, not ends with it.
    expect(replacingChanges('pagerduty_service_integration', ['email_filter[1].from_email_regex'])).toEqual(['email_filter']);
  });

  it('counts a replacement by a nested attribute (config_json.uid under the dashboard JSON)', () => {
    expect(replacingChanges('grafana_dashboard', ['config_json.title', 'config_json.uid'])).toEqual(['config_json.uid']);
    expect(replacingChanges('grafana_dashboard', ['config_json.uid.x'])).toEqual(['config_json.uid']);
  });

  it('counts a replacement when only one of several changed paths replaces (a title and a uid)', () => {
    expect(replacingChanges('grafana_folder', ['title', 'uid'])).toEqual(['uid']);
    expect(replacingChanges('grafana_folder', ['uid', 'title'])).toEqual(['uid']);
  });

  it('lists every replacing attribute that changed, in the schema order', () => {
    expect(replacingChanges('grafana_rule_group', ['org_id', 'rule[0].title', 'name'])).toEqual(['name', 'org_id']);
  });

  it('does not count a changed attribute that merely shares a prefix (uid_suffix, names)', () => {
    expect(replacingChanges('grafana_folder', ['title', 'uidx', 'org_identifier', 'parent_folder_uid'])).toEqual([]);
    expect(replacingChanges('grafana_rule_group', ['names', 'rule[0].name', 'interval_seconds'])).toEqual([]);
    expect(replacingChanges('pagerduty_service_integration', ['email_filter_mode', 'name'])).toEqual([]);
  });

  it('does not count anything for a type without replacing attributes (Sentry renames in place)', () => {
    expect(replacingChanges('sentry_project', ['slug', 'name', 'teams[0]'])).toEqual([]);
    expect(replacingChanges('grafana_folder', [])).toEqual([]);
  });
});

describe('isDataBearing', () => {
  it.each(DATA_BEARING)('takes a managed %s for data-bearing', (type) => {
    expect(isDataBearing(`${type}.x`, type)).toBe(true);
  });

  it.each(DATA_BEARING)('does not take a data source of type %s for a resource', (type) => {
    // `data.<type>.<name>` only reads: removing it destroys nothing.
    expect(isDataBearing(`data.${type}.x`, type)).toBe(false);
  });

  it('does not take a resource without history for data-bearing (a notification policy, a monitor)', () => {
    expect(isDataBearing('grafana_notification_policy.policy', 'grafana_notification_policy')).toBe(false);
    expect(isDataBearing('random_id.x', 'random_id')).toBe(false);
  });

  it('has a case here for every data-bearing type', () => {
    expect(Object.keys(DATA_BEARING_TYPES).sort()).toEqual([...DATA_BEARING].sort());
  });

  it.each(DATA_BEARING)('says what destroying a %s loses, in the address lock\'s message', (type) => {
    const [problem] = checkAddressLock({ production: [] }, { production: [`${type}.x`] });
    const lost = /would destroy it and lose (.*)\. Fix:/.exec(problem)?.[1];
    expect(lost).toBe(DATA_BEARING_TYPES[type]);
    expect(lost?.length).toBeGreaterThan(20);
  });
});

describe('dataBearingAddresses', () => {
  it('lists the data-bearing resources only, sorted, without data sources', () => {
    const stack = {
      resource: {
        sentry_project: { b: {}, a: {} },
        grafana_notification_policy: { policy: {} },
        digitalocean_app: { app: {} },
      },
      data: { sentry_project: { existing: {} } },
    };
    expect(dataBearingAddresses(stack)).toEqual(['digitalocean_app.app', 'sentry_project.a', 'sentry_project.b']);
  });

  it('lists nothing for a stack without resources', () => {
    expect(dataBearingAddresses({})).toEqual([]);
  });
});

describe('the address lock', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir();
  });
  afterEach(() => tmp.cleanup());

  it('is written sorted (environments and addresses), with a comment, and reads back', () => {
    const text = formatAddressLock({ staging: ['sentry_project.b', 'sentry_key.a'], production: ['sentry_project.p'] });
    expect(text.endsWith('}\n')).toBe(true);
    const file = JSON.parse(text);
    expect(Object.keys(file)).toEqual(['comment', 'addresses']);
    expect(file.comment).toContain('npm run lock:update');
    expect(file.comment).toContain('npm run accept');
    expect(file.comment).toContain('review/data-bearing.ts');
    expect(file.comment).toContain('a resource destroyed or created: review it');
    expect(Object.keys(file.addresses)).toEqual(['production', 'staging']);
    expect(file.addresses.staging).toEqual(['sentry_key.a', 'sentry_project.b']);
    expect(text).toContain('\n  "addresses": {\n');
    const path = join(tmp.dir, 'lock.json');
    writeFileSync(path, text);
    expect(readAddressLock(path)).toEqual({ production: ['sentry_project.p'], staging: ['sentry_key.a', 'sentry_project.b'] });
  });

  it('is the committed file the address-lock test checks', () => {
    expect(LOCK_FILE).toBe('__tests__/stacks/addresses.lock.json');
    expect(Object.keys(readAddressLock(join(ROOT, LOCK_FILE))).sort()).toEqual(['production', 'staging']);
  });

  it('holds when the addresses are those locked', () => {
    expect(checkAddressLock({ production: ['sentry_project.p'] }, { production: ['sentry_project.p'] })).toEqual([]);
  });

  it('fails when a locked address vanished, naming it, what is lost and the fix', () => {
    expect(checkAddressLock({ production: [] }, { production: ['sentry_key.k'] })).toEqual([
      `production:sentry_key.k vanished: Terraform would destroy it and lose ${DATA_BEARING_TYPES.sentry_key}. ` +
      'Fix: keep the construct id, or move the resource deliberately with a moved block / `resource.moveTo(...)`, ' +
      'then run `npm run lock:update`.',
    ]);
  });

  it('fails when an address of a type no longer data-bearing vanished, saying what it holds', () => {
    expect(checkAddressLock({}, { staging: ['old_type.x'] })[0]).toContain('lose what it holds.');
  });

  it('fails when an address appeared that is not locked, naming it and both fixes', () => {
    expect(checkAddressLock({ staging: ['sentry_key.k'] }, {})).toEqual([
      'staging:sentry_key.k appeared but is not in the address lock. If it replaces a locked address, ' +
      'Fix: keep the construct id, or move the resource deliberately with a moved block / `resource.moveTo(...)`, ' +
      'then run `npm run lock:update`. If it is new, run `npm run accept` and commit the lock.',
    ]);
  });

  it('accepts added addresses only: a new one joins the lock, a vanished one stays in it and is named', () => {
    const accepted = acceptAddedAddresses(
      { staging: ['sentry_key.k', 'sentry_project.new'], production: ['grafana_folder.f'], preview: ['grafana_folder.p'] },
      { staging: ['sentry_key.k', 'sentry_project.old'], production: ['grafana_folder.f'] },
    );
    expect(accepted.added).toEqual(['preview:grafana_folder.p', 'staging:sentry_project.new']);
    expect(accepted.vanished).toEqual(['staging:sentry_project.old']);
    expect(accepted.lock).toEqual({
      preview: ['grafana_folder.p'],
      production: ['grafana_folder.f'],
      staging: ['sentry_key.k', 'sentry_project.new', 'sentry_project.old'],
    });
    // So the lock check still fails on the vanished address, and on nothing else.
    expect(checkAddressLock({ staging: ['sentry_key.k', 'sentry_project.new'], production: ['grafana_folder.f'], preview: ['grafana_folder.p'] },
      accepted.lock)).toEqual([expect.stringMatching(/^staging:sentry_project\.old vanished: .* Fix: .*`npm run lock:update`\.$/)]);
  });

  it('accepts nothing when nothing changed', () => {
    const lock = { production: ['grafana_folder.f'] };
    expect(acceptAddedAddresses(lock, lock)).toEqual({ lock, added: [], vanished: [] });
  });

  it('describes a lock update: each dropped address (with what deploy does to it) before each added one', () => {
    const { added, vanished } = acceptAddedAddresses({ staging: ['sentry_project.new'] }, { staging: ['sentry_project.old'], production: ['grafana_folder.f'] });
    expect(describeLockUpdate({ added, vanished })).toBe([
      '__tests__/stacks/addresses.lock.json rewritten:',
      '  dropped 2 (destroyed by deploy unless a moved block carries it to a new address; commit that block with the lock):',
      '    - production:grafana_folder.f',
      '    - staging:sentry_project.old',
      '  added 1:',
      '    + staging:sentry_project.new',
    ].join('\n'));
  });

  it('describes a lock update that dropped and added nothing', () => {
    expect(describeLockUpdate({ added: [], vanished: [] })).toBe('__tests__/stacks/addresses.lock.json: no address dropped or added.');
  });

  it('reports every environment, sorted by name, vanished before appeared', () => {
    const problems = checkAddressLock(
      { staging: ['sentry_key.new'], production: ['sentry_key.new'] },
      { staging: ['sentry_key.old'], production: ['sentry_key.old'] },
    );
    expect(problems.map((p) => p.split(' ')[0])).toEqual([
      'production:sentry_key.old', 'production:sentry_key.new', 'staging:sentry_key.old', 'staging:sentry_key.new',
    ]);
  });

  it('qualifies an address with its environment', () => {
    expect(qualified('staging', 'sentry_key.k')).toBe('staging:sentry_key.k');
  });
});

describe('readAllowlist', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir();
  });
  afterEach(() => tmp.cleanup());

  it('reads the committed default allowlist', () => {
    expect(DEFAULT_ALLOWLIST).toBe('review/allowed-removals.txt');
    expect(existsSync(join(ROOT, DEFAULT_ALLOWLIST))).toBe(true);
    expect(readAllowlist(join(ROOT, DEFAULT_ALLOWLIST))).toBeInstanceOf(Set);
  });

  it('allows nothing when the file is missing', () => {
    expect(readAllowlist(join(tmp.dir, 'missing.txt'))).toEqual(new Set());
  });

  it('reads one address per line, skipping blank lines and comments, trimming spaces', () => {
    const path = join(tmp.dir, 'allow.txt');
    writeFileSync(path, [
      '# acknowledged removals', '', '  production:sentry_project.sentry-project  # renamed on purpose',
      '   ', 'staging:grafana_folder.folder_1',
    ].join('\n'));
    expect(readAllowlist(path)).toEqual(new Set(['production:sentry_project.sentry-project', 'staging:grafana_folder.folder_1']));
  });

  it.each([
    ['no environment', 'sentry_project.x'],
    ['text before the address', 'x production:sentry_project.x'],
    ['two words after the address (one loss at most)', 'production:sentry_project.x env.A env.B'],
  ])('fails when a line has %s, naming the line and the format', (_, line) => {
    const path = join(tmp.dir, 'allow.txt');
    writeFileSync(path, `# header\n\n${line}\n`);
    expect(() => readAllowlist(path)).toThrow(`${path}:3: got ${JSON.stringify(line)}; expected "<env>:<type>.<name>" or "<env>:<type>.<name> <what is lost>", ` +
      'e.g. "production:sentry_project.sentry-project". Fix: correct or delete the line');
  });
});
