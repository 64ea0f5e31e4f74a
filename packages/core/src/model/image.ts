/** The parts of a container image reference that matter for pinning. */
export interface ImageReference {
  /** Repository including registry host, e.g. `ghcr.io/org/app`. */
  repository: string;
  tag: string | undefined;
  digest: string | undefined;
}

/**
 * Splits `registry:port/repo:tag@digest`. A colon only starts a tag after the last `/`,
 * so `localhost:5000/app` has no tag.
 */
export function parseImage(image: string): ImageReference {
  const at = image.indexOf('@');
  const digest = at >= 0 ? image.slice(at + 1) : undefined;
  const name = at >= 0 ? image.slice(0, at) : image;
  const lastSlash = name.lastIndexOf('/');
  const colon = name.indexOf(':', lastSlash + 1);
  if (colon < 0) return { repository: name, tag: undefined, digest };
  return { repository: name.slice(0, colon), tag: name.slice(colon + 1), digest };
}

const DIGEST = /^sha256:[a-f0-9]{64}$|^sha512:[a-f0-9]{128}$/;

export function hasValidDigest(reference: ImageReference): boolean {
  return reference.digest !== undefined && DIGEST.test(reference.digest);
}
