import { formatSarif } from '@k8s-lint/sarif';
import { formatGithub } from './github';
import { formatJson } from './json';
import { formatJunit } from './junit';
import { formatStylish } from './stylish';
import type { Formatter } from './types';

export const FORMATTERS: Readonly<Record<string, Formatter>> = {
  stylish: formatStylish,
  json: formatJson,
  sarif: (result) => formatSarif(result),
  github: formatGithub,
  junit: formatJunit,
};

export const FORMAT_NAMES = Object.keys(FORMATTERS);
