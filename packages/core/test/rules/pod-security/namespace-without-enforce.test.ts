import { namespaceWithoutEnforce } from '../../../src/rules/pod-security/namespace-without-enforce';
import { testRule, yaml } from '../../rule-tester';

/** An AdmissionConfiguration whose PodSecurity plugin has these defaults and exemptions (9 lines, then `---`). */
function admission(defaults: string, exemptions = '{}'): string {
  return yaml`
    apiVersion: apiserver.config.k8s.io/v1
    kind: AdmissionConfiguration
    plugins:
      - name: PodSecurity
        configuration:
          apiVersion: pod-security.admission.config.k8s.io/v1
          kind: PodSecurityConfiguration
          defaults: ${defaults}
          exemptions: ${exemptions}
    ---
  `;
}

const UNLABELLED = yaml`
  apiVersion: v1
  kind: Namespace
  metadata:
    name: shop
`;

testRule(namespaceWithoutEnforce, {
  valid: [
    {
      name: 'an enforce label, of any level (privileged is an explicit choice)',
      code: yaml`
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
          labels: { pod-security.kubernetes.io/enforce: restricted }
        ---
        apiVersion: v1
        kind: Namespace
        metadata:
          name: agents
          labels: { pod-security.kubernetes.io/enforce: privileged }
      `,
    },
    {
      name: 'the namespaces of the control plane',
      code: yaml`
        apiVersion: v1
        kind: Namespace
        metadata: { name: kube-system }
        ---
        apiVersion: v1
        kind: Namespace
        metadata: { name: kube-public }
        ---
        apiVersion: v1
        kind: Namespace
        metadata: { name: kube-node-lease }
      `,
    },
    { name: 'a cluster default that enforces baseline', code: `${admission('{ enforce: baseline }')}${UNLABELLED}` },
    { name: 'a namespace the cluster configuration exempts', code: `${admission('{ enforce: privileged }', '{ namespaces: [shop] }')}${UNLABELLED}` },
    { name: 'not a core v1 Namespace', code: 'apiVersion: example.com/v1\nkind: Namespace\nmetadata:\n  name: shop\n' },
  ],
  invalid: [
    {
      name: 'no labels and no cluster configuration: reported at metadata',
      code: UNLABELLED,
      errors: [
        {
          line: 3,
          column: 1,
          object: 'Namespace shop',
          path: 'metadata',
          message: 'namespace "shop" has no pod-security.kubernetes.io/enforce label and no cluster default enforces a level: nothing stops privileged pods here',
        },
      ],
    },
    {
      name: 'other labels, warn and audit only: reported at metadata.labels',
      code: yaml`
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
          labels:
            app.kubernetes.io/part-of: shop
            pod-security.kubernetes.io/warn: restricted
            pod-security.kubernetes.io/audit: restricted
      `,
      errors: [{ line: 5, column: 3, object: 'Namespace shop', path: 'metadata.labels' }],
    },
    {
      name: 'a cluster default that enforces privileged',
      // The AdmissionConfiguration and `---` take 10 lines.
      code: `${admission('{ enforce: privileged, warn: restricted }')}${UNLABELLED}`,
      errors: [{ line: 13, column: 1, object: 'Namespace shop', path: 'metadata', message: 'and the cluster default (<stdin>) enforces "privileged": nothing stops' }],
    },
    {
      name: 'cluster configurations that disagree: none is assumed',
      code: `${admission('{ enforce: baseline }')}${admission('{ enforce: restricted }')}${UNLABELLED}`,
      errors: [{ line: 23, column: 1, object: 'Namespace shop', path: 'metadata', message: 'the PodSecurity configurations of the set disagree (<stdin>), so no cluster default is assumed' }],
    },
  ],
});
