/**
 * Renders the small Markdown subset of rule help as plain terminal text: fences become indented
 * blocks, and emphasis, code spans, headings and links lose their markup (a link keeps its URL).
 */
export function markdownToText(markdown: string): string {
  const out: string[] = [];
  let inFence = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*```/.test(line)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      out.push(line === '' ? '' : `    ${line}`);
      continue;
    }
    out.push(inline(line.replace(/^#{1,6}\s+/, '')));
  }
  return out.join('\n');
}

function inline(text: string): string {
  return text
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1 ($2)')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/`([^`]+)`/g, '$1');
}
