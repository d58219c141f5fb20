import { guard } from '../../review/destroy-guard';

/** Findings as the diff and the plan gate produce them: an environment and a Terraform address, plus what each caller adds. */
const slo = { env: 'production', address: 'datadog_service_level_objective.availability', kind: 'removed' };
const project = { env: 'production', address: 'sentry_project.sentry-project', kind: 'replaced' };
const stagingProject = { env: 'staging', address: 'sentry_project.sentry-project', kind: 'replaced' };

describe('destroy guard', () => {
  it('fails when nothing is allowlisted: every finding is blocked, in order, and none acknowledged', () => {
    expect(guard([slo, project], new Set())).toEqual({ blocked: [slo, project], acknowledged: [], unusedAllowlist: [] });
  });

  it('passes a finding whose environment-qualified address is allowlisted, and blocks the others', () => {
    const result = guard([slo, project], new Set(['production:sentry_project.sentry-project']));
    expect(result.blocked).toEqual([slo]);
    expect(result.acknowledged).toEqual([project]);
    expect(result.unusedAllowlist).toEqual([]);
  });

  it.each([
    ['another environment', 'staging:datadog_service_level_objective.availability'],
    ['the bare address, without environment', 'datadog_service_level_objective.availability'],
    ['another address of the same type', 'production:datadog_service_level_objective.latency'],
  ])('fails when the allowlist names %s: it acknowledges nothing and is reported unused', (_what, entry) => {
    const result = guard([slo], new Set([entry]));
    expect(result.blocked).toEqual([slo]);
    expect(result.acknowledged).toEqual([]);
    expect(result.unusedAllowlist).toEqual([entry]);
  });

  it('keeps environments apart: the staging entry acknowledges the staging finding only', () => {
    const result = guard([project, stagingProject], new Set(['staging:sentry_project.sentry-project']));
    expect(result.blocked).toEqual([project]);
    expect(result.acknowledged).toEqual([stagingProject]);
  });

  it('reports the allowlist entries that matched no finding (stale once deployed), in allowlist order, and only those', () => {
    const allowed = new Set(['production:grafana_folder.old', 'production:sentry_project.sentry-project', 'staging:grafana_dashboard.gone']);
    const result = guard([project], allowed);
    expect(result.acknowledged).toEqual([project]);
    expect(result.unusedAllowlist).toEqual(['production:grafana_folder.old', 'staging:grafana_dashboard.gone']);
  });

  it('passes with no findings, reporting every entry unused', () => {
    expect(guard([], new Set(['production:sentry_project.sentry-project']))).toEqual({
      blocked: [], acknowledged: [], unusedAllowlist: ['production:sentry_project.sentry-project'],
    });
  });
});
