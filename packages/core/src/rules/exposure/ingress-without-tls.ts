import { asArray, asRecord, asString } from '../../values';
import { REF } from '../references';
import type { Rule } from '../rule';
import { LINKS } from '../network-links';

function isIngress(kind: string, apiVersion: string): boolean {
  return kind === 'Ingress' && apiVersion === 'networking.k8s.io/v1';
}

/** Whether a TLS host covers a rule host; a wildcard covers exactly one more label. */
export function tlsCovers(tlsHost: string, host: string): boolean {
  if (tlsHost === host) return true;
  if (!tlsHost.startsWith('*.')) return false;
  const suffix = tlsHost.slice(1);
  const label = host.slice(0, -suffix.length);
  return host.endsWith(suffix) && label.length > 0 && !label.includes('.') && !label.includes('*');
}

export const ingressWithoutTls: Rule = {
  meta: {
    id: 'ingress-without-tls',
    title: 'Ingress without TLS',
    description: 'An Ingress has no `spec.tls`, or serves a host of `spec.rules` that no `spec.tls[*].hosts` entry covers.',
    severity: 'warning',
    category: 'exposure',
    tags: ['nsa', 'tls', 'exposure'],
    help: `Without a TLS entry for a host, the Ingress controller serves it over plain HTTP (or with
its default certificate, which clients reject): credentials, session cookies and data cross the
network in clear text, where anyone on the path can read or change them. A host is covered when
a \`spec.tls[*].hosts\` entry equals it, or is a wildcard such as \`*.example.com\` that matches
exactly one more label (\`shop.example.com\`, not \`a.shop.example.com\`); a TLS entry without
\`hosts\` uses the controller's default host setting and is taken to cover every host.

**Fix:** add a TLS entry (with a certificate from cert-manager, for example) for every host:

\`\`\`yaml
spec:
  tls:
    - hosts: [shop.example.com]
      secretName: shop-tls
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service: { name: web, port: { number: 80 } }
\`\`\``,
    references: [LINKS.ingressTls, REF.nsaHardening, REF.mitre('T1040', 'Network Sniffing')],
  },
  defaultOptions: {},
  check(context) {
    for (const ingress of context.resources) {
      if (!isIngress(ingress.kind, ingress.apiVersion)) continue;
      const spec = asRecord(ingress.object.spec);
      if (!spec) continue;
      const name = ingress.name ?? '<unnamed>';
      const tls = spec.tls;
      if (tls === undefined || tls === null || (Array.isArray(tls) && tls.length === 0)) {
        context.report(ingress, ['spec'], `Ingress "${name}" has no spec.tls: it is served over plain HTTP`);
        continue;
      }
      const entries = asArray(tls).map(asRecord);
      if (entries.some((entry) => entry !== undefined && asArray(entry.hosts).length === 0)) continue;
      const tlsHosts = entries.flatMap((entry) => asArray(entry?.hosts)).flatMap((host) => asString(host)?.toLowerCase() ?? []);
      asArray(spec.rules).forEach((entry, index) => {
        const host = asString(asRecord(entry)?.host);
        if (!host || tlsHosts.some((tlsHost) => tlsCovers(tlsHost, host.toLowerCase()))) return;
        context.report(ingress, ['spec', 'rules', index, 'host'], `host "${host}" of Ingress "${name}" is not covered by spec.tls: it is served over plain HTTP`);
      });
    }
  },
};
