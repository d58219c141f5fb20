import {
  BUSINESS_DASHBOARD_UID, MAX_GRAFANA_UID_LENGTH, postgresDataSourceUid, prometheusDataSourceUid, ruleUid, serviceDashboardUid,
} from '../../catalog/grafana-uids';

describe('Grafana uids', () => {
  it('names data sources by environment and dashboards by kind and service', () => {
    expect(prometheusDataSourceUid({ name: 'production' })).toBe('prometheus-production');
    expect(postgresDataSourceUid({ name: 'staging' })).toBe('postgres-staging');
    expect(serviceDashboardUid('esg-scraper-api')).toBe('esg-scraper-api-service');
    expect(BUSINESS_DASHBOARD_UID).toBe('esg-business');
  });

  it('names a rule by its alert id and severity, so each severity of an alert keeps its own state', () => {
    expect(ruleUid({ alert: { id: 'esg-scraper-api-error-ratio' } as never, severity: 'critical' })).toBe('esg-scraper-api-error-ratio-critical');
    expect(ruleUid({ alert: { id: 'esg-scraper-api-error-ratio' } as never, severity: 'warning' })).toBe('esg-scraper-api-error-ratio-warning');
    expect(MAX_GRAFANA_UID_LENGTH).toBe(40);
  });
});
