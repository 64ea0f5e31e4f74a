// JSON laid out like the hand-written configuration schema: an object or array on one line when
// the line stays within WIDTH characters, else one member per line. The generated per-rule
// entries (properties.rules.properties.<id>) are one line each whatever their length, so that
// adding a rule adds one line. Keeps `pnpm docs` diffs small.
const WIDTH = 160;
const ONE_LINE_UNDER = 'properties.rules.properties';

function inline(value) {
  if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`;
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  const members = Object.entries(value).map(([key, member]) => `${JSON.stringify(key)}: ${inline(member)}`);
  return members.length === 0 ? '{}' : `{ ${members.join(', ')} }`;
}

function format(value, indent, lead, parent) {
  const line = inline(value);
  const fits = indent.length + lead.length + line.length + 1 <= WIDTH;
  if (typeof value !== 'object' || value === null || fits || parent === ONE_LINE_UNDER) return line;
  const inner = `${indent}  `;
  if (Array.isArray(value)) return `[\n${value.map((item) => inner + format(item, inner, '', '')).join(',\n')}\n${indent}]`;
  const members = Object.entries(value).map(([key, member]) => {
    const name = `${JSON.stringify(key)}: `;
    return inner + name + format(member, inner, name, parent === '' ? key : `${parent}.${key}`);
  });
  return `{\n${members.join(',\n')}\n${indent}}`;
}

module.exports = { formatJson: (value) => `${format(value, '', '', '')}\n` };
