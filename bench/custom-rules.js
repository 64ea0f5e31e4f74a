'use strict';
// Issue 17's speed target: ten custom rules in CEL add at most 20% to a full lint of the
// synthetic repository. `pnpm bench -- custom` runs only this case; not a test (no assertion).

/**
 * Ten rules of the kinds users write: labels, registries, limits, one cross-object lookup per
 * Deployment. Most objects pass, except that the synthetic repository holds few ServiceAccounts:
 * the lookup fails for 4 Deployments in 5, so the run also locates and sorts that many more
 * findings (about 16,000 at 20,000 files), part of what the ratio measures.
 */
const CUSTOM_RULES_CONFIG = `customRules:
  - id: custom/name-label
    title: Name label
    match: { apiGroups: [apps], kinds: [Deployment] }
    validations:
      - expression: "has(object.metadata.labels) && 'app.kubernetes.io/name' in object.metadata.labels"
        message: no app.kubernetes.io/name label
  - id: custom/allowed-registry
    title: Allowed registry
    match: { kinds: [Deployment] }
    params: { registry: registry.example.com/ }
    validations:
      - expression: "object.spec.template.spec.containers.all(c, c.image.startsWith(params.registry))"
        path: spec.template.spec.containers[0].image
  - id: custom/replicas-limit
    title: Replicas limit
    match: { kinds: [Deployment] }
    validations:
      - expression: "object.spec.replicas <= 4"
        messageExpression: "'replicas ' + string(object.spec.replicas)"
        path: spec.replicas
  - id: custom/service-account-exists
    title: ServiceAccount exists
    match: { kinds: [Deployment] }
    validations:
      - expression: "objectsInNamespace.ServiceAccount.exists(s, s.metadata.name == object.spec.template.spec.serviceAccountName)"
        path: spec.template.spec.serviceAccountName
  - id: custom/limits-set
    title: Memory limits set
    match: { kinds: [Deployment] }
    validations:
      - expression: "object.spec.template.spec.containers.all(c, has(c.resources.limits) && 'memory' in c.resources.limits)"
  - id: custom/name-length
    title: Short names
    validations:
      - expression: "!has(object.metadata.name) || size(object.metadata.name) <= 40"
  - id: custom/configmap-size
    title: Small ConfigMaps
    match: { kinds: [ConfigMap] }
    validations:
      - expression: "!has(object.data) || size(object.data) <= 50"
  - id: custom/service-ports-named
    title: Named Service ports
    match: { kinds: [Service] }
    validations:
      - expression: "!has(object.spec.ports) || object.spec.ports.all(p, has(p.name))"
  - id: custom/part-of-label
    title: part-of label matches
    match: { labelSelector: { matchExpressions: [{ key: app.kubernetes.io/part-of, operator: Exists }] } }
    variables:
      - name: partOf
        expression: "object.metadata.labels['app.kubernetes.io/part-of']"
    validations:
      - expression: "variables.partOf.matches('^[a-z][a-z0-9-]*$')"
  - id: custom/team-namespace
    title: Team namespaces
    match: { excludeKinds: [Namespace] }
    validations:
      - expression: "!has(object.metadata.namespace) || object.metadata.namespace.startsWith('team-')"
        message: the namespace is not a team's
`;

/** Full lint in one thread with a configuration without and with the ten rules, each in a fresh process; prints the ratio. */
function benchCustomRules(measure, generate, repositoryDir, files, line, ratio) {
  const dir = generate(repositoryDir, files);
  // Both read a configuration (its schema and parser load once): the difference is the rules.
  const plain = measure('lint-config', dir);
  const custom = measure('lint-custom', dir);
  console.log(`\n${files} files, 10 custom rules in CEL (full lint in process, 1 thread)`);
  console.log(line('without custom rules', plain));
  console.log(line('with 10 custom rules', custom));
  console.log(`  ratio with / without: ${ratio(custom.ms, plain.ms)} wall, ${ratio(custom.cpuMs, plain.cpuMs)} CPU (target at most 1.20×); findings with them: ${custom.findings ?? '?'}`);
}

module.exports = { CUSTOM_RULES_CONFIG, benchCustomRules };
