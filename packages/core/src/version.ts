/** Reported as tool.version in JSON and SARIF output; keep in step with the packages' versions. */
export const VERSION = '0.1.0';
