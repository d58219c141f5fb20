import { dashboardUid, postgresDataSourceUid, prometheusDataSourceUid } from '../../catalog/grafana-uids';

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
});
