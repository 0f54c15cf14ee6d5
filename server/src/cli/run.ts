// Running the checks over the files, in two passes that hold little: the
// first reads every file for whose report it is and for which year (the
// identity), which pairs reports with last year's; the second checks each file
// with its pair and hands its rendered output over in the files' order, as it
// comes. Both run on worker threads for a folder (pool.ts); formatting is
// format-*.ts, done where the file was checked.

import * as fs from 'fs';
import * as path from 'path';
import { pairByName, type Identity, type PreviousReport } from '../core/index';
import { readStdin, STDIN } from '../files/read';
import { collectFiles, type FileProblem } from './files';
import type { Checked, CheckTask, JobOptions, Read, Survey } from './job';
import { createRunner } from './pool';

/** How reports are paired with last year's: `--previous FILE` for every file checked, `pairs` of `.nianbao.json` (absolute paths), else by name and year. */
export interface Pairing {
  previous?: string;
  pairs?: ReadonlyMap<string, string>;
}

export interface RunHooks {
  /** A file that could not be checked, as soon as it is known. */
  onProblem(problem: FileProblem): void;
  /** A file checked, in the order of the files. */
  onFile(file: string, checked: Checked): void | Promise<void>;
  /** The files found and the threads that will check them, before any is read. */
  onStart?(files: number, threads: number): void;
  /** How far the run is: `phase` 1 reads the files for whose reports they are, 2 checks them. */
  onProgress?(phase: 1 | 2, done: number, total: number): void;
}

export interface RunResult {
  /** Files checked. */
  files: number;
  /** Paths that could not be checked; they make the exit code 2. */
  problems: FileProblem[];
}

/** Files read ahead of the one being written: enough to keep every worker busy, few enough to hold. */
const AHEAD = 64;
/** Text extracted from PDFs, Word documents and pages is kept between the passes up to this many characters. */
const EXTRACTED_BUDGET = 16_000_000;

export async function run(paths: readonly string[], options: JobOptions, pairing: Pairing, hooks: RunHooks, jobs?: number): Promise<RunResult> {
  const { files: candidates, problems } = collectFiles(paths);
  problems.forEach(hooks.onProblem);
  const report = (problem: FileProblem) => {
    problems.push(problem);
    hooks.onProblem(problem);
  };
  const extracted = new ReadCache();
  // Standard input can be read only once: here, before the passes, and kept for both.
  let stdin: Survey | undefined;
  if (candidates.some((c) => c.path === STDIN)) {
    const read = await readStdin();
    if (read.ok) extracted.keep(STDIN, read, true);
    else stdin = { kind: 'problem', problem: read.problem };
  }
  const runner = createRunner(options, candidates.length, jobs);
  hooks.onStart?.(candidates.length, runner.threads);
  try {
    // Pass 1: whose report each file is.
    const surveyed: ({ identity: Identity; isReport: boolean } | undefined)[] = [];
    await inOrder(
      candidates,
      (candidate) => (candidate.path === STDIN && stdin ? Promise.resolve(stdin) : runner.survey(candidate, extracted.taskRead(candidate.path).read)).catch((error: Error): Survey => ({ kind: 'problem', problem: { path: candidate.path, kind: 'unreadable', detail: error.message } })),
      (survey, i) => {
        hooks.onProgress?.(1, i + 1, candidates.length);
        if (survey.kind === 'problem') report(survey.problem);
        surveyed.push(survey.kind === 'report' ? { identity: survey.identity, isReport: survey.isReport } : undefined);
        if (survey.kind === 'report' && survey.read) extracted.keep(candidates[i].path, survey.read);
      },
    );
    const reports = candidates.flatMap((c, i) => (surveyed[i] ? [{ path: c.path, ...surveyed[i]! }] : []));
    const previous = await pairWithLastYear(reports, pairing, runner, extracted, report);

    // Pass 2: each report checked with its pair, written in order as it comes.
    await inOrder(
      reports,
      (file, i): Promise<Checked> => {
        const last = previous.get(i);
        const task: CheckTask = {
          path: file.path,
          ...extracted.taskRead(file.path),
          ...(last ? { previous: { ...last, ...extracted.taskRead(last.path) } } : {}),
        };
        return runner.check(task).catch((error: Error) => ({
          counts: { error: 0, warning: 0, information: 0, hint: 0 },
          dismissed: 0,
          problems: [{ path: file.path, kind: 'unreadable', detail: error.message }],
        }));
      },
      async (checked, i) => {
        hooks.onProgress?.(2, i + 1, reports.length);
        // A review file's problem is met by every file beneath it (and by each worker): said once.
        for (const problem of checked.problems) if (!problems.some((p) => p.path === problem.path && p.kind === problem.kind)) report(problem);
        if (checked.rendered) await hooks.onFile(reports[i].path, checked);
      },
    );
    return { files: reports.length, problems };
  } finally {
    await runner.close();
  }
}

