export { main } from './main';
export { processIo, type CliIo } from './io';
export { FORMATTERS, FORMAT_NAMES } from './formatters';
export { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './exit-codes';
