/**
 * Hand-written CDKTF binding for the `grafana_contact_point` resource.
 *
 * Mirrors grafana/grafana v4.45.1 (`terraform providers schema -json`, resource schema version 0)
 * and is shaped like `cdktf get` output, so a later `cdktf get` can replace it without changes in
 * callers. The mutators (setters, `putX`, `resetX`), the `xInput` getters and the output-reference
 * classes that `cdktf get` also generates are omitted.
 *
 * Notifier blocks are Terraform *sets*, so they are arrays here; at least one notifier is required.
 * Every notifier has a computed `uid` (not configurable).
 *
 * Bound notifiers (every attribute): `email`, `pagerduty`, `slack`, `webhook`.
 * Not bound yet (the schema has them; add them here when needed, named as `cdktf get` would, e.g.
 * `ContactPointOpsgenie` / `ContactPointOpsgenieResponders`): `alertmanager`, `dingding`,
 * `discord`, `googlechat`, `jira`, `kafka`, `line`, `oncall`, `opsgenie` (with `responders`),
 * `pushover`, `sensugo`, `sns`, `teams`, `telegram`, `threema`, `victorops`, `webex`, `wecom`.
 *
 * Schema quirk: `webhook.tls_config` is a sensitive *map* attribute, whereas
 * `webhook.http_config.oauth2.tls_config` is a block. The webhook's `hmac_config`, `http_config`,
 * `payload` and the oauth2 sub-blocks are sets with at most one element, so they are single objects.
 *
 * Docs: https://registry.terraform.io/providers/grafana/grafana/4.45.1/docs/resources/contact_point
 */
import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

export interface ContactPointConfig extends cdktf.TerraformMetaArguments {
  /**
   * `disable_provenance`: allow editing the contact point outside Terraform.
   * @default false
   */
  readonly disableProvenance?: boolean | cdktf.IResolvable;
  /** `id` (optional, computed): normally left unset. */
  readonly id?: string;
  /** `name` (required): name of the contact point (referenced by notification policies). */
  readonly name: string;
  /** `org_id`: organization ID; defaults to the provider's org. */
  readonly orgId?: string;
  /** `email` block (set): send notifications by email. */
  readonly email?: ContactPointEmail[] | cdktf.IResolvable;
  /** `pagerduty` block (set): send notifications to PagerDuty. */
  readonly pagerduty?: ContactPointPagerduty[] | cdktf.IResolvable;
  /** `slack` block (set): send notifications to Slack. */
  readonly slack?: ContactPointSlack[] | cdktf.IResolvable;
  /** `webhook` block (set): send notifications to a webhook (Prometheus webhook format). */
  readonly webhook?: ContactPointWebhook[] | cdktf.IResolvable;
}

// ---------------------------------------------------------------------------------------------
// email
// ---------------------------------------------------------------------------------------------

/** `email` notifier block. */
export interface ContactPointEmail {
  /** `addresses` (required): recipient addresses. */
  readonly addresses: string[];
  /**
   * `disable_resolve_message`: do not send resolve messages.
   * @default false
   */
  readonly disableResolveMessage?: boolean | cdktf.IResolvable;
  /**
   * `message`: templated body of the email.
   * @default ""
   */
  readonly message?: string;
  /** `settings` (sensitive map): extra notifier properties; keys are kept verbatim. */
  readonly settings?: { [key: string]: string };
  /**
   * `single_email`: send one email CC'ing all addresses instead of one per address.
   * @default false
   */
  readonly singleEmail?: boolean | cdktf.IResolvable;
  /**
   * `subject`: templated subject line.
   * @default ""
   */
  readonly subject?: string;
}

export function contactPointEmailToTerraform(struct?: ContactPointEmail | cdktf.IResolvable): any {
  if (passThrough(struct)) { return struct; }
  const s = struct as ContactPointEmail;
  return {
    addresses: cdktf.listMapper(cdktf.stringToTerraform, false)(s.addresses),
    disable_resolve_message: cdktf.booleanToTerraform(s.disableResolveMessage),
    message: cdktf.stringToTerraform(s.message),
    settings: cdktf.hashMapper(cdktf.stringToTerraform)(s.settings),
    single_email: cdktf.booleanToTerraform(s.singleEmail),
    subject: cdktf.stringToTerraform(s.subject),
  };
}

// ---------------------------------------------------------------------------------------------
// pagerduty
// ---------------------------------------------------------------------------------------------

