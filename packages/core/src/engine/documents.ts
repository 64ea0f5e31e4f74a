import { Resource } from '../model/resource';
import type { ParsedDocument } from '../parse/parse-file';
import { asArray, asRecord, asString, type JsonRecord } from '../values';

function hasTypeMeta(value: JsonRecord): boolean {
  return asString(value.apiVersion) !== undefined && asString(value.kind) !== undefined;
}

/** `kind: List` and typed lists (`ConfigMapList`, ...) carry their objects in `items`. */
function isList(value: JsonRecord): boolean {
  const kind = asString(value.kind) ?? '';
  return (kind === 'List' || kind.endsWith('List')) && Array.isArray(value.items);
}

/**
 * The Kubernetes objects of one document (List items expanded) and how many non-empty values
 * were skipped for lacking apiVersion/kind.
 */
export function resourcesOf(parsed: ParsedDocument, file: string): { resources: Resource[]; skipped: number } {
  const root = asRecord(parsed.value);
  if (!root) return { resources: [], skipped: parsed.value === null || parsed.value === undefined ? 0 : 1 };
  if (!hasTypeMeta(root)) return { resources: [], skipped: 1 };
  if (!isList(root)) return { resources: [new Resource(root, file, parsed, [])], skipped: 0 };
  const resources: Resource[] = [];
  let skipped = 0;
  asArray(root.items).forEach((item, index) => {
    const object = asRecord(item);
    if (object && hasTypeMeta(object)) resources.push(new Resource(object, file, parsed, ['items', index]));
    else if (item !== null && item !== undefined) skipped++;
  });
  return { resources, skipped };
}
