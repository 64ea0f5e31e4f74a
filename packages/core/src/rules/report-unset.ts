/**
 * The option of rules whose field is insecure both when set so and when left unset: `recommended`
 * reports only what the manifest sets (config/presets.ts), `strict` and the rule's own default
 * report both.
 */
export interface ReportUnsetOptions {
  reportUnset: boolean;
}

export const REPORT_UNSET_DEFAULTS: ReportUnsetOptions = { reportUnset: true };

export const REPORT_UNSET_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    reportUnset: {
      type: 'boolean',
      description: 'Also report when the field is not set (true in the `strict` preset, false in `recommended`, which reports only insecure values the manifest sets).',
    },
  },
} as const;
