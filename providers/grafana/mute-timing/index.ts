/**
 * Hand-written CDKTF binding for the `grafana_mute_timing` resource.
 *
 * Mirrors grafana/grafana v4.45.1 (`terraform providers schema -json`, resource schema version 0)
 * and is shaped like `cdktf get` output, so a later `cdktf get` can replace it without changes in
 * callers. The mutators (setters, `putX`, `resetX`), the `xInput` getters and the output-reference
 * classes that `cdktf get` also generates are omitted.
 *
 * An empty `intervals: [{}]` mutes all the time.
 *
 * Docs: https://registry.terraform.io/providers/grafana/grafana/4.45.1/docs/resources/mute_timing
 */
import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

export interface MuteTimingConfig extends cdktf.TerraformMetaArguments {
  /**
   * `disable_provenance`: allow editing the mute timing outside Terraform.
   * @default false
   */
  readonly disableProvenance?: boolean | cdktf.IResolvable;
  /** `id` (optional, computed): normally left unset. */
  readonly id?: string;
  /** `name` (required): name of the mute timing (referenced by notification policies). */
  readonly name: string;
  /** `org_id`: organization ID; defaults to the provider's org. */
  readonly orgId?: string;
  /** `intervals` block (list): when to mute notifications. */
  readonly intervals?: MuteTimingIntervals[] | cdktf.IResolvable;
}

/** `intervals.times` block (list): a time range within a day. */
export interface MuteTimingIntervalsTimes {
  /** `end` (required): end time, `hh:mm`, exclusive. */
  readonly end: string;
  /** `start` (required): start time, `hh:mm`, inclusive. */
  readonly start: string;
}

export function muteTimingIntervalsTimesToTerraform(struct?: MuteTimingIntervalsTimes | cdktf.IResolvable): any {
  if (passThrough(struct)) { return struct; }
  const s = struct as MuteTimingIntervalsTimes;
  return {
    end: cdktf.stringToTerraform(s.end),
    start: cdktf.stringToTerraform(s.start),
  };
}

/** `intervals` block (list). */
export interface MuteTimingIntervals {
  /** `days_of_month`: inclusive day ranges, e.g. `"1"`, `"14:16"`, `"-1"`. */
  readonly daysOfMonth?: string[];
  /** `location`: IANA time zone, e.g. `"Europe/Berlin"`. */
  readonly location?: string;
  /** `months`: inclusive month ranges, e.g. `"1:3"`, `"december"`. */
  readonly months?: string[];
  /** `weekdays`: inclusive weekday ranges, e.g. `"monday:friday"`. */
  readonly weekdays?: string[];
  /** `years`: inclusive year ranges, e.g. `"2030"`. */
  readonly years?: string[];
  /** `times` block (list): time ranges within the day. */
  readonly times?: MuteTimingIntervalsTimes[] | cdktf.IResolvable;
}

export function muteTimingIntervalsToTerraform(struct?: MuteTimingIntervals | cdktf.IResolvable): any {
  if (passThrough(struct)) { return struct; }
  const s = struct as MuteTimingIntervals;
  return {
    days_of_month: cdktf.listMapper(cdktf.stringToTerraform, false)(s.daysOfMonth),
    location: cdktf.stringToTerraform(s.location),
    months: cdktf.listMapper(cdktf.stringToTerraform, false)(s.months),
    weekdays: cdktf.listMapper(cdktf.stringToTerraform, false)(s.weekdays),
    years: cdktf.listMapper(cdktf.stringToTerraform, false)(s.years),
    times: cdktf.listMapper(muteTimingIntervalsTimesToTerraform, true)(s.times),
  };
}

/** `grafana_mute_timing` */
export class MuteTiming extends cdktf.TerraformResource {
  public static readonly tfResourceType = 'grafana_mute_timing';

  /** Generates config for importing an existing mute timing on `cdktf plan`. */
  public static generateConfigForImport(
    scope: Construct,
    importToId: string,
    importFromId: string,
    provider?: cdktf.TerraformProvider,
  ): cdktf.ImportableResource {
    return new cdktf.ImportableResource(scope, importToId, {
      terraformResourceType: 'grafana_mute_timing',
      importId: importFromId,
      provider,
    });
  }

  private readonly input: MuteTimingConfig;

  public constructor(scope: Construct, id: string, config: MuteTimingConfig) {
    super(scope, id, {
      terraformResourceType: 'grafana_mute_timing',
      // cdktf reads only the provider name of a resource (to check the stack has that provider);
      // the version constraint in required_providers comes from the provider class.
      terraformGeneratorMetadata: { providerName: 'grafana' },
      provider: config.provider,
      dependsOn: config.dependsOn,
      count: config.count,
      lifecycle: config.lifecycle,
      provisioners: config.provisioners,
      connection: config.connection,
      forEach: config.forEach,
    });
    this.input = config;
  }

  public get disableProvenance(): cdktf.IResolvable { return this.getBooleanAttribute('disable_provenance'); }
  public get id(): string { return this.getStringAttribute('id'); }
  public get name(): string { return this.getStringAttribute('name'); }
  public get orgId(): string { return this.getStringAttribute('org_id'); }
  /** The `intervals` blocks as a token (`cdktf get` returns a list output reference here). */
  public get intervals(): cdktf.IResolvable { return this.interpolationForAttribute('intervals'); }

  protected override synthesizeAttributes(): { [name: string]: any } {
    const c = this.input;
    return {
      disable_provenance: cdktf.booleanToTerraform(c.disableProvenance),
      id: cdktf.stringToTerraform(c.id),
      name: cdktf.stringToTerraform(c.name),
      org_id: cdktf.stringToTerraform(c.orgId),
      intervals: cdktf.listMapper(muteTimingIntervalsToTerraform, true)(c.intervals),
    };
  }
}

/**
 * Guard shared by the `xToTerraform` functions: undefined, null and tokens pass through unchanged;
 * output-reference objects are rejected as configuration, as in `cdktf get` output.
 */
function passThrough(struct: unknown): boolean {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) {
    return true;
  }
  if (cdktf.isComplexElement(struct)) {
    throw new Error('A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration');
  }
  return false;
}
