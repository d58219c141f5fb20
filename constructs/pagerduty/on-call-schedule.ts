import { Schedule } from '@cdktf/provider-pagerduty/lib/schedule';
import { Construct } from 'constructs';
import { ConfigError } from '../../config/validate';

const DAY_SECONDS = 24 * 60 * 60;

export interface OnCallScheduleProps {
  /** Schedule name shown in PagerDuty. */
  readonly name: string;
  /** PagerDuty user ids, by reference, in rotation order. */
  readonly userIds: readonly string[];
  /** Whether a turn is counted in weeks or in days. */
  readonly length: 'weekly' | 'daily';
  /**
   * Weeks (or days) per turn.
   * @default 1
   */
  readonly turnLength?: number;
  /** Local handoff time, `hh:mm`. */
  readonly handoffTime: string;
  /** IANA time zone of the handoff. */
  readonly timeZone: string;
  /** Day of the first handoff, `yyyy-mm-dd`. */
  readonly startDate: string;
}

/**
 * A PagerDuty schedule (`pagerduty_schedule`) with one rotation layer: the users take
 * turns in order, each turn a number of weeks or days, handing over at a local time.
 *
 * Both `start` and `rotation_virtual_start` are the first handoff, a fixed timestamp
 * written with its zone's offset. A fixed timestamp matters: PagerDuty replaces a layer
 * start in the past with the time of the request, and the provider suppresses the diff
 * only when the configured and the stored start are both in the past
 * (PagerDuty/terraform-provider-pagerduty util/util.go SuppressScheduleLayerStartDiff,
 * issue #200). A start computed at synth time ("now") would be a new value on every plan.
 */
export class OnCallSchedule extends Construct {
  readonly schedule: Schedule;

  constructor(scope: Construct, id: string, props: OnCallScheduleProps) {
    super(scope, id);
    const turnLength = props.turnLength ?? 1;
    const firstHandoff = zonedTimestamp(props.startDate, props.handoffTime, props.timeZone);
    if (firstHandoff === undefined) {
      throw new ConfigError([`${this.node.path}: handoff ${props.startDate} ${props.handoffTime} does not exist in ` +
        `${props.timeZone} (the clocks skip it for daylight saving time); expected a local time that exists. ` +
        'Fix: choose another startDate or handoffTime in config/environments.ts']);
    }
    this.schedule = new Schedule(this, 'schedule', {
      name: props.name,
      timeZone: props.timeZone,
      description: `${props.length === 'weekly' ? 'Weekly' : 'Daily'} rotation, handoff at ${props.handoffTime} ` +
        `${props.timeZone}. Managed by Terraform (monitoring stack): edit the code, not the schedule.`,
      layer: [{
        name: 'Rotation',
        start: firstHandoff,
        rotationVirtualStart: firstHandoff,
        rotationTurnLengthSeconds: turnLength * (props.length === 'weekly' ? 7 : 1) * DAY_SECONDS,
        users: [...props.userIds],
      }],
    });
  }
}

/** The zone's offset from UTC at an instant, in minutes (`Europe/Berlin` in January: 60). */
function offsetMinutes(instant: number, timeZone: string): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(new Date(instant)).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /^GMT([+-])(\d{2}):(\d{2})$/.exec(name);
  if (!match) return 0; // "GMT" itself
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

/**
 * RFC 3339 timestamp of a local date and time in a time zone, e.g.
 * `2026-01-05T10:00:00+01:00`; undefined when that local time does not exist
 * (skipped by a daylight-saving change).
 */
export function zonedTimestamp(date: string, time: string, timeZone: string): string | undefined {
  const localAsUtc = Date.parse(`${date}T${time}:00Z`);
  // The offset at the guessed instant, then at the corrected one: right on both sides of a change.
  const offset = offsetMinutes(localAsUtc - offsetMinutes(localAsUtc, timeZone) * 60_000, timeZone);
  const instant = localAsUtc - offset * 60_000;
  if (instant + offsetMinutes(instant, timeZone) * 60_000 !== localAsUtc) return undefined;
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date}T${time}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
