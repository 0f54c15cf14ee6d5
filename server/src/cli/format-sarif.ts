// SARIF 2.1.0, in the subset GitHub code scanning reads. Paths become URIs
// relative to the working directory (the repository root in CI), which is how
// code scanning maps results onto files.

import * as path from 'path';
import { pathToFileURL } from 'url';
import { CHECKS, describeFinding, type CheckMeta, type Lang, type ReviewEntry, type Severity, type Span } from '../core/index';
import { checkDocUri } from '../docs';
import type { FileProblem } from './files';
import type { CheckedFile, ReportFile } from './job';

export interface SarifOptions {
  lang: Lang;
  version: string;
  informationUri?: string;
  /** Files that could not be checked, reported as tool notifications. */
  problems: readonly FileProblem[];
  /** Localized text for each problem. */
  describe(problem: FileProblem): string;
  cwd?: string;
}

type Level = 'error' | 'warning' | 'note';
const LEVELS: Record<Severity, Level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };
const LEVEL_SEVERITY: Record<Level, Severity> = { error: 'error', warning: 'warning', note: 'information' };

const SRCROOT = '%SRCROOT%';

/** A result as a file gives it; the run sets `ruleIndex` and the artifact's `index` as files come. */
type SarifLocation = { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string; index?: number } } };
export type SarifResult = {
  ruleId: string;
  ruleIndex?: number;
  locations: SarifLocation[];
  relatedLocations?: (SarifLocation & { id: number })[];
} & Record<string, unknown>;

/** The results of one file: its findings, and those a reviewer dismissed as suppressed. */
export function sarifResultsOfFile(file: CheckedFile, cwd: string): SarifResult[] {
  const artifactLocation = artifactUri(file.path, cwd);
  const physical = (span: Span) => ({ artifactLocation, region: region(file, span) });
  // Last year's report (the cross-year checks' related places): a file of its own, which may not be among the results.
  const physicalIn = (other: ReportFile, span: Span) => ({ artifactLocation: artifactUri(other.path, cwd), region: region(other, span) });
  const shown = file.analysis.findings.map((f) => ({ f, entry: undefined as ReviewEntry | undefined }));
  const dismissed = file.analysis.dismissed.map(({ finding, entry }) => ({ f: finding, entry: entry as ReviewEntry | undefined }));
  return [...shown, ...dismissed].map(({ f, entry }) => ({
    ruleId: f.code,
    level: LEVELS[f.severity],
    message: { text: f.message },
    locations: [{ physicalLocation: physical(f.span) }],
    ...(f.related.length > 0
      ? { relatedLocations: f.related.map((r, id) => ({ id, physicalLocation: r.inPrevious && file.previous ? physicalIn(file.previous.file, r.span) : physical(r.span), message: { text: r.message } })) }
      : {}),
    // A reviewer's dismissal (.nianbao-review.json) is an external suppression: code scanning shows it as such.
    ...(entry ? { suppressions: [{ kind: 'external', status: 'accepted', ...(entry.reason ? { justification: entry.reason } : {}) }] } : {}),
    // The review file's key: stable across edits elsewhere in the report, as code scanning wants.
    ...(file.source || f.confirmed
      ? {
          properties: {
            ...(file.source ? { 'nianbao/textRegion': textRegion(file, f.span), 'nianbao/source': file.source(f.span) } : {}),
            // A reviewer confirmed it: a real problem, not a false alarm.
            ...(f.confirmed ? { 'nianbao/status': 'confirmed', ...(f.confirmed.reason ? { 'nianbao/reason': f.confirmed.reason } : {}) } : {}),
          },
        }
      : {}),
    partialFingerprints: { 'nianbao/v1': entry?.fingerprint ?? describeFinding(f, file.analysis.report).fingerprint },
  }));
}

/**
 * A SARIF log written as files are checked: the results first, the rules
 * (with any met outside the registry, such as internal.error), the artifacts
 * and the invocation at the end — JSON objects have no order, and so nothing
 * but the list of files is held until then.
 */
export class SarifLog {
  private readonly metas: CheckMeta[] = CHECKS.map((c) => c.meta);
  private readonly ruleIndex = new Map(this.metas.map((m, i) => [m.id, i]));
  private readonly artifacts: { location: { uri: string; uriBaseId?: string }; encoding: string }[] = [];
  private results = 0;

  constructor(private readonly options: SarifOptions) {}

  head(): string {
    return `{\n  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",\n  "version": "2.1.0",\n  "runs": [\n    {\n      "columnKind": "utf16CodeUnits",\n      "results": [`;
  }

