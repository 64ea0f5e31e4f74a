#!/usr/bin/env node
import { isAnalyzeWorker, runAnalyzeWorker } from '@k8s-lint/core';
import { processIo } from './io';
import { main } from './main';

// The bundle is also the script of the threads that parse files for a big run (see core's analyze-pool).
if (isAnalyzeWorker()) {
  runAnalyzeWorker();
} else {
  void main(process.argv.slice(2), processIo()).then((code) => {
    process.exitCode = code;
  });
}
