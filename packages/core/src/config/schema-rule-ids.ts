import { CONFIG_SCHEMA_URL } from '../docs/urls';
import type { AnyRule } from '../rules/rule';
import { compareStrings } from '../text/strings';

type Schema = Record<string, unknown>;

/** The shape of a rule id when the rules are not known in advance (an embedder may add its own). */
export const RUNTIME_RULE_ID = { pattern: '^[A-Za-z0-9][A-Za-z0-9/_-]*$' };

/** The ids of `customRules:` entries, which editors accept under `rules` and `overrides`. */
const CUSTOM_RULE_ID = { type: 'string', pattern: '^custom/[a-z0-9-]+$', description: 'A rule of `customRules:`.' };

/**
 * The configuration schema with the parts `pnpm docs` generates from the rules' metadata: its
 * `$id`, the rule ids as `definitions.ruleId` (editors flag an unknown id under `rules` and
 * `overrides[].rules`) and one entry per rule under `rules`, described by the rule's title
 * (completion and hover in editors). test/config-schema.test.ts fails when the file is stale.
 */
export function configSchemaWithRuleIds(schema: Schema, rules: readonly AnyRule[]): Schema {
  const sorted = [...rules].sort((a, b) => compareStrings(a.meta.id, b.meta.id));
  const properties = asObject(schema.properties);
  const perRule = sorted.map((rule): [string, Schema] => [rule.meta.id, { description: rule.meta.title, allOf: [{ $ref: '#/definitions/ruleSetting' }] }]);
  return {
    ...schema,
    $id: CONFIG_SCHEMA_URL,
    properties: { ...properties, rules: { ...asObject(properties.rules), properties: Object.fromEntries(perRule) } },
    // The repository's own rules (`customRules:`) are known only from its configuration.
    definitions: { ...asObject(schema.definitions), ruleId: { anyOf: [{ enum: sorted.map((rule) => rule.meta.id) }, CUSTOM_RULE_ID] } },
  };
}

/**
 * The schema a configuration is validated with at run time: rule ids are checked for their shape
 * only, then against the rules the run really has (built-in and an embedder's), whose message
 * names the id and the closest known one (`unknown rule "run-as-rot" (did you mean ...)`).
 */
export function withAnyRuleId(schema: Schema): Schema {
  return { ...schema, definitions: { ...asObject(schema.definitions), ruleId: RUNTIME_RULE_ID } };
}

function asObject(value: unknown): Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Schema) : {};
}
