// The command line's settings: `.nianbao.json`, with the keys of the VS Code
// settings without their `nianbao.` prefix. The nearest one walking up from the
// working directory applies to the whole run, or the file `--config` names.
// Anything the file says that is not understood stops the run: a setting
// silently ignored in CI is worse than an error.

import * as fs from 'fs';
import * as path from 'path';
import type { AnalysisOptions, Lang, Localized } from '../core/index';
import { readSettings, SETTING_KEYS, type SettingsProblem } from '../settings';
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
  | { ok: true; file?: string; options: Omit<AnalysisOptions, 'lang'>; language: Lang | 'auto' }
  | { ok: false; file: string; errors: ConfigError[] };

/** The nearest `.nianbao.json` in `dir` or a folder above it. */
export function findConfig(dir: string): string | undefined {
  for (let current = path.resolve(dir); ; ) {
    const candidate = path.join(current, CONFIG_FILE);
    try {
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // Not here (or not readable as a folder entry): keep walking up.
    }
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
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

  const settings = readSettings(raw, IGNORED_KEYS);
  if (settings.problems.length > 0) return { ok: false, file, errors: settings.problems.map((p) => describe(p, file, lang)) };
  return { ok: true, file, options: settings.options, language: settings.language };
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