  /** The next file's results, as text to append. */
  file(path: string, results: readonly SarifResult[]): string {
    const index = this.artifacts.length;
    this.artifacts.push({ location: artifactUri(path, this.cwd), encoding: 'utf-8' });
    let out = '';
    for (const result of results) {
      let ruleIndex = this.ruleIndex.get(result.ruleId);
      if (ruleIndex === undefined) {
        ruleIndex = this.metas.push(syntheticMeta(result.ruleId, LEVEL_SEVERITY[result.level as Level] ?? 'error')) - 1;
        this.ruleIndex.set(result.ruleId, ruleIndex);
      }
      const own = artifactUri(path, this.cwd).uri;
      // The file's own places (the finding's and related ones in the same file) name it by its index among the artifacts.
      const indexed = (location: { physicalLocation: { artifactLocation: { uri: string } } }) =>
        location.physicalLocation.artifactLocation.uri === own ? { ...location, physicalLocation: { ...location.physicalLocation, artifactLocation: { ...location.physicalLocation.artifactLocation, index } } } : location;
      const { ruleId, locations, relatedLocations, ...fields } = result;
      const full = {
        ruleId,
        ruleIndex,
        ...fields,
        locations: locations.map(indexed),
        ...(relatedLocations ? { relatedLocations: relatedLocations.map(indexed) } : {}),
      };
      out += (this.results++ ? ',' : '') + '\n' + indent(JSON.stringify(full, null, 2), 8);
    }
    return out;
  }

  tail(problems: readonly FileProblem[]): string {
    const { options } = this;
    const rest = {
      tool: {
        driver: {
          name: 'nianbao',
          version: options.version,
          ...(options.informationUri ? { informationUri: options.informationUri } : {}),
          rules: this.metas.map((m) => rule(m, options.lang)),
        },
      },
      originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(this.cwd).href.replace(/\/?$/, '/') } },
      invocations: [
        {
          executionSuccessful: problems.length === 0,
          toolExecutionNotifications: problems.map((p) => ({
            level: 'error',
            message: { text: options.describe(p) },
            locations: [{ physicalLocation: { artifactLocation: artifactUri(p.path, this.cwd) } }],
          })),
        },
      ],
      artifacts: this.artifacts,
    };
    // The run's other members, after the results: `{...}` without its braces.
    const members = JSON.stringify(rest, null, 2).slice(1, -2);
    return `${this.results ? '\n      ' : ''}],${indent(members, 4)}\n    }\n  ]\n}\n`;
  }

  private get cwd(): string {
    return this.options.cwd ?? process.cwd();
  }
}

/** A whole SARIF log of files already checked. */
export function formatSarif(files: readonly CheckedFile[], options: SarifOptions): string {
  const log = new SarifLog(options);
  const cwd = options.cwd ?? process.cwd();
  return log.head() + files.map((f) => log.file(f.path, sarifResultsOfFile(f, cwd))).join('') + log.tail(options.problems);
}

const indent = (text: string, by: number) => text.replace(/^(?=.)/gm, ' '.repeat(by));

function rule(meta: CheckMeta, lang: Lang) {
  const description = meta.description[lang];
  return {
    id: meta.id,
    // `section.heading-variant` -> `sectionHeadingVariant`: SARIF wants an identifier-like name.
    name: meta.id.replace(/[.-](\w)/g, (_, c: string) => c.toUpperCase()),
    shortDescription: { text: meta.title[lang] },
    fullDescription: { text: description },
    helpUri: checkDocUri(meta.id),
    help: { text: description },
    defaultConfiguration: { level: LEVELS[meta.defaultSeverity] },
    properties: { tags: [meta.id.split('.')[0], ...(meta.fixable ? ['fixable'] : [])] },
  };
}

function syntheticMeta(id: string, severity: Severity): CheckMeta {
  const title = id === 'internal.error' ? { 'zh-CN': '年报助手内部错误', en: 'Nianbao internal error' } : { 'zh-CN': id, en: id };
  return { id, title, description: title, defaultSeverity: severity, fixable: false };
}

/** SARIF regions are 1-based in both line and column. */
/** The region in the text read; for a web page, the page's line (the text's region is in the result's properties). */
function region(file: Pick<CheckedFile, 'range' | 'source'>, span: Span) {
  if (!file.source) return textRegion(file, span);
  const at = file.source(span);
  // A PDF's page and line, like a Word document's cell, are no region of the file: they are in the result's properties.
  return at.line !== undefined && at.page === undefined ? { startLine: at.line, startColumn: at.column ?? 1 } : undefined;
}

function textRegion(file: Pick<CheckedFile, 'range'>, span: Span) {
  const { start, end } = file.range(span);
  return { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

/**
 * A valid URI reference for a path: relative to the working directory with
 * forward slashes and each segment percent-encoded (spaces and CJK names are
 * common in report file names), or a file: URI for a path outside it.
 */
function artifactUri(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const absolute = path.resolve(cwd, file);
  const relative = path.relative(cwd, absolute);
  if (relative === '' || relative === '..' || relative.startsWith('..' + path.sep) || path.isAbsolute(relative)) {
    return { uri: pathToFileURL(absolute).href };
  }
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}
