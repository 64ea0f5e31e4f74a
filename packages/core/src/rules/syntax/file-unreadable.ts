import type { Rule } from '../rule';

/** Reported by the loader, not by a check: the rule exists for its metadata, config and docs. */
export const fileUnreadable: Rule = {
  meta: {
    id: 'file-unreadable',
    title: 'File or directory not linted',
    description: 'A file or directory among the linted paths could not be read (permissions, I/O error, not a regular file) or is larger than `maxFileSize`, so its objects were not linted.',
    severity: 'error',
    category: 'syntax',
    tags: ['correctness'],
    help: `Whatever k8s-lint cannot read it cannot check, so instead of being skipped silently every
such file or directory is reported, and all the others are still linted:

- a file or directory that cannot be read (\`EACCES\`, \`EIO\`, ...);
- a file with a manifest extension that is not a regular file (a FIFO, a socket, a device):
  reading it could block forever, so it is not opened;
- a file larger than \`maxFileSize\` in \`.k8s-lint.yaml\` (default 10 MB; \`--max-file-size\`):
  manifests are small, and a huge file is more likely generated data or an attack on the
  linter's memory than something to review.

**Fix:** make the file readable, move non-manifests out of the linted paths (or \`exclude\`
them), or raise \`maxFileSize\` for a legitimately large file:

\`\`\`yaml
# .k8s-lint.yaml
maxFileSize: 50000000   # bytes
\`\`\``,
    references: [{ title: 'CWE-400: Uncontrolled Resource Consumption', url: 'https://cwe.mitre.org/data/definitions/400.html' }],
  },
  defaultOptions: {},
  check() {
    // Reported while collecting and reading inputs, before any rule runs.
  },
};
