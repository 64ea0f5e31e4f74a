/**
 * Values that stand for a secret instead of holding one: filled in by a tool before the object
 * reaches the cluster, so committing them leaks nothing.
 */
const PLACEHOLDERS: readonly RegExp[] = [
  // Flux `postBuild.substituteFrom`, envsubst: `${DB_PASSWORD}` (a `:-default` could be a real value).
  /^\$\{[A-Za-z_][A-Za-z0-9_]*\}$/,
  // Unrendered Helm / Go templates.
  /^\{\{.*\}\}$/s,
  // Documentation-style placeholders (`<changeme>`) and argocd-vault-plugin's `<path:secret/data/db#password>`.
  /^<[^<>]*>$/,
  // References resolved by a secret manager's tooling: 1Password (`op://vault/item/field`),
  // vals / helm-secrets (`ref+vault://...`), Bank-Vaults (`vault:secret/data/db#password`).
  /^op:\/\/\S+$/,
  /^ref\+[a-z0-9]+:\/\/\S+$/,
  /^vault:\S+#\S+$/,
];

/** SOPS replaces every encrypted value by `ENC[AES256_GCM,data:...,type:str]`. */
const SOPS_VALUE = /^ENC\[[A-Za-z0-9_]+,/;

export function isPlaceholder(value: string): boolean {
  const trimmed = value.trim();
  return PLACEHOLDERS.some((pattern) => pattern.test(trimmed));
}

export function isSopsEncrypted(value: string): boolean {
  return SOPS_VALUE.test(value.trim());
}

/**
 * A literal's text when it is a non-empty string or a number (YAML turns an unquoted `1234` into
 * one); undefined for empty values, booleans, maps and lists, which hold no credential.
 */
export function literalText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** The list above, for the rules' help. */
/** Values that switch a feature on or off, not credentials: `ENABLE_TOKEN_AUTH: "true"`. */
export function isOnOffFlag(text: string): boolean {
  return /^(true|false|yes|no|on|off|enabled|disabled)$/i.test(text.trim());
}

export const PLACEHOLDER_HELP = `whole-value placeholders that a tool fills in before apply: \`\${VAR}\` (Flux post-build
substitution, envsubst), \`{{ ... }}\` (unrendered templates), \`<changeme>\` and argocd-vault-plugin's
\`<path:...#key>\`, and secret-manager references (\`op://...\`, \`ref+vault://...\`, \`vault:...#key\`)`;
