import { markdownToText } from '../text/markdown-text';

/**
 * The help without its first sentence when the description already ends with it: the Pod
 * Security Standards rules' description is "check `x` (level): " and the help's first sentence,
 * which a reader would otherwise see twice in a row (explain, the rule pages).
 */
export function withoutRepeatedLead(description: string, help: string): string {
  const text = help.trimStart();
  const end = text.search(/\.(\s|$)/);
  if (end < 0) return help;
  const comparable = (value: string): string => markdownToText(value).replace(/\s+/g, ' ').trim().toLowerCase();
  if (!comparable(description).endsWith(comparable(text.slice(0, end + 1)))) return help;
  return text.slice(end + 1).trimStart();
}
