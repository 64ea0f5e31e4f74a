import { yaml } from '../rule-tester';
import { admissionFindings } from './helpers';

/**
 * The examples of the Kubernetes documentation (Validating Admission Policy), with the answer the
 * API server gives: the same objects denied, with the same message, at the field the validation reads.
 */

const TEST_NAMESPACE = yaml`
  apiVersion: v1
  kind: Namespace
  metadata:
    name: test
    labels:
      environment: test
`;

const DEMO_POLICY = yaml`
  apiVersion: admissionregistration.k8s.io/v1
  kind: ValidatingAdmissionPolicy
  metadata:
    name: "demo-policy.example.com"
  spec:
    failurePolicy: Fail
    matchConstraints:
      resourceRules:
      - apiGroups:   ["apps"]
        apiVersions: ["v1"]
        operations:  ["CREATE", "UPDATE"]
        resources:   ["deployments"]
    validations:
      - expression: "object.spec.replicas <= 5"
  ---
  apiVersion: admissionregistration.k8s.io/v1
  kind: ValidatingAdmissionPolicyBinding
  metadata:
    name: "demo-binding-test.example.com"
  spec:
    policyName: "demo-policy.example.com"
    validationActions: [Deny]
    matchResources:
      namespaceSelector:
        matchLabels:
          environment: test
`;

