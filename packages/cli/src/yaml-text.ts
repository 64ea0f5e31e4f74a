/**
 * Plain data as block YAML: keys and strings that are not plain words (or that YAML would read
 * as a boolean, null or number) are written as JSON strings, which YAML reads as double-quoted
 * scalars, so no value can change the structure.
 */
export function toYaml(value: unknown): string {
  return `${lines(value, 0).join('\n')}\n`;
}

function lines(value: unknown, indent: number): string[] {
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) {
    if (value.length === 0) return [`${pad}[]`];
    return value.flatMap((item: unknown) => {
      const [first = '', ...rest] = isNested(item) ? lines(item, indent + 2) : [`${pad}  ${scalar(item)}`];
      return [`${pad}- ${first.slice(indent + 2)}`, ...rest];
    });
  }
  if (isRecord(value)) {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    if (entries.length === 0) return [`${pad}{}`];
    return entries.flatMap(([key, item]) => {
      const name = isPlain(key) ? key : JSON.stringify(key);
      if (!isNested(item)) return [`${pad}${name}: ${scalar(item)}`];
      return [`${pad}${name}:`, ...lines(item, indent + 2)];
    });
  }
  return [`${pad}${scalar(value)}`];
}

/** Non-empty arrays and objects go on lines of their own; empty ones are written inline. */
function isNested(value: unknown): boolean {
  return (Array.isArray(value) && value.length > 0) || (isRecord(value) && Object.values(value).some((item) => item !== undefined));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function scalar(value: unknown): string {
  if (Array.isArray(value)) return '[]';
  if (isRecord(value)) return '{}';
  if (typeof value === 'string') return isPlain(value) ? value : JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return 'null';
}

function isPlain(text: string): boolean {
  return /^[A-Za-z_/][A-Za-z0-9_./-]*$/.test(text) && !/^(true|false|null|yes|no|on|off|y|n)$/i.test(text);
}
