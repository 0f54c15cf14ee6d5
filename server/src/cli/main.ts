// `nianbao`: the command-line entry point. Parses the arguments, runs the
// checks and picks the exit code; the output formats live in format-*.ts.
//
// Exit codes: 0 no error findings, 1 error findings, 2 usage error or a file
// that could not be checked (that wins over 1: the result is incomplete).

import * as fs from 'fs';
import * as path from 'path';
import { localize } from '../core/i18n';
import { SEVERITIES, type Lang, type Severity } from '../core/index';
import { envLang, parseArgs } from './args';
import { loadConfig } from './config';
import type { FileProblem } from './files';
import { describeProblem as describeFileProblem } from '../files/messages';
import { SarifLog } from './format-sarif';
import { safePath, safeText, textSummary } from './format-text';
import type { JobOptions } from './job';
import type { FileReview } from './review/model';
import { HELP, MSG, SYNOPSIS } from './messages';
import { run } from './run';

interface PackageInfo {
  version: string;
  homepage?: string;
}

/** package.json sits next to dist/, where the bundle runs from. */
function packageInfo(): PackageInfo {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', 'package.json'), 'utf8')) as Partial<PackageInfo>;
    return { version: typeof pkg.version === 'string' ? pkg.version : '0.0.0', homepage: typeof pkg.homepage === 'string' ? pkg.homepage : undefined };
  } catch {
    return { version: '0.0.0' };
  }
}

function describeProblem(problem: FileProblem, lang: Lang): string {
  return problem.kind === 'badReview' ? localize(MSG.badReview, lang, { detail: problem.detail ?? '' }) : describeFileProblem(problem, lang);
}

/** Why standard output failed (a full disk, a closed descriptor), if it did: the run is then incomplete. */
let stdoutFailure: string | undefined;
/** The language of the run's messages, once known. */
let messageLang: Lang | undefined;

export async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const command = parseArgs(argv, env);
  switch (command.kind) {
    case 'help':
      messageLang = command.lang;
      process.stdout.write(HELP[command.lang]);
      return 0;
    case 'version':
      process.stdout.write(packageInfo().version + '\n');
      return 0;
    case 'usage':
      process.stderr.write(`nianbao: ${localize(command.message, command.lang, command.args)}\n${SYNOPSIS[command.lang]}${localize(MSG.moreHelp, command.lang)}\n`);
      return 2;
    case 'import': {
      // The decisions a reviewer wrote into a 问题清单 (dist/review.js, loaded only for review).
      const { importDecisions } = require('./review/index') as typeof import('./review/index');
      const result = await importDecisions(command.file, process.cwd());
      if (!result.ok) {
        const detail = result.detail ?? '';
        const message =
          result.error === 'noColumns'
            ? localize(MSG.importNoColumns, command.lang, { file: command.file })
            : result.error === 'badReview'
              ? localize(MSG.badReview, command.lang, { detail })
              : `${command.file}: ${localize(MSG.unreadable, command.lang, { detail })}`;
        process.stderr.write(`nianbao: ${message}\n`);
        return 2;
      }
      for (const { file, recorded } of result.files) {
        process.stdout.write(localize(MSG.imported, command.lang, { count: recorded, file: path.relative(process.cwd(), file) || file }) + '\n');
      }
      // A decision the list holds but that could not be read is said, never dropped in silence.
      if (result.skipped) process.stderr.write(`nianbao: ${localize(MSG.importSkipped, command.lang, { count: result.skipped })}\n`);
      return 0;
    }
    case 'check':
    case 'review':
      break;
  }

  // .nianbao.json (or --config): a file that cannot be used stops the run before any check.
  const config = loadConfig(command.config, process.cwd(), command.lang);
  if (!config.ok) {
    for (const error of config.errors) process.stderr.write(`nianbao: ${localize(error.message, command.lang, error.args)}\n`);
    process.stderr.write(`${localize(MSG.moreHelp, command.lang)}\n`);
    return 2;
  }
  // --lang, else the file's language, else the environment.
  const lang = command.langOption ?? (config.language !== 'auto' ? config.language : command.lang);
  messageLang = lang;
  const out = new Output(process.stdout, process.stderr);
  const output: JobOptions['output'] = command.kind === 'review' ? 'review' : command.format;
  const pkg = packageInfo();
  const color = process.stdout.isTTY === true && !env.NO_COLOR;
  const sarif = output === 'sarif' ? new SarifLog({ lang, version: pkg.version, informationUri: pkg.homepage, problems: [], describe: (p) => `${p.path}: ${describeProblem(p, lang)}` }) : undefined;
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  let dismissed = 0;
  let written = 0;
  const reviews: FileReview[] = [];

  if (command.verbose) out.problem(config.file ? localize(MSG.verboseConfig, lang, { file: config.file }) : localize(MSG.verboseNoConfig, lang, { from: process.cwd() }));
  if (output === 'json') await out.write('{\n  "version": 1,\n  "files": [');
  if (sarif) await out.write(sarif.head());
  // Problems go to stderr as they happen; each file's output to stdout as soon as it and those before it are checked.
  const { files, problems } = await run(
    command.paths,
    { analysis: { ...config.options, lang }, output, color, cwd: process.cwd() },
    { ...(command.previous !== undefined ? { previous: command.previous } : {}), ...(config.pairs ? { pairs: config.pairs } : {}) },
    {
      ...(command.verbose ? { onStart: (count: number, threads: number) => out.problem(localize(MSG.verboseThreads, lang, { files: count, threads })) } : {}),
      onProblem: (problem) => out.problem(`${safePath(problem.path)}: ${safeText(describeProblem(problem, lang))}`),
      onProgress: (phase, done, total) => out.progress(localize(phase === 1 ? MSG.progressRead : MSG.progressCheck, lang, { done, total }), done === total),
      onFile: async (file, checked) => {
        for (const severity of SEVERITIES) counts[severity] += checked.counts[severity];
        dismissed += checked.dismissed;
        const rendered = checked.rendered!;
        if (rendered.kind === 'text') await out.write(rendered.text);
        else if (rendered.kind === 'json') await out.write((written ? ',' : '') + '\n' + indent(JSON.stringify(rendered.file, null, 2), 4));
        else if (rendered.kind === 'sarif') await out.write(sarif!.file(file, rendered.results));
        else reviews.push(rendered.review);
        written++;
      },
    },
    command.jobs,
  );
  out.progressDone();

  if (command.kind === 'review') {
    // A bundle of its own (dist/review.js, with the workbook writer): checking does not load it.
    const { writeReview } = require('./review/index') as typeof import('./review/index');
    return writeReview(command, reviews, problems, lang, pkg.version);
  }
  if (output === 'json') await out.write(`${written ? '\n  ' : ''}]\n}\n`);
  else if (sarif) await out.write(sarif.tail(problems));
  else await out.write(textSummary(files, counts, dismissed, { lang, color }));
  if (problems.length > 0) return 2;
  return counts.error > 0 ? 1 : 0;
}

