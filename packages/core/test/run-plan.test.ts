import { BUILTIN_RULES, ConfigError, explainLevel, InputError, parseConfig, planRun, type PlannedRule, type RunPlan } from '../src';

const config = (text: string): ReturnType<typeof parseConfig> => parseConfig(text, '/repo/.k8s-lint.yaml', '.k8s-lint.yaml');

function ruleIn(plan: RunPlan, id: string): PlannedRule {
  const planned = plan.rules.find((entry) => entry.rule.meta.id === id);
  if (!planned) throw new Error(`no rule ${id}`);
  return planned;
}

/** The plan's view of a rule, without the rule object and its options. */
function summary(plan: RunPlan, id: string): Omit<PlannedRule, 'rule' | 'options'> {
  const { rule: _rule, options: _options, ...rest } = ruleIn(plan, id);
  return rest;
}

describe('run plan', () => {
  test('with nothing configured every rule runs at its default level, except the rules off by default', () => {
    const plan = planRun(BUILTIN_RULES);
    expect(plan.settings).toEqual({ profile: 'default', pssVersion: 'latest', kubernetesVersion: '1.36' });
    expect(plan.rules.map((entry) => entry.rule.meta.id)).toEqual(BUILTIN_RULES.map((rule) => rule.meta.id));
    expect(summary(plan, 'image-latest-tag')).toEqual({ active: true, severity: 'warning', configured: 'warning', source: 'default', onlyInOverrides: false, overrides: [] });
    expect(summary(plan, 'flux-missing-service-account')).toEqual({ active: false, severity: 'off', configured: 'off', source: 'default', onlyInOverrides: false, overrides: [] });
    expect(plan.active.map((entry) => entry.rule.meta.id)).toEqual(plan.rules.filter((entry) => entry.active).map((entry) => entry.rule.meta.id));
  });

  test('a pss-* profile turns every other rule off, except yaml-syntax, and says so', () => {
    const plan = planRun(BUILTIN_RULES, config('profile: pss-baseline\nrules:\n  image-latest-tag: error\n'));
    expect(summary(plan, 'image-latest-tag')).toEqual({ active: false, severity: 'off', configured: 'error', source: 'profile', onlyInOverrides: false, overrides: [] });
    expect(summary(plan, 'pss/privileged')).toMatchObject({ active: true, severity: 'error', source: 'default' });
    expect(summary(plan, 'yaml-syntax')).toMatchObject({ active: true, severity: 'error', source: 'default' });
    // A rule that is off anyway is off by its own default, not by the profile.
    expect(summary(plan, 'flux-missing-service-account')).toMatchObject({ active: false, source: 'default' });
    expect(plan.active.every((entry) => entry.rule.meta.id === 'yaml-syntax' || entry.rule.meta.id.startsWith('pss/'))).toBe(true);
    expect(explainLevel(ruleIn(plan, 'image-latest-tag'), plan.settings.profile)).toBe('warning; configured: error (off under profile pss-baseline)');
  });

  test('the command line wins over the configuration', () => {
    const plan = planRun(BUILTIN_RULES, config('profile: pss-baseline\npssVersion: v1.29\n'), { profile: 'default', kubernetesVersion: 'v1.27' });
    expect(plan.settings).toEqual({ profile: 'default', pssVersion: 'v1.29', kubernetesVersion: '1.27' });
    expect(summary(plan, 'image-latest-tag')).toMatchObject({ active: true, severity: 'warning', source: 'default' });
  });

  test('an override that turns a rule on runs it for its files only, at its level; the engine runs it at the default level', () => {
    const plan = planRun(BUILTIN_RULES, config('overrides:\n  - files: ["flux/**"]\n    rules: { flux-missing-service-account: error, run-as-root: off }\n'));
    expect(summary(plan, 'flux-missing-service-account')).toEqual({
      active: true, severity: 'error', configured: 'off', source: 'override', onlyInOverrides: true, overrides: [{ index: 0, level: 'error' }],
    });
    expect(summary(plan, 'run-as-root')).toEqual({ active: true, severity: 'warning', configured: 'warning', source: 'default', onlyInOverrides: false, overrides: [{ index: 0, level: 'off' }] });
    expect([...plan.onlyInOverrides]).toEqual(['flux-missing-service-account']);
    expect(plan.active.find((entry) => entry.rule.meta.id === 'flux-missing-service-account')?.severity).toBe('note');
    expect(explainLevel(ruleIn(plan, 'flux-missing-service-account'), 'default')).toBe('note (off by default); on only in files of overrides[0]: error');
    expect(explainLevel(ruleIn(plan, 'run-as-root'), 'default')).toBe('warning; in files of overrides[0]: off');
  });

  test('under a pss-* profile, a rule an override turns on stays off, as the lint run does', () => {
    const plan = planRun(BUILTIN_RULES, config('profile: pss-baseline\noverrides:\n  - files: ["flux/**"]\n    rules: { flux-missing-service-account: error }\n'));
    expect(summary(plan, 'flux-missing-service-account')).toEqual({
      active: false, severity: 'off', configured: 'off', source: 'profile', onlyInOverrides: false, overrides: [{ index: 0, level: 'error' }],
    });
    expect(plan.active.some((entry) => entry.rule.meta.id === 'flux-missing-service-account')).toBe(false);
    expect(explainLevel(ruleIn(plan, 'flux-missing-service-account'), 'pss-baseline')).toBe('note (off by default); off under profile pss-baseline');
  });

  test('a rule set to off in the configuration does not run', () => {
    const plan = planRun(BUILTIN_RULES, config('rules:\n  run-as-root: off\n  missing-probes: { severity: warning }\n'));
    expect(summary(plan, 'run-as-root')).toEqual({ active: false, severity: 'off', configured: 'off', source: 'config', onlyInOverrides: false, overrides: [] });
    expect(summary(plan, 'missing-probes')).toMatchObject({ active: true, severity: 'warning', source: 'config' });
    expect(explainLevel(ruleIn(plan, 'run-as-root'), 'default')).toBe('warning; configured: off');
  });

  test('bad settings and unknown rules, in rules or in overrides, stop the plan as they stop a run', () => {
    expect(() => planRun(BUILTIN_RULES, undefined, { pssVersion: 'v2' })).toThrow(new InputError('invalid Pod Security Standards version "v2": must be "latest" or "v1.N"'));
    expect(() => planRun(BUILTIN_RULES, config('rules:\n  run-as-rot: off\n'))).toThrow(new ConfigError('.k8s-lint.yaml: rules.run-as-rot: unknown rule "run-as-rot" (did you mean "run-as-root"?)'));
    expect(() => planRun(BUILTIN_RULES, config('overrides:\n  - files: ["a/**"]\n    rules: { run-as-rot: note }\n'))).toThrow(
      new ConfigError('.k8s-lint.yaml: overrides[0].rules.run-as-rot: unknown rule "run-as-rot" (did you mean "run-as-root"?)'),
    );
  });
});
