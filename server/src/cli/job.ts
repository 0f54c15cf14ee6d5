// The work done for one file, in a worker thread or in the main one alike:
// `survey` reads a file and says whether it is a report and whose, for which
// year (what reports are paired by); `check` reads it again with last year's
// report, analyses it and renders what the output needs of it. What crosses
// between threads is plain data: a rendered chunk, counts, problems — never an
// analysis, so that the main thread's memory does not grow with the folder.

import * as fs from 'fs';
import * as path from 'path';
import { analyze, identifyText, LineIndex, looksLikeReport, parseReview, REVIEW_FILE, type AnalysisOptions, type Identity, type PreviousReport, type Review, type Severity, type Span } from '../core/index';
import { parseReport } from '../core/parse/report';
import { releaseCompacts } from '../core/parse/compacted';
import { originOf } from '../files/read';
import { nearestFile } from '../files/nearest';
import { readAny, shouldCheck, type Candidate, type FileProblem, type Origin, type ReadResult } from './files';
import { jsonOfFile, type JsonFileOutput } from './format-json';
import { sarifResultsOfFile, type SarifResult } from './format-sarif';
import { textOfFile } from './format-text';
import { reviewOfFile, type FileReview } from './review/model';

export type Output = 'text' | 'json' | 'sarif' | 'review';

/** What every file of a run is checked and rendered with. */
export interface JobOptions {
  analysis: AnalysisOptions;
  output: Output;
  /** Text output: ANSI colours. */
  color: boolean;
  /** SARIF: paths are made relative to it. */
  cwd: string;
}

export type Read = Extract<ReadResult, { ok: true }>;

export interface CheckedFile {
  /** For display: as given on the command line, or joined onto the folder given. */
  path: string;
  analysis: ReturnType<typeof analyze>;
  /** Converts a span of the analysed text into LSP positions. */
  range(span: Span): { start: Position; end: Position };
  /** For a file that is not text (a web page): where a span of the extracted text comes from in the file (1-based). */
  source?(span: Span): Origin;
  /** Last year's report of the same body, compared with by the cross-year checks, and how the two were paired. */
  previous?: { file: ReportFile; pairedBy: PreviousReport['pairedBy'] };
}

/** A report read but not checked (last year's, compared with): its places only. */
export type ReportFile = Omit<CheckedFile, 'analysis' | 'previous'> & { report: PreviousReport['report'] };

export interface Position {
  /** 0-based, as LSP counts. */
  line: number;
  /** 0-based, in UTF-16 code units, as LSP counts. */
  character: number;
}

export type Survey =
  | {
      kind: 'report';
      identity: Identity;
      /** Reads as a report (a file named on the command line is checked whatever it holds). */
      isReport: boolean;
      /** Text extracted from a file that is not text (PDF, Word, page), handed back so that it is not read twice. */
      read?: Read;
    }
  /** Found in a folder, but no report (a README). */
  | { kind: 'skip' }
  | { kind: 'problem'; problem: FileProblem };

export interface CheckTask {
  path: string;
  read?: Read;
  previous?: { path: string; pairedBy: PreviousReport['pairedBy']; read?: Read };
}

export type Rendered =
  | { kind: 'text'; text: string }
  | { kind: 'json'; file: JsonFileOutput }
  | { kind: 'sarif'; results: SarifResult[] }
  | { kind: 'review'; review: FileReview };

export interface Checked {
  counts: Record<Severity, number>;
  dismissed: number;
  /** The file could not be read again (changed since), or a review file beside it is broken. */
  problems: FileProblem[];
  rendered?: Rendered;
}

export class Job {
  private readonly reviews = new ReviewLookup();

  constructor(readonly options: JobOptions) {}

  /** `read`: the file as already read (standard input, which cannot be read twice). */
  async survey(candidate: Candidate, given?: Read): Promise<Survey> {
    const read = given ?? (await readAny(candidate.path));
    if (!read.ok) return { kind: 'problem', problem: read.problem };
    if (!shouldCheck(candidate, read.text)) return { kind: 'skip' };
    const isReport = looksLikeReport(read.text);
    // A page or a Word document named on the command line that holds no report: said, not six missing sections.
    if (read.origins && !isReport) return { kind: 'problem', problem: { path: candidate.path, kind: 'noReport' } };
    const identity = identifyText(read.text, this.options.analysis);
    return { kind: 'report', identity, isReport, ...(read.origins && !given ? { read } : {}) };
  }