/** `pagerduty` notifier block. */
export interface ContactPointPagerduty {
  /** `class`: class or type of the event, e.g. `ping failure`. */
  readonly class?: string;
  /** `client`: name of the monitoring client that triggers the event. */
  readonly client?: string;
  /** `client_url`: URL of the monitoring client. */
  readonly clientUrl?: string;
  /** `component`: affected component. */
  readonly component?: string;
  /** `details` (map): extra key/value details of the incident; keys are kept verbatim. */
  readonly details?: { [key: string]: string };
  /**
   * `disable_resolve_message`: do not send resolve messages.
   * @default false
   */
  readonly disableResolveMessage?: boolean | cdktf.IResolvable;
  /** `group`: group the component belongs to. */
  readonly group?: string;
  /** `integration_key` (required, sensitive): PagerDuty Events API v2 integration key. */
  readonly integrationKey: string;
  /** `settings` (sensitive map): extra notifier properties; keys are kept verbatim. */
  readonly settings?: { [key: string]: string };
  /**
   * `severity`: PagerDuty event severity.
   * @default "critical"
   */
  readonly severity?: string;
  /** `source`: unique location of the affected system. */
  readonly source?: string;
  /** `summary`: templated summary of the event. */
  readonly summary?: string;
  /** `url`: URL to send API requests to. */
  readonly url?: string;
}

export function contactPointPagerdutyToTerraform(struct?: ContactPointPagerduty | cdktf.IResolvable): any {
  if (passThrough(struct)) { return struct; }
  const s = struct as ContactPointPagerduty;
  return {
    class: cdktf.stringToTerraform(s.class),
    client: cdktf.stringToTerraform(s.client),
    client_url: cdktf.stringToTerraform(s.clientUrl),
    component: cdktf.stringToTerraform(s.component),
    details: cdktf.hashMapper(cdktf.stringToTerraform)(s.details),
    disable_resolve_message: cdktf.booleanToTerraform(s.disableResolveMessage),
    group: cdktf.stringToTerraform(s.group),
    integration_key: cdktf.stringToTerraform(s.integrationKey),
    settings: cdktf.hashMapper(cdktf.stringToTerraform)(s.settings),
    severity: cdktf.stringToTerraform(s.severity),
    source: cdktf.stringToTerraform(s.source),
    summary: cdktf.stringToTerraform(s.summary),
    url: cdktf.stringToTerraform(s.url),
  };
}

// ---------------------------------------------------------------------------------------------
// slack
// ---------------------------------------------------------------------------------------------

/** `slack` notifier block: either `url` (incoming webhook) or `token` + `recipient`. */
export interface ContactPointSlack {
  /** `color`: templated color of the message. */
  readonly color?: string;
  /**
   * `disable_resolve_message`: do not send resolve messages.
   * @default false
   */
  readonly disableResolveMessage?: boolean | cdktf.IResolvable;
  /** `endpoint_url`: override of the Slack API endpoint URL. */
  readonly endpointUrl?: string;
  /** `icon_emoji`: workspace emoji used as the bot icon. */
  readonly iconEmoji?: string;
  /** `icon_url`: image URL used as the bot icon. */
  readonly iconUrl?: string;
  /** `mention_channel`: `here`, `channel` or empty (no ping). */
  readonly mentionChannel?: string;
  /** `mention_groups`: comma-separated groups to mention. */
  readonly mentionGroups?: string;
  /** `mention_users`: comma-separated users to mention. */
  readonly mentionUsers?: string;
  /** `recipient`: channel, private group or IM channel (ID or name); used with `token`. */
  readonly recipient?: string;
  /** `settings` (sensitive map): extra notifier properties; keys are kept verbatim. */
  readonly settings?: { [key: string]: string };
  /** `text`: templated message content. */
  readonly text?: string;
  /** `title`: templated message title. */
  readonly title?: string;
  /** `token` (sensitive): Slack API token (alternative to the webhook `url`). */
  readonly token?: string;
  /** `url` (sensitive): Slack incoming-webhook URL. */
  readonly url?: string;
  /** `username`: user name of the bot. */
  readonly username?: string;
}

