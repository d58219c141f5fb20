import * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { MAX_GRAFANA_UID_LENGTH } from '../../catalog/grafana-uids';
import { Problems } from '../../config/validate';
import { Dashboard } from '../../providers/grafana/dashboard';

/** Grafana's rule for dashboard uids. */
const UID_PATTERN = new RegExp(`^[a-zA-Z0-9_-]{1,${MAX_GRAFANA_UID_LENGTH}}$`);

export interface DashboardsProps {
  /**
   * Grafana organization id (`org_id`) of every resource: without it, each goes to the
   * organization of the provider's token (see README, "One policy tree per Grafana organization").
   * @default undefined (the token's organization)
   */
  readonly orgId?: string;
  /** UID of the folder the dashboards go in (`folder.uid`). */
  readonly folderUid: string;
  /**
   * Dashboard models as the Foundation SDK builds them, keyed by a stable name that
   * becomes the resource's construct id (e.g. `service-esg-scraper-api`, `business`).
   */
  readonly dashboards: Readonly<Record<string, dashboard.Dashboard>>;
  /**
   * Resources the dashboards need first, e.g. the data sources their panels query.
   * @default []
   */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * Grafana dashboards, one `grafana_dashboard` per model. `config_json` is the model
 * exactly as built; the uid inside it is the dashboard's identity, and the provider
 * strips `id` and `version` itself.
 */
export class Dashboards extends Construct {
  readonly dashboards: Readonly<Record<string, Dashboard>>;

  constructor(scope: Construct, id: string, props: DashboardsProps) {
    super(scope, id);
    const problems = new Problems();
    const seen = new Map<string, string>();
    for (const [name, { uid }] of Object.entries(props.dashboards)) {
      const field = `${this.node.path}: dashboards.${name}.uid`;
      problems.check(uid !== undefined && UID_PATTERN.test(uid), field, uid,
        `1-${MAX_GRAFANA_UID_LENGTH} letters, digits, "-" or "_"`,
        'set a stable uid with DashboardBuilder.uid() (see catalog/grafana-uids.ts)');
      const other = uid === undefined ? undefined : seen.get(uid);
      problems.check(other === undefined, field, uid, `a uid unique in the organization ("${other}" has it too)`,
        'give each dashboard its own uid');
      if (uid !== undefined) seen.set(uid, name);
    }
    problems.throwIfAny();
    this.dashboards = Object.fromEntries(Object.entries(props.dashboards).map(([name, model]) =>
      [name, new Dashboard(this, name, {
        orgId: props.orgId,
        folder: props.folderUid,
        configJson: JSON.stringify(model),
        dependsOn: props.dependsOn,
      })]));
  }
}
