/** A Pod Security Standards policy version: `v1.<minor>` or `latest`. */
export type PolicyVersion = { latest: true } | { latest: false; minor: number };

export const LATEST: PolicyVersion = { latest: true };

const VERSION_PATTERN = /^v1\.(0|[1-9][0-9]*)$/;

/** Parses `latest` or `v1.N` exactly as the admission controller does; undefined when invalid. */
export function parseVersion(text: string): PolicyVersion | undefined {
  if (text === 'latest') return LATEST;
  const match = VERSION_PATTERN.exec(text);
  return match?.[1] !== undefined ? { latest: false, minor: Number(match[1]) } : undefined;
}

export function formatVersion(version: PolicyVersion): string {
  return version.latest ? 'latest' : `v1.${version.minor}`;
}

/**
 * The minor version whose rules apply: `latest` and versions newer than the newest check
 * revision are evaluated as that newest revision.
 */
export function effectiveMinor(version: PolicyVersion, newestMinor: number): number {
  return version.latest ? newestMinor : Math.min(version.minor, newestMinor);
}
