import { escapeControls } from '@k8s-lint/core';
import { createHash } from 'node:crypto';

const HTML_SPECIAL = /[&<>"']/g;
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Every value from the input (file names, messages, object names, field paths, source lines)
 * goes into the page through this one function, in text and in quoted attributes alike: control,
 * bidi and separator characters shown escaped as in the terminal formats (the page may be read
 * with `cat` or end up in a CI log), then the five characters that HTML gives a meaning.
 */
export function html(value: string | number): string {
  return escapeControls(String(value)).replace(HTML_SPECIAL, (character) => ENTITIES[character] ?? character);
}

/** The CSP source that allows exactly this inline `<script>` or `<style>` body. */
export function cspHash(body: string): string {
  return `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`;
}
