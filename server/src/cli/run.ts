// Running the checks over the files; formatting is left to format-*.ts, which
// get everything they need from `CheckedFile` and never touch the disk.

import * as fs from 'fs';
import * as path from 'path';
import { analyze, identify, LineIndex, looksLikeReport, pairByName, parseReview, REVIEW_FILE, type Analysis, type AnalysisOptions, type PreviousReport, type Review, type Span } from '../core/index';
import { originOf } from '../files/read';
import { collectFiles, readAny, shouldCheck, type FileProblem, type Origin } from './files';

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
  /** For a file that is not text (a web page): where a span of the extracted text comes from in the file (1-based). */
  source?(span: Span): Origin;
  /** Last year's report of the same body, compared with by the cross-year checks, and how the two were paired. */
  previous?: { file: CheckedFile; pairedBy: PreviousReport['pairedBy'] };
}

/** How reports are paired with last year's: `--previous FILE` for every file checked, `pairs` of `.nianbao.json` (absolute paths), else by name and year. */
export interface Pairing {
  previous?: string;
  pairs?: ReadonlyMap<string, string>;
}

export interface RunResult {
  files: CheckedFile[];
  /** Paths that could not be checked; they make the exit code 2. */
  problems: FileProblem[];
}

/** `options` (language, severities, format, size limit) apply to every file. */
export async function run(paths: readonly string[], options: AnalysisOptions, onProblem: (problem: FileProblem) => void, pairing: Pairing = {}): Promise<RunResult> {
  const { files: candidates, problems } = collectFiles(paths);
  problems.forEach(onProblem);
  const files: CheckedFile[] = [];
  const reviews = new ReviewLookup();
  const report = (problem: FileProblem) => {
    problems.push(problem);
    onProblem(problem);
  };
  for (const candidate of candidates) {
    const read = await readAny(candidate.path);
    if (!read.ok) {
      problems.push(read.problem);
      onProblem(read.problem);
      continue;
    }
    if (!shouldCheck(candidate, read.text)) continue;
    // A page or a Word document named on the command line that holds no report: said, not six missing sections.
    if (read.origins && !looksLikeReport(read.text)) {
      report({ path: candidate.path, kind: 'noReport' });
      continue;
    }
    files.push(checked(candidate.path, read, { ...options, review: reviews.for(candidate.path, report), decodedFrom: read.decodedFrom }));
  }
  await pairWithLastYear(files, options, pairing, report);
  return { files, problems };
}

type Read = Extract<Awaited<ReturnType<typeof readAny>>, { ok: true }>;

function checked(file: string, read: Read, options: AnalysisOptions): CheckedFile {
  const index = new LineIndex(read.text);
  return {
    path: file,
    analysis: analyze(read.text, options),
    range: (span) => ({ start: index.position(span.start), end: index.position(span.end) }),
    ...(read.origins ? { source: sourceOf(read.text, index, read.origins) } : {}),
  };
}

/**
 * Gives each report last year's report of its body, and checks it again with
 * it (the cross-year checks): the file `--previous` names, else the one the
 * `pairs` of `.nianbao.json` name, else the one among the files checked with
 * the same body and the year before. A named file that cannot be read is a
 * problem of the run.
 */
async function pairWithLastYear(files: CheckedFile[], options: AnalysisOptions, pairing: Pairing, onProblem: (problem: FileProblem) => void): Promise<void> {
  const byPath = new Map(files.map((f) => [path.resolve(f.path), f]));
  const extra = new Map<string, CheckedFile | undefined>();
  const load = async (file: string): Promise<CheckedFile | undefined> => {
    const known = byPath.get(path.resolve(file));
    if (known) return known;
    if (extra.has(file)) return extra.get(file);
    const read = fs.existsSync(file) ? await readAny(file) : ({ ok: false, problem: { path: file, kind: 'notFound' } } as const);
    const loaded = read.ok ? checked(file, read, options) : undefined;
    if (!read.ok) onProblem(read.problem);
    extra.set(file, loaded);
    return loaded;
  };
  const paired = new Map<CheckedFile, NonNullable<CheckedFile['previous']>>();
  const real = (f: string) => {
    try {
      return fs.realpathSync(f);
    } catch {
      return path.resolve(f);
    }
  };
  for (const file of files) {
    const named = pairing.previous ?? pairing.pairs?.get(path.resolve(file.path));
    if (named === undefined) continue;
    // The file itself (a link to it included) is no year before.
    if (real(named) === real(file.path)) {
      onProblem({ path: named, kind: 'notPrevious', detail: file.path });
      continue;
    }
    const previous = await load(named);
    if (!previous) continue;
    // Named, it must still be a report, and of the year before: compared with another, every cross-year finding would be false.
    const [now, then] = [identify(file.analysis.report).year, identify(previous.analysis.report).year];
    if (!looksLikeReport(previous.analysis.report.text)) onProblem({ path: named, kind: 'noReport' });
    else if (now !== undefined && then !== undefined && then !== now - 1) onProblem({ path: named, kind: 'notPrevious', detail: file.path });
    else paired.set(file, { file: previous, pairedBy: pairing.previous !== undefined ? 'explicit' : 'config' });
  }
  const unpaired = files.filter((f) => !paired.has(f));
  for (const [current, previous] of pairByName(unpaired.map((f) => identify(f.analysis.report)))) {
    paired.set(unpaired[current], { file: unpaired[previous], pairedBy: 'name' });
  }
  for (const [file, previous] of paired) {
    const report = previous.file.analysis.report;
    file.analysis = analyze(file.analysis.report.text, { ...file.analysis.options, previous: { report, name: previous.file.path, pairedBy: previous.pairedBy } });
    file.previous = previous;
  }
}

/**
 * The reviewer's decisions (`.nianbao-review.json`) that apply to a file: the
 * nearest one in its folder or a folder above, as the editor finds it. A file
 * that cannot be read or understood is a problem of the run, never ignored.
 */
class ReviewLookup {
  private readonly byDir = new Map<string, Review | undefined>();

  for(file: string, onProblem: (problem: FileProblem) => void): Review | undefined {
    return this.lookUp(path.dirname(path.resolve(file)), onProblem);
  }

  private lookUp(dir: string, onProblem: (problem: FileProblem) => void): Review | undefined {
    if (this.byDir.has(dir)) return this.byDir.get(dir);
    const file = path.join(dir, REVIEW_FILE);
    let review: Review | undefined;
    if (fs.existsSync(file)) {
      let parsed: ReturnType<typeof parseReview>;
      try {
        parsed = parseReview(fs.readFileSync(file, 'utf8'));
      } catch (error) {
        parsed = { ok: false, error: (error as NodeJS.ErrnoException).code ?? String(error) };
      }
      if (parsed.ok) review = parsed.review;
      else onProblem({ path: file, kind: 'badReview', detail: parsed.error });
    } else {
      const parent = path.dirname(dir);
      review = parent === dir ? undefined : this.lookUp(parent, onProblem);
    }
    this.byDir.set(dir, review);
    return review;
  }
}

/** Where in the file a span of extracted text comes from (files/read.ts `originOf`). */
function sourceOf(text: string, index: LineIndex, origins: readonly Origin[]): (span: Span) => Origin {
  return (span) => {
    const { line, character } = index.position(span.start);
    return originOf(origins, line, text.slice(span.start - character, span.start));
  };
}
