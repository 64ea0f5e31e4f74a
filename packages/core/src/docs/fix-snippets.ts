/** Fix examples that more than one rule's help shows, written once so that they cannot drift apart. */

/** A NetworkPolicy that denies all ingress and egress of every pod of namespace `shop`. */
export const DEFAULT_DENY_POLICY_YAML = `\`\`\`yaml
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
  namespace: shop
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
\`\`\``;
