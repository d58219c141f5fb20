import { Monitor } from '@cdktf/provider-datadog/lib/monitor';
import { Construct } from 'constructs';
import { isInt } from '../../config/validate';

export interface HeartbeatMonitorProps {
  /** Monitor name shown in Datadog and in notifications. */
  readonly name: string;
  /** Tags every heartbeat event carries, e.g. `heartbeat:grafana-watchdog`, `env:production`. */
  readonly eventTags: readonly string[];
  /** Alert when no heartbeat arrived for this many minutes. */
  readonly silenceMinutes: number;
  /** Datadog priority, "1" (highest) to "5". */
  readonly priority: string;
  /** Body of the notification, including its `@handles`. */
  readonly message: string;
  readonly tags: readonly string[];
}

/**
 * A Datadog event monitor (`event-v2 alert`) that alerts when heartbeat events stop:
 * fewer than one event with the heartbeat's tags in the window. It counts events, and
 * for count queries Datadog evaluates an empty window as 0 and compares it with the
 * threshold (monitor API, `on_missing_data` "default"), so silence alerts rather than
 * resolving.
 */
export class HeartbeatMonitor extends Construct {
  /** The name it has in Datadog, by which `adopt.datadog` names it. */
  readonly name: string;
  readonly monitor: Monitor;
  readonly query: string;

  constructor(scope: Construct, id: string, props: HeartbeatMonitorProps) {
    super(scope, id);
    this.name = props.name;
    if (!isInt(props.silenceMinutes, 1, 2880)) {
      throw new Error(`heartbeat monitor "${props.name}".silenceMinutes: got ${props.silenceMinutes}; ` +
        'expected a whole number of minutes from 1 to 2880. Fix: edit stacks/datadog.ts');
    }
    this.query = `events("${props.eventTags.join(' ')}").rollup("count").last("${props.silenceMinutes}m") < 1`;
    this.monitor = new Monitor(this, 'monitor', {
      name: props.name,
      type: 'event-v2 alert',
      query: this.query,
      message: props.message,
      monitorThresholds: { critical: '1' },
      priority: props.priority,
      onMissingData: 'default',
      tags: [...props.tags],
    });
  }
}
