import type { Resource } from '../../model/resource';
import type { FieldPath } from '../../types';
import { asArray, asRecord, asString } from '../../values';
import { REF } from '../references';
import type { Rule, RuleContext } from '../rule';
import { isAnyAddress, isNetworkPolicy } from '../../model/workload-index';

const DIRECTIONS = [
  { key: 'ingress', peers: 'from', noun: 'from every source', any: 'from any IP address' },
  { key: 'egress', peers: 'to', noun: 'to every destination', any: 'to any IP address' },
] as const;

/** `from`/`to` and `ports` absent, null or empty: the field does not restrict anything. */
function isUnrestricted(value: unknown): boolean {
  return value === undefined || value === null || (Array.isArray(value) && value.length === 0);
}

function checkPeers(context: RuleContext<unknown>, policy: Resource, peers: unknown, path: FieldPath, label: string): void {
  asArray(peers).forEach((entry, index) => {
    const ipBlock = asRecord(asRecord(entry)?.ipBlock);
    const cidr = asString(ipBlock?.cidr);
    if (!ipBlock || cidr === undefined || !isAnyAddress(cidr) || asArray(ipBlock.except).length > 0) return;
    context.report(policy, [...path, index, 'ipBlock', 'cidr'], `${label} (${cidr})`);
  });
}

export const networkPolicyAllowAll: Rule = {
  meta: {
    id: 'network-policy-allow-all',
    title: 'NetworkPolicy rule allows all traffic',
    description:
      'A NetworkPolicy rule allows traffic from every source or to every destination on every port, or a peer allows every IP address (`0.0.0.0/0`, `::/0`).',
    severity: 'warning',
    category: 'network',
    tags: ['nsa', 'segmentation'],
    help: `NetworkPolicies are allow-lists: traffic that any rule of any policy selecting a pod
allows gets through. An ingress rule without \`from\` and \`ports\` (\`ingress: [{}]\`) admits
every pod of the cluster and every external client; an egress rule without \`to\` and \`ports\`
lets the pods connect anywhere, including the cloud metadata service and the internet for data
exfiltration. A peer \`ipBlock\` of \`0.0.0.0/0\` or \`::/0\` without \`except\` matches every
address, so it undoes the segmentation for that rule (restricting it to some \`ports\` narrows
it, but still opens those ports to the world).

**Fix:** name the peers and ports the workload really needs, and carve private ranges and the
metadata address out of wide ranges:

\`\`\`yaml
egress:
  - to:
      - ipBlock:
          cidr: 0.0.0.0/0
          except: [10.0.0.0/8, 169.254.169.254/32]
    ports:
      - { protocol: TCP, port: 443 }
\`\`\``,
    references: [REF.networkPolicies, REF.nsaHardening, REF.cis('5.3.2', 'Ensure that all Namespaces have NetworkPolicies defined'), REF.mitre('T1046', 'Network Service Discovery')],
  },
  defaultOptions: {},
  check(context) {
    for (const policy of context.resources) {
      if (!isNetworkPolicy(policy)) continue;
      const spec = asRecord(policy.object.spec);
      if (!spec) continue;
      for (const direction of DIRECTIONS) {
        asArray(spec[direction.key]).forEach((entry, index) => {
          const path = ['spec', direction.key, index];
          // A null entry decodes to the empty rule, which allows everything.
          const rule = entry === null ? {} : asRecord(entry);
          if (!rule) return;
          if (isUnrestricted(rule[direction.peers]) && isUnrestricted(rule.ports)) {
            context.report(policy, path, `${direction.key} rule ${index} allows traffic ${direction.noun} on every port`);
            return;
          }
          checkPeers(context, policy, rule[direction.peers], [...path, direction.peers], `${direction.key} rule ${index} allows traffic ${direction.any}`);
        });
      }
    }
  },
};
