import { createProgress, wantsProgress } from '../src/progress';

const tty = { write: () => true, isTTY: true };
const pipe = { write: () => true, isTTY: false };

describe('progress indicator', () => {
  test('only for a terminal: stderr a TTY, CI unset, report not piped', () => {
    expect(wantsProgress({ env: {}, stdout: tty, stderr: tty }, false)).toBe(true);
    expect(wantsProgress({ env: {}, stdout: pipe, stderr: tty }, true)).toBe(true);
    expect(wantsProgress({ env: {}, stdout: pipe, stderr: tty }, false)).toBe(false);
    expect(wantsProgress({ env: {}, stdout: tty, stderr: pipe }, false)).toBe(false);
    expect(wantsProgress({ env: { CI: 'true' }, stdout: tty, stderr: tty }, false)).toBe(false);
    expect(wantsProgress({ env: { CI: '' }, stdout: tty, stderr: tty }, false)).toBe(true);
  });

  test('updates one line in place when the percentage changes, and clears it at the end', () => {
    let written = '';
    const progress = createProgress({ write: (text: string) => (written += text) }, 2);
    for (let done = 1; done <= 3; done++) progress.update(done, 3);
    progress.finish();
    const clear = '\r\u001b[2K';
    expect(written).toBe(
      `${clear}k8s-lint: reading files 1/3 (33%)${clear}k8s-lint: reading files 2/3 (66%)${clear}k8s-lint: reading files 3/3 (100%)${clear}`,
    );
  });

  test('draws nothing for small runs (at most 50 files by default)', () => {
    let written = '';
    const progress = createProgress({ write: (text: string) => (written += text) });
    for (let done = 1; done <= 50; done++) progress.update(done, 50);
    progress.finish();
    expect(written).toBe('');
  });

  test('redraws only on a new percentage for large runs', () => {
    const lines: string[] = [];
    const progress = createProgress({ write: (text: string) => lines.push(text) });
    for (let done = 1; done <= 1000; done++) progress.update(done, 1000);
    progress.finish();
    // 0% to 100%, then the clearing write.
    expect(lines).toHaveLength(102);
    expect(lines[100]).toBe('\r\u001b[2Kk8s-lint: reading files 1000/1000 (100%)');
    expect(lines[101]).toBe('\r\u001b[2K');
  });
});