export function contactPointSlackToTerraform(struct?: ContactPointSlack | cdktf.IResolvable): any {
  if (passThrough(struct)) { return struct; }
  const s = struct as ContactPointSlack;
  return {
    color: cdktf.stringToTerraform(s.color),
    disable_resolve_message: cdktf.booleanToTerraform(s.disableResolveMessage),
    endpoint_url: cdktf.stringToTerraform(s.endpointUrl),
    icon_emoji: cdktf.stringToTerraform(s.iconEmoji),
    icon_url: cdktf.stringToTerraform(s.iconUrl),
    mention_channel: cdktf.stringToTerraform(s.mentionChannel),
    mention_groups: cdktf.stringToTerraform(s.mentionGroups),
    mention_users: cdktf.stringToTerraform(s.mentionUsers),
    recipient: cdktf.stringToTerraform(s.recipient),
    settings: cdktf.hashMapper(cdktf.stringToTerraform)(s.settings),
    text: cdktf.stringToTerraform(s.text),
    title: cdktf.stringToTerraform(s.title),
    token: cdktf.stringToTerraform(s.token),
    url: cdktf.stringToTerraform(s.url),
    username: cdktf.stringToTerraform(s.username),
  };
}

// ---------------------------------------------------------------------------------------------
// webhook
// ---------------------------------------------------------------------------------------------

/** `webhook.hmac_config` block (set, max 1): sign requests with HMAC. */
export interface ContactPointWebhookHmacConfig {
  /**
   * `header`: header that carries the HMAC signature.
   * @default "X-Grafana-Alerting-Signature"
   */
  readonly header?: string;
  /** `secret` (required, sensitive): key used to compute the signature. */
  readonly secret: string;
  /** `timestamp_header`: if set, include a timestamp in the signature and send it in this header. */
  readonly timestampHeader?: string;
}

export function contactPointWebhookHmacConfigToTerraform(struct?: ContactPointWebhookHmacConfig | cdktf.IResolvable): any {
  if (passThrough(struct)) { return struct; }
  const s = struct as ContactPointWebhookHmacConfig;
  return {
    header: cdktf.stringToTerraform(s.header),
    secret: cdktf.stringToTerraform(s.secret),
    timestamp_header: cdktf.stringToTerraform(s.timestampHeader),
  };
}

/** `webhook.http_config.oauth2.proxy_config` block (set, max 1). */
export interface ContactPointWebhookHttpConfigOauth2ProxyConfig {
  /** `no_proxy`: comma-separated addresses that bypass the proxy. */
  readonly noProxy?: string;
  /** `proxy_connect_header` (map): headers sent to the proxy on CONNECT; keys are kept verbatim. */
  readonly proxyConnectHeader?: { [key: string]: string };
  /**
   * `proxy_from_environment`: use HTTP_PROXY, HTTPS_PROXY and NO_PROXY.
   * @default false
   */
  readonly proxyFromEnvironment?: boolean | cdktf.IResolvable;
  /** `proxy_url`: HTTP proxy to use. */
  readonly proxyUrl?: string;
}

export function contactPointWebhookHttpConfigOauth2ProxyConfigToTerraform(struct?: ContactPointWebhookHttpConfigOauth2ProxyConfig | cdktf.IResolvable): any {
  if (passThrough(struct)) { return struct; }
  const s = struct as ContactPointWebhookHttpConfigOauth2ProxyConfig;
  return {
    no_proxy: cdktf.stringToTerraform(s.noProxy),
    proxy_connect_header: cdktf.hashMapper(cdktf.stringToTerraform)(s.proxyConnectHeader),
    proxy_from_environment: cdktf.booleanToTerraform(s.proxyFromEnvironment),
    proxy_url: cdktf.stringToTerraform(s.proxyUrl),
  };
}

/** `webhook.http_config.oauth2.tls_config` block (set, max 1). */
export interface ContactPointWebhookHttpConfigOauth2TlsConfig {
  /** `ca_certificate` (sensitive): PEM CA certificate for verifying the server. */
  readonly caCertificate?: string;
  /** `client_certificate` (sensitive): PEM client certificate. */
  readonly clientCertificate?: string;
  /** `client_key` (sensitive): PEM client key. */
  readonly clientKey?: string;
  /**
   * `insecure_skip_verify`: do not verify the server certificate.
   * @default false
   */
  readonly insecureSkipVerify?: boolean | cdktf.IResolvable;
}

export function contactPointWebhookHttpConfigOauth2TlsConfigToTerraform(struct?: ContactPointWebhookHttpConfigOauth2TlsConfig | cdktf.IResolvable): any {
  if (passThrough(struct)) { return struct; }
  const s = struct as ContactPointWebhookHttpConfigOauth2TlsConfig;
  return {
    ca_certificate: cdktf.stringToTerraform(s.caCertificate),
    client_certificate: cdktf.stringToTerraform(s.clientCertificate),
    client_key: cdktf.stringToTerraform(s.clientKey),
    insecure_skip_verify: cdktf.booleanToTerraform(s.insecureSkipVerify),
  };
}

