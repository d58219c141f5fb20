/**
 * The Terraform release this project deploys with, pinned once: every stack's
 * `required_version`, the workflows, the README and `npm run doctor` use these.
 * 1.11 is the first release whose S3 backend has a generally available native
 * lock file (`use_lockfile`).
 */
export const TERRAFORM_VERSION = '1.11.4';

/** The constraint every stack declares as `terraform.required_version`. */
export const TERRAFORM_REQUIRED_VERSION = '>= 1.11.0, < 2.0.0';
