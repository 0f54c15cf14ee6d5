// Running the checks over the files; formatting is left to format-*.ts, which
// get everything they need from `CheckedFile` and never touch the disk.

import { analyze, LineIndex, type Analysis, type AnalysisOptions, type Span } from '../core/index';
import { collectFiles, readReport, shouldCheck, type FileProblem } from './files';

export interface Position {
  /** 0-based, as LSP counts. */
  line: number;
  /** 0-based, in UTF-16 code units, as LSP counts. */
  character: number;
}

export interface CheckedFile {
  /** For display: as given on the command line, or joined onto the folder given. */
  path: string;
  analysis: Analysis;
  /** Converts a span of the analysed text into LSP positions. */
  range(span: Span): { start: Position; end: Position };
}

export interface RunResult {
  files: CheckedFile[];
  /** Paths that could not be checked; they make the exit code 2. */
  problems: FileProblem[];
}

/** `options` (language, severities, format, size limit) apply to every file. */
export function run(paths: readonly string[], options: AnalysisOptions, onProblem: (problem: FileProblem) => void): RunResult {
  const { files: candidates, problems } = collectFiles(paths);
  problems.forEach(onProblem);
  const files: CheckedFile[] = [];
  for (const candidate of candidates) {
    const read = readReport(candidate.path);
    if (!read.ok) {
      problems.push(read.problem);
      onProblem(read.problem);
      continue;
    }
    if (!shouldCheck(candidate, read.text)) continue;
    const index = new LineIndex(read.text);
    files.push({
      path: candidate.path,
      analysis: analyze(read.text, options),
      range: (span) => ({ start: index.position(span.start), end: index.position(span.end) }),
    });
  }
  return { files, problems };
}
