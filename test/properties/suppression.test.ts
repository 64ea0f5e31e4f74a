/**
 * Property: for any finding on an object, adding `k8s-lint.io/ignore: "<ruleId>"` to that
 * object's metadata suppresses exactly that rule's findings on that object (now reported as
 * suppressed by the annotation) and changes no other finding, on that object or any other, even
 * where a cross-object rule reports on an object because of another one. With `"*"`, exactly
 * every finding on that object.
 *
 * Findings are compared without their positions: the annotation is a new line, which moves what
 * follows it.
 */
import { lint, type Finding, type ObjectRef } from '@k8s-lint/core';
import fc from 'fast-check';
import { identity, propertySettings, sameObject, Scratch } from './harness';
import { distinctDocumentsArb, isMap, isSeq, renderFile, styleArb, type Yaml, type YamlMap } from './manifests';

const IGNORE = 'k8s-lint.io/ignore';
const scratch = new Scratch();
afterAll(() => scratch.cleanup());

function refOf(object: YamlMap): ObjectRef {
  const meta = isMap(object.metadata) ? object.metadata : {};
  return {
    apiVersion: typeof object.apiVersion === 'string' ? object.apiVersion : '',
    kind: typeof object.kind === 'string' ? object.kind : '',
    namespace: typeof meta.namespace === 'string' && meta.namespace !== '' ? meta.namespace : null,
    name: typeof meta.name === 'string' ? meta.name : null,
  };
}

/** `documents` with `annotation` added to the metadata of the object `ref` names (in a List too); how many objects it went on. */
function annotate(documents: readonly YamlMap[], ref: ObjectRef, annotation: string): { documents: YamlMap[]; count: number } {
  let count = 0;
  const visit = (object: YamlMap): YamlMap => {
    if (!sameObject(refOf(object), ref)) return object;
    count++;
    const meta = isMap(object.metadata) ? object.metadata : {};
    const annotations = isMap(meta.annotations) ? meta.annotations : {};
    return { ...object, metadata: { ...meta, annotations: { ...annotations, [IGNORE]: annotation } } };
  };
  const annotated = documents.map((document) => {
    const items: Yaml | undefined = document.items;
    if (document.kind === 'List' && isSeq(items)) return { ...document, items: items.map((item) => (isMap(item) ? visit(item) : item)) };
    return visit(document);
  });
  return { documents: annotated, count };
}

async function findingsOf(text: string): Promise<Finding[]> {
  return (await lint({ paths: ['-'], cwd: scratch.root, stdinText: text })).findings;
}

const ids = (findings: readonly Finding[]): string[] => findings.map(identity).sort();

describe('suppression by annotation', () => {
  const { seed, numRuns, label } = propertySettings(31_337, 200);

  test(`ignoring a rule (or *) on an object removes exactly that rule's (every) finding on that object (${label})`, async () => {
    let roundTrips = 0;
    await fc.assert(
      fc.asyncProperty(distinctDocumentsArb(3), styleArb, fc.uniqueArray(fc.nat(), { minLength: 1, maxLength: 3 }), fc.boolean(), async (documents, style, picks, everyRule) => {
        const before = await findingsOf(renderFile(documents, style));
        expect(before.filter((finding) => finding.ruleId === 'yaml-syntax')).toEqual([]);
        const open = before.filter((finding) => !finding.suppression);
        const suppressed = before.filter((finding) => finding.suppression);
        // Each (object, rule) pair with an open finding, once.
        const pairs = [...new Map(open.filter((finding) => finding.object).map((finding) => [JSON.stringify([finding.object, finding.ruleId]), finding])).values()];
        if (pairs.length === 0) return;
        for (const pick of new Set(picks.map((p) => p % pairs.length))) {
          const { object, ruleId } = pairs[pick] as Finding & { object: ObjectRef };
          const { documents: annotated, count } = annotate(documents, object, everyRule ? '*' : ruleId);
          expect(count).toBe(1);
          const after = await findingsOf(renderFile(annotated, style));
          const hit = (finding: Finding): boolean => (everyRule || finding.ruleId === ruleId) && sameObject(finding.object, object);
          const removed = open.filter(hit);
          expect(removed.length).toBeGreaterThan(0);
          expect(ids(after.filter((finding) => !finding.suppression))).toEqual(ids(open.filter((finding) => !hit(finding))));
          expect(ids(after.filter((finding) => finding.suppression))).toEqual(ids([...suppressed, ...removed]));
          expect(after.filter(hit).map((finding) => finding.suppression)).toEqual(removed.map(() => ({ via: 'annotation', reason: null })));
          roundTrips++;
        }
      }),
      { seed, numRuns },
    );
    expect(roundTrips).toBeGreaterThan(numRuns);
  });
});
