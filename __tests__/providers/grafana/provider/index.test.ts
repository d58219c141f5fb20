/** Unit tests of providers/grafana/provider: the `grafana` provider block. */
import * as cdktf from 'cdktf';
import { GrafanaProvider, GrafanaProviderConfig } from '../../../../providers/grafana/provider';
import { describeProvider } from '../../binding-checks';
import { GRAFANA_PROVIDER_FULL } from '../../full-configs';

describeProvider('grafana', GrafanaProvider, GRAFANA_PROVIDER_FULL);

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