  async check(task: CheckTask): Promise<Checked> {
    const problems: FileProblem[] = [];
    const read = task.read ?? (await readAny(task.path));
    const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
    if (!read.ok) return { counts, dismissed: 0, problems: [read.problem] };
    let previous: CheckedFile['previous'];
    if (task.previous) {
      const last = task.previous.read ?? (await readAny(task.previous.path));
      if (last.ok) previous = { file: reportFile(task.previous.path, last, this.options.analysis), pairedBy: task.previous.pairedBy };
      else problems.push(last.problem);
    }
    const review = this.reviews.for(task.path, (p) => problems.push(p));
    const options: AnalysisOptions = {
      ...this.options.analysis,
      ...(review ? { review } : {}),
      ...(read.decodedFrom ? { decodedFrom: read.decodedFrom } : {}),
      ...(previous ? { previous: { report: previous.file.report, name: previous.file.path, pairedBy: previous.pairedBy } } : {}),
    };
    const index = new LineIndex(read.text);
    const file: CheckedFile = {
      path: task.path,
      analysis: analyze(read.text, options),
      range: rangeIn(index),
      ...(read.origins ? { source: sourceOf(read.text, index, read.origins) } : {}),
      ...(previous ? { previous } : {}),
    };
    for (const f of file.analysis.findings) counts[f.severity]++;
    return { counts, dismissed: file.analysis.dismissed.length, problems, rendered: this.render(file) };
  }

  private render(file: CheckedFile): Rendered {
    const { output, analysis, color, cwd } = this.options;
    const lang = analysis.lang ?? 'zh-CN';
    switch (output) {
      case 'text':
        return { kind: 'text', text: textOfFile(file, { lang, color }) };
      case 'json':
        return { kind: 'json', file: jsonOfFile(file) };
      case 'sarif':
        return { kind: 'sarif', results: sarifResultsOfFile(file, cwd) };
      case 'review':
        return { kind: 'review', review: reviewOfFile(file, lang) };
    }
  }
}

const rangeIn = (index: LineIndex) => (span: Span) => ({ start: index.position(span.start), end: index.position(span.end) });

/** Last year's report: parsed, not checked (its own findings are not this run's). */
function reportFile(file: string, read: Read, options: AnalysisOptions): ReportFile {
  const index = new LineIndex(read.text);
  let report: PreviousReport['report'];
  try {
    if (options.maxSize !== undefined && read.text.length > options.maxSize) throw new RangeError('too large');
    report = parseReport(read.text, { format: options.format });
    releaseCompacts(report);
  } catch {
    // What analyze() makes of a text it cannot parse (or will not: too large), without running the checks.
    report = analyze(read.text, { maxSize: 0 }).report;
  }
  return { path: file, report, range: rangeIn(index), ...(read.origins ? { source: sourceOf(read.text, index, read.origins) } : {}) };
}

/** Where in the file a span of extracted text comes from (files/read.ts `originOf`). */
function sourceOf(text: string, index: LineIndex, origins: readonly Origin[]): (span: Span) => Origin {
  return (span) => {
    const { line, character } = index.position(span.start);
    return originOf(origins, line, text.slice(span.start - character, span.start));
  };
}

/**
 * The reviewer's decisions (`.nianbao-review.json`) that apply to a file: the
 * nearest one in its folder or a folder above, as the editor finds it. A file
 * that cannot be read or understood is a problem of the run, never ignored.
 */
class ReviewLookup {
  /** Each folder's review file as read: the review, or undefined where there is none or it cannot be used. */
  private readonly byFile = new Map<string, Review | undefined>();
  private readonly byDir = new Map<string, Review | undefined>();

  for(file: string, onProblem: (problem: FileProblem) => void): Review | undefined {
    const dir = path.dirname(path.resolve(file));
    if (!this.byDir.has(dir)) {
      const found = nearestFile(dir, REVIEW_FILE);
      this.byDir.set(dir, found === undefined ? undefined : this.read(found, onProblem));
    }
    return this.byDir.get(dir);
  }

  private read(file: string, onProblem: (problem: FileProblem) => void): Review | undefined {
    if (this.byFile.has(file)) return this.byFile.get(file);
    let parsed: ReturnType<typeof parseReview>;
    try {
      parsed = parseReview(fs.readFileSync(file, 'utf8'));
    } catch (error) {
      parsed = { ok: false, error: (error as NodeJS.ErrnoException).code ?? String(error) };
    }
    // A file that cannot be used is said once, however many reports it would apply to.
    if (!parsed.ok) onProblem({ path: file, kind: 'badReview', detail: parsed.error });
    const review = parsed.ok ? parsed.review : undefined;
    this.byFile.set(file, review);
    return review;
  }
}
