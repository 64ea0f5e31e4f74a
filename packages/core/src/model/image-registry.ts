import { parseImage } from './image';

/** Docker Hub's names for itself, all meaning `docker.io`. */
const DOCKER_HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

function isHost(segment: string): boolean {
  return segment.includes('.') || segment.includes(':') || segment === 'localhost';
}

function canonicalHost(host: string): string {
  const lower = host.toLowerCase();
  return DOCKER_HUB_ALIASES.has(lower) ? 'docker.io' : lower;
}

/**
 * The fully qualified repository of an image as the container runtime resolves it, without tag
 * or digest: `nginx` → `docker.io/library/nginx`, `org/app` → `docker.io/org/app`,
 * `ghcr.io/org/app:1` → `ghcr.io/org/app`.
 */
export function qualifiedRepository(image: string): string {
  const { repository } = parseImage(image);
  const slash = repository.indexOf('/');
  const first = slash < 0 ? repository : repository.slice(0, slash);
  if (slash >= 0 && isHost(first)) {
    const host = canonicalHost(first);
    const rest = repository.slice(slash + 1);
    return host === 'docker.io' && !rest.includes('/') ? `${host}/library/${rest}` : `${host}/${rest}`;
  }
  return slash < 0 ? `docker.io/library/${repository}` : `docker.io/${repository}`;
}

/** A trusted entry (`ghcr.io/my-org`, `Registry.Example.com/`) in the form `qualifiedRepository` uses. */
export function canonicalPrefix(entry: string): string {
  const trimmed = entry.trim().replace(/\/+$/, '');
  const slash = trimmed.indexOf('/');
  return slash < 0 ? canonicalHost(trimmed) : `${canonicalHost(trimmed.slice(0, slash))}${trimmed.slice(slash)}`;
}

/** Whether `repository` is `prefix` itself or below it, path segment by path segment. */
export function isUnder(repository: string, prefix: string): boolean {
  return repository === prefix || repository.startsWith(`${prefix}/`);
}

/** The registry host of a qualified repository. */
export function hostOf(repository: string): string {
  return repository.split('/')[0] ?? repository;
}
