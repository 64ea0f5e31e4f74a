import { DEFAULT_CEL_BUDGET, type CelBudget } from '../cel';
import type { Resource } from '../model/resource';
import { compilePolicy, type CompiledPolicy } from './compiled-policy';
import { couldNotEvaluate, evaluateOn, headOf, severityOfActions, type AdmissionReport } from './evaluate';
import { fieldPathOf } from './field-path';
import { admittedOf, matchesResources, type Admitted } from './match-resources';
import { kindKey, ParamIndex, paramsFor } from './params';
import { isBinding, isPolicy, readBinding, readPolicy, type AdmissionBinding } from './policy-model';
import { ResourceNames } from './resource-names';

export type { AdmissionReport } from './evaluate';

/**
 * The set's ValidatingAdmissionPolicies, through their bindings, on every object of the set they
 * match: each failed validation, each object that could not be evaluated, and each expression
 * that does not compile (on the policy) is reported. A policy without a binding does nothing,
 * as in the API server; so does a binding whose policy is not in the set.
 */
export function checkAdmissionPolicies(resources: readonly Resource[], report: (report: AdmissionReport) => void, budget: CelBudget = DEFAULT_CEL_BUDGET()): void {
  const compiled = new Map<string, CompiledPolicy>();
  const bindings: AdmissionBinding[] = [];
  for (const resource of resources) {
    if (isPolicy(resource)) {
      const policy = readPolicy(resource);
      if (!policy) continue;
      const result = compilePolicy(policy, fieldPathOf);
      if ('policy' in result) compiled.set(policy.name, result);
      else report({ policy: policy.name, resource, path: result.path, severity: 'error', message: `ValidatingAdmissionPolicy '${policy.name}' does not compile (the API server refuses it): ${result.message}` });
    } else if (isBinding(resource)) {
      const binding = readBinding(resource);
      if (binding && severityOfActions(binding.validationActions) !== null) bindings.push(binding);
    }
  }
  const active = bindings.flatMap((binding) => {
    const policy = compiled.get(binding.policyName);
    const constraints = policy?.policy.matchConstraints;
    return policy && constraints ? [{ binding, policy, constraints }] : [];
  });
  if (active.length === 0) return;

  const names = new ResourceNames(resources);
  const namespaces = new Map(resources.filter((resource) => resource.kind === 'Namespace' && resource.apiVersion === 'v1' && resource.name !== null).map((resource) => [resource.name as string, resource]));
  const paramKinds = new Set(active.flatMap(({ policy }) => (policy.policy.paramKind ? [kindKey(policy.policy.paramKind.apiVersion, policy.policy.paramKind.kind)] : [])));
  const params = new ParamIndex(resources, paramKinds);
  const admittedCache = new Map<Resource, Admitted>();
  const admitted = (resource: Resource): Admitted => {
    let found = admittedCache.get(resource);
    if (!found) admittedCache.set(resource, (found = admittedOf(resource, names.of(resource), namespaces)));
    return found;
  };

  for (const { binding, policy, constraints } of active) {
    for (const resource of resources) {
      const object = admitted(resource);
      // Objects whose match depends on a Namespace outside the set are not evaluated: the linter cannot know.
      if (matchesResources(constraints, object, 'policy') !== 'yes') continue;
      if (binding.matchResources && matchesResources(binding.matchResources, object, 'binding') !== 'yes') continue;
      const found = paramsFor(policy.policy, binding, object, params);
      if ('unknown' in found) continue;
      if ('denied' in found) {
        const severity = severityOfActions(binding.validationActions) ?? 'error';
        report({ policy: policy.policy.name, resource, path: ['metadata'], severity, message: `${headOf(policy.policy, binding)} denied request: ${found.denied}` });
      } else if ('error' in found) {
        report(couldNotEvaluate(policy.policy, binding, resource, found.error));
      } else {
        for (const param of found.params) evaluateOn(policy, binding, object, param, budget, report);
      }
    }
  }
}