const indent = (text: string, by: number) => text.replace(/^(?=.)/gm, ' '.repeat(by));

/**
 * Standard output and error of a run: writes that wait when the pipe is full
 * (memory stays bounded however large the folder), a progress line on a
 * terminal that the output never tears, and a failed write (a full disk)
 * said once, as an incomplete run.
 */
class Output {
  private shown = false;
  private lastDrawn = 0;

  constructor(
    private readonly stdout: NodeJS.WriteStream,
    private readonly stderr: NodeJS.WriteStream,
  ) {}

  async write(text: string): Promise<void> {
    if (stdoutFailure || !text) return;
    if (this.stdout.isTTY) this.clear();
    if (!this.stdout.write(text)) await new Promise<void>((resolve) => {
      const done = () => {
        this.stdout.off('drain', done);
        this.stdout.off('error', done);
        resolve();
      };
      this.stdout.once('drain', done);
      this.stdout.once('error', done);
    });
  }

  problem(text: string): void {
    this.clear();
    this.stderr.write(`nianbao: ${text}\n`);
  }

  /** Redrawn at most ten times a second, and only on a terminal. */
  progress(text: string, last: boolean): void {
    if (!this.stderr.isTTY) return;
    const now = Date.now();
    if (!last && now - this.lastDrawn < 100) return;
    this.lastDrawn = now;
    this.stderr.write(`\r\u001b[Knianbao: ${text}`);
    this.shown = true;
  }

  progressDone(): void {
    this.clear();
  }

  private clear(): void {
    if (!this.shown) return;
    this.stderr.write('\r\u001b[K');
    this.shown = false;
  }
}

if (require.main === module) {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    // A closed pipe (`nianbao check . | head`) is not an error worth a message.
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    stdoutFailure ??= error.code ?? error.message;
  });
  // exitCode rather than process.exit(), so that piped output is flushed first.
  main(process.argv.slice(2)).then(
    // A write's error comes after the write returns: decided once pending events have run.
    (code) =>
      setImmediate(() => {
        process.exitCode = code;
        // Output lost is no "errors found" (1) nor "clean" (0): the result is incomplete, as with an unreadable file.
        if (stdoutFailure === undefined) return;
        process.stderr.write(`nianbao: ${localize(MSG.outputFailed, messageLang ?? envLang(process.env), { detail: stdoutFailure })}\n`);
        process.exitCode = 2;
      }),
    (error: unknown) => {
      // A crash must not look like exit 1 ("errors found"): the run is incomplete, as with an unreadable file.
      process.stderr.write(`nianbao: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
