/**
 * Property: every finding's line and column lie in its file, and the text there is the field the
 * finding names: a present field at its key, a sequence entry at its first key (or its scalar), a
 * missing field at the key of its deepest existing ancestor (see core's parse/locate.ts), the
 * object itself at its first key; whatever the spelling of the YAML (block or flow, indentation,
 * quoting, comments, CRLF, Lists, several documents).
 */
import { lint, parseFile, type Finding } from '@k8s-lint/core';
import fc from 'fast-check';
import { lineStarts, offsetOf, parsePath, propertySettings, rangeProblems, Scratch } from './harness';
import { distinctDocumentsArb, isMap, isSeq, objectsOf, renderFile, spellings, styleArb, type PlacedObject, type Yaml } from './manifests';

const STDIN = '<stdin>';
const scratch = new Scratch();
afterAll(() => scratch.cleanup());

/**
 * What the text at a finding's position must start with (any of `texts`), or null when the path
 * says nothing checkable. With `aliases`, a sequence entry may be written as an alias (`- *a1`),
 * which is where such an entry is located.
 */
function expectedText(object: PlacedObject, path: ReadonlyArray<string | number>, aliases: boolean): { texts: string[]; target: string } | null {
  let node: Yaml = object.value;
  let reached: { key: string } | { item: number } | null = null;
  const walked: Array<string | number> = [];
  for (const segment of path) {
    if (typeof segment === 'number') {
      if (!isSeq(node) || segment >= node.length) break;
      node = node[segment] as Yaml;
      reached = { item: segment };
    } else {
      if (!isMap(node) || !Object.prototype.hasOwnProperty.call(node, segment)) break;
      node = node[segment] as Yaml;
      reached = { key: segment };
    }
    walked.push(segment);
  }
  const target = `${JSON.stringify(walked)} of ${JSON.stringify(path)}`;
  // A map pair: its key.
  if (reached && 'key' in reached) return { texts: spellings(reached.key), target };
  // The object itself, or a sequence entry: a map at its first key, anything else at its start.
  const alias = aliases && reached !== null ? ['*'] : [];
  if (isMap(node)) {
    const first = Object.keys(node)[0];
    return { texts: [...(first === undefined ? ['{'] : spellings(first)), ...alias], target };
  }
  if (isSeq(node)) return { texts: ['[', '-', ...alias], target };
  if (typeof node === 'string') return { texts: spellings(node), target };
  if (typeof node === 'number') return { texts: [String(node)], target };
  return null;
}

function sameRef(finding: Finding, object: PlacedObject): boolean {
  const meta = object.value.metadata;
  const name = isMap(meta) && typeof meta.name === 'string' ? meta.name : null;
  const namespace = isMap(meta) && typeof meta.namespace === 'string' && meta.namespace !== '' ? meta.namespace : null;
  return finding.object !== null && finding.object.kind === object.value.kind && finding.object.name === name && finding.object.namespace === namespace;
}

/** Why `finding` is not where it should be in `text`; empty when it is. */
function locationProblems(text: string, finding: Finding, objects: readonly PlacedObject[], aliases: boolean): string[] {
  const problems = rangeProblems(text, finding);
  if (problems.length > 0 || finding.object === null) return problems;
  const owners = objects.filter((object) => sameRef(finding, object));
  if (owners.length !== 1) return [`${owners.length} generated objects match ${JSON.stringify(finding.object)}`];
  const [owner] = owners as [PlacedObject];
  const expected = expectedText(owner, parsePath(finding.path), aliases);
  if (!expected) return [];
  const offset = offsetOf(text, lineStarts(text), finding.line, finding.column) as number;
  if (expected.texts.some((candidate) => text.startsWith(candidate, offset))) return [];
  const found = text.slice(offset, offset + 60);
  return [`expected ${expected.texts.map((t) => JSON.stringify(t)).join(' or ')} (${expected.target}) at ${finding.line}:${finding.column}, found ${JSON.stringify(found)}`];
}

describe('finding locations', () => {
  const { seed, numRuns, label } = propertySettings(424242, 250);

  test(`every finding lies in its file and points at the field its path names (${label})`, async () => {
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(distinctDocumentsArb(4), styleArb, async (documents, style) => {
        const text = renderFile(documents, style);
        // The generator's own check: the text is exactly the generated objects.
        const parsed = parseFile(text);
        expect(parsed.problems).toEqual([]);
        expect(parsed.documents.map((document) => document.value)).toEqual(documents);

        const result = await lint({ paths: ['-'], cwd: scratch.root, stdinText: text });
        const objects = objectsOf(STDIN, documents);
        const wrong = result.findings.flatMap((finding) => locationProblems(text, finding, objects, style.aliases > 0).map((problem) => `${finding.ruleId} ${finding.path}: ${problem}`));
        expect(wrong).toEqual([]);
        checked += result.findings.length;
      }),
      { seed, numRuns },
    );
    // The property held for something: the generated objects do draw findings.
    expect(checked).toBeGreaterThan(numRuns);
  });
});
