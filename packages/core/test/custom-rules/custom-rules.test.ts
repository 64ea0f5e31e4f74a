import path from 'node:path';
import { lint, parseConfig, type Finding, type Rule } from '../../src';
import { runBudget } from '../../src/custom-rules/run-state';
import { makeTree } from '../helpers';
import { yaml } from '../rule-tester';

const brief = (f: Finding): string =>
  `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.severity} ${f.object ? `${f.object.kind}/${f.object.name}` : '-'} ${f.path}: ${f.message}${f.suppression ? ' (suppressed)' : ''}`;

/** Lints `files` with only the custom rules of `configText` (no built-in rule). */
async function lintCustom(configText: string, files: Record<string, string>, rules: readonly Rule<unknown>[] = []): Promise<string[]> {
  const cwd = makeTree({ '.k8s-lint.yaml': configText, ...files });
  const config = parseConfig(configText, path.join(cwd, '.k8s-lint.yaml'), '.k8s-lint.yaml');
  const result = await lint({ paths: Object.keys(files), cwd, config, rules });
  return result.findings.map(brief);
}

const OWNER_LABEL = yaml`
  customRules:
    - id: custom/owner-label
      title: Deployments name an owner
      match: { apiGroups: [apps], kinds: [Deployment] }
      validations:
        - expression: "has(object.metadata.labels) && 'owner' in object.metadata.labels"
          message: Deployment has no owner label
`;

/**
 * A Deployment in namespace shop: `metadata:` is line 3, column 1; `replicas:` line 7, column 3;
 * `image:` line 14, column 9, or line 15 after a `serviceAccountName` line (line 11, column 5).
 * `metadataLines` go after the namespace (and shift the rest).
 */
function deployment(name: string, { metadataLines = [] as string[], image = 'registry.example.com/app:1.0', serviceAccount = '' } = {}): string {
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    '  namespace: shop',
    ...metadataLines.map((line) => `  ${line}`),
    'spec:',
    '  replicas: 3',
    `  selector: { matchLabels: { app: ${name} } }`,
    '  template:',
    `    metadata: { labels: { app: ${name} } }`,
    '    spec:',
    ...(serviceAccount === '' ? [] : [`      serviceAccountName: ${serviceAccount}`]),
    '      containers:',
    '        - name: app',
    `          image: ${image}`,
    '',
  ].join('\n');
}

