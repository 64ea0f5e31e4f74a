import { admissionFindings } from './helpers';

/** A policy on Deployments (apps/v1) with the given spec lines appended, bound with the given binding spec lines. */
function policy(name: string, extra: string, matchConstraints = DEPLOYMENTS): string {
  return `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata:
  name: ${name}
spec:
${matchConstraints}${extra}`;
}

const DEPLOYMENTS = `  matchConstraints:
    resourceRules:
    - apiGroups: ["apps"]
      apiVersions: ["v1"]
      operations: ["CREATE", "UPDATE"]
      resources: ["deployments"]
`;

function binding(name: string, policyName: string, extra = '  validationActions: [Deny]\n'): string {
  return `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata:
  name: ${name}
spec:
  policyName: ${policyName}
${extra}`;
}

const REQUIRE_TEAM = `  validations:
  - expression: "has(object.metadata.labels) && 'team' in object.metadata.labels"
    message: "every Deployment needs a team label"
`;

/** Lines 1-4: the Deployment's head; line 3 is `metadata:`, line 5 its labels when any. */
function deploymentAt(name: string, labels = ''): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: shop
${labels}spec:
  replicas: 2
`;
}

/** Documents with the Deployment first, so that its lines are known: `---` then the rest. */
function withDeployment(deployment: string, ...rest: string[]): string {
  return [deployment, ...rest].join('---\n');
}

const TEAM_DENIED = "ValidatingAdmissionPolicy 'require-team' with binding 'require-team-binding' denied request: every Deployment needs a team label";

describe('vap: required labels', () => {
  it('denies a Deployment without the label, at metadata (its labels are absent)', async () => {
    const text = withDeployment(deploymentAt('web'), policy('require-team', REQUIRE_TEAM), binding('require-team-binding', 'require-team'));
    expect(await admissionFindings(text)).toEqual([{ ruleId: 'vap/require-team', severity: 'error', at: '3:1', object: 'Deployment shop/web', path: 'metadata.labels', message: TEAM_DENIED }]);
  });

  it('points at the labels when they exist without the one required', async () => {
    const text = withDeployment(deploymentAt('web', '  labels:\n    app: web\n'), policy('require-team', REQUIRE_TEAM), binding('require-team-binding', 'require-team'));
    expect(await admissionFindings(text)).toEqual([{ ruleId: 'vap/require-team', severity: 'error', at: '6:3', object: 'Deployment shop/web', path: 'metadata.labels', message: TEAM_DENIED }]);
  });

  it('admits a Deployment with the label, and objects the policy does not match', async () => {
    const configMap = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n';
    const text = withDeployment(deploymentAt('web', '  labels:\n    team: shop\n'), configMap, policy('require-team', REQUIRE_TEAM), binding('require-team-binding', 'require-team'));
    expect(await admissionFindings(text)).toEqual([]);
  });

  it('does nothing without a binding, as the API server', async () => {
    expect(await admissionFindings(withDeployment(deploymentAt('web'), policy('require-team', REQUIRE_TEAM)))).toEqual([]);
  });

  it('does nothing for a binding whose policy is not in the set', async () => {
    expect(await admissionFindings(withDeployment(deploymentAt('web'), binding('b', 'elsewhere')))).toEqual([]);
  });
});

describe('vap: validationActions give the severity', () => {
  it.each([
    ['[Warn]', 'warning', "Validation failed for ValidatingAdmissionPolicy 'require-team' with binding 'require-team-binding': every Deployment needs a team label"],
    ['[Audit]', 'note', "Validation failed for ValidatingAdmissionPolicy 'require-team' with binding 'require-team-binding': every Deployment needs a team label"],
    ['[Warn, Audit]', 'warning', "Validation failed for ValidatingAdmissionPolicy 'require-team' with binding 'require-team-binding': every Deployment needs a team label"],
    ['[Deny, Audit]', 'error', TEAM_DENIED],
  ])('%s → %s', async (actions, severity, message) => {
    const text = withDeployment(deploymentAt('web'), policy('require-team', REQUIRE_TEAM), binding('require-team-binding', 'require-team', `  validationActions: ${actions}\n`));
    expect(await admissionFindings(text)).toEqual([
      { ruleId: 'vap/require-team', severity, at: '3:1', object: 'Deployment shop/web', path: 'metadata.labels', message },
    ]);
  });

  it('names each binding of a policy', async () => {
    const text = withDeployment(deploymentAt('web'), policy('require-team', REQUIRE_TEAM), binding('b1', 'require-team'), binding('b2', 'require-team', '  validationActions: [Warn]\n'));
    expect((await admissionFindings(text)).map((finding) => `${finding.severity} ${finding.message}`)).toEqual([
      "error ValidatingAdmissionPolicy 'require-team' with binding 'b1' denied request: every Deployment needs a team label",
      "warning Validation failed for ValidatingAdmissionPolicy 'require-team' with binding 'b2': every Deployment needs a team label",
    ]);
  });
});

describe('vap: matching as the API server', () => {
  const REPLICAS = '  validations:\n  - expression: "object.spec.replicas < 2"\n';
  const rules = (lines: string): string => `  matchConstraints:\n${lines}`;
  const cases: Array<[string, string, boolean]> = [
    // The API server exempts admission policies and bindings themselves: only the Deployment is matched.
    ['resources "*"', rules('    resourceRules:\n    - {apiGroups: ["*"], apiVersions: ["*"], operations: ["*"], resources: ["*"]}\n'), true],
    ['resources "deployments/*" (the resource itself too)', rules('    resourceRules:\n    - {apiGroups: ["apps"], apiVersions: ["v1"], operations: ["CREATE"], resources: ["deployments/*"]}\n'), true],
    ['a subresource only', rules('    resourceRules:\n    - {apiGroups: ["apps"], apiVersions: ["v1"], operations: ["CREATE"], resources: ["deployments/scale"]}\n'), false],
    ['DELETE only', rules('    resourceRules:\n    - {apiGroups: ["apps"], apiVersions: ["v1"], operations: ["DELETE"], resources: ["deployments"]}\n'), false],
    ['another group', rules('    resourceRules:\n    - {apiGroups: [""], apiVersions: ["v1"], operations: ["CREATE"], resources: ["deployments"]}\n'), false],
    ['another version, matchPolicy Equivalent', rules('    resourceRules:\n    - {apiGroups: ["apps"], apiVersions: ["v1beta1"], operations: ["CREATE"], resources: ["deployments"]}\n'), true],
    ['another version, matchPolicy Exact', rules('    matchPolicy: Exact\n    resourceRules:\n    - {apiGroups: ["apps"], apiVersions: ["v1beta1"], operations: ["CREATE"], resources: ["deployments"]}\n'), false],
    ['scope Cluster', rules('    resourceRules:\n    - {apiGroups: ["apps"], apiVersions: ["v1"], operations: ["CREATE"], resources: ["deployments"], scope: Cluster}\n'), false],
    ['resourceNames naming it', rules('    resourceRules:\n    - {apiGroups: ["apps"], apiVersions: ["v1"], operations: ["CREATE"], resources: ["deployments"], resourceNames: ["web"]}\n'), true],
    ['resourceNames naming another', rules('    resourceRules:\n    - {apiGroups: ["apps"], apiVersions: ["v1"], operations: ["CREATE"], resources: ["deployments"], resourceNames: ["api"]}\n'), false],
    ['excludeResourceRules', rules('    resourceRules:\n    - {apiGroups: ["*"], apiVersions: ["*"], operations: ["*"], resources: ["*"]}\n    excludeResourceRules:\n    - {apiGroups: ["apps"], apiVersions: ["v1"], operations: ["*"], resources: ["deployments"]}\n'), false],
    ['objectSelector it matches', `${DEPLOYMENTS}    objectSelector: {matchLabels: {tier: web}}\n`, true],
    ['objectSelector it does not match', `${DEPLOYMENTS}    objectSelector: {matchLabels: {tier: db}}\n`, false],
  ];
  it.each(cases)('%s', async (_name, constraints, matched) => {
    const text = withDeployment(deploymentAt('web', '  labels:\n    tier: web\n'), policy('replicas', REPLICAS, constraints), binding('replicas-binding', 'replicas'));
    expect((await admissionFindings(text)).map((finding) => `${finding.at} ${finding.path}`)).toEqual(matched ? ['9:3 spec.replicas'] : []);
  });

  it("intersects with the binding's matchResources", async () => {
    const text = withDeployment(deploymentAt('web', '  labels:\n    tier: web\n'), policy('replicas', REPLICAS), binding('replicas-binding', 'replicas', '  validationActions: [Deny]\n  matchResources:\n    objectSelector: {matchLabels: {tier: db}}\n'));
    expect(await admissionFindings(text)).toEqual([]);
  });

  it('names resources of custom kinds by the plural their CustomResourceDefinition declares', async () => {
    const crd = 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: gizmoes.example.com\nspec:\n  group: example.com\n  names: {kind: Gizmo, plural: gizmoes}\n  scope: Namespaced\n  versions: [{name: v1, served: true, storage: true}]\n';
    const gizmo = 'apiVersion: example.com/v1\nkind: Gizmo\nmetadata:\n  name: g\n  namespace: shop\nspec:\n  size: 9\n';
    const constraints = '  matchConstraints:\n    resourceRules:\n    - {apiGroups: ["example.com"], apiVersions: ["v1"], operations: ["CREATE"], resources: ["gizmoes"]}\n';
    const text = withDeployment(gizmo, crd, policy('small', '  validations:\n  - expression: "object.spec.size < 5"\n', constraints), binding('small-binding', 'small'));
    expect((await admissionFindings(text)).map((finding) => `${finding.ruleId} ${finding.at} ${finding.object} ${finding.path}`)).toEqual(['vap/small 7:3 Gizmo shop/g spec.size']);
  });
});

describe('vap: matchConditions, failurePolicy and errors', () => {
  it('skips objects a matchCondition excludes', async () => {
    const extra = '  matchConditions:\n  - name: not-web\n    expression: "object.metadata.name != \'web\'"\n' + REQUIRE_TEAM;
    expect(await admissionFindings(withDeployment(deploymentAt('web'), policy('require-team', extra), binding('require-team-binding', 'require-team')))).toEqual([]);
  });

  it('reports an object whose matchCondition fails to evaluate, with the severity of the binding (failurePolicy Fail)', async () => {
    const extra = '  matchConditions:\n  - name: annotated\n    expression: "object.metadata.annotations[\'x\'] == \'y\'"\n' + REQUIRE_TEAM;
    const [finding, ...rest] = await admissionFindings(withDeployment(deploymentAt('web'), policy('require-team', extra), binding('require-team-binding', 'require-team')));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'vap/require-team', severity: 'error', at: '3:1', path: 'metadata' });
    expect(finding?.message).toMatch(/^ValidatingAdmissionPolicy 'require-team' with binding 'require-team-binding' could not be evaluated: matchCondition 'annotated': .+ \(failurePolicy Fail: the API server denies the request\)$/);
  });

  it('reports a runtime error as a note when failurePolicy is Ignore (the API server admits)', async () => {
    const extra = '  failurePolicy: Ignore\n  validations:\n  - expression: "object.spec.missing.field == 1"\n';
    const [finding, ...rest] = await admissionFindings(withDeployment(deploymentAt('web'), policy('strict', extra), binding('strict-binding', 'strict')));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'vap/strict', severity: 'note', at: '3:1', path: 'metadata' });
    expect(finding?.message).toMatch(/could not be evaluated: expression 'object\.spec\.missing\.field == 1': .+ \(failurePolicy Ignore: the API server admits the request\)$/);
  });

  it('reports an expression that is not a boolean', async () => {
    const [finding] = await admissionFindings(withDeployment(deploymentAt('web'), policy('odd', '  validations:\n  - expression: "object.spec.replicas"\n'), binding('odd-binding', 'odd')));
    expect(finding?.message).toBe("ValidatingAdmissionPolicy 'odd' with binding 'odd-binding' could not be evaluated: expression 'object.spec.replicas': returned a number, not a boolean (failurePolicy Fail: the API server denies the request)");
  });

  it('reports an expression that does not compile on the policy, at the expression, with its position', async () => {
    const text = withDeployment(policy('broken', '  validations:\n  - expression: "object.spec.replicas <= "\n'), binding('broken-binding', 'broken'), deploymentAt('web'));
    const [finding, ...rest] = await admissionFindings(text);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'vap/broken', severity: 'error', at: '13:5', object: 'ValidatingAdmissionPolicy broken', path: 'spec.validations[0].expression' });
    expect(finding?.message).toMatch(/^ValidatingAdmissionPolicy 'broken' does not compile \(the API server refuses it\): .+ \(line 1, column \d+ of the expression\)$/);
  });

  it('reports a binding without the paramRef its policy needs', async () => {
    const extra = '  paramKind: {apiVersion: v1, kind: ConfigMap}\n  validations:\n  - expression: "object.spec.replicas <= int(params.data.max)"\n';
    const [finding] = await admissionFindings(withDeployment(deploymentAt('web'), policy('limits', extra), binding('limits-binding', 'limits')));
    expect(finding?.message).toBe("ValidatingAdmissionPolicy 'limits' with binding 'limits-binding' could not be evaluated: the policy's paramKind is ConfigMap (v1) but the binding has no paramRef (failurePolicy Fail: the API server denies the request)");
  });

  it('evaluates every params object a paramRef selector selects', async () => {
    const configMap = (name: string, max: number): string => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  namespace: shop\n  labels: {limits: "yes"}\ndata:\n  max: "${max}"\n`;
    const extra = '  paramKind: {apiVersion: v1, kind: ConfigMap}\n  validations:\n  - expression: "object.spec.replicas <= int(params.data.max)"\n    messageExpression: "\'at most \' + params.data.max + \' replicas\'"\n';
    const bound = binding('limits-binding', 'limits', '  validationActions: [Deny]\n  paramRef:\n    selector: {matchLabels: {limits: "yes"}}\n    parameterNotFoundAction: Deny\n');
    const text = withDeployment(deploymentAt('web'), configMap('one', 1), configMap('five', 5), policy('limits', extra), bound);
    expect((await admissionFindings(text)).map((finding) => `${finding.at} ${finding.message}`)).toEqual(["7:3 ValidatingAdmissionPolicy 'limits' with binding 'limits-binding' denied request: at most 1 replicas"]);
  });
});

describe('vap: versions and Namespaces', () => {
  it('reads v1beta1 policies and bindings too', async () => {
    const text = withDeployment(deploymentAt('web'), policy('require-team', REQUIRE_TEAM), binding('require-team-binding', 'require-team')).replaceAll('admissionregistration.k8s.io/v1\n', 'admissionregistration.k8s.io/v1beta1\n');
    expect((await admissionFindings(text)).map((finding) => finding.message)).toEqual([TEAM_DENIED]);
  });

  it('matches a Namespace against its own labels', async () => {
    const namespaces = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels: {tier: apps}\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: infra\n';
    const constraints = '  matchConstraints:\n    namespaceSelector: {matchLabels: {tier: apps}}\n    resourceRules:\n    - {apiGroups: [""], apiVersions: ["v1"], operations: ["CREATE"], resources: ["namespaces"]}\n';
    const text = [namespaces, policy('owned', "  validations:\n  - expression: \"'owner' in object.metadata.labels\"\n", constraints), binding('owned-binding', 'owned')].join('---\n');
    expect((await admissionFindings(text)).map((finding) => `${finding.at} ${finding.object} ${finding.path}`)).toEqual(['5:3 Namespace shop metadata.labels']);
  });
});
