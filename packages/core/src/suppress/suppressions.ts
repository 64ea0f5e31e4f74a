import type { Resource } from '../model/resource';
import { familyOf } from '../rule-family';
import type { Suppression } from '../types';
import { asString } from '../values';
import { peerAnnotationSuppression } from './peer-annotations';
import type { AnnotationPeer } from './peer-checks';

export const IGNORE_ANNOTATION = 'k8s-lint.io/ignore';
export const IGNORE_REASON_ANNOTATION = 'k8s-lint.io/ignore-reason';
const DISABLE_NEXT_LINE = 'k8s-lint-disable-next-line';

/** Which rules a suppression covers: a set of ids, or every rule. */
export interface RuleSelection {
  all: boolean;
  ids: ReadonlySet<string>;
  reason: string | null;
}

function parseRuleList(list: string): { all: boolean; ids: Set<string> } {
  const ids = new Set(list.split(/[\s,]+/).filter((id) => id !== ''));
  return { all: ids.size === 0 || ids.has('*'), ids };
}

/** A family's member (`vap/<policy>`) is covered by its own id or by the family's (`vap`). */
function covers(selection: RuleSelection, ruleId: string): boolean {
  const family = familyOf(ruleId);
  return selection.all || selection.ids.has(ruleId) || (family !== null && selection.ids.has(family));
}

/**
 * `k8s-lint.io/ignore: "rule-a,rule-b"` (or `*`) on the object's own metadata; else, for the
 * peers named by `honorPeerAnnotations`, their exemption annotations (peer-annotations.ts).
 */
export function annotationSuppression(resource: Resource, ruleId: string, peers: readonly AnnotationPeer[] = [], path = ''): Suppression | null {
  return ownAnnotationSuppression(resource, ruleId) ?? peerAnnotationSuppression(resource, ruleId, path, peers);
}

function ownAnnotationSuppression(resource: Resource, ruleId: string): Suppression | null {
  const value = asString(resource.annotations[IGNORE_ANNOTATION]);
  if (value === undefined) return null;
  const { all, ids } = parseRuleList(value);
  if (!covers({ all, ids, reason: null }, ruleId)) return null;
  const reason = asString(resource.annotations[IGNORE_REASON_ANNOTATION])?.trim() || null;
  return { via: 'annotation', reason };
}

// `# k8s-lint-disable-next-line rule-a, rule-b -- reason`; with no rule list it covers every rule.
const COMMENT = /#\s*k8s-lint-disable-next-line\b(.*)$/;

/** Line-comment suppressions of one file, keyed by the 1-based line they apply to. */
export class CommentSuppressions {
  /** `byLine` is plain data (a Map of plain objects and Sets), so it crosses worker threads. */
  constructor(readonly byLine: ReadonlyMap<number, RuleSelection> = new Map()) {}

  static fromText(text: string): CommentSuppressions {
    const byLine = new Map<number, RuleSelection>();
    // Most files have none: skip the line scan unless the marker occurs at all.
    if (!text.includes(DISABLE_NEXT_LINE)) return new CommentSuppressions(byLine);
    // Lines as the YAML parser counts them: only `\n` ends one (a lone `\r` does not).
    text.split('\n').forEach((line, index) => {
      const match = COMMENT.exec(line.endsWith('\r') ? line.slice(0, -1) : line);
      if (!match) return;
      const [list = '', reason] = (match[1] ?? '').split(/\s--\s?/, 2);
      const { all, ids } = parseRuleList(list);
      byLine.set(index + 2, { all, ids, reason: reason?.trim() || null });
    });
    return new CommentSuppressions(byLine);
  }

  find(line: number, ruleId: string): Suppression | null {
    const selection = this.byLine.get(line);
    return selection && covers(selection, ruleId) ? { via: 'comment', reason: selection.reason } : null;
  }
}