describe('custom rules: validations and where findings point', () => {
  test('a failed validation points at metadata without a path', async () => {
    expect(await lintCustom(OWNER_LABEL, { 'a.yaml': deployment('web'), 'b.yaml': deployment('api', { metadataLines: ['labels: { owner: team-a }'] }) })).toEqual([
      'a.yaml:3:1 custom/owner-label warning Deployment/web metadata: Deployment has no owner label',
    ]);
  });

  test('only matched objects are checked: API group, kind, excluded kinds, namespaces, label selector', async () => {
    const config = yaml`
      customRules:
        - id: custom/needs-label
          title: Labelled
          match:
            kinds: ["*"]
            excludeKinds: [ConfigMap]
            namespaces: [shop]
            labelSelector: { matchExpressions: [{ key: tier, operator: In, values: [web] }] }
          validations:
            - expression: "false"
              message: matched
    `;
    const files = {
      'web.yaml': deployment('web', { metadataLines: ['labels: { tier: web }'] }),
      'other-tier.yaml': deployment('api', { metadataLines: ['labels: { tier: db }'] }),
      'config.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c, namespace: shop, labels: { tier: web } }\n',
      'elsewhere.yaml': 'apiVersion: v1\nkind: Service\nmetadata: { name: s, namespace: other, labels: { tier: web } }\n',
      'unknown-namespace.yaml': 'apiVersion: v1\nkind: Service\nmetadata: { name: u, labels: { tier: web } }\n',
    };
    expect(await lintCustom(config, files)).toEqual(['web.yaml:3:1 custom/needs-label warning Deployment/web metadata: matched']);
  });

  test('path and pathExpression point at the field; messageExpression and params', async () => {
    const config = yaml`
      customRules:
        - id: custom/allowed-registry
          title: Images from our registry
          severity: error
          params: { registry: registry.example.com/ }
          validations:
            - expression: "object.spec.template.spec.containers.all(c, c.image.startsWith(params.registry))"
              messageExpression: "'image not from ' + params.registry"
              path: spec.template.spec.containers[0].image
        - id: custom/replicas
          title: At most two replicas
          validations:
            - expression: "object.spec.replicas <= 2"
              messageExpression: "'replicas is ' + string(object.spec.replicas)"
              pathExpression: "['spec', 'replicas']"
    `;
    expect(await lintCustom(config, { 'a.yaml': deployment('web', { image: 'docker.io/nginx:1.27' }) })).toEqual([
      'a.yaml:7:3 custom/replicas warning Deployment/web spec.replicas: replicas is 3',
      'a.yaml:14:11 custom/allowed-registry error Deployment/web spec.template.spec.containers[0].image: image not from registry.example.com/',
    ]);
  });

  test('rules.<id>.options is merged over params; rules: and overrides: set levels like a built-in rule', async () => {
    const config = yaml`
      customRules:
        - id: custom/allowed-registry
          title: Images from our registry
          params: { registry: registry.example.com/ }
          validations:
            - expression: "object.spec.template.spec.containers.all(c, c.image.startsWith(params.registry))"
              path: spec.template.spec.containers[0].image
      rules:
        custom/allowed-registry: { severity: note, options: { registry: docker.io/ } }
      overrides:
        - files: [legacy/**]
          rules: { custom/allowed-registry: off }
    `;
    expect(await lintCustom(config, { 'a.yaml': deployment('web'), 'b.yaml': deployment('api', { image: 'docker.io/nginx:1.27' }), 'legacy/c.yaml': deployment('old') })).toEqual([
      'a.yaml:14:11 custom/allowed-registry note Deployment/web spec.template.spec.containers[0].image: failed expression: object.spec.template.spec.containers.all(c, c.image.startsWith(params.registry))',
    ]);
  });

  test('a disable comment and the ignore annotation suppress a custom rule', async () => {
    const commented = deployment('web').replace('metadata:\n', '# k8s-lint-disable-next-line custom/owner-label\nmetadata:\n');
    const annotated = deployment('api', { metadataLines: ['annotations: { k8s-lint.io/ignore: custom/owner-label }'] });
    expect(await lintCustom(OWNER_LABEL, { 'a.yaml': commented, 'b.yaml': annotated })).toEqual([
      'a.yaml:4:1 custom/owner-label warning Deployment/web metadata: Deployment has no owner label (suppressed)',
      'b.yaml:3:1 custom/owner-label warning Deployment/api metadata: Deployment has no owner label (suppressed)',
    ]);
  });
});

