import { asRecord, asString } from '../../values';
import { REF } from '../references';
import type { Rule } from '../rule';
import { maskUrlCredentials } from '../../text/mask-url';
import { apiGroup } from '../../model/api-group';
import { FLUX_REF, FLUX_SOURCE_GROUP } from '../../model/flux';

const SOURCE_KINDS = new Set(['GitRepository', 'HelmRepository', 'OCIRepository', 'Bucket']);
const PLAIN_HTTP = /^http:\/\//i;

export const fluxInsecureSource: Rule = {
  meta: {
    id: 'flux-insecure-source',
    title: 'Flux source fetched over plain HTTP',
    description:
      'A Flux GitRepository, HelmRepository, OCIRepository or Bucket uses an `http://` URL or endpoint, or sets `spec.insecure: true`.',
    severity: 'error',
    category: 'gitops',
    tags: ['flux', 'supply-chain', 'encryption'],
    help: `Flux sources are what the cluster deploys. Fetched over plain HTTP, the manifests,
charts or artifacts can be replaced by anyone on the network path (a compromised node, a
proxy, DNS or ARP spoofing), and the controllers then apply the attacker's version with their
cluster-wide permissions. Credentials from \`secretRef\` travel in clear text as well.
\`spec.insecure: true\` is how HelmRepository (type \`oci\`), OCIRepository and Bucket allow a
non-TLS endpoint.

Reported: \`spec.url\` starting with \`http://\`, a Bucket's \`spec.endpoint\` written with
\`http://\`, and \`spec.insecure: true\`, on the \`source.toolkit.fluxcd.io\` kinds. Messages
quote the URL with any credentials in it (\`user:password@\`, \`?token=\`) shown as \`***\`.

**Fix:** use HTTPS (or SSH for git) with a trusted certificate, give a private CA through
\`certSecretRef\`, and verify artifacts where the source supports it:

\`\`\`yaml
apiVersion: source.toolkit.fluxcd.io/v1
kind: HelmRepository
metadata:
  name: charts
  namespace: flux-system
spec:
  interval: 10m
  url: https://charts.example.com
  certSecretRef:
    name: internal-ca
\`\`\`

The controllers' \`--insecure-allow-http=false\` flag makes the cluster refuse plain HTTP
sources altogether.`,
    references: [
      FLUX_REF.insecureHttp,
      FLUX_REF.gitRepositories,
      FLUX_REF.helmRepositories,
      FLUX_REF.ociRepositories,
      FLUX_REF.buckets,
      REF.mitre('T1557', 'Adversary-in-the-Middle'),
      REF.mitre('T1195', 'Supply Chain Compromise'),
    ],
  },
  defaultOptions: {},
  check(context) {
    for (const resource of context.resources) {
      if (!SOURCE_KINDS.has(resource.kind) || apiGroup(resource) !== FLUX_SOURCE_GROUP) continue;
      const spec = asRecord(resource.object.spec);
      if (!spec) continue;
      const what = `${resource.kind} "${resource.name ?? '<unnamed>'}"`;
      for (const field of ['url', 'endpoint']) {
        const address = asString(spec[field]);
        if (address !== undefined && PLAIN_HTTP.test(address)) {
          context.report(resource, ['spec', field], `${field} "${maskUrlCredentials(address)}" of ${what} is fetched over plain HTTP`);
        }
      }
      if (spec.insecure === true) {
        context.report(resource, ['spec', 'insecure'], `insecure: true lets ${what} be fetched without TLS`);
      }
    }
  },
};
