// `nianbao`: the command-line entry point. Parses the arguments, runs the
// checks and picks the exit code; the output formats live in format-*.ts.
//
// Exit codes: 0 no error findings, 1 error findings, 2 usage error or a file
// that could not be checked (that wins over 1: the result is incomplete).

import * as fs from 'fs';
import * as path from 'path';
import { localize } from '../core/i18n';
import type { Lang } from '../core/index';
import { parseArgs } from './args';
import { loadConfig } from './config';
import type { FileProblem } from './files';
import { describeProblem as describeFileProblem } from '../files/messages';
import { formatJson } from './format-json';
import { formatSarif } from './format-sarif';
import { formatText } from './format-text';
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

export async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const command = parseArgs(argv, env);
  switch (command.kind) {
    case 'help':
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
      process.stdout.write(localize(MSG.imported, command.lang, { count: result.recorded, file: path.relative(process.cwd(), result.file) || result.file }) + '\n');
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
  // Problems go to stderr as they happen; the report itself goes to stdout in one piece.
  const { files, problems } = await run(
    command.paths,
    { ...config.options, lang },
    (problem) => {
      process.stderr.write(`nianbao: ${problem.path}: ${describeProblem(problem, lang)}\n`);
    },
    { ...(command.previous !== undefined ? { previous: command.previous } : {}), ...(config.pairs ? { pairs: config.pairs } : {}) },
  );

  if (command.kind === 'review') {
    // A bundle of its own (dist/review.js, with the workbook writer): checking does not load it.
    const { writeReview } = require('./review/index') as typeof import('./review/index');
    return writeReview(command, files, problems, lang, packageInfo().version);
  }

  const { format } = command;
  let output: string;
  if (format === 'json') {
    output = formatJson(files);
  } else if (format === 'sarif') {
    const pkg = packageInfo();
    output = formatSarif(files, {
      lang,
      version: pkg.version,
      informationUri: pkg.homepage,
      problems,
      describe: (p) => `${p.path}: ${describeProblem(p, lang)}`,
    });
  } else {
    // NO_COLOR per no-color.org: set and non-empty turns colour off.
    output = formatText(files, { lang, color: process.stdout.isTTY === true && !env.NO_COLOR });
  }
  process.stdout.write(output);

  if (problems.length > 0) return 2;
  return files.some((f) => f.analysis.findings.some((x) => x.severity === 'error')) ? 1 : 0;
}

if (require.main === module) {
  // A closed pipe (`nianbao check . | head`) is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  // exitCode rather than process.exit(), so that piped output is flushed first.
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      // A crash must not look like exit 1 ("errors found"): the run is incomplete, as with an unreadable file.
      process.stderr.write(`nianbao: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
