/*
 * The type declarations say `number` for integers and floating-point numbers alike; the JSON
 * schemas that kubernetes-models validates with know the difference (`type: integer`). They are
 * compiled into code in recent versions, so instead of parsing it this asks each model class:
 * validate() with 0.5 in a number field fails with a `type: integer` error only for an integer.
 */
'use strict';
const { pathToFileURL } = require('node:url');

const PROBE = 0.5;

/** Paths, relative to the object, of the `number` nodes of `node` (through arrays and maps, not refs). */
function numberSlots(node, path = []) {
  if (node === 'number') return [path];
  if (typeof node !== 'object') return [];
  if ('array' in node) return numberSlots(node.array, [...path, 0]);
  if ('map' in node) return numberSlots(node.map, [...path, 'key']);
  if ('object' in node) return Object.entries(node.object).flatMap(([name, child]) => numberSlots(child, [...path, name]));
  return [];
}

function probeValue(path) {
  let value = PROBE;
  for (const key of [...path].reverse()) value = typeof key === 'number' ? [value] : { [key]: value };
  return value;
}

const pointer = (path) => path.map((key) => `/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');

/** Replaces the `number` node at `path` by `integer`. */
function markInteger(node, path) {
  if (path.length === 0) return 'integer';
  const [key, ...rest] = path;
  if ('array' in node) return { ...node, array: markInteger(node.array, rest) };
  if ('map' in node) return { ...node, map: markInteger(node.map, rest) };
  return { ...node, object: { ...node.object, [key]: markInteger(node.object[key], rest) } };
}

async function loadClass({ file, name }) {
  const module = await import(pathToFileURL(file).href);
  const found = module[name] ?? module.default?.[name];
  if (typeof found !== 'function') throw new Error(`${file} does not export the model class ${name}`);
  return found;
}

/** True when the model rejects 0.5 at `path` for not being an integer. */
function rejectsFraction(ModelClass, path) {
  try {
    new ModelClass(probeValue(path)).validate();
    return false;
  } catch (error) {
    if (!Array.isArray(error.errors)) throw error;
    const at = pointer(path);
    return error.errors.some((problem) => problem.instancePath === at && problem.keyword === 'type' && problem.params?.type === 'integer');
  }
}

/** Returns `definitions` with every `number` that the models hold to be an integer turned into `integer`. */
async function markIntegers(definitions, classes) {
  const out = { ...definitions };
  for (const [id, node] of Object.entries(definitions)) {
    const slots = numberSlots(node);
    if (slots.length === 0) continue;
    if (!classes[id]) throw new Error(`${id} has numbers but no model class to tell integers apart`);
    const ModelClass = await loadClass(classes[id]);
    for (const slot of slots) {
      // `slot` starts with the property name; the probe object is the definition itself.
      if (rejectsFraction(ModelClass, slot)) out[id] = markInteger(out[id], slot);
    }
  }
  return out;
}

module.exports = { markIntegers };
