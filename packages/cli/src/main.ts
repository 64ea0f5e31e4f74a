import {
  CONFIG_FILE_NAME,
  ConfigError,
  DEFAULT_MAX_FINDINGS,
  familyOf,
  InputError,
  VERSION,
  lint,
  settingsFromFlags,
  loadConfig,
  severityRank,
  type Jobs,
  type Config,
  type LintSummary,
  type RenderOptions,
  type RunPlan,
  type Severity,
} from '@k8s-lint/core';
import { Command, CommanderError, Help, Option } from 'commander';
import path from 'node:path';
import { prepareBaseline } from './baseline-flags';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './exit-codes';
import { explainRule, type PlannedLevel } from './explain';
import { writeInitialConfig } from './init';
import { printConfig, printConfigFormat } from './print-config';
import { errorsOnly } from './quiet';
import { ruleFlagIds, withRuleFlags } from './rule-flags';
import { FORMATTERS, FORMAT_NAMES } from './formatters';
import { wantsColor, type CliIo } from './io';
import { outputWidth } from './formatters/wrap';
import { sourceReader } from './formatters/html-source-reader';
import { createProgress, wantsProgress } from './progress';
import { listRules, planFromFlags, type PlanFlags } from './rules-command';
import { settingOption, settingOptions, type SettingFlagTexts } from './setting-options';
import { filesNamedForRun, lintedFiles, refuseReadFiles, refuseSameTarget } from './write-conflicts';
import { writeFileSafely, writeTarget, type WriteTarget } from './write-file-safely';
import { writeChunks } from './write-stream';
import { commanderErrorText, describeInternalError, withSafeStderr, writeMessage } from './safe-stderr';

interface LintFlags extends SettingFlagTexts {
  format: string;
  output?: string;
  config?: string;
  exclude: string[];
  failOn: Severity | 'none';
  kustomize?: boolean;
  helm?: boolean;
  helmBinary?: string;
  values: string[];
  baseline?: string;
  writeBaseline?: string;
  jobs: string;
  maxFindings?: string;
  /** `--context <dir>`, or false from `--no-context`. */
  context?: string | false;
  /** `--rule <id>=<level>`, in order: a later one wins. */
  rule?: string[];
  quiet?: boolean;
  printConfig?: string;
}

const FAIL_ON_CHOICES = ['error', 'warning', 'note', 'none'];

