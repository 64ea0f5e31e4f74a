import type { FieldPath } from '../types';
import { asArray, asRecord, asString, type JsonRecord } from '../values';

/**
 * Every field of a kustomization (kustomize v5, api/types/kustomization.go) and of a builtin
 * plugin configuration that names a file, a directory or a URL, and how kustomize uses it.
 */
export type ReferenceUse =
  /** `resources`, `bases`: a file of objects, a kustomization directory, or a remote target. */
  | 'resource'
  /** `components`: a kustomization directory. */
  | 'component'
  /** `generators`, `transformers`, `validators`: inline configuration, a configuration file, or a kustomization directory of them. */
  | 'plugin'
  /** `patchesStrategicMerge`, a configuration's `paths`: an inline patch or a file. */
  | 'patch'
  /** Read as one file by kustomize's loader, which fetches `http(s)://` URLs itself. */
  | 'file';

export interface Reference {
  /** What the entry is, for messages: "resource", "configMapGenerator file", ... */
  noun: string;
  /** The path or URL as kustomize uses it (the path of a `key=path` file source). */
  value: string;
  /** Where it is written, for `locate`. */
  at: FieldPath;
  use: ReferenceUse;
  /**
   * A plain scalar that YAML 1.1 reads as a number (`.` is NaN, `1.10` is 1.1) where kustomize
   * reads the text: `value` is only a guess, the caller takes the text from the file.
   */
  numeric?: true;
}

/** A field that is refused whatever it holds, at its key. */
export interface Refusal {
  at: FieldPath;
  message: string;
}

export interface FieldScan {
  references: Reference[];
  refusals: Refusal[];
}

/**
 * kustomize decodes kustomizations and plugin configurations with Go's encoding/json, which
 * matches field names without regard to case (and folds ſ to s, the Kelvin sign to k):
 * `Resources:` and `FILES:` are read as `resources` and `files`.
 */
export function foldKey(key: string): string {
  return key.replace(/\u017f/g, 's').toLowerCase();
}

function fieldsNamed(record: JsonRecord, name: string): Array<[string, unknown]> {
  return Object.entries(record).filter(([key]) => foldKey(key) === name);
}

const HELM_REFUSAL =
  "is not rendered: kustomize's Helm chart inflation runs helm and can download charts (k8s-lint never lets it); render the chart with --helm instead";

/** List fields of a kustomization whose entries are paths (or inline text), keyed by folded name. */
const LIST_FIELDS: Record<string, { noun: string; use: ReferenceUse }> = {
  resources: { noun: 'resource', use: 'resource' },
  bases: { noun: 'resource', use: 'resource' },
  components: { noun: 'component', use: 'component' },
  crds: { noun: 'CRD file', use: 'file' },
  configurations: { noun: 'configuration file', use: 'file' },
  generators: { noun: 'generator', use: 'plugin' },
  transformers: { noun: 'transformer', use: 'plugin' },
  validators: { noun: 'validator', use: 'plugin' },
  patchesstrategicmerge: { noun: 'patch', use: 'patch' },
};

/** Fields of list items that name one file, keyed by the folded list name. */
const ITEM_PATH_FIELDS: Record<string, string> = {
  patches: 'patch file',
  patchesjson6902: 'patch file',
  replacements: 'replacement file',
};

const GENERATOR_FIELDS: Record<string, string> = { configmapgenerator: 'configMapGenerator', secretgenerator: 'secretGenerator' };

const HELM_FIELDS = new Set(['helmcharts', 'helmglobals', 'helmchartinflationgenerator']);

/** Every path, URL and refused field of a kustomization. */
export function scanKustomization(kustomization: JsonRecord): FieldScan {
  const scan: FieldScan = { references: [], refusals: [] };
  for (const [key, value] of Object.entries(kustomization)) {
    const name = foldKey(key);
    const list = LIST_FIELDS[name];
    if (list) {
      eachString(value, [key], (text, at) => scan.references.push({ noun: list.noun, value: text, at, use: list.use }));
      // `resources: [.]` lists the kustomization itself: a cycle that must not go unseen.
      asArray(value).forEach((item, index) => {
        if (typeof item === 'number') scan.references.push({ noun: list.noun, value: String(item), at: [key, index], use: list.use, numeric: true });
      });
    }
    const itemNoun = ITEM_PATH_FIELDS[name];
    if (itemNoun) asArray(value).forEach((item, index) => addPathFields(scan, item, [key, index], ['path'], itemNoun));
    const generator = GENERATOR_FIELDS[name];
    if (generator) asArray(value).forEach((item, index) => addGeneratorSources(scan, item, [key, index], generator));
    if (name === 'openapi') addPathFields(scan, value, [key], ['path'], 'OpenAPI schema file');
    if (HELM_FIELDS.has(name)) scan.refusals.push({ at: [key], message: `${key} ${HELM_REFUSAL}` });
  }
  return scan;
}

