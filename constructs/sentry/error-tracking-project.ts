import { Construct } from 'constructs';
import { Key } from '../../providers/sentry/key';
import { Project } from '../../providers/sentry/project';
import { Team } from '../../providers/sentry/team';

export interface ErrorTrackingProjectProps {
  /** Organization slug. */
  readonly organization: string;
  /** The team that owns the project and is assigned its monitors' issues. */
  readonly team: { readonly slug: string; readonly name: string };
  readonly project: { readonly slug: string; readonly name: string };
  /**
   * Sentry platform of the project (sets the SDK setup instructions and grouping defaults).
   * @default 'python-fastapi'
   */
  readonly platform?: string;
  /** Client-key name, as shown under Project Settings → Client Keys. */
  readonly keyName: string;
  /** At most `count` events per `windowSeconds` through the client key. */
  readonly rateLimit: { readonly count: number; readonly windowSeconds: number };
}

/**
 * A Sentry team, its project and the project's client key (DSN).
 *
 * The project is created without Sentry's default "alert on every new issue" rule
 * (`default_rules = false`): its alerts are declared in code, and a default rule
 * would notify a second time through channels nobody chose.
 */
export class ErrorTrackingProject extends Construct {
  readonly team: Team;
  readonly project: Project;
  readonly key: Key;
  /**
   * The client key's public DSN, as a reference (`${sentry_key.….dsn["public"]}`).
   * It comes from a sensitive map, so anything built from it is sensitive too.
   */
  readonly dsn: string;

  constructor(scope: Construct, id: string, props: ErrorTrackingProjectProps) {
    super(scope, id);

    this.team = new Team(this, 'team', {
      organization: props.organization,
      name: props.team.name,
      slug: props.team.slug,
    });
    this.project = new Project(this, 'project', {
      organization: props.organization,
      teams: [this.team.slug],
      name: props.project.name,
      slug: props.project.slug,
      platform: props.platform ?? 'python-fastapi',
      defaultRules: false,
      // No auto-created "Default" client key beside the managed, rate-limited one below
      // (it would take events without the rate limit). Sentry reads this on creation only.
      defaultKey: false,
    });
    this.key = new Key(this, 'key', {
      organization: props.organization,
      project: this.project.slug,
      name: props.keyName,
      rateLimitCount: props.rateLimit.count,
      rateLimitWindow: props.rateLimit.windowSeconds,
    });
    // `dsn_public` is deprecated; the `dsn` map is its replacement.
    this.dsn = this.key.dsn.lookup('public');
  }
}
