import type { InputProblem } from '../load/walk';
import { fileUnreadable } from './syntax/file-unreadable';
import { helmChartNotRendered } from './syntax/helm-chart-not-rendered';
import { renderError } from './syntax/render-error';
import { symlinkNotFollowed } from './syntax/symlink-not-followed';
import { yamlSyntax } from './syntax/yaml-syntax';

export const YAML_SYNTAX_RULE_ID = yamlSyntax.meta.id;
export const FILE_UNREADABLE_RULE_ID = fileUnreadable.meta.id;
export const SYMLINK_NOT_FOLLOWED_RULE_ID = symlinkNotFollowed.meta.id;
export const HELM_CHART_NOT_RENDERED_RULE_ID = helmChartNotRendered.meta.id;

/** The rule that reports each kind of problem found while collecting inputs. */
export const INPUT_PROBLEM_RULE_IDS: Readonly<Record<InputProblem['kind'], string>> = {
  unreadable: FILE_UNREADABLE_RULE_ID,
  symlink: SYMLINK_NOT_FOLLOWED_RULE_ID,
  chart: HELM_CHART_NOT_RENDERED_RULE_ID,
  // An unusable Chart.yaml is a chart that cannot be rendered, with --helm or without.
  'chart-invalid': renderError.meta.id,
};
