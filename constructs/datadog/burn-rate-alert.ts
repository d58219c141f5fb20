import { Monitor } from '@cdktf/provider-datadog/lib/monitor';
import { Construct } from 'constructs';
import { BurnRateAlertSpec, burnRateQuery } from '../../catalog/slos';
import { MONITOR_PRIORITY } from './metric-monitor';

export interface BurnRateAlertProps {
  readonly name: string;
  /** The SLO's id, usually a reference such as `slo.id`. */
  readonly sloId: string;
  /** Burn rate, windows, timeframe and severity; checked by `checkSlo` in catalog/slos.ts. */
  readonly spec: BurnRateAlertSpec;
  /** Body of the notification, including its `@handles`. */
  readonly message: string;
  readonly tags: readonly string[];
}

/**
 * A Datadog `slo alert` monitor on an SLO's burn rate over a long and a short window.
 * The burn rate is written once, into the query and `monitor_thresholds.critical`:
 * the SLO id is unknown at plan time, so Datadog would only catch a mismatch at apply.
 */
export class BurnRateAlert extends Construct {
  /** The name it has in Datadog, by which `adopt.datadog` names it. */
  readonly name: string;
  readonly monitor: Monitor;
  readonly query: string;

  constructor(scope: Construct, id: string, props: BurnRateAlertProps) {
    super(scope, id);
    this.name = props.name;
    this.query = burnRateQuery(props.sloId, props.spec);
    this.monitor = new Monitor(this, 'monitor', {
      name: props.name,
      type: 'slo alert',
      query: this.query,
      message: props.message,
      monitorThresholds: { critical: String(props.spec.burnRate) },
      priority: MONITOR_PRIORITY[props.spec.severity],
      // SLO alerts take no on_missing_data; no data means no requests, which burn no budget.
      notifyNoData: false,
      tags: [...props.tags],
    });
  }
}
