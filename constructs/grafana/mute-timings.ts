import { Construct } from 'constructs';
import { Problems } from '../../config/validate';
import { MuteTiming } from '../../providers/grafana/mute-timing';

/** A recurring weekly window. */
export interface WeeklyWindow {
  /** Mute-timing name, the natural key that policies reference. */
  readonly name: string;
  /** Weekday ranges, e.g. `sunday` or `monday:friday`. */
  readonly weekdays: readonly string[];
  /** `hh:mm`, inclusive. */
  readonly start: string;
  /** `hh:mm` (or `24:00`), exclusive; after `start` (Grafana rejects windows that wrap past midnight). */
  readonly end: string;
  /** IANA time zone of start and end. */
  readonly location: string;
}

export interface MaintenanceMuteTimingsProps {
  /**
   * Grafana organization id (`org_id`) of every resource: without it, each goes to the
   * organization of the provider's token (see README, "One policy tree per Grafana organization").
   * @default undefined (the token's organization)
   */
  readonly orgId?: string;
  readonly windows: readonly WeeklyWindow[];
}

/**
 * Grafana mute timings (`grafana_mute_timing`), one per maintenance window.
 * A mute timing silences nothing by itself: notification-policy routes name the
 * ones that apply to them, through `nameOf`, a reference.
 */
export class MaintenanceMuteTimings extends Construct {
  readonly muteTimings: Readonly<Record<string, MuteTiming>>;

  constructor(scope: Construct, id: string, props: MaintenanceMuteTimingsProps) {
    super(scope, id);
    const problems = new Problems();
    for (const w of props.windows) {
      // "hh:mm" strings compare in time order.
      problems.check(w.start < w.end, `${this.node.path}: windows.${w.name}.end`, w.end,
        `a time after its start (${w.start}) on the same day: Grafana mutes within one day only`,
        'split it into two windows, before and after midnight (maintenanceWindows in config/environments.ts)');
    }
    problems.throwIfAny();
    this.muteTimings = Object.fromEntries(props.windows.map((w) => [w.name, new MuteTiming(this, w.name, {
      orgId: props.orgId,
      name: w.name,
      intervals: [{ weekdays: [...w.weekdays], times: [{ start: w.start, end: w.end }], location: w.location }],
    })]));
  }

  /** The mute timing's name, as a reference. */
  nameOf(windowName: string): string {
    const muteTiming = this.muteTimings[windowName];
    if (!muteTiming) {
      throw new Error(`No mute timing "${windowName}"; declared: ${Object.keys(this.muteTimings).join(', ') || 'none'}. ` +
        'Fix: declare the window in maintenanceWindows of config/environments.ts');
    }
    return muteTiming.name;
  }
}
