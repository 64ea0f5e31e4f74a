import type { Rule } from '../rule';

/** Reported by --kustomize/--helm rendering, not by a check: the rule exists for its metadata, config and docs. */
export const renderError: Rule = {
  meta: {
    id: 'render-error',
    title: 'Kustomization or chart could not be rendered',
    description: 'With `--kustomize` or `--helm`, a kustomization or chart could not be rendered (remote base, missing chart dependency, render failure), so its objects were not linted; an invalid `Chart.yaml` is reported with or without `--helm`.',
    severity: 'error',
    category: 'syntax',
    tags: ['correctness', 'kustomize', 'helm'],
    help: `k8s-lint renders kustomizations with \`kubectl kustomize\` and charts with \`helm template\`
only when asked, and never fetches anything: remote bases (URLs, \`github.com/...\`, \`?ref=\`)
and chart dependencies that are not vendored under \`charts/\` are reported here instead of
being downloaded (a remote URL is quoted with any credentials in it shown as \`***\`). A
render that fails (invalid kustomization, template error, timeout) is reported with the
program's message. A \`Chart.yaml\` that does not parse or lacks \`name\` or \`version\` is
reported at its position, with \`--helm\` or without. Everything else is still linted.

**Fix:** vendor the remote base or the chart dependency into the repository, or fix the
kustomization or template at the reported position:

\`\`\`yaml
# kustomization.yaml
resources:
  - ../../base          # a local path instead of a remote URL
\`\`\``,
    references: [
      { title: 'Kustomize: kustomization file', url: 'https://kubectl.docs.kubernetes.io/references/kustomize/kustomization/' },
      { title: 'Helm: helm template', url: 'https://helm.sh/docs/helm/helm_template/' },
    ],
  },
  defaultOptions: {},
  check() {
    // Render problems are found while rendering, before any rule runs.
  },
};
