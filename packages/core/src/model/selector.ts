import { asArray, asName, asRecord, asString, type JsonRecord } from '../values';

/**
 * Whether a metav1.LabelSelector selects a set of labels. An empty selector selects everything;
 * a selector with an unknown operator or a malformed requirement selects nothing, as the API
 * server would refuse it.
 */
export function selectorMatches(selector: unknown, labels: JsonRecord): boolean {
  const record = asRecord(selector);
  // A missing selector decodes to the empty one, which selects every pod.
  if (!record) return selector === undefined || selector === null;
  const matchLabels = asRecord(record.matchLabels) ?? {};
  for (const [key, value] of Object.entries(matchLabels)) {
    // Label values are strings: a null (`app: ~`) decodes to "", anything else is invalid.
    const wanted = value === null ? '' : asName(value);
    if (wanted === undefined || labelValue(labels, key) !== wanted) return false;
  }
  for (const requirement of asArray(record.matchExpressions)) {
    if (!requirementMatches(asRecord(requirement), labels)) return false;
  }
  return true;
}

function requirementMatches(requirement: JsonRecord | undefined, labels: JsonRecord): boolean {
  const key = asString(requirement?.key);
  if (!requirement || key === undefined) return false;
  const values = asArray(requirement.values).map(asName);
  const value = labelValue(labels, key);
  // The API server requires values for In/NotIn and forbids them for Exists/DoesNotExist.
  switch (requirement.operator) {
    case 'In':
      return values.length > 0 && value !== undefined && values.includes(value);
    case 'NotIn':
      return values.length > 0 && (value === undefined || !values.includes(value));
    case 'Exists':
      return values.length === 0 && value !== undefined;
    case 'DoesNotExist':
      return values.length === 0 && value === undefined;
    default:
      return false;
  }
}

function labelValue(labels: JsonRecord, key: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(labels, key) ? asName(labels[key]) : undefined;
}