/**
 * Fields a kustomization may hold when its output is plugin configuration (a directory listed in
 * `generators`, `transformers` or `validators`). Anything that changes objects (patches,
 * replacements, labels with field specs, prefixes, generators, ...) could write a URL into a
 * configuration after k8s-lint read it, so only listing configurations is allowed there.
 */
const PLUGIN_SOURCE_FIELDS = new Set(['apiversion', 'kind', 'metadata', 'resources', 'bases', 'sortoptions', 'buildmetadata']);

export function pluginSourceRefusals(kustomization: JsonRecord, role: string): Refusal[] {
  return Object.keys(kustomization)
    .filter((key) => !PLUGIN_SOURCE_FIELDS.has(foldKey(key)))
    .map((key) => ({
      at: [key],
      message: `${key} is not allowed in a kustomization used as ${role} configuration: it could change the configuration after k8s-lint checked it, so it is not rendered (only resources may be listed there)`,
    }));
}

/**
 * Paths and refusals of one plugin configuration (inline, in a file, or produced by a
 * kustomization directory): the builtin generators and transformers read `files`, `envs`, `env`,
 * `path`, `paths` and `replacements[].path` through kustomize's loader, and the Helm inflator
 * runs helm. Other plugins (KRM functions, exec and Go plugins) are refused by kubectl itself:
 * k8s-lint never enables them.
 */
export function scanPluginConfig(config: JsonRecord): FieldScan {
  const scan: FieldScan = { references: [], refusals: [] };
  const kind = asString(fieldsNamed(config, 'kind')[0]?.[1]) ?? 'plugin';
  if (foldKey(kind) === 'helmchartinflationgenerator') {
    const kindKey = fieldsNamed(config, 'kind')[0]?.[0] ?? 'kind';
    scan.refusals.push({ at: [kindKey], message: `${kind} ${HELM_REFUSAL}` });
  }
  addGeneratorSources(scan, config, [], kind);
  addPathFields(scan, config, [], ['path'], `${kind} file`);
  for (const [key, value] of fieldsNamed(config, 'paths')) eachString(value, [key], (text, at) => scan.references.push({ noun: `${kind} patch`, value: text, at, use: 'patch' }));
  for (const [key, value] of fieldsNamed(config, 'replacements')) {
    asArray(value).forEach((item, index) => addPathFields(scan, item, [key, index], ['path'], `${kind} replacement file`));
  }
  return scan;
}

/** `files` (`path` or `key=path`), `envs` and `env` of a ConfigMap or Secret generator. */
function addGeneratorSources(scan: FieldScan, item: unknown, at: FieldPath, noun: string): void {
  const record = asRecord(item);
  if (!record) return;
  for (const [key, value] of fieldsNamed(record, 'files')) {
    eachString(value, [...at, key], (text, entryAt) => {
      for (const source of fileSourcePaths(text)) scan.references.push({ noun: `${noun} file`, value: source, at: entryAt, use: 'file' });
    });
  }
  for (const [key, value] of fieldsNamed(record, 'envs')) eachString(value, [...at, key], (text, entryAt) => scan.references.push({ noun: `${noun} env file`, value: text, at: entryAt, use: 'file' }));
  addPathFields(scan, record, at, ['env'], `${noun} env file`);
}

/**
 * The paths of a file source. kustomize reads `path` or `key=path` and refuses more than one
 * `=`; every part after the first `=` is checked, so that no way of splitting hides a URL.
 */
export function fileSourcePaths(source: string): string[] {
  const parts = source.split('=');
  return parts.length === 1 ? [source] : parts.slice(1).filter((part) => part !== '');
}

/** Single string fields (`path`, `env`) of a record. */
function addPathFields(scan: FieldScan, item: unknown, at: FieldPath, names: readonly string[], noun: string): void {
  const record = asRecord(item);
  if (!record) return;
  for (const name of names) {
    for (const [key, value] of fieldsNamed(record, name)) {
      const text = asString(value);
      if (text !== undefined) scan.references.push({ noun, value: text, at: [...at, key], use: 'file' });
    }
  }
}

/**
 * Each string of a list field. kustomize refuses anything else in them before reading any; the
 * few plain scalars that YAML 1.1 reads here as numbers but Go as strings (`e1`, `1:20`) hold no
 * `/`, `@` or scheme, so they cannot name anything remote or outside.
 */
function eachString(value: unknown, at: FieldPath, visit: (text: string, at: FieldPath) => void): void {
  asArray(value).forEach((item, index) => {
    const text = asString(item);
    if (text !== undefined) visit(text, [...at, index]);
  });
}
