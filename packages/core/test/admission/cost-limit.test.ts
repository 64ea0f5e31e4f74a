import { checkAdmissionPolicies, type AdmissionReport } from '../../src/admission';
import { resourcesOf } from '../../src/engine/documents';
import { parseFile } from '../../src/parse/parse-file';
import { yaml } from '../rule-tester';

const TEXT = yaml`
  apiVersion: admissionregistration.k8s.io/v1
  kind: ValidatingAdmissionPolicy
  metadata:
    name: many-ports
  spec:
    matchConstraints:
      resourceRules:
      - {apiGroups: [""], apiVersions: ["v1"], operations: ["CREATE"], resources: ["pods"]}
    validations:
    - expression: "object.spec.containers.all(c, c.ports.all(p, p.containerPort > 1024))"
  ---
  apiVersion: admissionregistration.k8s.io/v1
  kind: ValidatingAdmissionPolicyBinding
  metadata:
    name: many-ports-binding
  spec:
    policyName: many-ports
    validationActions: [Deny]
  ---
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
    namespace: shop
  spec:
    containers:
    - name: app
      image: nginx
      ports: [{containerPort: 8080}, {containerPort: 8081}, {containerPort: 8082}, {containerPort: 8083}]
`;

function run(budget: { perExpression: number; remaining: number }): AdmissionReport[] {
  const resources = parseFile(TEXT).documents.flatMap((document) => resourcesOf(document, 'policies.yaml').resources);
  const reports: AdmissionReport[] = [];
  checkAdmissionPolicies(resources, (report) => reports.push(report), budget);
  return reports;
}

describe('vap: CEL cost limits', () => {
  it('passes within the limits', () => {
    expect(run({ perExpression: 1_000_000, remaining: 10_000_000 })).toEqual([]);
  });

  it('reports the object when an expression costs more than the per-expression limit', () => {
    const [report, ...rest] = run({ perExpression: 3, remaining: 10_000_000 });
    expect(rest).toEqual([]);
    expect(report?.severity).toBe('error');
    expect(report?.path).toEqual(['metadata']);
    expect(report?.message).toMatch(/^ValidatingAdmissionPolicy 'many-ports' with binding 'many-ports-binding' could not be evaluated: expression '.+': CEL expression cost exceeds the limit of 3 \(failurePolicy Fail: the API server denies the request\)$/);
  });

  it('reports the object when the run budget is spent', () => {
    const [report] = run({ perExpression: 1_000_000, remaining: 0 });
    expect(report?.message).toMatch(/could not be evaluated: expression '.+': CEL cost budget of the run exhausted/);
  });
});
