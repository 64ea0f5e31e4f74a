import { sarifChunks } from '@k8s-lint/sarif';
import { formatGithub } from './github';
import { htmlReportChunks } from './html';
import { jsonReportChunks } from './json';
import { formatJunit } from './junit';
import { formatStylish } from './stylish';
import type { Formatter } from './types';

// JSON and SARIF hold every kept finding and are written a finding at a time, HTML a file at a
// time; the others are one string (arrays here: a string would be iterated character by character).
export const FORMATTERS: Readonly<Record<string, Formatter>> = {
  stylish: (result, context) => [formatStylish(result, context)],
  json: (result, context) => jsonReportChunks(result, context),
  sarif: (result) => sarifChunks(result),
  github: (result) => [formatGithub(result)],
  junit: (result) => [formatJunit(result)],
  html: (result, context) => htmlReportChunks(result, context),
};

export const FORMAT_NAMES = Object.keys(FORMATTERS);
