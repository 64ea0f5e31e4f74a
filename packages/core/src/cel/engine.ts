/** The parts of the CEL engine that load @bufbuild/cel (index.ts loads this on first use). */
export { compileCel } from './compile';
export { lazyVariables } from './lazy-variables';