/** `webhook.http_config.oauth2` block (set, max 1): OAuth2 client credentials. */
export interface ContactPointWebhookHttpConfigOauth2 {
  /** `client_id` (required). */
  readonly clientId: string;
  /** `client_secret` (required, sensitive). */
  readonly clientSecret: string;
  /** `endpoint_params` (map): extra parameters of the token request; keys are kept verbatim. */
  readonly endpointParams?: { [key: string]: string };
  /** `scopes`: scopes to request. */
  readonly scopes?: string[];
  /** `token_url` (required): access token endpoint. */
  readonly tokenUrl: string;
  /** `proxy_config` block (set, max 1). */
  readonly proxyConfig?: ContactPointWebhookHttpConfigOauth2ProxyConfig;
  /** `tls_config` block (set, max 1). */
  readonly tlsConfig?: ContactPointWebhookHttpConfigOauth2TlsConfig;
}

export function contactPointWebhookHttpConfigOauth2ToTerraform(struct?: ContactPointWebhookHttpConfigOauth2 | cdktf.IResolvable): any {
  if (passThrough(struct)) { return struct; }
  const s = struct as ContactPointWebhookHttpConfigOauth2;
  return {
    client_id: cdktf.stringToTerraform(s.clientId),
    client_secret: cdktf.stringToTerraform(s.clientSecret),
    endpoint_params: cdktf.hashMapper(cdktf.stringToTerraform)(s.endpointParams),
    scopes: cdktf.listMapper(cdktf.stringToTerraform, false)(s.scopes),
    token_url: cdktf.stringToTerraform(s.tokenUrl),
    proxy_config: contactPointWebhookHttpConfigOauth2ProxyConfigToTerraform(s.proxyConfig),
    tls_config: contactPointWebhookHttpConfigOauth2TlsConfigToTerraform(s.tlsConfig),
  };
}

/** `webhook.http_config` block (set, max 1): common HTTP client options. */
export interface ContactPointWebhookHttpConfig {
  /** `oauth2` block (set, max 1). */
  readonly oauth2?: ContactPointWebhookHttpConfigOauth2;
}

export function contactPointWebhookHttpConfigToTerraform(struct?: ContactPointWebhookHttpConfig | cdktf.IResolvable): any {
  if (passThrough(struct)) { return struct; }
  const s = struct as ContactPointWebhookHttpConfig;
  return {
    oauth2: contactPointWebhookHttpConfigOauth2ToTerraform(s.oauth2),
  };
}

/** `webhook.payload` block (set, max 1): templated payload; overrides `message` and `title`. */
export interface ContactPointWebhookPayload {
  /** `template` (required): payload template. */
  readonly template: string;
  /** `vars` (map): variables available as `.Vars.<name>`; keys are kept verbatim. */
  readonly vars?: { [key: string]: string };
}

export function contactPointWebhookPayloadToTerraform(struct?: ContactPointWebhookPayload | cdktf.IResolvable): any {
  if (passThrough(struct)) { return struct; }
  const s = struct as ContactPointWebhookPayload;
  return {
    template: cdktf.stringToTerraform(s.template),
    vars: cdktf.hashMapper(cdktf.stringToTerraform)(s.vars),
  };
}

/** `webhook` notifier block. */
export interface ContactPointWebhook {
  /** `authorization_credentials` (sensitive): value of a custom `Authorization` header. */
  readonly authorizationCredentials?: string;
  /** `authorization_scheme`: scheme of a custom `Authorization` header. */
  readonly authorizationScheme?: string;
  /** `basic_auth_password` (sensitive): basic auth password. */
  readonly basicAuthPassword?: string;
  /** `basic_auth_user`: basic auth user; basic auth is off when omitted. */
  readonly basicAuthUser?: string;
  /**
   * `disable_resolve_message`: do not send resolve messages.
   * @default false
   */
  readonly disableResolveMessage?: boolean | cdktf.IResolvable;
  /** `headers` (map): custom request headers; keys are kept verbatim. */
  readonly headers?: { [key: string]: string };
  /**
   * `http_method`: HTTP method of the request.
   * @default "POST"
   */
  readonly httpMethod?: string;
  /**
   * `max_alerts`: maximum number of alerts per request; 0 means no limit.
   * @default 0
   */
  readonly maxAlerts?: number;
  /** `message`: templated custom message. */
  readonly message?: string;
  /** `settings` (sensitive map): extra notifier properties; keys are kept verbatim. */
  readonly settings?: { [key: string]: string };
  /** `title`: templated message title. */
  readonly title?: string;
  /** `tls_config` (sensitive map, not a block): TLS options of the webhook notifier. */
  readonly tlsConfig?: { [key: string]: string };
  /** `url` (required): webhook URL. */
  readonly url: string;
  /** `hmac_config` block (set, max 1). */
  readonly hmacConfig?: ContactPointWebhookHmacConfig;
  /** `http_config` block (set, max 1). */
  readonly httpConfig?: ContactPointWebhookHttpConfig;
  /** `payload` block (set, max 1). */
  readonly payload?: ContactPointWebhookPayload;
}