/** Runs the CLI and resolves to its exit code; never calls process.exit. */
export async function main(argv: readonly string[], rawIo: CliIo): Promise<number> {
  // Nothing from the input reaches the terminal raw: every stderr write goes through here.
  const io = withSafeStderr(rawIo);
  let exitCode = EXIT_OK;
  const program = new Command('k8s-lint')
    .description('Static security linter for Kubernetes manifests (plain, Kustomize or Helm-rendered YAML).')
    .version(VERSION, '-v, --version')
    .exitOverride()
    .usage('[paths...] [options]   (or: k8s-lint <command>)')
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text), outputError: (text, write) => write(commanderErrorText(text)) });

  const lintCommand = program
    .command('lint', { isDefault: true })
    .description('lint files, directories and globs (`-` reads standard input)')
    .argument('[paths...]', 'files, directories or globs', ['.'])
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMAT_NAMES).default('stylish'))
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .option('-c, --config <file>', 'configuration file (default: .k8s-lint.yaml found from the linted paths upward, up to the repository root)')
    .option('--exclude <glob>', 'skip matching files or directories (repeatable)', collect, [])
    .option('--context <dir>', 'what cross-object rules see besides the named files (default: the repository)')
    .option('--no-context', 'cross-object rules see only the named files')
    // No default, so that help does not show an empty list.
    .option('--rule <id=level>', 'set a rule to off, error, warning or note for this run, over the configuration (repeatable)', collect)
    .option('-q, --quiet', 'report errors only: warnings and notes neither show nor count for --fail-on')
    .option('--print-config <path>', 'print the configuration and the rules (level, why) that apply to this file, as YAML (JSON with --format json)');
  // --profile, --pss-version, ...: declared once with their configuration keys, in core.
  for (const option of settingOptions()) lintCommand.addOption(option);
  lintCommand
    .option('--kustomize', 'lint kustomization directories as rendered by `kubectl kustomize` (or `kustomize build`)')
    .option('--helm', 'lint chart directories as rendered by `helm template`')
    .option('--values <file>', 'values file for `helm template` (repeatable)', collect, [])
    // A flag only: a configuration key naming a program to run would run a pull request's code.
    .option('--helm-binary <path>', 'the helm program for --helm (default: helm on the PATH)')
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity').choices(FAIL_ON_CHOICES).default('warning'))
    .option('--baseline <file>', 'report only findings that are not in this baseline file')
    .option('--write-baseline <file>', 'record the current findings in a baseline file (and accept them)')
    .option('--max-findings <n>', `findings listed in the report at most; past it they are counted, not listed (default ${DEFAULT_MAX_FINDINGS})`)
    .option('-j, --jobs <n>', 'threads that read and parse files: a number, or auto (one per core when there are many files)', 'auto')
    .action(async (paths: string[], flags: LintFlags) => {
      exitCode = await runLint(paths, flags, io);
    });

  program
    .command('init')
    .description(`write a commented ${CONFIG_FILE_NAME} here (never over an existing one)`)
    .action(() => {
      const file = writeInitialConfig(io.cwd);
      io.stdout.write(`k8s-lint: wrote ${path.relative(io.cwd, file)}: every key is commented out, so it changes nothing until you uncomment one\n`);
    });

  program
    .command('rules')
    .description('list the available rules')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('-c, --config <file>', 'show severities as configured in this file')
    .addOption(profileOption())
    .action((flags: PlanFlags & { format: string }) => {
      io.stdout.write(listRules(flags, io));
    });

  program
    .command('explain')
    .description('explain a rule: what it reports, why, how to fix it, options and references')
    .argument('<rule>', 'rule id, e.g. run-as-root')
    .option('-c, --config <file>', 'show the severity configured in this file')
    .addOption(profileOption())
    .action((id: string, flags: PlanFlags) => {
      // The configuration's custom rules are explained too.
      const plan = planFromFlags(flags, io);
      // A member id (`vap/<policy>`) is explained by its family rule.
      const ruleId = familyOf(id) ?? id;
      io.stdout.write(explainRule(ruleId, plannedLevel(ruleId, plan), plan.rules.map((entry) => entry.rule)));
    });

  // `k8s-lint --help` shows the options of lint too: it is the default command.
  program.configureHelp({ formatHelp: (command, helper) => helpWithLintOptions(command, helper, program, lintCommand) });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    return handleError(error, io);
  }
  return exitCode;
}

