import * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { Dashboard } from '../../providers/grafana/dashboard';

/** Grafana's rule for dashboard uids. */
const UID_PATTERN = /^[a-zA-Z0-9_-]{1,40}$/;

export interface DashboardsProps {
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
    const seen = new Map<string, string>();
    for (const [name, model] of Object.entries(props.dashboards)) {
      const uid = model.uid;
      if (uid === undefined || !UID_PATTERN.test(uid)) {
        throw new Error(`${this.node.path}: dashboards.${name}.uid: got ${JSON.stringify(uid)}; expected 1-40 letters, ` +
          'digits, "-" or "_". Fix: set a stable uid with DashboardBuilder.uid() (see catalog/grafana-uids.ts)');
      }
      const other = seen.get(uid);
      if (other !== undefined) {
        throw new Error(`${this.node.path}: dashboards.${name}.uid: got "${uid}", already the uid of "${other}"; ` +
          'expected a uid unique in the organization. Fix: give each dashboard its own uid');
      }
      seen.set(uid, name);
    }
    this.dashboards = Object.fromEntries(Object.entries(props.dashboards).map(([name, model]) =>
      [name, new Dashboard(this, name, {
        folder: props.folderUid,
        configJson: JSON.stringify(model),
        dependsOn: props.dependsOn,
      })]));
  }
}
