import type { Rule } from '../rule';

/** Reported by the loader, not by a check: the rule exists for its metadata, config and docs. */
export const symlinkNotFollowed: Rule = {
  meta: {
    id: 'symlink-not-followed',
    title: 'Symbolic link not followed',
    description: 'A symbolic link inside a linted directory was not followed, so what it points to was not linted through it.',
    severity: 'note',
    category: 'syntax',
    tags: ['correctness'],
    help: `While walking a directory k8s-lint never follows symbolic links: a link can point outside
the repository (a hostile one at \`/etc\` or a home directory, whose contents could end up in a
report) or back to a parent, looping forever. Each skipped link to a directory or to a
\`.yaml\`, \`.yml\` or \`.json\` file is reported here, with its target, so that nothing is left
out without a word. A link named explicitly on the command line is followed.

**Fix:** lint the target directly (\`k8s-lint path/to/target\`), replace the link by the file, or
turn this rule off when the links are known to point at files that are linted anyway:

\`\`\`yaml
# .k8s-lint.yaml
rules:
  symlink-not-followed: off
\`\`\``,
    references: [{ title: 'CWE-59: Improper Link Resolution Before File Access', url: 'https://cwe.mitre.org/data/definitions/59.html' }],
  },
  defaultOptions: {},
  check() {
    // Reported while collecting inputs, before any rule runs.
  },
};
