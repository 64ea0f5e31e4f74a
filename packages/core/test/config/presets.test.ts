import { BUILTIN_RULES, ConfigError, parseConfig, planRun, RECOMMENDED_CHANGES, type PlannedRule, type RunPlan } from '../../src';

const config = (text: string): ReturnType<typeof parseConfig> => parseConfig(text, '/repo/.k8s-lint.yaml', '.k8s-lint.yaml');

function ruleIn(plan: RunPlan, id: string): PlannedRule {
  const planned = plan.rules.find((entry) => entry.rule.meta.id === id);
  if (!planned) throw new Error(`no rule ${id}`);
  return planned;
}

describe('presets', () => {
  test('recommended is the default: strict-only rules are off, hardening rules report set values only', () => {
    const plan = planRun(BUILTIN_RULES);
    expect(plan.preset).toBe('recommended');
    expect(ruleIn(plan, 'capabilities-not-dropped')).toMatchObject({ active: false, severity: 'off', configured: 'off', source: 'default' });
    expect(ruleIn(plan, 'missing-probes')).toMatchObject({ active: false, severity: 'off' });
    expect(ruleIn(plan, 'run-as-root')).toMatchObject({ active: true, severity: 'warning', options: { reportUnset: false } });
    expect(ruleIn(plan, 'privileged-container')).toMatchObject({ active: true, severity: 'error' });
  });

  test('extends: [strict] runs every rule as written, except the rules off in every preset', () => {
    const plan = planRun(BUILTIN_RULES, config('extends: [strict]\n'));
    expect(plan.preset).toBe('strict');
    expect(ruleIn(plan, 'capabilities-not-dropped')).toMatchObject({ active: true, severity: 'warning' });
    expect(ruleIn(plan, 'missing-probes')).toMatchObject({ active: true, severity: 'note' });
    expect(ruleIn(plan, 'run-as-root')).toMatchObject({ active: true, options: { reportUnset: true } });
    expect(ruleIn(plan, 'flux-missing-service-account')).toMatchObject({ active: false });
  });

  test('a single name is accepted, and the last preset listed wins', () => {
    expect(planRun(BUILTIN_RULES, config('extends: strict\n')).preset).toBe('strict');
    expect(planRun(BUILTIN_RULES, config('extends: [strict, recommended]\n')).preset).toBe('recommended');
  });

  test('rules: applies on top of the preset, options merged over the preset\'s', () => {
    const plan = planRun(BUILTIN_RULES, config('rules:\n  missing-probes: warning\n  run-as-root:\n    severity: error\n    options:\n      reportUnset: true\n'));
    expect(ruleIn(plan, 'missing-probes')).toMatchObject({ active: true, severity: 'warning', source: 'config' });
    expect(ruleIn(plan, 'run-as-root')).toMatchObject({ active: true, severity: 'error', options: { reportUnset: true } });
    const strictOff = planRun(BUILTIN_RULES, config('extends: [strict]\nrules:\n  seccomp-profile-missing:\n    options:\n      reportUnset: false\n'));
    expect(ruleIn(strictOff, 'seccomp-profile-missing')).toMatchObject({ active: true, options: { reportUnset: false } });
  });

  test('an override turns a strict-only rule on for some files', () => {
    const plan = planRun(BUILTIN_RULES, config('overrides:\n  - files: ["prod/**"]\n    rules:\n      missing-probes: warning\n'));
    expect(ruleIn(plan, 'missing-probes')).toMatchObject({ active: true, onlyInOverrides: true, severity: 'warning' });
  });

  test('an unknown preset is a configuration error naming the key', () => {
    expect(() => config('extends: [paranoid]\n')).toThrow(ConfigError);
    expect(() => config('extends: [paranoid]\n')).toThrow(/^\.k8s-lint\.yaml: extends/);
  });

  test('every rule the preset table names exists, and rules given options take reportUnset', () => {
    const ids = new Set(BUILTIN_RULES.map((rule) => rule.meta.id));
    for (const change of RECOMMENDED_CHANGES) {
      expect(ids.has(change.ruleId)).toBe(true);
      const rule = BUILTIN_RULES.find((candidate) => candidate.meta.id === change.ruleId);
      if (change.recommended !== 'off') expect(Object.keys(rule?.meta.optionsSchema?.properties ?? {})).toEqual(Object.keys(change.recommended.options));
    }
  });
});
