import { SyntheticsTest, SyntheticsTestAssertion } from '@cdktf/provider-datadog/lib/synthetics-test';
import { Construct } from 'constructs';
import { isInt, Problems } from '../../config/validate';

/** A JSON body check: the value at `path` (JSONPath, e.g. `$.status`) equals `equals`. */
export interface JsonPathExpectation {
  readonly path: string;
  readonly equals: string;
}

export interface SyntheticApiTestProps {
  readonly name: string;
  /** Body of the alert notification, including its `@handles`. */
  readonly message: string;
  readonly tags: readonly string[];
  /** Datadog monitor priority, 1 (highest) to 5. */
  readonly priority: 1 | 2 | 3 | 4 | 5;
  /** Datadog managed locations, e.g. `aws:eu-west-1`. */
  readonly locations: readonly string[];
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';
  readonly url: string;
  /** Seconds between runs: 30 to 604800 for API tests. */
  readonly tickEverySeconds: number;
  readonly expectedStatusCode: number;
  /**
   * Headers sent with the request; values may use `{{ VARIABLE }}`.
   * @default {} (none)
   */
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * JSON request body, sent as `application/json`.
   * @default undefined (no body)
   */
  readonly jsonBody?: unknown;
  /**
   * Seconds before the request counts as failed (Datadog allows at most 60).
   * @default undefined (Datadog's default, 60)
   */
  readonly timeoutSeconds?: number;
  /**
   * The response must arrive within this many milliseconds.
   * @default undefined (only the request timeout bounds it)
   */
  readonly maxResponseTimeMs?: number;
  /** @default [] */
  readonly jsonPathExpectations?: readonly JsonPathExpectation[];
  /**
   * Global variables the request uses, by the name it uses them with and their id.
   * @default []
   */
  readonly globalVariables?: readonly { readonly name: string; readonly id: string }[];
  /**
   * Locations that must fail at the same time before the test alerts.
   * @default every location (one failing region alone is more often the network than the API)
   */
  readonly minLocationFailed?: number;
  /**
   * Seconds the test must keep failing before it alerts.
   * @default 0
   */
  readonly minFailureDurationSeconds?: number;
  /**
   * Immediate retries before a location counts as failed (API tests: at most 3).
   * @default 1
   */
  readonly retries?: number;
}

/**
 * A Datadog Synthetics HTTP API test: one request from several locations on a
 * schedule, with assertions on status, latency and JSON body, alerting through the
 * `@handles` in its message.
 */
export class SyntheticApiTest extends Construct {
  /** The name it has in Datadog, by which `adopt.datadog` names it. */
  readonly name: string;
  readonly test: SyntheticsTest;

  constructor(scope: Construct, id: string, props: SyntheticApiTestProps) {
    super(scope, id);
    this.name = props.name;
    const minLocationFailed = props.minLocationFailed ?? props.locations.length;
    const retries = props.retries ?? 1;
    const problems = new Problems();
    const check = (ok: boolean, field: string, value: unknown, allowed: string) =>
      problems.check(ok, `synthetic test "${props.name}".${field}`, value, allowed, 'edit stacks/datadog.ts');
    check(props.locations.length > 0, 'locations', props.locations, 'at least one location');
    check(isInt(props.tickEverySeconds, 30, 604800), 'tickEverySeconds', props.tickEverySeconds, 'an integer from 30 to 604800');
    check(props.timeoutSeconds === undefined || isInt(props.timeoutSeconds, 1, 60), 'timeoutSeconds', props.timeoutSeconds,
      'an integer from 1 to 60');
    check(minLocationFailed >= 1 && minLocationFailed <= props.locations.length, 'minLocationFailed', minLocationFailed,
      `1 to the number of locations (${props.locations.length})`);
    check(isInt(retries, 0, 3), 'retries', retries, 'an integer from 0 to 3');
    problems.throwIfAny();

    const assertion: SyntheticsTestAssertion[] = [
      { type: 'statusCode', operator: 'is', target: String(props.expectedStatusCode) },
      ...(props.maxResponseTimeMs === undefined ? []
        : [{ type: 'responseTime', operator: 'lessThan', target: String(props.maxResponseTimeMs) }]),
      ...(props.jsonPathExpectations ?? []).map((e) => ({
        type: 'body',
        operator: 'validatesJSONPath',
        targetjsonpath: { jsonpath: e.path, operator: 'is', targetvalue: e.equals },
      })),
    ];
    const hasBody = props.jsonBody !== undefined;

    this.test = new SyntheticsTest(this, 'test', {
      name: props.name,
      type: 'api',
      subtype: 'http',
      status: 'live',
      message: props.message,
      tags: [...props.tags],
      locations: [...props.locations],
      requestDefinition: {
        method: props.method,
        url: props.url,
        body: hasBody ? JSON.stringify(props.jsonBody) : undefined,
        bodyType: hasBody ? 'application/json' : undefined,
        timeout: props.timeoutSeconds,
      },
      requestHeaders: hasBody || props.headers
        ? { ...(hasBody ? { 'Content-Type': 'application/json' } : {}), ...props.headers }
        : undefined,
      assertion,
      configVariable: props.globalVariables?.map((v) => ({ type: 'global', name: v.name, id: v.id })),
      optionsList: {
        tickEvery: props.tickEverySeconds,
        minLocationFailed,
        minFailureDuration: props.minFailureDurationSeconds ?? 0,
        retry: { count: retries, interval: 1000 },
        monitorPriority: props.priority,
        monitorName: props.name,
      },
    });
  }
}
