// Command-line parsing. Hand-written rather than util.parseArgs so that every
// usage error can be reported in the user's language.

import { LANGS, resolveLang, type Lang, type Localized } from '../core/index';
import { MSG } from './messages';

export const FORMATS = ['text', 'json', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

export type Command =
  | { kind: 'help'; lang: Lang }
  | { kind: 'version'; lang: Lang }
  /** `lang` is for the CLI's own messages; `langOption` is --lang, which beats the configuration file. */
  | { kind: 'check'; lang: Lang; langOption?: Lang; format: Format; paths: string[]; config?: string; previous?: string; jobs?: number; verbose?: boolean }
  /** `nianbao review`: the reviewer's 问题清单 of the reports, written to `out` (.html, .xlsx or .csv). */
  | { kind: 'review'; lang: Lang; langOption?: Lang; paths: string[]; config?: string; previous?: string; out: string; roster?: string; jobs?: number; verbose?: boolean }
  /** `nianbao review --import FILE`: the decisions written into a 问题清单, recorded in `.nianbao-review.json`. */
  | { kind: 'import'; lang: Lang; file: string }
  | { kind: 'usage'; lang: Lang; message: Localized; args: Record<string, string> };

/** What `nianbao review --out` can write, by the file's extension. */
export const REVIEW_OUTPUTS = ['.html', '.htm', '.xlsx', '.csv'] as const;

/** The language to talk in when --lang is not given: POSIX order of precedence. */
export function envLang(env: NodeJS.ProcessEnv): Lang {
  return resolveLang(env.LC_ALL || env.LC_MESSAGES || env.LANG || undefined);
}

export function parseArgs(argv: readonly string[], env: NodeJS.ProcessEnv): Command {
  let format: Format = 'text';
  let lang: Lang | undefined;
  let config: string | undefined;
  let previous: string | undefined;
  let out: string | undefined;
  let roster: string | undefined;
  let importFile: string | undefined;
  let jobs: number | undefined;
  let verbose = false;
  let help = false;
  let version = false;
  const positionals: string[] = [];
  // The first problem is the one reported; parsing goes on so that --lang still applies to it.
  let error: { message: Localized; args: Record<string, string> } | undefined;
  const fail = (message: Localized, args: Record<string, string>) => {
    error ??= { message, args };
  };

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 && arg.startsWith('--') ? arg.slice(0, eq) : arg;
    const inline = eq > 0 && arg.startsWith('--') ? arg.slice(eq + 1) : undefined;
    switch (name) {
      case '-h':
      case '--help':
      case '--version':
      case '--verbose':
        if (inline !== undefined) fail(MSG.unexpectedValue, { option: name });
        if (name === '--version') version = true;
        else if (name === '--verbose') verbose = true;
        else help = true;
        break;
      case '--format':
      case '--lang':
      case '--config':
      case '--previous':
      case '--out':
      case '--roster':
      case '--jobs':
      case '--import': {
        const value = inline ?? argv[++i];
        if (value === undefined) {
          fail(MSG.missingValue, { option: name });
        } else if (name === '--jobs') {
          // A count of threads: 1 checks in this one.
          if (/^[1-9]\d{0,2}$/.test(value)) jobs = Number(value);
          else fail(MSG.badJobs, { value });
        } else if (name === '--import') {
          if (value === '') fail(MSG.missingValue, { option: name });
          else importFile = value;
        } else if (name === '--config' || name === '--previous' || name === '--out' || name === '--roster') {
          if (value === '') fail(MSG.missingValue, { option: name });
          else if (name === '--config') config = value;
          else if (name === '--previous') previous = value;
          else if (name === '--out') out = value;
          else roster = value;
        } else if (name === '--format') {
          if ((FORMATS as readonly string[]).includes(value)) format = value as Format;
          else fail(MSG.badFormat, { value });
        } else {
          // Locale names are case-insensitive (`zh-cn` is common).
          const match = LANGS.find((l) => l.toLowerCase() === value.toLowerCase());
          if (match) lang = match;
          else fail(MSG.badLang, { value });
        }
        break;
      }
      default:
        fail(MSG.unknownOption, { option: name });
    }
  }

  const effectiveLang = lang ?? envLang(env);
  if (error) return { kind: 'usage', lang: effectiveLang, ...error };
  if (help) return { kind: 'help', lang: effectiveLang };
  if (version) return { kind: 'version', lang: effectiveLang };
  const [command, ...paths] = positionals;
  if (command === undefined) return { kind: 'usage', lang: effectiveLang, message: MSG.noCommand, args: {} };
  if (command !== 'check' && command !== 'review') return { kind: 'usage', lang: effectiveLang, message: MSG.unknownCommand, args: { command } };
  if (command === 'review' && importFile !== undefined) {
    if (paths.length || out !== undefined) return { kind: 'usage', lang: effectiveLang, message: MSG.importAlone, args: {} };
    return { kind: 'import', lang: lang ?? effectiveLang, file: importFile };
  }
  if (importFile !== undefined) return { kind: 'usage', lang: effectiveLang, message: MSG.reviewOnly, args: { option: '--import' } };
  if (paths.length === 0) return { kind: 'usage', lang: effectiveLang, message: MSG.noPath, args: {} };
  if (command === 'review') {
    if (out === undefined) return { kind: 'usage', lang: effectiveLang, message: MSG.noOut, args: {} };
    if (!(REVIEW_OUTPUTS as readonly string[]).includes(out.slice(out.lastIndexOf('.')).toLowerCase())) return { kind: 'usage', lang: effectiveLang, message: MSG.badOut, args: { file: out } };
    return { kind: 'review', lang: effectiveLang, langOption: lang, paths, config, out, ...(previous !== undefined ? { previous } : {}), ...(roster !== undefined ? { roster } : {}), ...(jobs !== undefined ? { jobs } : {}), ...(verbose ? { verbose } : {}) };
  }
  if (out !== undefined || roster !== undefined) return { kind: 'usage', lang: effectiveLang, message: MSG.reviewOnly, args: { option: out !== undefined ? '--out' : '--roster' } };
  return { kind: 'check', lang: effectiveLang, langOption: lang, format, paths, config, ...(previous !== undefined ? { previous } : {}), ...(jobs !== undefined ? { jobs } : {}), ...(verbose ? { verbose } : {}) };
}
