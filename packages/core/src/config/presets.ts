import type { AnyRule } from '../rules/rule';
import type { Severity } from '../types';

/**
 * Rule sets a configuration starts from (`extends:`), ESLint-style. `strict` is every rule as
 * written; `recommended`, the default, is `strict` without the findings that fire on nearly every
 * container of ordinary repositories without pointing at a risk the manifest shows.
 */
export const PRESET_NAMES = ['recommended', 'strict'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];
export const DEFAULT_PRESET: PresetName = 'recommended';

/** How `recommended` differs from `strict` for one rule, and why (the README and rule pages say it). */
export interface RecommendedChange {
  ruleId: string;
  /** Off in `recommended`, or run with these options (merged over the rule's defaults). */
  recommended: 'off' | { options: Readonly<Record<string, unknown>> };
  why: string;
}

const ONLY_WHEN_SET = { options: { reportUnset: false } };

export const RECOMMENDED_CHANGES: readonly RecommendedChange[] = [
  {
    ruleId: 'run-as-root',
    recommended: ONLY_WHEN_SET,
    why: 'Reported when the manifest asks for root (`runAsUser: 0`, `runAsNonRoot: false`). When neither is set, the image\'s `USER` decides, which the manifest cannot show.',
  },
  {
    ruleId: 'privilege-escalation-allowed',
    recommended: ONLY_WHEN_SET,
    why: 'Reported when the manifest sets `allowPrivilegeEscalation: true`. Leaving it unset matters only for images with setuid binaries or file capabilities, which the manifest cannot show.',
  },
  {
    ruleId: 'seccomp-profile-missing',
    recommended: ONLY_WHEN_SET,
    why: 'Reported when a profile is `Unconfined` or unusable. A missing profile is hardening left undone, not a setting that opens anything.',
  },
  {
    ruleId: 'writable-root-filesystem',
    recommended: ONLY_WHEN_SET,
    why: 'Reported when the manifest sets `readOnlyRootFilesystem: false`. Most images need changes before they run read-only, so the unset case is a hardening task.',
  },
  {
    ruleId: 'automount-service-account-token',
    recommended: ONLY_WHEN_SET,
    why: 'Reported when the pod spec sets `automountServiceAccountToken: true`. The RBAC rules report the permissions that make a mounted token dangerous.',
  },
  {
    ruleId: 'capabilities-not-dropped',
    recommended: 'off',
    why: 'Fires on nearly every container. Capabilities that are added, and so open something, are reported by `dangerous-capabilities`.',
  },
  {
    ruleId: 'missing-network-policy',
    recommended: 'off',
    why: 'Reports each workload where `missing-default-deny` already reports its namespace once: a pod that no policy selects exists only where no default-deny policy does.',
  },
  {
    ruleId: 'missing-resource-requests',
    recommended: 'off',
    why: 'Requests drive scheduling and capacity, not security. Missing limits, which let one pod starve a node, stay reported.',
  },
  {
    ruleId: 'apparmor-profile-missing',
    recommended: ONLY_WHEN_SET,
    why: 'Reported when a profile is `Unconfined` or invalid. When none is set, container runtimes apply their default profile on nodes that have AppArmor.',
  },
  {
    ruleId: 'image-not-pinned-by-digest',
    recommended: 'off',
    why: 'Fires on nearly every image. Tags that move on purpose (`latest`, no tag) are reported by `image-latest-tag`.',
  },
  {
    ruleId: 'image-pull-policy-mutable-tag',
    recommended: 'off',
    why: 'About which build of a tag a node runs, a reproducibility concern. Digest pinning, in `strict`, fixes both.',
  },
  {
    ruleId: 'missing-probes',
    recommended: 'off',
    why: 'Availability, not security.',
  },
  {
    ruleId: 'default-service-account',
    recommended: 'off',
    why: 'The `default` ServiceAccount has no permissions unless something binds it, and the RBAC rules report the bindings that matter.',
  },
];

const CHANGES_BY_RULE = new Map(RECOMMENDED_CHANGES.map((change) => [change.ruleId, change]));

/** The preset a configuration's `extends:` amounts to: the last one listed wins, as each gives every rule. */
export function effectivePreset(presets: readonly PresetName[] | undefined): PresetName {
  return presets?.at(-1) ?? DEFAULT_PRESET;
}

/** What `recommended` changes for a rule, if anything. */
export function recommendedChangeOf(ruleId: string): RecommendedChange | undefined {
  return CHANGES_BY_RULE.get(ruleId);
}

/** A rule's level and options under a preset, before `rules:` and `overrides:`. */
export function presetSetting(rule: AnyRule, preset: PresetName): { level: Severity | 'off'; options: unknown } {
  // Rules off by default (context-dependent false positives) are off in every preset.
  if (rule.meta.enabledByDefault === false) return { level: 'off', options: rule.defaultOptions };
  const change = preset === 'recommended' ? CHANGES_BY_RULE.get(rule.meta.id) : undefined;
  if (change === undefined) return { level: rule.meta.severity, options: rule.defaultOptions };
  if (change.recommended === 'off') return { level: 'off', options: rule.defaultOptions };
  return { level: rule.meta.severity, options: { ...(rule.defaultOptions as object), ...change.recommended.options } };
}
