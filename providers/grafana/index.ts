/**
 * Namespaced re-exports of the hand-written grafana/grafana v4.45.1 bindings, laid out like the
 * `index.ts` that `cdktf get` writes. Prefer deep imports, e.g.
 * `import { Folder } from '../providers/grafana/folder'`.
 */
export * as folder from './folder';
export * as dashboard from './dashboard';
export * as dataSource from './data-source';
export * as contactPoint from './contact-point';
export * as notificationPolicy from './notification-policy';
export * as ruleGroup from './rule-group';
export * as messageTemplate from './message-template';
export * as muteTiming from './mute-timing';
export * as provider from './provider';
