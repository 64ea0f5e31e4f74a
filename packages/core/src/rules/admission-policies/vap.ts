import { checkAdmissionPolicies } from '../../admission';
import { VAP_FAMILY_ID } from '../../rule-family';
import type { Rule } from '../rule';

export const validatingAdmissionPolicy: Rule = {
  meta: {
    id: VAP_FAMILY_ID,
    title: 'Object denied by a ValidatingAdmissionPolicy of the repository',
    description: 'An object fails a validation of a ValidatingAdmissionPolicy of the linted set, through one of its bindings, or the policy cannot be evaluated on it; reported as `vap/<policy-name>`.',
    severity: 'error',
    category: 'admission-policies',
    tags: ['admission', 'cel', 'policy-as-code'],
    help: `The ValidatingAdmissionPolicies and ValidatingAdmissionPolicyBindings
(\`admissionregistration.k8s.io/v1\`, or \`v1beta1\`) of the linted set are evaluated on the objects
they would match, before the merge rather than at \`kubectl apply\`. Each finding's id is
\`vap/<policy-name>\`; its message names the policy and the binding, in the API server's words.

Severity follows the binding's \`validationActions\`: \`Deny\` is an error, \`Warn\` a warning,
\`Audit\` a note (with several, the highest). A policy that no binding of the set selects does
nothing, as in the API server. An object the policy cannot be evaluated on (a CEL error, the
cost limit, params missing with \`parameterNotFoundAction: Deny\`) is reported as such.

Each object is admitted as a CREATE (rules naming \`CREATE\` or \`UPDATE\` match) by an
authenticated user; \`oldObject\` is null; \`authorizer\` is not available (an expression using it
cannot be evaluated). Objects whose match depends on the labels of a Namespace that is not in the
set are not evaluated. \`auditAnnotations\` are ignored. The finding points at the field of the
validation's first \`object.a.b\` select chain (\`object.spec.replicas <= 5\` → \`spec.replicas\`),
else at \`metadata\`.

Configure the family: \`rules: { vap: off }\` turns every policy off (a severity given there is
not used: each finding's comes from its binding); \`overrides\` may name \`vap\` to set it per file.
Suppress one policy on an object with \`k8s-lint.io/ignore: vap/<policy-name>\`, or all with \`vap\`.

**Fix:** change the object as the policy asks, as the API server would refuse it:

\`\`\`yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: test
spec:
  replicas: 3 # replicalimit-policy.example.com allows at most params.maxReplicas
\`\`\``,
    references: [
      { title: 'Kubernetes: Validating Admission Policy', url: 'https://kubernetes.io/docs/reference/access-authn-authz/validating-admission-policy/' },
      { title: 'Kubernetes: Common Expression Language in Kubernetes', url: 'https://kubernetes.io/docs/reference/using-api/cel/' },
    ],
  },
  defaultOptions: {},
  check(context) {
    checkAdmissionPolicies(context.resources, (found) => {
      if (context.reportMember) context.reportMember(found.policy, found.resource, found.path, found.message, found.severity);
      else context.report(found.resource, found.path, found.message, found.severity);
    });
  },
};
