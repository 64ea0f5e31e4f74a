import { markdownToText, ruleDocsUrl, type Finding, type LintResult, type RuleMeta, type RuleRun, type Severity } from '@k8s-lint/core';
import {
  FINGERPRINT_KEY,
  formatSarif,
  pascalCase,
  toRegion,
  type SarifLog,
  type SarifResult,
} from '@k8s-lint/sarif';
import { describeValidation, validateSarif } from '../../../test/helpers/sarif-validator';

// ---------------------------------------------------------------------------------------------
// Synthetic input

function meta(id: string, overrides: Partial<RuleMeta> = {}): RuleMeta {
  return {
    id,
    title: `Title of ${id}`,
    description: `Reports ${id} problems.`,
    severity: 'warning',
    category: 'pod-security',
    tags: ['kubernetes'],
    help: `## Why\n\n\`${id}\` matters. See [the docs](https://example.com/${id}).\n\n\`\`\`yaml\n# fixed:\nspec: {}\n\`\`\`\n`,
    references: [{ title: 'Pod Security Standards', url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/' }],
    ...overrides,
  };
}

function rule(ruleMeta: RuleMeta, severity: Severity = ruleMeta.severity): RuleRun {
  return { meta: ruleMeta, severity };
}

const WEB = { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'prod', name: 'web' } as const;

function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'privileged-container',
    severity: 'error',
    message: 'Container "app" runs privileged.',
    file: 'deploy/web.yaml',
    line: 20,
    column: 11,
    endLine: 20,
    endColumn: 27,
    object: { ...WEB },
    path: 'spec.template.spec.containers[0].securityContext.privileged',
    source: null,
    suppression: null,
    ...overrides,
  };
}

function lintResult(findings: Finding[], rules: RuleRun[] = defaultRules()): LintResult {
  const active = findings.filter((f) => f.suppression === null);
  return {
    summary: {
      files: new Set(findings.map((f) => f.file)).size,
      objects: findings.length,
      skipped: 0,
      findings: active.length,
      errors: active.filter((f) => f.severity === 'error').length,
      warnings: active.filter((f) => f.severity === 'warning').length,
      notes: active.filter((f) => f.severity === 'note').length,
      suppressed: findings.length - active.length,
    },
    files: [...new Set(findings.map((f) => f.file))].sort(),
    findings,
    rules,
  };
}

/** Sorted by id, as the engine hands them over. */
function defaultRules(): RuleRun[] {
  return [
    rule(meta('image-tag-latest', { category: 'images', severity: 'warning', tags: ['supply-chain'] })),
    rule(meta('missing-resource-limits', { category: 'resources', severity: 'note', tags: [] }), 'warning'),
    rule(meta('privileged-container', { severity: 'error', securitySeverity: 9.1, tags: ['kubernetes', 'privilege'] })),
    rule(meta('yaml-syntax', { category: 'syntax', severity: 'error', references: [] })),
  ];
}

/** Several rules, a suppressed finding, a Helm source, a null-object finding, a file with a space. */
function realisticResult(): LintResult {
  return lintResult([
    finding({ file: 'charts/my app/rendered.yaml', source: 'my-app/templates/deployment.yaml' }),
    finding({
      ruleId: 'image-tag-latest',
      severity: 'warning',
      message: 'Image "nginx:latest" uses the latest tag.',
      file: 'deploy/web.yaml',
      line: 18,
      column: 18,
      endLine: 18,
      endColumn: 30,
      path: 'spec.template.spec.containers[0].image',
    }),
    finding({
      ruleId: 'missing-resource-limits',
      severity: 'warning',
      message: 'Container "app" has no memory limit.',
      file: 'deploy/web.yaml',
      line: 16,
      column: 9,
      endLine: 16,
      endColumn: 9,
      path: 'spec.template.spec.containers[0].resources.limits.memory',
      suppression: { via: 'annotation', reason: 'sized by the VPA' },
    }),
    finding({
      ruleId: 'privileged-container',
      file: 'deploy/ops.yaml',
      line: 9,
      column: 5,
      endLine: 12,
      endColumn: 3,
      object: { apiVersion: 'v1', kind: 'Pod', namespace: null, name: 'debug' },
      path: 'spec.containers[1].securityContext.privileged',
      suppression: { via: 'comment', reason: null },
    }),
    finding({
      ruleId: 'yaml-syntax',
      severity: 'error',
      message: 'Unexpected end of flow mapping.',
      file: 'broken/bad.yaml',
      line: 3,
      column: 1,
      endLine: 3,
      endColumn: 1,
      object: null,
      path: '',
    }),
  ]);
}

