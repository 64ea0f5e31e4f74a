import type { Rule } from '../rule';

/** Reported by the loader, not by a check: the rule exists for its metadata, config and docs. */
export const helmChartNotRendered: Rule = {
  meta: {
    id: 'helm-chart-not-rendered',
    title: 'Helm chart not rendered',
    description: 'A directory with `Chart.yaml` was linted without `--helm`, so its templates, subcharts and values files were not linted.',
    severity: 'note',
    category: 'syntax',
    tags: ['correctness', 'helm'],
    help: `A directory holding \`Chart.yaml\` is a Helm chart. Its \`templates/\` are Go templates, not YAML,
until \`helm template\` renders them, and its \`values*.yaml\` files are inputs of that rendering,
not manifests. Without \`--helm\`, k8s-lint does not lint them as plain files (every template
would be a \`yaml-syntax\` error) and reports the chart once here, at its \`Chart.yaml\`, so that
nothing is left out without a word. \`crds/\` and other plain files of the chart are still linted.

**Fix:** lint the chart as helm renders it (helm must be installed, or named with \`--helm-binary\`):

\`\`\`sh
k8s-lint charts/ --helm --values charts/web/values-prod.yaml
\`\`\`

or turn this rule off when charts are linted elsewhere:

\`\`\`yaml
# .k8s-lint.yaml
rules:
  helm-chart-not-rendered: off
\`\`\``,
    references: [{ title: 'Helm: helm template', url: 'https://helm.sh/docs/helm/helm_template/' }],
  },
  defaultOptions: {},
  check() {
    // Reported while collecting inputs, before any rule runs.
  },
};
