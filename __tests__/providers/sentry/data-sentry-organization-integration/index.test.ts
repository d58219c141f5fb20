/** Unit tests of providers/sentry/data-sentry-organization-integration (the checks are in ../../binding-checks.ts). */
import * as binding from '../../../../providers/sentry/data-sentry-organization-integration';
import { describeBinding } from '../../binding-checks';

describeBinding(binding, binding.DataSentryOrganizationIntegration, 'data');