describe('custom rules: variables, the namespace and other objects', () => {
  const SERVICE_ACCOUNT = yaml`
    customRules:
      - id: custom/service-account-exists
        title: The ServiceAccount is in the set
        match: { kinds: [Deployment] }
        variables:
          - name: account
            expression: "has(object.spec.template.spec.serviceAccountName) ? object.spec.template.spec.serviceAccountName : 'default'"
        validations:
          - expression: "variables.account == 'default' || objectsInNamespace.ServiceAccount.exists(s, s.metadata.name == variables.account)"
            messageExpression: "'ServiceAccount ' + variables.account + ' is not in the linted set'"
            path: spec.template.spec.serviceAccountName
  `;
  const account = (name: string, namespace: string): string => `apiVersion: v1\nkind: ServiceAccount\nmetadata: { name: ${name}, namespace: ${namespace} }\n`;

  test('objectsInNamespace finds the ServiceAccount of the same namespace only', async () => {
    const files = {
      'web.yaml': deployment('web', { serviceAccount: 'web' }),
      'api.yaml': deployment('api', { serviceAccount: 'api' }),
      'accounts.yaml': `${account('web', 'shop')}---\n${account('api', 'other')}`,
    };
    expect(await lintCustom(SERVICE_ACCOUNT, files)).toEqual([
      'api.yaml:12:7 custom/service-account-exists warning Deployment/api spec.template.spec.serviceAccountName: ServiceAccount api is not in the linted set',
    ]);
  });

  test('with no ServiceAccount in the run at all, the kind named in the expression is an empty list', async () => {
    expect(await lintCustom(SERVICE_ACCOUNT, { 'web.yaml': deployment('web', { serviceAccount: 'web' }) })).toEqual([
      'web.yaml:12:7 custom/service-account-exists warning Deployment/web spec.template.spec.serviceAccountName: ServiceAccount web is not in the linted set',
    ]);
  });

  test('objects whose namespace is unknown meet only those of the same tree, as in built-in cross-object rules', async () => {
    const unplaced = (name: string): string => deployment(name, { serviceAccount: name }).replace('  namespace: shop\n', '');
    const files = {
      'apps/web.yaml': unplaced('web'),
      'apps/accounts.yaml': 'apiVersion: v1\nkind: ServiceAccount\nmetadata: { name: web }\n---\napiVersion: v1\nkind: ServiceAccount\nmetadata: { name: api }\n',
      'other/api.yaml': unplaced('api'),
    };
    expect(await lintCustom(SERVICE_ACCOUNT, files)).toEqual([
      'other/api.yaml:11:7 custom/service-account-exists warning Deployment/api spec.template.spec.serviceAccountName: ServiceAccount api is not in the linted set',
    ]);
  });

  test('a kind looked up by a value (not named in the expression) finds its objects too', async () => {
    const config = yaml`
      customRules:
        - id: custom/hpa-target-exists
          title: The HorizontalPodAutoscaler's target is in the set
          match: { kinds: [HorizontalPodAutoscaler] }
          validations:
            - expression: "object.spec.scaleTargetRef.kind in objectsInNamespace && objectsInNamespace[object.spec.scaleTargetRef.kind].exists(o, o.metadata.name == object.spec.scaleTargetRef.name)"
              message: the target is not in the set
              path: spec.scaleTargetRef.name
    `;
    const hpa = (name: string, target: string): string =>
      `apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: { name: ${name}, namespace: shop }\nspec:\n  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: ${target} }\n  maxReplicas: 3\n`;
    expect(await lintCustom(config, { 'web.yaml': deployment('web'), 'hpa.yaml': `${hpa('web', 'web')}---\n${hpa('api', 'api')}` })).toEqual([
      'hpa.yaml:12:60 custom/hpa-target-exists warning HorizontalPodAutoscaler/api spec.scaleTargetRef.name: the target is not in the set',
    ]);
  });

  test('namespaceObject is the Namespace of the set, or null; objects holds every object by kind', async () => {
    const config = yaml`
      customRules:
        - id: custom/namespace-owned
          title: Namespaces of workloads name an owner
          match: { kinds: [Deployment] }
          validations:
            - expression: "namespaceObject != null && has(namespaceObject.metadata.labels) && 'owner' in namespaceObject.metadata.labels"
              message: the namespace has no owner label
        - id: custom/one-namespace-object
          title: One Namespace object per run
          match: { kinds: [Namespace] }
          validations:
            - expression: "size(objects.Namespace) == 1"
              messageExpression: "string(size(objects.Namespace)) + ' Namespace objects'"
    `;
    const files = {
      'shop.yaml': `apiVersion: v1\nkind: Namespace\nmetadata: { name: shop, labels: { owner: team-a } }\n---\n${deployment('web')}`,
      'other.yaml': `apiVersion: v1\nkind: Namespace\nmetadata: { name: other }\n---\n${deployment('api').replace('namespace: shop', 'namespace: other')}`,
      'none.yaml': deployment('job').replace('namespace: shop', 'namespace: nowhere'),
    };
    expect(await lintCustom(config, files)).toEqual([
      'none.yaml:3:1 custom/namespace-owned warning Deployment/job metadata: the namespace has no owner label',
      'other.yaml:3:1 custom/one-namespace-object warning Namespace/other metadata: 2 Namespace objects',
      'other.yaml:7:1 custom/namespace-owned warning Deployment/api metadata: the namespace has no owner label',
      'shop.yaml:3:1 custom/one-namespace-object warning Namespace/shop metadata: 2 Namespace objects',
    ]);
  });

  test('object.metadata.namespace is the namespace the object lands in (defaultNamespace here)', async () => {
    const config = `defaultNamespace: team-a\n${yaml`
      customRules:
        - id: custom/namespace-named
          title: Namespace shown
          match: { kinds: [ConfigMap] }
          validations:
            - expression: "object.metadata.namespace != 'team-a'"
              message: in team-a
    `}`;
    expect(await lintCustom(config, { 'c.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c }\n' })).toEqual([
      'c.yaml:3:1 custom/namespace-named warning ConfigMap/c metadata: in team-a',
    ]);
  });
});

