/** Unit tests of providers/sentry/provider: the `sentry` provider block. */
import { SentryProvider } from '../../../../providers/sentry/provider';
import { describeProvider } from '../../binding-checks';

describeProvider('sentry', SentryProvider, { baseUrl: 'https://sentry.example.com/api/', token: 'sntrys_t' });
