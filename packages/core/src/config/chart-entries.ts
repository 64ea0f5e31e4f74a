import { existsSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../errors';
import { repositoryBoundary } from '../load/repository';
import { realPathOf, resolveLocalPath } from '../render/local-path';
import { asArray, asRecord } from '../values';
import type { Locate } from './config-yaml';
import { keyOf } from './schema-messages';

/**
 * One entry of `charts:` in `.k8s-lint.yaml`: how `--helm` renders that chart. As written, paths
 * are relative to the configuration's directory; parseConfig turns them into absolute real paths.
 */
export interface ChartSetting {
  /** The chart directory (the one holding Chart.yaml). */
  path: string;
  /** Values files, passed to `helm template` before any `--values` of the command line. */
  values?: readonly string[];
  releaseName?: string;
  namespace?: string;
}

/** RFC 1123 label, as Kubernetes names namespaces; helm checks release names against it too. */
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const NAME_RULE = 'lowercase letters, digits and "-", starting and ending with a letter or digit';

/** helm refuses longer release names: they leave no room for suffixes in object names. */
export const MAX_RELEASE_NAME_LENGTH = 53;
export const MAX_NAMESPACE_LENGTH = 63;

/** Why `value` cannot be a release name or namespace, or null. Neither can start with `-`, so neither reaches helm as an option. */
export function chartNameProblem(field: 'releaseName' | 'namespace', value: string): string | null {
  const [noun, max] = field === 'releaseName' ? ['release name', MAX_RELEASE_NAME_LENGTH] : ['namespace', MAX_NAMESPACE_LENGTH];
  return DNS_LABEL.test(value) && value.length <= max ? null : `is not a valid ${noun}: ${NAME_RULE}, at most ${max} characters`;
}

/**
 * Release names and namespaces of `charts:` that are not DNS labels, by key and position. Run
 * before the schema (whose pattern says the same for editors) so that the message has a position;
 * anything not shaped like a chart entry is left to the schema.
 */
export function checkChartNames(value: unknown, shown: string, locate: Locate): void {
  asArray(asRecord(value)?.charts).forEach((entry, index) => {
    for (const field of ['releaseName', 'namespace'] as const) {
      const name = asRecord(entry)?.[field];
      const problem = typeof name === 'string' ? chartNameProblem(field, name) : null;
      if (problem) throw located(shown, locate, ['charts', String(index), field], 'the value', problem);
    }
  });
}

/**
 * The entries of `charts:` with their paths resolved: each must lead, links resolved, to an
 * existing chart directory or values file inside the repository that holds the configuration
 * (it may come from a pull request, and helm would read whatever it is given). Throws a
 * ConfigError at the first bad path, by key and position, without quoting it.
 */
export function resolveChartEntries(entries: readonly ChartSetting[], configFile: string, shown: string, locate: Locate): ChartSetting[] {
  const absolute = path.resolve(configFile);
  const base = realPathOf(path.dirname(absolute)) ?? path.dirname(absolute);
  const boundary = realPathOf(repositoryBoundary(base)) ?? base;
  const seen = new Map<string, number>();
  return entries.map((entry, index) => {
    const at = (...keys: string[]): string[] => ['charts', String(index), ...keys];
    const chart = resolveInside(base, entry.path, boundary, 'directory', shown, locate, at('path'));
    if (!existsSync(path.join(chart, 'Chart.yaml'))) throw located(shown, locate, at('path'), 'the path', 'is not a chart directory (it has no Chart.yaml)');
    const earlier = seen.get(chart);
    if (earlier !== undefined) throw located(shown, locate, at('path'), 'the path', `names the same chart as charts[${earlier}]`);
    seen.set(chart, index);
    const values = (entry.values ?? []).map((file, fileIndex) => resolveInside(base, file, boundary, 'file', shown, locate, at('values', String(fileIndex))));
    return { ...entry, path: chart, values };
  });
}

function resolveInside(base: string, value: string, boundary: string, want: 'file' | 'directory', shown: string, locate: Locate, key: string[]): string {
  const resolved = resolveLocalPath(base, value, boundary);
  if (!resolved.ok) throw located(shown, locate, key, 'the path', REFUSALS[resolved.reason]);
  if (resolved.kind === 'missing') throw located(shown, locate, key, 'the path', 'does not exist');
  if (resolved.kind !== want) throw located(shown, locate, key, 'the path', `is a ${resolved.kind}, not a ${want === 'file' ? 'values file' : 'chart directory'}`);
  return resolved.target;
}

const REFUSALS: Record<Extract<ReturnType<typeof resolveLocalPath>, { ok: false }>['reason'], string> = {
  absolute: 'is an absolute path: write it relative to the configuration file',
  outside: 'is outside the repository: charts and values files must be inside it',
  'link-outside': 'leads outside the repository through a symbolic link: charts and values files must be inside it',
  unresolvable: 'is a symbolic link that leads nowhere or loops',
  special: 'is not a regular file or directory (a FIFO, socket or device)',
};

/** `charts[0].path: the path at line 3, column 11 does not exist`: the key and where, never the value. */
function located(shown: string, locate: Locate, key: string[], what: string, problem: string): ConfigError {
  const position = locate(key);
  return new ConfigError(`${shown}: ${keyOf(`/${key.join('/')}`)}: ${what}${position ? ` at line ${position.line}, column ${position.col}` : ''} ${problem}`);
}