function deployment(name: string, namespace: string, replicas: number, image = 'nginx'): string {
  return yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: ${name}
      namespace: ${namespace}
    spec:
      replicas: ${replicas}
      selector: { matchLabels: { app: ${name} } }
      template:
        metadata: { labels: { app: ${name} } }
        spec:
          containers:
          - name: app
            image: ${image}
  `;
}

/** Documents joined in one stream; `lineOf(i)`: the line of document i's first line (each ends with a newline, then `---`). */
function stream(...documents: string[]): { text: string; lineOf: (index: number) => number } {
  const text = documents.join('---\n');
  return { text, lineOf: (index) => documents.slice(0, index).reduce((line, document) => line + document.split('\n').length, 1) };
}

describe('Kubernetes docs: replicas limit (demo-policy.example.com)', () => {
  it('denies a Deployment of 6 replicas in a namespace labelled environment=test, at spec.replicas', async () => {
    const { text, lineOf } = stream(DEMO_POLICY, TEST_NAMESPACE, deployment('nginx', 'test', 6));
    expect(await admissionFindings(text)).toEqual([
      {
        ruleId: 'vap/demo-policy.example.com',
        severity: 'error',
        at: `${lineOf(2) + 6}:3`,
        object: 'Deployment test/nginx',
        path: 'spec.replicas',
        message: "ValidatingAdmissionPolicy 'demo-policy.example.com' with binding 'demo-binding-test.example.com' denied request: failed expression: object.spec.replicas <= 5",
      },
    ]);
  });

  it('admits 5 replicas, and any number outside the selected namespaces', async () => {
    const other = yaml`
      apiVersion: v1
      kind: Namespace
      metadata:
        name: prod
        labels:
          environment: prod
    `;
    const { text } = stream(DEMO_POLICY, TEST_NAMESPACE, other, deployment('ok', 'test', 5), deployment('big', 'prod', 50));
    expect(await admissionFindings(text)).toEqual([]);
  });

  it('stays quiet when the namespace is not in the set: its labels cannot be known', async () => {
    expect(await admissionFindings(stream(DEMO_POLICY, deployment('nginx', 'elsewhere', 6)).text)).toEqual([]);
  });
});

const REPLICA_LIMIT = yaml`
  apiVersion: admissionregistration.k8s.io/v1
  kind: ValidatingAdmissionPolicy
  metadata:
    name: "replicalimit-policy.example.com"
  spec:
    failurePolicy: Fail
    paramKind:
      apiVersion: rules.example.com/v1
      kind: ReplicaLimit
    matchConstraints:
      resourceRules:
      - apiGroups:   ["apps"]
        apiVersions: ["v1"]
        operations:  ["CREATE", "UPDATE"]
        resources:   ["deployments"]
    validations:
      - expression: "object.spec.replicas <= params.maxReplicas"
        messageExpression: "'object.spec.replicas must be no greater than ' + string(params.maxReplicas)"
        reason: Invalid
  ---
  apiVersion: admissionregistration.k8s.io/v1
  kind: ValidatingAdmissionPolicyBinding
  metadata:
    name: "replicalimit-binding-test.example.com"
  spec:
    policyName: "replicalimit-policy.example.com"
    validationActions: [Deny]
    paramRef:
      name: "replica-limit-test.example.com"
      namespace: "default"
      parameterNotFoundAction: Deny
    matchResources:
      namespaceSelector:
        matchLabels:
          environment: test
`;

const REPLICA_LIMIT_PARAMS = yaml`
  apiVersion: rules.example.com/v1
  kind: ReplicaLimit
  metadata:
    name: "replica-limit-test.example.com"
    namespace: "default"
  maxReplicas: 3
`;

describe('Kubernetes docs: replicas limit with params (replicalimit-policy.example.com)', () => {
  it('denies 4 replicas when the params allow 3, with the message expression', async () => {
    const { text, lineOf } = stream(REPLICA_LIMIT, REPLICA_LIMIT_PARAMS, TEST_NAMESPACE, deployment('web', 'test', 4));
    expect(await admissionFindings(text)).toEqual([
      {
        ruleId: 'vap/replicalimit-policy.example.com',
        severity: 'error',
        at: `${lineOf(3) + 6}:3`,
        object: 'Deployment test/web',
        path: 'spec.replicas',
        message: "ValidatingAdmissionPolicy 'replicalimit-policy.example.com' with binding 'replicalimit-binding-test.example.com' denied request: object.spec.replicas must be no greater than 3",
      },
    ]);
  });

  it('admits 3 replicas', async () => {
    expect(await admissionFindings(stream(REPLICA_LIMIT, REPLICA_LIMIT_PARAMS, TEST_NAMESPACE, deployment('web', 'test', 3)).text)).toEqual([]);
  });

  it('denies when the params object is missing and parameterNotFoundAction is Deny', async () => {
    const { text, lineOf } = stream(REPLICA_LIMIT, TEST_NAMESPACE, deployment('web', 'test', 1));
    expect(await admissionFindings(text)).toEqual([
      {
        ruleId: 'vap/replicalimit-policy.example.com',
        severity: 'error',
        at: `${lineOf(2) + 2}:1`,
        object: 'Deployment test/web',
        path: 'metadata',
        message:
          "ValidatingAdmissionPolicy 'replicalimit-policy.example.com' with binding 'replicalimit-binding-test.example.com' denied request: no params found for policy binding with `Deny` parameterNotFoundAction (no ReplicaLimit \"replica-limit-test.example.com\" in namespace \"default\")",
      },
    ]);
  });

  it('admits when the params object is missing and parameterNotFoundAction is Allow', async () => {
    const allow = REPLICA_LIMIT.replace('parameterNotFoundAction: Deny', 'parameterNotFoundAction: Allow');
    expect(await admissionFindings(stream(allow, TEST_NAMESPACE, deployment('web', 'test', 9)).text)).toEqual([]);
  });
});

const IMAGE_POLICY = yaml`
  apiVersion: admissionregistration.k8s.io/v1
  kind: ValidatingAdmissionPolicy
  metadata:
    name: "image-matches-namespace-environment.policy.example.com"
  spec:
    failurePolicy: Fail
    matchConstraints:
      resourceRules:
      - apiGroups:   ["apps"]
        apiVersions: ["v1"]
        operations:  ["CREATE", "UPDATE"]
        resources:   ["deployments"]
    variables:
    - name: environment
      expression: "'environment' in namespaceObject.metadata.labels ? namespaceObject.metadata.labels['environment'] : 'prod'"
    - name: exempt
      expression: "has(object.metadata.labels) && 'exempt' in object.metadata.labels && object.metadata.labels['exempt'] == 'true'"
    - name: containers
      expression: "object.spec.template.spec.containers"
    - name: containersToCheck
      expression: "variables.containers.filter(c, c.image.contains('example.com/'))"
    validations:
    - expression: "variables.exempt || variables.containersToCheck.all(c, c.image.startsWith(variables.environment + '.'))"
      messageExpression: "'only ' + variables.environment + ' images are allowed in namespace ' + namespaceObject.metadata.name"
  ---
  apiVersion: admissionregistration.k8s.io/v1
  kind: ValidatingAdmissionPolicyBinding
  metadata:
    name: "image-matches-namespace-environment.binding.example.com"
  spec:
    policyName: "image-matches-namespace-environment.policy.example.com"
    validationActions: [Deny]
`;

describe('Kubernetes docs: image registry of the namespace environment (variables)', () => {
  it('denies a prod image in the test namespace, at metadata (the validation reads variables only)', async () => {
    const { text, lineOf } = stream(IMAGE_POLICY, TEST_NAMESPACE, deployment('web', 'test', 1, 'prod.example.com/nginx'));
    expect(await admissionFindings(text)).toEqual([
      {
        ruleId: 'vap/image-matches-namespace-environment.policy.example.com',
        severity: 'error',
        at: `${lineOf(2) + 2}:1`,
        object: 'Deployment test/web',
        path: 'metadata',
        message:
          "ValidatingAdmissionPolicy 'image-matches-namespace-environment.policy.example.com' with binding 'image-matches-namespace-environment.binding.example.com' denied request: only test images are allowed in namespace test",
      },
    ]);
  });

  it('admits a test image, and images of other registries', async () => {
    const { text } = stream(IMAGE_POLICY, TEST_NAMESPACE, deployment('web', 'test', 1, 'test.example.com/nginx'), deployment('hub', 'test', 1, 'docker.io/nginx'));
    expect(await admissionFindings(text)).toEqual([]);
  });

  it('reports an object it cannot evaluate (no Namespace in the set: namespaceObject is null)', async () => {
    const { text, lineOf } = stream(IMAGE_POLICY, deployment('web', 'elsewhere', 1, 'prod.example.com/nginx'));
    const [finding, ...rest] = await admissionFindings(text);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'vap/image-matches-namespace-environment.policy.example.com', severity: 'error', at: `${lineOf(1) + 2}:1`, object: 'Deployment elsewhere/web', path: 'metadata' });
    expect(finding?.message).toMatch(/^ValidatingAdmissionPolicy 'image-matches-namespace-environment\.policy\.example\.com' with binding '[^']+' could not be evaluated: .+ \(failurePolicy Fail: the API server denies the request\)$/);
  });
});
