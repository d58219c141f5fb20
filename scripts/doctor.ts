/**
 * `npm run doctor -- <env> [--online]`: before any Terraform runs, lists every
 * credential and Terraform variable the environment's deploy needs, set or
 * missing (names only, never values), checks Terraform on the PATH and, with
 * --online, asks each vendor whether the credentials work. See deploy/doctor-command.ts.
 */
import { runDoctor } from '../deploy/doctor-command';

void runDoctor(process.argv.slice(2), process.env, {
  out: (text) => console.log(text),
  err: (text) => console.error(text),
}).then((code) => {
  process.exitCode = code;
});