export function contactPointWebhookToTerraform(struct?: ContactPointWebhook | cdktf.IResolvable): any {
  if (passThrough(struct)) { return struct; }
  const s = struct as ContactPointWebhook;
  return {
    authorization_credentials: cdktf.stringToTerraform(s.authorizationCredentials),
    authorization_scheme: cdktf.stringToTerraform(s.authorizationScheme),
    basic_auth_password: cdktf.stringToTerraform(s.basicAuthPassword),
    basic_auth_user: cdktf.stringToTerraform(s.basicAuthUser),
    disable_resolve_message: cdktf.booleanToTerraform(s.disableResolveMessage),
    headers: cdktf.hashMapper(cdktf.stringToTerraform)(s.headers),
    http_method: cdktf.stringToTerraform(s.httpMethod),
    max_alerts: cdktf.numberToTerraform(s.maxAlerts),
    message: cdktf.stringToTerraform(s.message),
    settings: cdktf.hashMapper(cdktf.stringToTerraform)(s.settings),
    title: cdktf.stringToTerraform(s.title),
    tls_config: cdktf.hashMapper(cdktf.stringToTerraform)(s.tlsConfig),
    url: cdktf.stringToTerraform(s.url),
    hmac_config: contactPointWebhookHmacConfigToTerraform(s.hmacConfig),
    http_config: contactPointWebhookHttpConfigToTerraform(s.httpConfig),
    payload: contactPointWebhookPayloadToTerraform(s.payload),
  };
}

// ---------------------------------------------------------------------------------------------
// resource
// ---------------------------------------------------------------------------------------------

/** `grafana_contact_point` */
export class ContactPoint extends cdktf.TerraformResource {
  public static readonly tfResourceType = 'grafana_contact_point';

  /** Generates config for importing an existing contact point on `cdktf plan`. */
  public static generateConfigForImport(
    scope: Construct,
    importToId: string,
    importFromId: string,
    provider?: cdktf.TerraformProvider,
  ): cdktf.ImportableResource {
    return new cdktf.ImportableResource(scope, importToId, {
      terraformResourceType: 'grafana_contact_point',
      importId: importFromId,
      provider,
    });
  }

  private readonly input: ContactPointConfig;

  public constructor(scope: Construct, id: string, config: ContactPointConfig) {
    super(scope, id, {
      terraformResourceType: 'grafana_contact_point',
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
  /** The `email` blocks as a token (`cdktf get` returns a list output reference here). */
  public get email(): cdktf.IResolvable { return this.interpolationForAttribute('email'); }
  /** The `pagerduty` blocks as a token (`cdktf get` returns a list output reference here). */
  public get pagerduty(): cdktf.IResolvable { return this.interpolationForAttribute('pagerduty'); }
  /** The `slack` blocks as a token (`cdktf get` returns a list output reference here). */
  public get slack(): cdktf.IResolvable { return this.interpolationForAttribute('slack'); }
  /** The `webhook` blocks as a token (`cdktf get` returns a list output reference here). */
  public get webhook(): cdktf.IResolvable { return this.interpolationForAttribute('webhook'); }

  protected override synthesizeAttributes(): { [name: string]: any } {
    const c = this.input;
    return {
      disable_provenance: cdktf.booleanToTerraform(c.disableProvenance),
      id: cdktf.stringToTerraform(c.id),
      name: cdktf.stringToTerraform(c.name),
      org_id: cdktf.stringToTerraform(c.orgId),
      email: cdktf.listMapper(contactPointEmailToTerraform, true)(c.email),
      pagerduty: cdktf.listMapper(contactPointPagerdutyToTerraform, true)(c.pagerduty),
      slack: cdktf.listMapper(contactPointSlackToTerraform, true)(c.slack),
      webhook: cdktf.listMapper(contactPointWebhookToTerraform, true)(c.webhook),
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
