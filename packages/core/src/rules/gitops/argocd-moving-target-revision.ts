import { asName, asString } from '../../values';
import { REF } from '../references';
import type { Rule } from '../rule';
import { maskUrlCredentials } from '../../text/mask-url';
import { ARGO_REF, argoApps, enabledAutomation, isTemplated, sourcesOf, type ArgoSource } from '../../model/argocd';

export interface MovingTargetRevisionOptions {
  /** Git revisions that move (branch names, symbolic refs), besides an absent one and version ranges. */
  movingRevisions: string[];
}

/** An exact version as Masterminds semver parses it (`1`, `1.2`, `v1.2.3-rc.1+build`): Argo CD uses it as is. */
const EXACT_VERSION = /^v?\d+(\.\d+){0,2}(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;
/**
 * A semver constraint: operators, wildcards, alternatives and hyphen ranges. Git forbids `*`, `^`,
 * `~` and spaces in ref names, so for git these are version ranges over tags, never branches.
 */
const RANGE_SYNTAX = /[*^~<>=|,\s]|(^|\.)[xX](\.|$)/;

/** `1.2.3` and the constraint `=1.2.3` both name one version. */
function isExact(revision: string): boolean {
  return EXACT_VERSION.test(revision.replace(/^=\s*/, ''));
}

type Finding = { message: string } | undefined;

function describeRepo(source: ArgoSource): string {
  const repo = asString(source.source.repoURL);
  return repo ? `"${maskUrlCredentials(repo)}"` : 'the repository';
}

/** Helm charts and OCI artifacts: a targetRevision is a version or a range of versions. */
function checkVersioned(source: ArgoSource, revision: string | undefined): Finding {
  const chart = asString(source.source.chart);
  const what = chart ? `chart "${chart}"` : `OCI artifact ${describeRepo(source)}`;
  // Argo CD rejects a chart source without a version; an OCI source without one is not resolvable either.
  if (revision === undefined || revision === '' || isTemplated(revision) || isExact(revision)) return undefined;
  if (!chart && revision === 'latest') return { message: `automated sync deploys whatever is tagged "latest" of ${what}` };
  if (!RANGE_SYNTAX.test(revision)) return undefined;
  return { message: `automated sync deploys the newest version of ${what} that matches "${revision}"` };
}

function checkGit(source: ArgoSource, revision: string | undefined, moving: readonly string[]): Finding {
  const repo = describeRepo(source);
  if (revision === undefined || revision === '') return { message: `automated sync deploys every push to HEAD of ${repo}: the source sets no targetRevision` };
  if (isTemplated(revision)) return undefined;
  const ref = revision.replace(/^refs\/heads\//, '');
  if (moving.includes(ref) || moving.includes(revision)) return { message: `automated sync deploys every push to "${revision}" of ${repo}` };
  if (!isExact(revision) && RANGE_SYNTAX.test(revision)) return { message: `automated sync deploys the newest tag of ${repo} that matches "${revision}"` };
  return undefined;
}

export const argocdMovingTargetRevision: Rule<MovingTargetRevisionOptions> = {
  meta: {
    id: 'argocd-moving-target-revision',
    title: 'Argo CD automated sync follows a moving revision',
    description:
      'An Argo CD Application (or ApplicationSet template) with automated sync tracks a branch, `HEAD`, no `targetRevision` at all, or a version range.',
    severity: 'warning',
    category: 'gitops',
    tags: ['argocd', 'supply-chain'],
    help: `With automated sync, Argo CD applies whatever its source resolves to, as soon as it
changes. When \`targetRevision\` names a branch or \`HEAD\` (which is also what an absent
\`targetRevision\` means for git), every push to that branch goes to the cluster without a
change to the Application: a compromised account, a bad merge or a force-push is deployed
within minutes, and the Application does not say which version runs. Version ranges do the same
with each new matching tag or chart release.

Reported, for Applications and ApplicationSet templates whose \`syncPolicy.automated\` is
present and not \`enabled: false\`, in \`spec.source\`, every \`spec.sources[*]\` (including
\`ref\` sources that only provide values files) and \`spec.sourceHydrator.drySource\`:

- git sources whose \`targetRevision\` is absent, empty, \`HEAD\`, \`main\` or \`master\` (also
  as \`refs/heads/...\`; the list is the \`movingRevisions\` option), or a semver range over tags
  such as \`1.*\` or \`>=1.0.0 <2.0.0\`;
- Helm chart sources (\`chart\` set), where \`targetRevision\` is a chart version, only when it
  is a range (\`*\`, \`1.2.*\`, \`^1.2\`, \`>=1.0.0\`, ...). An exact version is pinned; a chart
  source without a version is rejected by Argo CD rather than moving, so it is not reported;
- OCI sources (\`oci://\` without \`chart\`) when the revision is a range or \`latest\`.

Templated values (\`{{...}}\`) are not known before generation and are not reported. Other
branch names cannot be told apart from tags; add yours to \`movingRevisions\`. Messages quote
\`repoURL\` with any credentials in it (\`user:password@\`, \`?token=\`) shown as \`***\`.

**Fix:** pin a commit SHA or an immutable release tag (and an exact chart version), and move
it forward with a reviewed change, for example from CI or Argo CD Image Updater:

\`\`\`yaml
spec:
  source:
    repoURL: https://github.com/example/shop-deploy.git
    path: overlays/production
    targetRevision: 3f9c2a4e5b1d7c8e9f0a1b2c3d4e5f60718293a4
  syncPolicy:
    automated:
      prune: true
\`\`\``,
    references: [ARGO_REF.tracking, ARGO_REF.autoSync, REF.mitre('T1195', 'Supply Chain Compromise')],
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: { movingRevisions: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true } },
    },
  },
  defaultOptions: { movingRevisions: ['HEAD', 'main', 'master'] },
  check(context) {
    for (const app of argoApps(context.resources)) {
      if (!enabledAutomation(app)) continue;
      for (const source of sourcesOf(app)) {
        const raw = source.source.targetRevision;
        const revision = asName(raw);
        // A list or map is malformed rather than absent: nothing is known about it.
        if (revision === undefined && raw !== undefined && raw !== null) continue;
        const versioned = asString(source.source.chart) || /^oci:\/\//i.test(asString(source.source.repoURL) ?? '');
        const finding = versioned ? checkVersioned(source, revision) : checkGit(source, revision, context.options.movingRevisions);
        if (finding) context.report(app.resource, [...source.path, 'targetRevision'], finding.message);
      }
    }
  },
};
