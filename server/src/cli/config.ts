// The command line's settings: `.nianbao.json`, with the keys of the VS Code
// settings without their `nianbao.` prefix. The nearest one walking up from the
// working directory applies to the whole run, or the file `--config` names.
// Anything the file says that is not understood stops the run: a setting
// silently ignored in CI is worse than an error.

import * as fs from 'fs';
import * as path from 'path';
import type { AnalysisOptions, Lang, Localized } from '../core/index';
import { readSettings, SETTING_KEYS, type SettingsProblem } from '../settings';
import { nearestFile } from '../files/nearest';
import { MSG } from './messages';

export const CONFIG_FILE = '.nianbao.json';

/** A key a JSON file may carry for editors, with no meaning for the checks. */
const IGNORED_KEYS = ['$schema'];

export interface ConfigError {
  message: Localized;
  args: Record<string, string>;
}

export type ConfigResult =
  /** `file` is absent when there is no configuration file. */
  | {
      ok: true;
      file?: string;
      options: Omit<AnalysisOptions, 'lang'>;
      language: Lang | 'auto';
      /** `pairs` (written relative to the file's folder): a report's absolute path → last year's report's, relative to the working directory where it can be. */
      pairs?: Map<string, string>;
    }
  | { ok: false; file: string; errors: ConfigError[] };

/** A configuration file is small; anything larger is no configuration (and is never read whole). */
const MAX_CONFIG_BYTES = 1024 * 1024;

/** The nearest `.nianbao.json` in `dir` or a folder above it, up to the repository's root or the home folder. */
export function findConfig(dir: string, home?: string): string | undefined {
  return nearestFile(dir, CONFIG_FILE, home);
}

/**
 * Reads the configuration: the file `--config` names (relative to `cwd`), else
 * the nearest `.nianbao.json`. Errors name the file as the user would write it.
 */
export function loadConfig(explicit: string | undefined, cwd: string, lang: Lang): ConfigResult {
  const found = explicit === undefined ? findConfig(cwd) : path.resolve(cwd, explicit);
  if (found === undefined) return { ok: true, options: {}, language: 'auto' };
  const file = explicit ?? (path.relative(cwd, found) || CONFIG_FILE);
  const fail = (message: Localized, args: Record<string, string> = {}): ConfigResult => ({ ok: false, file, errors: [{ message, args: { file, ...args } }] });

  let text: string;
  try {
    // A regular file only: a FIFO would wait for a writer for ever, /dev/zero never end.
    const st = fs.statSync(found);
    if (!st.isFile()) return fail(MSG.configUnreadable, { detail: 'not a regular file' });
    if (st.size > MAX_CONFIG_BYTES) return fail(MSG.configUnreadable, { detail: 'larger than 1 MB' });
    text = fs.readFileSync(found, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? fail(MSG.configNotFound) : fail(MSG.configUnreadable, { detail: code ?? String(error) });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return fail(MSG.configNotJson, { detail: error instanceof Error ? error.message : String(error) });
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail(MSG.configNotObject);

  // `pairs` is the command line's own (which report is whose last year's): not a setting of the editor.
  const { pairs: rawPairs, ...rest } = raw as Record<string, unknown>;
  let pairs: Map<string, string> | undefined;
  if (rawPairs !== undefined) {
    if (typeof rawPairs !== 'object' || rawPairs === null || Array.isArray(rawPairs) || !Object.values(rawPairs).every((v) => typeof v === 'string' && v)) {
      return fail(MSG.configBadPairs, { value: JSON.stringify(rawPairs) ?? String(rawPairs) });
    }
    const base = path.dirname(found);
    // Last year's file as the user would write it: relative to the working directory where it is below it.
    const shown = (file: string) => {
      const relative = path.relative(cwd, file);
      return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
    };
    pairs = new Map(Object.entries(rawPairs as Record<string, string>).map(([report, previous]) => [path.resolve(base, report), shown(path.resolve(base, previous))]));
  }
  const settings = readSettings(rest, IGNORED_KEYS);
  if (settings.problems.length > 0) return { ok: false, file, errors: settings.problems.map((p) => describe(p, file, lang)) };
  return { ok: true, file, options: settings.options, language: settings.language, ...(pairs ? { pairs } : {}) };
}

/** `lang` only decides how lists are written: `a、b` or `a, b`. */
function describe(problem: SettingsProblem, file: string, lang: Lang): ConfigError {
  const list = (items: readonly string[]) => items.join(lang === 'zh-CN' ? '、' : ', ');
  switch (problem.kind) {
    case 'notObject':
      return { message: MSG.configNotObject, args: { file } };
    case 'unknownKey':
      return { message: MSG.configUnknownKey, args: { file, key: problem.key, keys: list(SETTING_KEYS) } };
    case 'unknownCheck':
      return { message: MSG.configUnknownCheck, args: { file, check: problem.check } };
    case 'badValue': {
      const value = JSON.stringify(problem.value) ?? String(problem.value);
      if (problem.expected === 'number') return { message: MSG.configBadNumber, args: { file, key: problem.key, value } };
      if (problem.expected === 'object') return { message: MSG.configBadObject, args: { file, key: problem.key, value } };
      return { message: MSG.configBadValue, args: { file, key: problem.key, value, expected: list(problem.expected) } };
    }
  }
}
