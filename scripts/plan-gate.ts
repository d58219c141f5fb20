/**
 * `npm run plan-gate -- <env> <plan.json>`: the deploy workflow's last gate on a
 * saved Terraform plan, the same destroy guard as `npm run diff`. See deploy/plan-gate.ts.
 */
import { runPlanGate } from '../deploy/plan-gate';

process.exitCode = runPlanGate(process.argv.slice(2), process.cwd(), {
  out: (text) => process.stdout.write(text),
  err: (text) => console.error(text),
});
