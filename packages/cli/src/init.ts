import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE_NAME, CONFIG_SCHEMA_PATH, InputError } from '@k8s-lint/core';

/** The schema's own `$id`: editors fetch it from there, so the file and the link cannot disagree. */
function schemaUrl(): string {
  const schema = JSON.parse(readFileSync(CONFIG_SCHEMA_PATH, 'utf8')) as { $id?: unknown };
  if (typeof schema.$id !== 'string') throw new Error(`${CONFIG_SCHEMA_PATH} has no $id`);
  return schema.$id;
}

/** Every key commented out: the file loads as it is and changes nothing until a line is uncommented. */
export function initialConfigText(): string {
  return `# yaml-language-server: $schema=${schemaUrl()}
# k8s-lint configuration. Every key is commented out: as written, this file changes nothing.
# Found from each linted path upward, up to the repository root; \`k8s-lint --print-config <file>\`
# shows what applies to a file. Keys and values: the schema above, or the README's Configuration.

# The preset rules start from: recommended (the default: what a security reviewer acts on) or
# strict (adds restricted hardening left unset and notes that fire on nearly every container).
# extends: [strict]

# Rule levels (off | error | warning | note), or a level with options; \`k8s-lint rules\` lists ids.
# rules:
#   missing-probes: note
#   run-as-root: error

# Files or directories not to lint, relative to this file; a pattern without "/" matches at any depth.
# exclude:
#   - vendor/**
#   - "*.generated.yaml"

# Rule levels for some files only (globs relative to this file); later entries win.
# overrides:
#   - files: ["test/**"]
#     rules:
#       run-as-root: off

# default (every rule) | pss-baseline | pss-restricted (exactly the Pod Security Standards checks).
# profile: default
# pssVersion: latest
# kubernetesVersion: "1.36"

# Namespace of objects that set none, so cross-object rules can match them.
# defaultNamespace: default

# Files larger than this many bytes are reported instead of read.
# maxFileSize: 10000000
`;
}

/** `k8s-lint init`: writes ${CONFIG_FILE_NAME} in `directory`; never over an existing one. */
export function writeInitialConfig(directory: string): string {
  const file = path.join(directory, CONFIG_FILE_NAME);
  try {
    // `wx`: fails if anything exists by that name, a link included, without a check-then-write race.
    writeFileSync(file, initialConfigText(), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new InputError(`${CONFIG_FILE_NAME} already exists here: not overwritten`);
    throw new InputError(`cannot write ${CONFIG_FILE_NAME}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  return file;
}
