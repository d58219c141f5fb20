import { Testing } from 'cdktf';
import { ConfigError } from '../../../config/validate';
import { SyntheticApiTest, SyntheticApiTestProps } from '../../../constructs/datadog/synthetic-api-test';

const props: SyntheticApiTestProps = {
  name: 'health',
  message: 'down @slack-alerts',
  tags: ['env:x'],
  priority: 1,
  locations: ['aws:us-east-1', 'aws:eu-west-1'],
  method: 'GET',
  url: 'https://api.example.com/health',
  tickEverySeconds: 60,
  expectedStatusCode: 200,
};

function testOf(p: SyntheticApiTestProps): Record<string, any> {
  const json = JSON.parse(Testing.synthScope((scope) => { new SyntheticApiTest(scope, 't', p); }));
  return Object.values(json.resource.datadog_synthetics_test)[0] as Record<string, any>;
}

describe('SyntheticApiTest', () => {
  it('asserts status, response time and JSON path values', () => {
    const test = testOf({ ...props, maxResponseTimeMs: 2000, jsonPathExpectations: [{ path: '$.status', equals: 'healthy' }] });
    expect([test.type, test.subtype, test.status]).toEqual(['api', 'http', 'live']);
    expect(test.assertion).toEqual([
      { type: 'statusCode', operator: 'is', target: '200' },
      { type: 'responseTime', operator: 'lessThan', target: '2000' },
      { type: 'body', operator: 'validatesJSONPath', targetjsonpath: { jsonpath: '$.status', operator: 'is', targetvalue: 'healthy' } },
    ]);
    expect(test.request_headers).toBeUndefined();
    expect(test.config_variable).toBeUndefined();
  });

  it('sends a JSON body as application/json, with headers and global variables', () => {
    const test = testOf({ ...props, method: 'POST', jsonBody: { a: 1 }, timeoutSeconds: 30,
      headers: { Authorization: 'Bearer {{ TOKEN }}' }, globalVariables: [{ name: 'TOKEN', id: 'var-id' }] });
    expect(test.request_definition).toEqual({ method: 'POST', url: props.url, body: '{"a":1}', body_type: 'application/json', timeout: 30 });
    expect(test.request_headers).toEqual({ 'Content-Type': 'application/json', Authorization: 'Bearer {{ TOKEN }}' });
    expect(test.config_variable).toEqual([{ type: 'global', name: 'TOKEN', id: 'var-id' }]);
  });

  it('alerts only when every location fails, after one retry, by default', () => {
    expect(testOf(props).options_list).toEqual({
      tick_every: 60, min_location_failed: 2, min_failure_duration: 0, retry: { count: 1, interval: 1000 },
      monitor_priority: 1, monitor_name: 'health',
    });
  });

  it.each([
    ['tickEverySeconds', { tickEverySeconds: 10 }, 'tickEverySeconds: got 10; expected an integer from 30 to 604800'],
    ['timeoutSeconds', { timeoutSeconds: 90 }, 'timeoutSeconds: got 90; expected an integer from 1 to 60'],
    ['retries', { retries: 4 }, 'retries: got 4; expected an integer from 0 to 3'],
    ['minLocationFailed', { minLocationFailed: 3 }, 'minLocationFailed: got 3; expected 1 to the number of locations (2)'],
    ['locations', { locations: [], minLocationFailed: 0 }, 'locations: got []; expected at least one location'],
  ])('fails when %s is out of range', (_field, change, message) => {
    expect(() => testOf({ ...props, ...change })).toThrow(ConfigError);
    expect(() => testOf({ ...props, ...change })).toThrow(`synthetic test "health".${message}. Fix: edit stacks/datadog.ts`);
  });
});
