import { Monitor } from '@cdktf/provider-datadog/lib/monitor';
import { Construct } from 'constructs';
import { Severity } from '../../config/types';
import { MONITOR_PRIORITY } from './metric-monitor';

export interface CompositeMonitorProps {
  /** Monitor name shown in Datadog and in notifications. */
  readonly name: string;
  /** The monitors that must all be in alert at once, by reference to their ids. */
  readonly allOf: readonly string[];
  readonly severity: Severity;
  /** Body of the notification, including its `@handles`. */
  readonly message: string;
  readonly tags: readonly string[];
}

/**
 * A Datadog composite monitor that alerts when every one of its monitors alerts
 * (`a && b`; docs.datadoghq.com/monitors/types/composite). Its monitors notify nobody
 * themselves: this one carries the handles. A composite takes no missing-data option;
 * its state follows its monitors'.
 */
export class CompositeMonitor extends Construct {
  /** The name it has in Datadog, by which `adopt.datadog` names it. */
  readonly name: string;
  readonly monitor: Monitor;

  constructor(scope: Construct, id: string, props: CompositeMonitorProps) {
    super(scope, id);
    this.name = props.name;
    if (props.allOf.length < 2) {
      throw new Error(`composite monitor "${props.name}".allOf: got ${props.allOf.length} monitor(s); expected 2 or more. ` +
        'Fix: use the monitor itself, or add the monitor it must combine with');
    }
    this.monitor = new Monitor(this, 'monitor', {
      name: props.name,
      type: 'composite',
      query: props.allOf.join(' && '),
      message: props.message,
      priority: MONITOR_PRIORITY[props.severity],
      tags: [...props.tags],
    });
  }
}