function helpWithLintOptions(command: Command, helper: Help, program: Command, lintCommand: Command): string {
  const text = Help.prototype.formatHelp.call(helper, command, helper);
  if (command !== program) return text;
  const options = helper.visibleOptions(lintCommand).filter((option) => option.long !== '--help');
  const termWidth = Math.max(...options.map((option) => helper.displayWidth(helper.optionTerm(option))));
  const items = options.map((option) => helper.formatItem(helper.optionTerm(option), termWidth, helper.optionDescription(option), helper));
  return `${text}\n${helper.formatItemList('Lint options (k8s-lint [paths...] [options], the default command):', items, helper).join('\n')}`;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

async function runLint(paths: string[], flags: LintFlags, io: CliIo): Promise<number> {
  // One run, one configuration: the one found from the linted paths (config-file.ts), with --rule over it.
  const config = withRuleFlags(loadConfig(io.cwd, flags.config, flags.printConfig === undefined ? paths : [flags.printConfig]), flags.rule ?? []);
  if (flags.printConfig !== undefined) {
    const format = printConfigFormat(flags.format);
    io.stdout.write(printConfig({ file: flags.printConfig, cwd: io.cwd, config, flags: settingsFromFlags(flags), ruleFlagIds: ruleFlagIds(flags.rule ?? []), format }));
    return EXIT_OK;
  }
  const stdinText = paths.includes('-') ? await io.readStdin() : undefined;
  // Where the report and the baseline go is checked before anything is linted or written.
  const output = flags.output === undefined ? undefined : writeTarget('--output', flags.output, io.cwd);
  const baseline = prepareBaseline(flags, io);
  const targets = [output, baseline.target].filter((target): target is WriteTarget => target !== undefined);
  refuseSameTarget(targets);
  const values = [...flags.values, ...config.charts.flatMap((chart) => chart.values ?? [])];
  refuseReadFiles(targets, filesNamedForRun({ paths, cwd: io.cwd, configFile: config.file, values, baseline: baseline.read }));
  const maxFindings = flags.maxFindings === undefined ? undefined : parseMaxFindings(flags.maxFindings);
  const progress = wantsProgress(io, flags.output !== undefined) ? createProgress(io.stderr) : undefined;
  const onProgress = progress && ((done: number, total: number): void => progress.update(done, total));
  const result = await lint({
    paths,
    cwd: io.cwd,
    config,
    exclude: flags.exclude,
    stdinText,
    onProgress,
    render: renderOptions(flags, io, config),
    jobs: parseJobs(flags.jobs),
    ...settingsFromFlags(flags),
    maxFindings,
    baseline: baseline.use,
    // The repository around the named files unless told otherwise (core/src/load/context.ts).
    context: flags.context === false ? undefined : flags.context === undefined ? 'repository' : { directory: flags.context },
  }).finally(() => progress?.finish());
  refuseReadFiles(targets, lintedFiles(result.files, io.cwd, targets));
  const formatter = FORMATTERS[flags.format];
  if (!formatter) throw new InputError(`unknown format: ${flags.format}`);
  baseline.finish(result);
  const shown = flags.quiet ? errorsOnly(result) : result;
  const chunks = formatter(shown, { config: config.file === null ? null : path.relative(io.cwd, config.file).split(path.sep).join('/'), color: !output && wantsColor(io.stdout, io.env), width: outputWidth(output ? {} : io.stdout, io.env), readSource: sourceReader(shown, { cwd: io.cwd, maxBytes: settingsFromFlags(flags).maxFileSize ?? config.maxFileSize, stdinText }) });
  if (output) writeFileSafely(output, chunks);
  else await writeChunks(io.stdout, chunks);
  if (result.summary.omitted) {
    const listed = result.findings.length;
    io.stderr.write(`k8s-lint: the report lists ${listed} of ${listed + result.summary.omitted} findings (--max-findings ${result.maxFindings ?? listed}); the counts include them all\n`);
  }
  return failed(shown.summary, flags.failOn) ? EXIT_FINDINGS : EXIT_OK;
}

function parseMaxFindings(value: string): number {
  if (!/^[1-9][0-9]{0,8}$/.test(value)) throw new InputError(`invalid --max-findings "${value}": must be a whole number from 1 to 999999999`);
  return Number(value);
}

function parseJobs(value: string): Jobs {
  if (value === 'auto') return 'auto';
  if (!/^[1-9][0-9]{0,2}$/.test(value)) throw new InputError(`invalid --jobs "${value}": must be a number from 1 to 999, or auto`);
  return Number(value);
}

function renderOptions(flags: LintFlags, io: CliIo, config: Config): RenderOptions | undefined {
  // Values files only reach `helm template`; ignoring them would lint something other than what was asked.
  if (flags.values.length > 0 && !flags.helm) throw new InputError('--values is only used with --helm (values files are passed to `helm template`): add --helm or remove --values');
  if (flags.helmBinary !== undefined && !flags.helm) throw new InputError('--helm-binary is only used with --helm: add --helm or remove --helm-binary');
  if (!flags.kustomize && !flags.helm) return undefined;
  // The configuration's `charts` (values files, release name, namespace per chart) only matter with --helm; a configuration serves runs without it too.
  return { kustomize: flags.kustomize, helm: flags.helm, values: flags.values, charts: config.charts, helmBinary: flags.helmBinary, onNotice: (message) => writeMessage(io.stderr, message) };
}

/** From the counts, which cover every finding, listed in the report or not. */
function failed(summary: LintSummary, failOn: Severity | 'none'): boolean {
  if (failOn === 'none') return false;
  const threshold = severityRank(failOn);
  const counts: Array<[Severity, number]> = [['error', summary.errors], ['warning', summary.warnings], ['note', summary.notes]];
  return counts.some(([severity, count]) => count > 0 && severityRank(severity) >= threshold);
}

/** `--profile`, the same for `lint`, `rules` and `explain`, so that they show the same run. */
function profileOption(): Option {
  return settingOption('profile');
}

/** The rule as a lint run with these flags would run it; undefined for unknown ids (explain reports those). */
function plannedLevel(id: string, plan: RunPlan): PlannedLevel | undefined {
  const planned = plan.rules.find((entry) => entry.rule.meta.id === id);
  return planned && { planned, profile: plan.settings.profile };
}

function handleError(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    // Help and --version end through the same path as usage errors.
    return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
  }
  if (error instanceof InputError || error instanceof ConfigError) {
    writeMessage(io.stderr, error.message);
    return EXIT_USAGE;
  }
  io.stderr.write(`k8s-lint: internal error: ${describeInternalError(error)}\n`);
  return EXIT_USAGE;
}
