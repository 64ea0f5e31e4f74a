import type Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { createAjv } from '../ajv';
import type { Resource } from '../model/resource';
import { asArray, asRecord, asString, type JsonRecord } from '../values';
import { fieldName, type SchemaProblem } from './builtin-schema';

/** Custom resource validators from the CRDs of the linted set, keyed `group/version/Kind`. */
export class CrdSchemas {
  private readonly schemas = new Map<string, JsonRecord>();
  private readonly compiled = new Map<string, ValidateFunction | null>();
  private ajv: Ajv | undefined;

  constructor(resources: readonly Resource[]) {
    for (const resource of resources) {
      if (resource.apiVersion !== 'apiextensions.k8s.io/v1' || resource.kind !== 'CustomResourceDefinition') continue;
      const spec = asRecord(resource.object.spec);
      const group = asString(spec?.group);
      const kind = asString(asRecord(spec?.names)?.kind);
      if (!group || !kind) continue;
      for (const entry of asArray(spec?.versions)) {
        const version = asRecord(entry);
        const name = asString(version?.name);
        const schema = asRecord(asRecord(version?.schema)?.openAPIV3Schema);
        if (name && schema && version?.served !== false) this.schemas.set(`${group}/${name}/${kind}`, schema);
      }
    }
  }

  /** Problems of a custom resource, or undefined when no CRD of the linted set defines its kind. */
  validate(resource: Resource): SchemaProblem[] | undefined {
    const key = `${resource.apiVersion}/${resource.kind}`;
    if (!this.compiled.has(key)) this.compiled.set(key, this.compile(key));
    const validator = this.compiled.get(key);
    if (!validator) return undefined;
    const data = withoutNulls(resource.object);
    if (validator(data)) return [];
    return (validator.errors ?? []).map((error) => problemOf(error, data));
  }

  private compile(key: string): ValidateFunction | null {
    const schema = this.schemas.get(key);
    if (!schema) return null;
    this.ajv ??= createAjv({ allErrors: true, strict: false, validateFormats: false });
    try {
      return this.ajv.compile(structural(schema, true));
    } catch {
      // A CRD schema ajv cannot compile is the API server's business: leave its objects unvalidated.
      return null;
    }
  }
}

/**
 * Turns a CRD structural schema into a JSON Schema with Kubernetes semantics: unknown fields are
 * errors unless `x-kubernetes-preserve-unknown-fields`, int-or-string takes either type, and the
 * object envelope (apiVersion, kind, metadata, status) is always allowed at the root.
 */
function structural(node: JsonRecord, root: boolean): JsonRecord {
  const out: JsonRecord = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'properties' || key === 'patternProperties' || key === 'definitions') {
      const children = asRecord(value) ?? {};
      out[key] = Object.fromEntries(Object.entries(children).map(([name, child]) => [name, structural(asRecord(child) ?? {}, false)]));
    } else if (key === 'items' || key === 'additionalProperties' || key === 'not') {
      const child = asRecord(value);
      out[key] = child ? structural(child, false) : value;
    } else if (key === 'allOf' || key === 'anyOf' || key === 'oneOf') {
      out[key] = asArray(value).map((child) => structural(asRecord(child) ?? {}, false));
    } else if (key !== 'x-kubernetes-int-or-string' && key !== 'type' && key !== 'nullable') {
      out[key] = value;
    }
  }
  if (node['x-kubernetes-int-or-string'] === true) out.anyOf = [{ type: 'integer' }, { type: 'string' }, ...asArray(out.anyOf)];
  else if (typeof node.type === 'string') out.type = node.type;
  if (root) {
    const properties = asRecord(out.properties) ?? {};
    out.properties = { apiVersion: {}, kind: {}, metadata: {}, status: {}, ...properties };
  }
  const hasProperties = asRecord(out.properties) !== undefined;
  if (hasProperties && out.additionalProperties === undefined && node['x-kubernetes-preserve-unknown-fields'] !== true) out.additionalProperties = false;
  return out;
}

/** The API server treats null as unset; dropping nulls keeps Helm-rendered empties quiet. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  const record = asRecord(value);
  if (!record) return value;
  return Object.fromEntries(Object.entries(record).filter(([, item]) => item !== null).map(([key, item]) => [key, withoutNulls(item)]));
}

function problemOf(error: ErrorObject, data: unknown): SchemaProblem {
  const path: (string | number)[] = [];
  let cursor = data;
  for (const raw of error.instancePath.split('/').slice(1)) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const key = Array.isArray(cursor) && /^\d+$/.test(segment) ? Number(segment) : segment;
    path.push(key);
    cursor = Array.isArray(cursor) ? cursor[Number(key)] : asRecord(cursor)?.[segment];
  }
  const where = fieldName(path);
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties') {
    const field = String(params.additionalProperty);
    return { path: [...path, field], message: `unknown field "${field}"${path.length ? ` in ${where}` : ''}` };
  }
  if (error.keyword === 'required') return { path, message: `required field "${String(params.missingProperty)}" is missing from ${where}` };
  return { path, message: `${where} ${error.message ?? 'is invalid'}` };
}
