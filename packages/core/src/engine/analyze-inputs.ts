import { InputError } from '../errors';
import { analyzePath, analyzeText, type AnalyzedFile, type UnreadableFile } from '../load/analyze-file';
import { analyzeInWorkers } from '../load/analyze-pool';
import type { InputFile } from '../load/inputs';
import type { RenderedInput } from '../render';

/** Every input analyzed (read, decoded, parsed) or found unreadable, in input order, from `workers` threads or this one. */
export async function* analyzeInputs(
  inputs: ReadonlyArray<InputFile | RenderedInput>,
  stdinText: string | undefined,
  workers: number,
  maxFileSize: number,
): AsyncGenerator<{ input: InputFile | RenderedInput; file: AnalyzedFile | UnreadableFile }> {
  const onDisk = (input: InputFile | RenderedInput): input is InputFile & { absolutePath: string } => !('text' in input) && input.absolutePath !== null;
  const pool = workers > 1 ? analyzeInWorkers(inputs.filter(onDisk).map((input) => input.absolutePath), workers, maxFileSize) : null;
  try {
    for (const input of inputs) {
      let result: AnalyzedFile | UnreadableFile;
      if ('text' in input) result = analyzeText({ text: input.text, problem: null });
      else if (input.absolutePath === null) {
        if (stdinText === undefined) throw new InputError('standard input (-) was requested but not provided');
        result = analyzeText({ text: stdinText, problem: null });
      } else if (pool) {
        const next = await pool.next();
        if (next.done) throw new Error(`worker results ended before ${input.displayPath}`);
        result = next.value;
      } else result = analyzePath(input.absolutePath, maxFileSize);
      yield { input, file: result };
    }
  } finally {
    await pool?.return(undefined);
  }
}