function parse(text: string): SarifLog {
  return JSON.parse(text) as SarifLog;
}

function sarifOf(result: LintResult): SarifLog {
  return parse(formatSarif(result, { toolVersion: '1.2.3' }));
}

function resultsOf(result: LintResult): SarifResult[] {
  return sarifOf(result).runs[0]?.results ?? [];
}

function fingerprintOf(f: Finding): string | undefined {
  return resultsOf(lintResult([f]))[0]?.partialFingerprints?.[FINGERPRINT_KEY];
}

// ---------------------------------------------------------------------------------------------
// Log and tool

describe('formatSarif: log envelope', () => {
  it('writes SARIF 2.1.0 with the schema, run metadata and a trailing newline', () => {
    const text = formatSarif(realisticResult(), { toolVersion: '1.2.3', informationUri: 'https://example.com/k8s-lint' });
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "version": "2.1.0"');
    const log = parse(text);
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0];
    expect(run?.columnKind).toBe('utf16CodeUnits');
    expect(run?.invocations).toEqual([{ executionSuccessful: true }]);
    expect(run?.tool.driver).toMatchObject({
      name: 'k8s-lint',
      version: '1.2.3',
      semanticVersion: '1.2.3',
      informationUri: 'https://example.com/k8s-lint',
    });
    expect(run?.originalUriBaseIds?.['%SRCROOT%']?.uri).toBeUndefined();
    expect(run?.originalUriBaseIds?.['%SRCROOT%']?.description?.text).toBeTruthy();
  });

  it('omits semanticVersion when the version is not semver', () => {
    const driver = parse(formatSarif(realisticResult(), { toolVersion: 'dev' })).runs[0]?.tool.driver;
    expect(driver?.version).toBe('dev');
    expect(driver).not.toHaveProperty('semanticVersion');
  });

  it('turns a srcRoot option into an absolute directory file URI', () => {
    const run = parse(formatSarif(realisticResult(), { srcRoot: '/home/ci/my repo' })).runs[0];
    expect(run?.originalUriBaseIds?.['%SRCROOT%']?.uri).toBe('file:///home/ci/my%20repo/');
  });

  it('is byte-for-byte deterministic and has no timestamps', () => {
    const first = formatSarif(realisticResult());
    expect(formatSarif(realisticResult())).toBe(first);
    expect(first).not.toMatch(/Utc"|\d{4}-\d\d-\d\dT\d\d:/);
  });
});

// ---------------------------------------------------------------------------------------------
// Rules

