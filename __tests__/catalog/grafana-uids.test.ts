import { dashboardUid, MAX_GRAFANA_UID_LENGTH, postgresDataSourceUid, prometheusDataSourceUid, ruleUid } from '../../catalog/grafana-uids';

describe('Grafana uids', () => {
  it('names data sources by environment and dashboards by kind and service', () => {
    expect(prometheusDataSourceUid({ name: 'production' })).toBe('prometheus-production');
    expect(postgresDataSourceUid({ name: 'staging' })).toBe('postgres-staging');
    expect(dashboardUid('service', 'esg-scraper-api')).toBe('esg-scraper-api-service');
    expect(dashboardUid('business')).toBe('esg-business');
  });

  it('fails when a service dashboard uid is asked without the service', () => {
    expect(() => dashboardUid('service')).toThrow('dashboardUid("service") needs the service id');
  });

  it('names a rule by its alert id and severity, so each severity of an alert keeps its own state', () => {
    expect(ruleUid({ alert: { id: 'esg-scraper-api-error-ratio' } as never, severity: 'critical' })).toBe('esg-scraper-api-error-ratio-critical');
    expect(ruleUid({ alert: { id: 'esg-scraper-api-error-ratio' } as never, severity: 'warning' })).toBe('esg-scraper-api-error-ratio-warning');
    expect(MAX_GRAFANA_UID_LENGTH).toBe(40);
  });
});
