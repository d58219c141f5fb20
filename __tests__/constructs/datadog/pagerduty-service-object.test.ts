import { Testing, TerraformVariable } from 'cdktf';
import { PagerdutyServiceObject } from '../../../constructs/datadog/pagerduty-service-object';

describe('PagerdutyServiceObject', () => {
  it('exposes the @pagerduty handle of its service name, the key passed by reference', () => {
    let handle = '';
    const json = JSON.parse(Testing.synthScope((scope) => {
      const key = new TerraformVariable(scope, 'key', { type: 'string', sensitive: true });
      handle = new PagerdutyServiceObject(scope, 'pd', { serviceName: 'checkout-production', serviceKey: key.value }).handle;
    }));
    expect(handle).toBe('@pagerduty-checkout-production');
    const [object] = Object.values(json.resource.datadog_integration_pagerduty_service_object) as Record<string, any>[];
    expect(object).toMatchObject({ service_name: 'checkout-production', service_key: '${var.key}' });
  });

  it.each(['Checkout (production)', 'checkout production'])('fails when the name "%s" cannot be a handle', (serviceName) => {
    expect(() => Testing.synthScope((scope) => {
      const key = new TerraformVariable(scope, 'key', { type: 'string' });
      new PagerdutyServiceObject(scope, 'pd', { serviceName, serviceKey: key.value });
    })).toThrow(`PagerDuty service object name: got "${serviceName}"`);
  });

  it('fails when the key is a literal', () => {
    expect(() => Testing.synthScope((scope) => {
      new PagerdutyServiceObject(scope, 'pd', { serviceName: 'checkout', serviceKey: 'abc123' });
    })).toThrow('PagerDuty service object "checkout" serviceKey: got a literal');
  });
});
