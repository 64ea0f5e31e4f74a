import { InputError } from '../errors';

/**
 * Kubernetes versions whose API schemas are bundled (kubernetes-1.N.json beside this file, made
 * by scripts/generate-kubernetes-schema.js), oldest first. Kept tiny: checking a version must not
 * load any schema.
 */
export const KUBERNETES_VERSIONS = ['1.25', '1.27', '1.33', '1.36'] as const;

export type KubernetesVersion = (typeof KUBERNETES_VERSIONS)[number];

/** The newest bundled version. */
export const DEFAULT_KUBERNETES_VERSION: KubernetesVersion = '1.36';

/** `1.N` or `v1.N` (a patch such as `1.N.4` is ignored) → the bundled version, or undefined. */
export function bundledKubernetesVersion(text: string): KubernetesVersion | undefined {
  const minor = /^v?(1\.\d+)(?:\.\d+)?$/.exec(text.trim())?.[1];
  return KUBERNETES_VERSIONS.find((version) => version === minor);
}

export function unsupportedKubernetesVersion(text: string): string {
  return `unsupported Kubernetes version "${text}": the bundled versions are ${KUBERNETES_VERSIONS.join(', ')}`;
}

/** The version to validate against: the given one (CLI or configuration), else the default. Throws InputError. */
export function resolveKubernetesVersion(text: string | undefined): KubernetesVersion {
  if (text === undefined) return DEFAULT_KUBERNETES_VERSION;
  const version = bundledKubernetesVersion(text);
  if (!version) throw new InputError(unsupportedKubernetesVersion(text));
  return version;
}
