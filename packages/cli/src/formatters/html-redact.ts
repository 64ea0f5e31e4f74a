/** A piece of a source line: `start` is its 0-based UTF-16 offset; `hidden` pieces are shown as a mask. */
export interface Segment {
  text: string;
  start: number;
  hidden: boolean;
}

/**
 * Keys whose values the excerpt shows: Kubernetes fields that name, place or configure things
 * and never hold a credential. Every other value is masked, because a secret may be anywhere
 * (Secret data, env values, arguments, annotations, URLs, block scalars) and no format of
 * k8s-lint prints one; the finding's message and field path say what is wrong.
 */
const SHOWN_KEYS: ReadonlySet<string> = new Set([
  'apiVersion', 'kind', 'name', 'namespace', 'image', 'imagePullPolicy', 'privileged', 'allowPrivilegeEscalation',
  'readOnlyRootFilesystem', 'runAsNonRoot', 'runAsUser', 'runAsGroup', 'fsGroup', 'procMount', 'hostNetwork', 'hostPID',
  'hostIPC', 'hostUsers', 'hostPort', 'containerPort', 'port', 'targetPort', 'nodePort', 'protocol', 'type',
  'serviceAccountName', 'serviceAccount', 'automountServiceAccountToken', 'replicas', 'mountPath', 'readOnly',
  'cpu', 'memory', 'ephemeral-storage', 'localhostProfile', 'shareProcessNamespace', 'restartPolicy', 'schedule',
  'verbs', 'resources', 'apiGroups', 'add', 'drop', 'project', 'targetRevision', 'path', 'pathType', 'ingressClassName',
]);

/** Objects whose every value may be a secret: excerpts of them show keys only. */
export const KEYS_ONLY_KINDS: ReadonlySet<string> = new Set(['Secret', 'ConfigMap', 'List']);

/** `- - key: rest` (the key plain or quoted, then `:` and a space or the end of the line). */
const KEY_LINE = /^(\s*(?:-\s+)*)("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{}[\],&*!|>%@`][^:#]*?)(\s*:)(?=\s|$)(.*)$/;
/** A plain or quoted scalar without a comment, or a flow sequence of words (`verbs: ["get", "*"]`). */
const SHOWN_VALUE = /^\s*(?:"[^"\\]*"|'[^']*'|[^\s"'{}[\]#,&*!|>%@`][^#]*?|\[\s*(?:["']?[\w*./-]*["']?\s*,?\s*)*\])\s*$/;
/** Where a URL would start: URLs carry credentials, and the messages quote them masked. */
const URL_LIKE = /[A-Za-z][A-Za-z0-9+.-]*:[/\\]/;
const MAX_SHOWN_VALUE = 200;

/** A comment line that only holds a k8s-lint directive (a suppression), which the reader needs to see. */
const DIRECTIVE_COMMENT = /^\s*#\s*k8s-lint-[a-z-]+(?:\s+[\w/,\s-]*)?$/;

/**
 * A source line cut into shown and masked pieces: indentation, list dashes, keys, `:` and
 * k8s-lint directives are shown; values only under `SHOWN_KEYS` (and not in `keysOnly`
 * objects), when they are single scalars that hold no URL.
 */
export function redactLine(line: string, keysOnly: boolean): Segment[] {
  if (line.trim() === '' || DIRECTIVE_COMMENT.test(line)) return [{ text: line, start: 0, hidden: false }];
  const match = KEY_LINE.exec(line);
  if (!match) return withHiddenRest(line, leadingLength(line));
  const [, lead = '', key = '', colon = '', rest = ''] = match;
  const head = lead + key + colon;
  const segments: Segment[] = [{ text: head, start: 0, hidden: false }];
  if (rest.trim() === '') return rest === '' ? segments : [...segments, { text: rest, start: head.length, hidden: false }];
  const space = rest.length - rest.trimStart().length;
  segments.push({ text: rest.slice(0, space), start: head.length, hidden: false });
  const value = rest.slice(space);
  const start = head.length + space;
  const flow = FLOW_MAPPING.exec(value);
  if (flow) {
    const close = value.lastIndexOf('}');
    segments.push(...flowMapping(flow[1] ?? '', start + 1, keysOnly), { text: value.slice(close), start: start + close, hidden: false });
  } else segments.push({ text: value, start, hidden: keysOnly || !SHOWN_KEYS.has(unquote(key)) || !isShownValue(value) });
  return segments.filter((segment) => segment.text !== '');
}

/** `{ name: a, privileged: true }` on one line, nothing nested or quoted in it. */
const FLOW_MAPPING = /^\{([^{}[\]"'#]*)\}\s*$/;
const FLOW_ENTRY = /^(\s*)([^\s:]+)(\s*:\s*)(.*?)(\s*)$/;

/** The entries of a flow mapping, each as a key line would be; `start` is where its inside starts. */
function flowMapping(inside: string, start: number, keysOnly: boolean): Segment[] {
  const segments: Segment[] = [{ text: '{', start: start - 1, hidden: false }];
  let offset = start;
  inside.split(',').forEach((entry, index) => {
    if (index > 0) segments.push({ text: ',', start: offset++, hidden: false });
    const match = FLOW_ENTRY.exec(entry);
    if (!match) segments.push({ text: entry, start: offset, hidden: entry.trim() !== '' });
    else {
      const [, lead = '', key = '', colon = '', value = '', trail = ''] = match;
      const shown = !keysOnly && SHOWN_KEYS.has(key) && isShownValue(value);
      let at = offset;
      for (const [text, hidden] of [[lead + key + colon, false], [value, !shown], [trail, false]] as const) {
        segments.push({ text, start: at, hidden });
        at += text.length;
      }
    }
    offset += entry.length;
  });
  return segments;
}

function isShownValue(value: string): boolean {
  return value.length <= MAX_SHOWN_VALUE && SHOWN_VALUE.test(value) && !URL_LIKE.test(value);
}

function unquote(key: string): string {
  return /^["']/.test(key) ? key.slice(1, -1) : key;
}

/** Indentation and list dashes. */
function leadingLength(line: string): number {
  return /^\s*(?:-(?:\s+|$))*/.exec(line)?.[0].length ?? 0;
}

function withHiddenRest(line: string, shownLength: number): Segment[] {
  const segments: Segment[] = [{ text: line.slice(0, shownLength), start: 0, hidden: false }];
  if (shownLength < line.length) segments.push({ text: line.slice(shownLength), start: shownLength, hidden: true });
  return segments.filter((segment) => segment.text !== '');
}
