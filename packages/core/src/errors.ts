/** Bad command-line input: a missing path, a glob that matches nothing, an unreadable file. */
export class InputError extends Error {
  override name = 'InputError';
}

/** An invalid `.k8s-lint.yaml`: the message names the file, the key and what is wrong. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}