/**
 * Runs `work` on every item, up to AHEAD at a time, and gives the results to
 * `emit` in the items' order: a slow file holds back the output, never the
 * workers, and what waits to be written stays bounded.
 */
async function inOrder<T, R>(items: readonly T[], work: (item: T, index: number) => Promise<R>, emit: (result: R, index: number) => void | Promise<void>): Promise<void> {
  const started = new Map<number, Promise<R>>();
  let next = 0;
  for (let i = 0; i < items.length; i++) {
    while (next < items.length && next < i + AHEAD) {
      started.set(next, work(items[next], next));
      next++;
    }
    const result = await started.get(i)!;
    started.delete(i);
    await emit(result, i);
  }
}

/**
 * Gives each report last year's report of its body: the file `--previous`
 * names, else the one the `pairs` of `.nianbao.json` name, else the one among
 * the files checked with the same body and the year before. A named file that
 * cannot be read, is no report or is of another year is a problem of the run.
 */
async function pairWithLastYear(
  reports: readonly { path: string; identity: Identity; isReport: boolean }[],
  pairing: Pairing,
  runner: ReturnType<typeof createRunner>,
  extracted: ReadCache,
  onProblem: (problem: FileProblem) => void,
): Promise<Map<number, { path: string; pairedBy: PreviousReport['pairedBy'] }>> {
  const paired = new Map<number, { path: string; pairedBy: PreviousReport['pairedBy'] }>();
  const byPath = new Map(reports.map((r) => [path.resolve(r.path), r]));
  // A file named as last year's that is not among those checked: read once, however many name it.
  const named = new Map<string, Promise<(Survey & { kind: 'report' }) | undefined>>();
  const look = (file: string) => {
    const key = path.resolve(file);
    let found = named.get(key);
    if (!found) {
      const known = byPath.get(key);
      found = known
        ? Promise.resolve({ kind: 'report' as const, identity: known.identity, isReport: known.isReport })
        : !fs.existsSync(file)
          ? Promise.resolve(onProblem({ path: file, kind: 'notFound' })).then(() => undefined)
          : runner.survey({ path: file, explicit: true }).then((survey) => {
            if (survey.kind === 'problem') onProblem(survey.problem);
            if (survey.kind !== 'report') return undefined;
            if (survey.read) extracted.keep(file, survey.read);
            return survey;
          });
      named.set(key, found);
    }
    return found;
  };
  for (const [i, file] of reports.entries()) {
    const name = pairing.previous ?? pairing.pairs?.get(path.resolve(file.path));
    if (name === undefined) continue;
    // The file itself (a link to it included) is no year before.
    if (real(name) === real(file.path)) {
      onProblem({ path: name, kind: 'notPrevious', detail: file.path });
      continue;
    }
    const last = await look(name);
    if (!last) continue;
    // Named, it must still be a report, and of the year before: compared with another, every cross-year finding would be false.
    const [now, then] = [file.identity.year, last.identity.year];
    if (!last.isReport) onProblem({ path: name, kind: 'noReport' });
    else if (now !== undefined && then !== undefined && then !== now - 1) onProblem({ path: name, kind: 'notPrevious', detail: file.path });
    else paired.set(i, { path: name, pairedBy: pairing.previous !== undefined ? 'explicit' : 'config' });
  }
  const unpaired = [...reports.keys()].filter((i) => !paired.has(i));
  for (const [current, last] of pairByName(unpaired.map((i) => reports[i].identity))) {
    paired.set(unpaired[current], { path: reports[unpaired[last]].path, pairedBy: 'name' });
  }
  return paired;
}

function real(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

/** Text extracted in the first pass from files that are not text, kept for the second while it fits the budget. */
class ReadCache {
  private readonly reads = new Map<string, Read>();
  private size = 0;

  /** `always`: whatever the budget (standard input, which cannot be read again). */
  keep(file: string, read: Read, always = false): void {
    const key = path.resolve(file);
    if (this.reads.has(key) || (!always && this.size + read.text.length > EXTRACTED_BUDGET)) return;
    this.reads.set(key, read);
    this.size += read.text.length;
  }

  taskRead(file: string): { read?: Read } {
    const read = this.reads.get(path.resolve(file));
    return read ? { read } : {};
  }
}
