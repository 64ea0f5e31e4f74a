import type { BundledSchema } from './bundled-schemas';

const minor = (version: string): number => Number(version.replace(/^v/, '').split('.')[1]);

/**
 * Why the chosen Kubernetes version does not serve `apiVersion` + `kind`, when it is a built-in
 * kind that another release serves (removed, or newer); undefined for kinds it never knew.
 */
export function unservedMessage(schema: BundledSchema, apiVersion: string, kind: string): string | undefined {
  const unserved = schema.unserved[`${apiVersion}/${kind}`];
  if (!unserved) return undefined;
  const what = `${apiVersion} ${kind} is not served by Kubernetes ${schema.kubernetesVersion}`;
  if (unserved.removedIn) return `${what}: removed in v${unserved.removedIn}${unserved.replacement ? `, use ${unserved.replacement}` : ''}`;
  const servedIn = unserved.servedIn ?? [];
  if (servedIn.every((version) => minor(version) > minor(schema.kubernetesVersion))) return `${what}: it is new in a later release (served by ${servedIn.map((version) => `v${version}`).join(', ')})`;
  return `${what}: it was removed after v${servedIn[servedIn.length - 1] ?? '?'}`;
}
