import { accessSync, constants, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { chartNameProblem, type ChartSetting } from '../config/chart-entries';
import { InputError } from '../errors';
import { chartFileProblem } from '../load/chart-files';
import path from 'node:path';
import { displayPathOf, type ExcludeSet } from '../load/inputs';
import { locate } from '../parse/locate';
import { parseFile } from '../parse/parse-file';
import type { Finding } from '../types';
import { asArray, asRecord, asString } from '../values';
import { findDirectoriesWith, isInside } from './discover';
import { realPathOf } from './local-path';
import type { RenderBatch } from './kustomize';
import { HelmTemplateMap } from './helm-map';
import { RENDER_TIMEOUT_MS, type ProgramLocator, type ProgramRunner } from './runner';
import { FIRST_LINE, renderError, summarizeError } from './types';

export const HELM_RELEASE_NAME = 'release-name';

export const HELM_MISSING_MESSAGE =
  '--helm: helm is not on the PATH: install helm 3 (https://helm.sh/docs/intro/install/), or name the program with --helm-binary <path>, or drop --helm (each chart is then a helm-chart-not-rendered note)';

/**
 * Finds helm: `--helm-binary` (relative to the working directory) when given, else the PATH.
 * A named program that is not an executable file is an InputError: the user asked for it.
 */
export function helmLocator(cwd: string, helmBinary: string | undefined, locateProgram: ProgramLocator): ProgramLocator {
  if (helmBinary === undefined) return locateProgram;
  const program = path.resolve(cwd, helmBinary);
  try {
    accessSync(program, constants.X_OK);
    if (!statSync(program).isFile()) throw new Error('not a file');
  } catch {
    throw new InputError(`--helm-binary ${helmBinary}: not an executable file`);
  }
  return (name) => (name === 'helm' ? program : locateProgram(name));
}

/** What `helm template` is given besides the chart: values files for every chart, and per-chart settings. */
export interface HelmInputs {
  /** `--values` of the command line, relative to the working directory. */
  values: readonly string[];
  /** The configuration's `charts`, absolute real paths. */
  charts: readonly ChartSetting[];
}

/**
 * Renders every chart directory among the arguments with `helm template`. Vendored subcharts
 * (a chart inside another chart) are rendered through their parent. Returns null when there
 * are charts but helm is not installed.
 */
export async function renderCharts(
  args: readonly string[],
  cwd: string,
  excludes: readonly ExcludeSet[],
  inputs: HelmInputs,
  runner: ProgramRunner,
  locateProgram: ProgramLocator,
): Promise<RenderBatch | null> {
  const all = await findDirectoriesWith(['Chart.yaml'], args, cwd, excludes);
  const charts = all.filter((chart) => !all.some((other) => other !== chart && isInside(other, chart)));
  const batch: RenderBatch = { inputs: [], findings: [], consumed: charts, sourceFiles: [] };
  if (charts.length === 0) return batch;
  const helm = locateProgram('helm');
  if (!helm) return null;
  const valueArgs = inputs.values.flatMap((file) => ['--values', path.resolve(cwd, file)]);
  const settingOf = chartSettings(inputs.charts);
  for (const chart of charts) {
    const chartFile = displayPathOf(cwd, path.join(chart, 'Chart.yaml'));
    // Located here: helm's own message about it has no position.
    const invalid = chartFileProblem(path.join(chart, 'Chart.yaml'));
    if (invalid) {
      batch.findings.push(renderError(chartFile, invalid.range, invalid.message));
      continue;
    }
    const missing = missingDependencies(chart, cwd);
    if (missing.length > 0) {
      batch.findings.push(...missing);
      continue;
    }
    const setting = settingOf(chart);
    const result = await runner(helm, [...templateArgs(chart, setting), ...valueArgs], { cwd: chart, timeoutMs: RENDER_TIMEOUT_MS });
    if (result.exitCode !== 0) {
      batch.findings.push(renderError(chartFile, FIRST_LINE, `helm could not render ${chartFile}: ${summarizeError(result.stderr, result.failure)}`));
      continue;
    }
    const templates = new HelmTemplateMap(chart, cwd, chartFile, result.stdout);
    batch.inputs.push({
      absolutePath: null,
      displayPath: `${chartFile} (helm template)`,
      reportPath: chartFile,
      text: result.stdout,
      map: (finding, resource, fieldPath) => templates.map(finding, resource, fieldPath),
    });
  }
  return batch;
}

/**
 * The chart's entry of the configuration, by real path. Names are checked again here, not only
 * in the configuration: an embedder may pass `charts` directly, and a name starting with `-`
 * would reach helm as an option.
 */
function chartSettings(charts: readonly ChartSetting[]): (chart: string) => ChartSetting | undefined {
  for (const setting of charts) {
    for (const field of ['releaseName', 'namespace'] as const) {
      const name = setting[field];
      const problem = name === undefined ? null : chartNameProblem(field, name);
      if (problem) throw new InputError(`charts: the ${field} of the entry for ${setting.path} ${problem}`);
    }
  }
  const byPath = new Map(charts.map((setting) => [setting.path, setting]));
  return (chart) => byPath.get(realPathOf(chart) ?? chart);
}

/** `template <release> <chart> [--namespace=<ns>] [--values <chart's file>]...`; the command line's values follow. */
function templateArgs(chart: string, setting: ChartSetting | undefined): string[] {
  return [
    'template',
    setting?.releaseName ?? HELM_RELEASE_NAME,
    chart,
    ...(setting?.namespace === undefined ? [] : [`--namespace=${setting.namespace}`]),
    ...(setting?.values ?? []).flatMap((file) => ['--values', file]),
  ];
}

/** Dependencies that are not vendored under `charts/`: `helm dependency update` is never run. */
function missingDependencies(chart: string, cwd: string): Finding[] {
  const findings: Finding[] = [];
  for (const name of ['Chart.yaml', 'requirements.yaml']) {
    const file = path.join(chart, name);
    if (!existsSync(file)) continue;
    const document = parseFile(readFileSync(file, 'utf8')).documents[0];
    if (!document) continue;
    const vendored = vendoredCharts(chart);
    asArray(asRecord(document.value)?.dependencies).forEach((dependency, index) => {
      const depName = asString(asRecord(dependency)?.name);
      if (depName === undefined || vendored.some((entry) => entry === depName || (entry.startsWith(`${depName}-`) && entry.endsWith('.tgz')))) return;
      const range = locate(document, ['dependencies', index]).range;
      findings.push(renderError(displayPathOf(cwd, file), range, `chart dependency "${depName}" is not vendored in charts/: run \`helm dependency build\` and commit the result (k8s-lint never fetches dependencies)`));
    });
  }
  return findings;
}

function vendoredCharts(chart: string): string[] {
  try {
    return readdirSync(path.join(chart, 'charts'));
  } catch {
    return [];
  }
}