describe('formatSarif: rules', () => {
  it('lists every rule that ran, in order, with GitHub properties', () => {
    const rules = sarifOf(realisticResult()).runs[0]?.tool.driver.rules ?? [];
    expect(rules.map((r) => r.id)).toEqual(['image-tag-latest', 'missing-resource-limits', 'privileged-container', 'yaml-syntax']);
    const privileged = rules[2];
    expect(privileged).toMatchObject({
      id: 'privileged-container',
      name: 'PrivilegedContainer',
      shortDescription: { text: 'Title of privileged-container' },
      fullDescription: { text: 'Reports privileged-container problems.' },
      helpUri: ruleDocsUrl('privileged-container'),
      defaultConfiguration: { level: 'error' },
      properties: {
        tags: ['kubernetes', 'privilege', 'security', 'pod-security'],
        precision: 'high',
        'security-severity': '9.1',
      },
    });
  });

  it('derives security-severity from the rule severity with one decimal, for security rules only', () => {
    const rules = sarifOf(realisticResult()).runs[0]?.tool.driver.rules ?? [];
    // yaml-syntax (category syntax) says the input could not be read, not that it is insecure.
    expect(rules.map((r): unknown => r.properties?.['security-severity'])).toEqual(['5.0', '2.0', '9.1', undefined]);
    expect(rules.map((r) => r.properties?.tags?.includes('security'))).toEqual([true, true, true, false]);
  });

  it('uses the configured run severity for defaultConfiguration.level', () => {
    const rules = sarifOf(realisticResult()).runs[0]?.tool.driver.rules ?? [];
    // missing-resource-limits is a note by default but configured as a warning for this run.
    expect(rules.map((r) => r.defaultConfiguration?.level)).toEqual(['warning', 'warning', 'error', 'error']);
  });

  it('does not duplicate tags that are already present', () => {
    const rules = sarifOf(
      lintResult([], [rule(meta('x-rule', { category: 'images', tags: ['security', 'images', 'extra'] }))]),
    ).runs[0]?.tool.driver.rules;
    expect(rules?.[0]?.properties?.tags).toEqual(['security', 'images', 'extra']);
  });

  it('writes help as markdown with references and as plain text', () => {
    const help = sarifOf(realisticResult()).runs[0]?.tool.driver.rules?.[2]?.help;
    expect(help?.markdown).toContain('`privileged-container` matters.');
    expect(help?.markdown).toContain(
      '**References**\n\n- [Pod Security Standards](https://kubernetes.io/docs/concepts/security/pod-security-standards/)',
    );
    expect(help?.text).toContain('privileged-container matters. See the docs (https://example.com/privileged-container).');
    expect(help?.text).toContain('    # fixed:\n    spec: {}');
    expect(help?.text).toContain('References:\n- Pod Security Standards: https://kubernetes.io/');
    expect(help?.text).not.toMatch(/```|^## /m);
  });

  it('names rules in PascalCase', () => {
    expect(pascalCase('privileged-container')).toBe('PrivilegedContainer');
    expect(pascalCase('yaml-syntax')).toBe('YamlSyntax');
    expect(pascalCase('run-as-non-root_2')).toBe('RunAsNonRoot2');
  });

  it('converts markdown to readable text', () => {
    expect(markdownToText('# Title\n\nUse **`runAsNonRoot: true`** and [PSS](https://k8s.io/pss).\n\n\n\nEnd'))
      .toBe('Title\n\nUse runAsNonRoot: true and PSS (https://k8s.io/pss).\n\nEnd');
  });
});

// ---------------------------------------------------------------------------------------------
// Results

describe('formatSarif: results', () => {
  it('emits one result per finding, suppressed ones included, with the right ruleIndex and level', () => {
    const log = sarifOf(realisticResult());
    const rules = log.runs[0]?.tool.driver.rules ?? [];
    const results = log.runs[0]?.results ?? [];
    expect(results).toHaveLength(5);
    for (const result of results) expect(rules[result.ruleIndex ?? -1]?.id).toBe(result.ruleId);
    expect(results.map((r) => [r.ruleId, r.ruleIndex, r.level])).toEqual([
      ['privileged-container', 2, 'error'],
      ['image-tag-latest', 0, 'warning'],
      ['missing-resource-limits', 1, 'warning'],
      ['privileged-container', 2, 'error'],
      ['yaml-syntax', 3, 'error'],
    ]);
  });

  it('maps note findings to note', () => {
    const [result] = resultsOf(lintResult([finding({ ruleId: 'missing-resource-limits', severity: 'note' })]));
    expect(result?.level).toBe('note');
  });

  it('keeps the message text as is', () => {
    expect(resultsOf(realisticResult())[0]?.message).toEqual({ text: 'Container "app" runs privileged.' });
  });

  it('writes the physical location relative to %SRCROOT% with the region', () => {
    const location = resultsOf(realisticResult())[1]?.locations?.[0];
    expect(location?.physicalLocation).toEqual({
      artifactLocation: { uri: 'deploy/web.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 18, startColumn: 18, endLine: 18, endColumn: 30 },
    });
  });

  it('percent-encodes file paths but keeps the slashes', () => {
    const uriOf = (file: string): string | undefined =>
      resultsOf(lintResult([finding({ file })]))[0]?.locations?.[0]?.physicalLocation?.artifactLocation?.uri;
    expect(uriOf('charts/my app/rendered.yaml')).toBe('charts/my%20app/rendered.yaml');
    expect(uriOf('a#b/c?d/100%.yaml')).toBe('a%23b/c%3Fd/100%25.yaml');
    expect(uriOf('k8s:prod/déploiement.yaml')).toBe('k8s%3Aprod/d%C3%A9ploiement.yaml');
  });

  it('gives standard input a valid relative URI without %SRCROOT%', () => {
    const [result] = resultsOf(lintResult([finding({ file: '<stdin>' })]));
    expect(result?.locations?.[0]?.physicalLocation?.artifactLocation).toEqual({
      uri: 'stdin',
      description: { text: 'Standard input' },
    });
  });

  it('never writes an empty or out-of-range region', () => {
    const region = (line: number, column: number, endLine: number, endColumn: number): unknown =>
      toRegion({ line, column, endLine, endColumn });
    expect(region(3, 1, 3, 1)).toEqual({ startLine: 3, startColumn: 1, endLine: 3, endColumn: 2 });
    expect(region(3, 7, 3, 4)).toEqual({ startLine: 3, startColumn: 7, endLine: 3, endColumn: 8 });
    expect(region(0, 0, 0, 0)).toEqual({ startLine: 1, startColumn: 1, endLine: 1, endColumn: 2 });
    // Multi-line regions keep their end column, whatever it is relative to the start column.
    expect(region(9, 5, 12, 3)).toEqual({ startLine: 9, startColumn: 5, endLine: 12, endColumn: 3 });
    expect(region(9, 5, 2, 3)).toEqual({ startLine: 9, startColumn: 5, endLine: 9, endColumn: 6 });
  });

  it('describes the object as a logical location and in properties', () => {
    const results = resultsOf(realisticResult());
    expect(results[0]?.locations?.[0]?.logicalLocations).toEqual([
      { name: 'web', fullyQualifiedName: 'prod/Deployment/web', kind: 'object' },
    ]);
    expect(results[0]?.properties).toEqual({
      objectApiVersion: 'apps/v1',
      objectKind: 'Deployment',
      objectName: 'web',
      objectNamespace: 'prod',
      fieldPath: 'spec.template.spec.containers[0].securityContext.privileged',
      helmSource: 'my-app/templates/deployment.yaml',
    });
    // Cluster-scoped (no namespace) object.
    expect(results[3]?.locations?.[0]?.logicalLocations?.[0]?.fullyQualifiedName).toBe('Pod/debug');
    expect(results[3]?.properties).not.toHaveProperty('objectNamespace');
    expect(results[3]?.properties).not.toHaveProperty('helmSource');
  });

  it('has no logical location or object properties when the finding has no object', () => {
    const yaml = resultsOf(realisticResult())[4];
    expect(yaml?.locations?.[0]).not.toHaveProperty('logicalLocations');
    expect(yaml).not.toHaveProperty('properties');
  });

  it('marks suppressed findings as in-source suppressions with their reason', () => {
    const results = resultsOf(realisticResult());
    expect(results[0]).not.toHaveProperty('suppressions');
    expect(results[2]?.suppressions).toEqual([
      { kind: 'inSource', justification: 'sized by the VPA', properties: { via: 'annotation' } },
    ]);
    expect(results[3]?.suppressions).toEqual([{ kind: 'inSource', properties: { via: 'comment' } }]);
  });

  it('adds a descriptor for a rule that is missing from result.rules, so ruleIndex stays valid', () => {
    const result = lintResult(
      [finding({ ruleId: 'zz-engine-error', severity: 'error' }), finding({ ruleId: 'aa-unknown', severity: 'note' })],
      [rule(meta('privileged-container'))],
    );
    const run = sarifOf(result).runs[0];
    const rules = run?.tool.driver.rules ?? [];
    expect(rules.map((r) => r.id)).toEqual(['privileged-container', 'aa-unknown', 'zz-engine-error']);
    expect(run?.results?.map((r) => r.ruleIndex)).toEqual([2, 1]);
    expect(rules[1]).toMatchObject({ name: 'AaUnknown', defaultConfiguration: { level: 'note' } });
    expect(rules[1]?.shortDescription?.text).toBeTruthy();
    expect(rules[1]?.help?.text).toBeTruthy();
    expect(rules[1]?.properties).not.toHaveProperty('security-severity');
  });
});

// ---------------------------------------------------------------------------------------------
// Fingerprints

describe('formatSarif: partialFingerprints', () => {
  it('is a SHA-256 hex digest under a versioned key', () => {
    const fingerprints = resultsOf(realisticResult()).map((r) => r.partialFingerprints ?? {});
    for (const fp of fingerprints) {
      expect(Object.keys(fp)).toEqual(['k8sLintFindingHash/v1']);
      expect(fp[FINGERPRINT_KEY]).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('does not change when the finding moves to other lines or columns, or its message or severity changes', () => {
    const base = fingerprintOf(finding());
    expect(fingerprintOf(finding({ line: 120, endLine: 121, column: 3, endColumn: 9 }))).toBe(base);
    expect(fingerprintOf(finding({ message: 'Reworded.', severity: 'warning' }))).toBe(base);
    expect(fingerprintOf(finding({ suppression: { via: 'comment', reason: 'ok' } }))).toBe(base);
  });

  it('changes when the rule, file, object or field path changes', () => {
    const base = fingerprintOf(finding());
    const variants = [
      finding({ ruleId: 'other-rule' }),
      finding({ file: 'deploy/other.yaml' }),
      finding({ object: { ...WEB, apiVersion: 'apps/v1beta2' } }),
      finding({ object: { ...WEB, kind: 'StatefulSet' } }),
      finding({ object: { ...WEB, namespace: 'staging' } }),
      finding({ object: { ...WEB, name: 'api' } }),
      finding({ object: null }),
      finding({ path: 'spec.template.spec.containers[1].securityContext.privileged' }),
    ].map(fingerprintOf);
    expect(variants).not.toContain(base);
    expect(new Set(variants).size).toBe(variants.length);
  });

  it('disambiguates findings with the same key material by occurrence, deterministically', () => {
    const twins = [finding({ line: 5, endLine: 5 }), finding({ line: 40, endLine: 40 }), finding({ line: 80, endLine: 80 })];
    const fps = resultsOf(lintResult(twins)).map((r) => r.partialFingerprints?.[FINGERPRINT_KEY]);
    expect(new Set(fps).size).toBe(3);
    // The first occurrence keeps the fingerprint a lone finding would have.
    expect(fps[0]).toBe(fingerprintOf(finding()));
    expect(resultsOf(lintResult(twins)).map((r) => r.partialFingerprints?.[FINGERPRINT_KEY])).toEqual(fps);
    // Twins are numbered among themselves: an unrelated finding in between changes nothing.
    const interleaved = [twins[0], finding({ ruleId: 'image-tag-latest' }), twins[1], twins[2]].filter(
      (f): f is Finding => f !== undefined,
    );
    const fpsInterleaved = resultsOf(lintResult(interleaved)).map((r) => r.partialFingerprints?.[FINGERPRINT_KEY]);
    expect([fpsInterleaved[0], fpsInterleaved[2], fpsInterleaved[3]]).toEqual(fps);
  });
});

// ---------------------------------------------------------------------------------------------
// Validation, as GitHub code scanning ingests it

describe('formatSarif: validation', () => {
  it('passes the SARIF 2.1.0 schema and Sarif.Multitool (GitHub + SARIF rules) with no errors', () => {
    const text = formatSarif(realisticResult());
    const validation = validateSarif(text);
    const report = describeValidation(validation);
    expect({ schemaErrors: validation.schemaErrors, multitoolErrors: validation.multitoolErrors, report }).toEqual({
      schemaErrors: [],
      multitoolErrors: [],
      report,
    });
  });

  it('rejects an invalid log (guards against a validator that accepts everything)', () => {
    const log = parse(formatSarif(realisticResult()));
    const run = log.runs[0];
    if (!run) throw new Error('no run');
    const first = run.results?.[0];
    if (!first) throw new Error('no result');
    const broken = {
      ...log,
      runs: [
        {
          ...run,
          tool: { driver: { ...run.tool.driver, rules: (run.tool.driver.rules ?? []).map(({ id }) => ({ id })) } },
          results: [{ ...first, locations: [{ physicalLocation: { artifactLocation: { uri: 'my app.yaml' } } }] }],
        },
      ],
    };
    const validation = validateSarif(JSON.stringify(broken));
    expect(validation.schemaErrors.join('\n')).toMatch(/uri-reference/);
    expect(validation.multitoolErrors.join('\n')).toMatch(/GH2012|SARIF1002/);
  });
});