describe('custom rules: objects that cannot be evaluated are reported, never passed', () => {
  test('a runtime error and a result that is not a bool are findings at metadata', async () => {
    const config = yaml`
      customRules:
        - id: custom/broken
          title: Broken
          match: { kinds: [Deployment] }
          validations:
            - expression: "object.spec.missing.field == 1"
            - expression: "object.spec.replicas"
            - expression: "true"
              pathExpression: "1 / 0"
    `;
    const findings = await lintCustom(config, { 'a.yaml': deployment('web') });
    expect(findings).toHaveLength(2);
    expect(findings[0]).toMatch(/^a\.yaml:3:1 custom\/broken warning Deployment\/web metadata: could not be evaluated: validations\[0\]\.expression: .*missing/);
    expect(findings[1]).toBe('a.yaml:3:1 custom/broken warning Deployment/web metadata: could not be evaluated: validations[1].expression returned a number, not a bool');
  });

  test('a pathExpression that fails still reports the violation, at metadata, saying why', async () => {
    const config = yaml`
      customRules:
        - id: custom/replicas
          title: Replicas
          validations:
            - expression: "object.spec.replicas < 2"
              message: too many replicas
              pathExpression: "object.spec.nowhere"
    `;
    const [finding, ...rest] = await lintCustom(config, { 'a.yaml': deployment('web') });
    expect(rest).toEqual([]);
    expect(finding).toMatch(/^a\.yaml:3:1 custom\/replicas warning Deployment\/web metadata: too many replicas \(could not be evaluated: validations\[0\]\.pathExpression: .*nowhere/);
  });

  test('an expression over the per-expression cost limit is a finding of the rule at metadata', async () => {
    const config = yaml`
      customRules:
        - id: custom/costly
          title: Costly
          match: { kinds: [Deployment] }
          validations:
            - expression: "[1,2,3,4,5,6,7,8,9,10].all(a, [1,2,3,4,5,6,7,8,9,10].all(b, [1,2,3,4,5,6,7,8,9,10].all(c, [1,2,3,4,5,6,7,8,9,10].all(d, [1,2,3,4,5,6,7,8,9,10].all(e, [1,2,3,4,5,6,7,8,9,10].all(f, a > 0))))))"
    `;
    expect(await lintCustom(config, { 'a.yaml': deployment('web') })).toEqual([
      'a.yaml:3:1 custom/costly warning Deployment/web metadata: could not be evaluated: validations[0].expression: CEL expression cost exceeds the limit of 1000000',
    ]);
  });

  test('once the run budget is spent, each rule reports the first object it could not check and how many more', async () => {
    // A rule that runs first and gives the run a small budget (the default is 1,000,000,000).
    const smallBudget: Rule<unknown> = {
      meta: { id: 'small-budget', title: 't', description: 'd', severity: 'note', category: 'custom', tags: [], help: '', references: [] },
      defaultOptions: {},
      check: (context) => void runBudget(context.resources, { perExpression: 1_000_000, remaining: 1 }),
    };
    const config = yaml`
      customRules:
        - id: custom/replicas
          title: Replicas
          match: { kinds: [Deployment] }
          validations:
            - expression: "[1,2,3,4,5,6,7,8,9,10].all(n, n > 0)"
    `;
    const files = { 'a.yaml': deployment('a'), 'b.yaml': deployment('b'), 'c.yaml': deployment('c'), 'd.yaml': deployment('d') };
    // a.yaml's evaluation costs more than the 1 left: it spends the budget; b.yaml, c.yaml and d.yaml are not checked.
    expect(await lintCustom(config, files, [smallBudget])).toEqual([
      'a.yaml:3:1 custom/replicas warning Deployment/a metadata: could not be evaluated: validations[0].expression: the CEL cost budget of the run is spent',
      'b.yaml:3:1 custom/replicas warning Deployment/b metadata: not evaluated: the CEL cost budget of the run is spent; this object and 2 more matched by the rule were not checked',
    ]);
  });
});

describe('custom rules: configuration errors are exit-2 errors naming the key and position', () => {
  const parse = (text: string): unknown => parseConfig(text, '/repo/.k8s-lint.yaml', '.k8s-lint.yaml');

  test('an expression that does not compile: the key, the position in the expression and in the file', () => {
    const text = yaml`
      customRules:
        - id: custom/a
          title: A
          validations:
            - expression: "true"
        - id: custom/b
          title: B
          validations:
            - expression: "true"
            - expression: "object.metadata.name == "
    `;
    expect(() => parse(text)).toThrow(/^\.k8s-lint\.yaml: customRules\[1\]\.validations\[1\]\.expression: does not compile: .* at line 1, column \d+ of the expression \(the value starts at line 10, column 21\)$/);
  });

  test('an undeclared variable names its position', () => {
    const text = 'customRules:\n  - id: custom/a\n    title: A\n    validations:\n      - expression: "1 == 1 &&\\n request.x"\n';
    expect(() => parse(text)).toThrow(".k8s-lint.yaml: customRules[0].validations[0].expression: does not compile: undeclared reference to 'request' at line 2, column 2 of the expression (the value starts at line 5, column 21)");
  });

  test('messageExpression, pathExpression and variables compile too', () => {
    const entry = (extra: string): string => `customRules:\n  - id: custom/a\n    title: A\n${extra}    validations:\n      - expression: "true"\n`;
    expect(() => parse(entry('    variables: [{ name: x, expression: "(" }]\n'))).toThrow(/customRules\[0\]\.variables\[0\]\.expression: does not compile/);
    expect(() => parse('customRules:\n  - id: custom/a\n    title: A\n    validations:\n      - { expression: "true", messageExpression: "1 +" }\n')).toThrow(/customRules\[0\]\.validations\[0\]\.messageExpression: does not compile/);
    expect(() => parse('customRules:\n  - id: custom/a\n    title: A\n    validations:\n      - { expression: "true", path: "spec..x" }\n')).toThrow(
      '.k8s-lint.yaml: customRules[0].validations[0].path: the value at line 5, column 37 is not a field path such as spec.template.spec.containers[0].image',
    );
  });

  test('ids are custom/..., once each; the schema checks the shape', () => {
    const twice = 'customRules:\n  - { id: custom/a, title: A, validations: [{ expression: "true" }] }\n  - { id: custom/a, title: B, validations: [{ expression: "true" }] }\n';
    expect(() => parse(twice)).toThrow('.k8s-lint.yaml: customRules[1].id: the value at line 3, column 11 is the id of customRules[0] already');
    expect(() => parse('customRules:\n  - { id: run-as-root, title: A, validations: [{ expression: "true" }] }\n')).toThrow(/customRules\[0\]\.id/);
    expect(() => parse('customRules:\n  - { id: custom/a, title: A, validations: [] }\n')).toThrow(/customRules\[0\]\.validations/);
  });
});
