/**
 * Renders the small Markdown subset of rule help as plain text, for the terminal (`explain`) and
 * for SARIF `help.text` (shown where Markdown is not rendered): fences become blocks indented by
 * four spaces, so snippets stay recognisable and YAML comments in them are not mistaken for
 * headings; headings, emphasis and code spans lose their markup; a link or image keeps its URL.
 * Runs of blank lines become one. Leading and trailing blank lines are the caller's to trim.
 */
export function markdownToText(markdown: string): string {
  const out: string[] = [];
  let inFence = false;
  for (const line of markdown.split(/\r?\n/)) {
    if (/^\s*(```|~~~)/.test(line)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) out.push(line === '' ? '' : `    ${line}`);
    else out.push(inlineToText(line));
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n');
}

function inlineToText(line: string): string {
  return line
    .replace(/^#{1,6}\s+/, '')
    .replace(/!?\[([^\]]*)\]\(([^)\s]+)[^)]*\)/g, '$1 ($2)')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2');
}
