// The settings a host passes to the core: VS Code's `nianbao.*` settings in the
// language server, the same keys in `.nianbao.json` for the command line. Both
// read them here into `AnalysisOptions`. The server keeps what is valid and
// ignores the rest (VS Code already marks a bad value in the settings editor);
// the CLI refuses a file with any problem.

import { checkById, LANGS, SEVERITIES, type AnalysisOptions, type Lang, type SeveritySetting } from './core/index';

/** The configuration section: `nianbao.severity` and so on. */
export const SETTINGS_SECTION = 'nianbao';

/** The keys of the section (and of `.nianbao.json`). */
export const SETTING_KEYS = ['severity', 'format', 'language', 'maxDocumentSize'] as const;

/** As declared in package.json: the server's limit when the client says nothing. */
export const DEFAULT_MAX_DOCUMENT_SIZE = 5_000_000;

export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['off', ...[...SEVERITIES].reverse()];
export const FORMAT_SETTINGS = ['auto', '2021', '2019'] as const;
export const LANGUAGE_SETTINGS: readonly (Lang | 'auto')[] = ['auto', ...LANGS];

export type SettingsProblem =
  | { kind: 'notObject' }
  | { kind: 'unknownKey'; key: string }
  | { kind: 'unknownCheck'; check: string }
  /** `expected`: the values allowed, or `object` / `number` (a number ≥ 0). */
  | { kind: 'badValue'; key: string; value: unknown; expected: readonly string[] | 'object' | 'number' };

export interface Settings {
  /** `lang` is left to the host: `language` says whether the user chose one. */
  options: Omit<AnalysisOptions, 'lang'>;
  language: Lang | 'auto';
  problems: SettingsProblem[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads a settings object. Absent keys, `null` and `undefined` keep the
 * defaults; `ignore` names keys that are known but not for this host (VS Code's
 * `detectContent`, a JSON file's `$schema`).
 */
export function readSettings(raw: unknown, ignore: readonly string[] = []): Settings {
  const settings: Settings = { options: {}, language: 'auto', problems: [] };
  if (raw === undefined || raw === null) return settings;
  if (!isObject(raw)) {
    settings.problems.push({ kind: 'notObject' });
    return settings;
  }
  const { options, problems } = settings;
  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined || value === null) continue;
    switch (key) {
      case 'severity': {
        if (!isObject(value)) {
          problems.push({ kind: 'badValue', key, value, expected: 'object' });
          break;
        }
        const severities: Record<string, SeveritySetting> = {};
        for (const [check, setting] of Object.entries(value)) {
          if (!checkById(check)) problems.push({ kind: 'unknownCheck', check });
          else if (typeof setting === 'string' && (SEVERITY_SETTINGS as readonly string[]).includes(setting)) severities[check] = setting as SeveritySetting;
          else problems.push({ kind: 'badValue', key: `severity.${check}`, value: setting, expected: SEVERITY_SETTINGS });
        }
        if (Object.keys(severities).length > 0) options.severities = severities;
        break;
      }
      case 'format':
        if (value === '2021' || value === '2019') options.format = value;
        else if (value !== 'auto') problems.push({ kind: 'badValue', key, value, expected: FORMAT_SETTINGS });
        break;
      case 'language': {
        // Locale names are case-insensitive (`zh-cn` is common).
        const match = typeof value === 'string' ? LANGUAGE_SETTINGS.find((l) => l.toLowerCase() === value.toLowerCase()) : undefined;
        if (match) settings.language = match;
        else problems.push({ kind: 'badValue', key, value, expected: LANGUAGE_SETTINGS });
        break;
      }
      case 'maxDocumentSize':
        if (typeof value === 'number' && Number.isFinite(value) && value >= 0) options.maxSize = value;
        else problems.push({ kind: 'badValue', key, value, expected: 'number' });
        break;
      default:
        if (!ignore.includes(key)) problems.push({ kind: 'unknownKey', key });
    }
  }
  return settings;
}

const keys = new WeakMap<AnalysisOptions, string>();

/** A string that is equal for options that give the same analysis (cache keys). */
/** Last year's report in a key: each parsed report object has its own number (a new version of it, a new number). */
const serials = new WeakMap<object, number>();
let nextSerial = 0;
function reportSerial(report: object): number {
  let n = serials.get(report);
  if (n === undefined) serials.set(report, (n = ++nextSerial));
  return n;
}

export function optionsKey(options: AnalysisOptions): string {
  let key = keys.get(options);
  if (key === undefined) {
    const severities = Object.entries(options.severities ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const review = (options.review?.findings ?? []).map((e) => `${e.fingerprint}:${e.status}`);
    key = JSON.stringify([options.lang ?? null, options.format ?? 'auto', options.maxSize ?? null, severities, review, options.decodedFrom ?? null, options.previous ? reportSerial(options.previous.report) : null]);
    keys.set(options, key);
  }
  return key;
}
