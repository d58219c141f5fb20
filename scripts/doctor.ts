/**
 * `npm run doctor -- <env>`: before any Terraform runs, lists every credential
 * and Terraform variable the environment's deploy needs, set or missing (names
 * only, never values). See deploy/doctor-command.ts.
 */
import { runDoctor } from '../deploy/doctor-command';

process.exitCode = runDoctor(process.argv.slice(2), process.env, {
  out: (text) => console.log(text),
  err: (text) => console.error(text),
});
