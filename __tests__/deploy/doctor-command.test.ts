import { runDoctor } from '../../deploy/doctor-command';
import { synthOf } from '../support/synth';

/** `npm run doctor` as scripts/doctor.ts runs it: arguments in, text and exit code out. */
function doctor(argv: string[], env: Record<string, string>, load?: Parameters<typeof runDoctor>[3]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runDoctor(argv, env, { out: (t) => out.push(t), err: (t) => err.push(t) }, load);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('npm run doctor', () => {
  it('synthesizes the environment itself and reports production with no credentials: all missing, exit 1', () => {
    const { code, out } = doctor(['production'], {});
    expect(code).toBe(1);
    expect(out).toContain('15 of 15 missing');
    expect(out).toMatch(/✗ TF_VAR_postgres_password\s+MISSING/);
  });

  it('fails with 2 on an unknown environment, naming the allowed values', () => {
    const { code, out, err } = doctor(['prod'], {}, () => synthOf('production'));
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('environment: got "prod"; expected one of staging, production. Fix: npm run doctor -- <staging|production>');
  });

  it('fails with 2 when no environment is named', () => {
    expect(doctor([], {}, () => synthOf('production')).err).toContain('got nothing; expected one of staging, production');
  });

  it.each([
    [['production', '--from'], '--from: got no directory; expected a synth output directory'],
    [['production', '--form', 'out'], 'argument "--form": expected an environment name or --from <dir>'],
    [['staging', 'production'], 'got 2 environments (staging, production); expected one'],
  ])('fails with 2 on the arguments %j, naming the problem and the usage', (argv, message) => {
    const { code, out, err } = doctor(argv, {}, () => synthOf('production'));
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(message);
    expect(err).toContain('Usage: npm run doctor -- <environment> [--from <synth dir>]');
  });

  it('reads an existing synth output with --from', () => {
    const seen: [string, string | undefined][] = [];
    doctor(['staging', '--from', 'cdktf.out'], {}, (env, from) => {
      seen.push([env, from]);
      return synthOf(env);
    });
    expect(seen).toEqual([['staging', 'cdktf.out']]);
    doctor(['--from=out', 'production'], {}, (env, from) => {
      seen.push([env, from]);
      return synthOf(env);
    });
    expect(seen[1]).toEqual(['production', 'out']);
  });
});
