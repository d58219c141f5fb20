/** Unit tests of providers/grafana/provider: the `grafana` provider block. */
import * as cdktf from 'cdktf';
import { GrafanaProvider, GrafanaProviderConfig } from '../../../../providers/grafana/provider';
import { describeProvider } from '../../binding-checks';
import { VERBATIM_MAP } from '../../full-configs';

const FULL: GrafanaProviderConfig = {
  auth: 'sa-token',
  caCert: 'ca.pem',
  cloudAccessPolicyToken: 't-cap',
  cloudApiUrl: 'https://grafana.com',
  cloudProviderAccessToken: 't-cp',
  cloudProviderUrl: 'https://cloud-provider.example.com',
  connectionsApiAccessToken: 't-conn',
  connectionsApiUrl: 'https://connections.example.com',
  fleetManagementAuth: 'user:pass',
  fleetManagementUrl: 'https://fleet.example.com',
  frontendO11YApiAccessToken: 't-faro',
  frontendO11YApiUrl: 'https://faro.example.com',
  httpHeaders: VERBATIM_MAP,
  insecureSkipVerify: false,
  k6AccessToken: 't-k6',
  k6Url: 'https://api.k6.io',
  oncallAccessToken: 't-oncall',
  oncallUrl: 'https://oncall.example.com',
  orgId: 2,
  retries: 5,
  retryStatusCodes: ['429', '5xx'],
  retryWait: 2,
  smAccessToken: 't-sm',
  smUrl: 'https://sm.example.com',
  stackId: 7,
  storeDashboardSha256: true,
  tlsCert: 'cert.pem',
  tlsKey: 'key.pem',
  url: 'https://grafana.example.com',
};

describeProvider('grafana', GrafanaProvider, FULL);

describe('GrafanaProvider attributes', () => {
  const providerBlock = (config: GrafanaProviderConfig): Record<string, unknown> => {
    const stack = new cdktf.TerraformStack(cdktf.Testing.app(), 't');
    new GrafanaProvider(stack, 'grafana', config);
    return JSON.parse(cdktf.Testing.synth(stack)).provider.grafana[0];
  };

  it('renders retry_status_codes given an iterator as a for expression (an attribute, not a block)', () => {
    const iterator = cdktf.TerraformIterator.fromList(['429', '5xx']);
    const codes = iterator.dynamic({}) as unknown as string[];
    expect(providerBlock({ retryStatusCodes: codes }).retry_status_codes).toMatch(/^\$\{\[\s*for /);
  });

  it('keeps http_headers names verbatim (cdktf would snake_case them)', () => {
    expect(providerBlock({ httpHeaders: { 'X-Scope-OrgID': 'tenant-1' } }).http_headers).toEqual({ 'X-Scope-OrgID': 'tenant-1' });
  });

  it('passes an http_headers token through as its expression', () => {
    expect(providerBlock({ httpHeaders: cdktf.Token.asStringMap(cdktf.Fn.tomap({ a: 'b' })) }).http_headers).toBe('${tomap({"a" = "b"})}');
  });

  it('leaves http_headers out when not set', () => {
    expect(providerBlock({ url: 'https://grafana.example.com' })).toEqual({ url: 'https://grafana.example.com' });
  });
});
