// SARIF 2.1.0, in the subset GitHub code scanning reads. Paths become URIs
// relative to the working directory (the repository root in CI), which is how
// code scanning maps results onto files.

import * as path from 'path';
import { pathToFileURL } from 'url';
import { CHECKS, describeFinding, type CheckMeta, type Lang, type ReviewEntry, type Severity, type Span } from '../core/index';
import { checkDocUri } from '../docs';
import type { FileProblem } from './files';
import type { CheckedFile } from './run';

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

const SRCROOT = '%SRCROOT%';

export function formatSarif(files: readonly CheckedFile[], options: SarifOptions): string {
  const cwd = options.cwd ?? process.cwd();
  const metas: CheckMeta[] = CHECKS.map((c) => c.meta);
  // A finding from a code outside the registry (internal.error) still needs a rule to point at.
  for (const file of files) {
    for (const f of file.analysis.findings) {
      if (!metas.some((m) => m.id === f.code)) metas.push(syntheticMeta(f.code, f.severity));
    }
  }
  const ruleIndex = new Map(metas.map((m, i) => [m.id, i]));

  const artifacts = files.map((file) => ({ location: artifactUri(file.path, cwd), encoding: 'utf-8' }));
  const results = files.flatMap((file, artifactIndex) => {
    const artifactLocation = { ...artifactUri(file.path, cwd), index: artifactIndex };
    const physical = (span: Span) => ({ artifactLocation, region: region(file, span) });
    // Last year's report (the cross-year checks' related places): a file of its own, which may not be among the results.
    const physicalIn = (other: CheckedFile, span: Span) => ({ artifactLocation: artifactUri(other.path, cwd), region: region(other, span) });
    const shown = file.analysis.findings.map((f) => ({ f, entry: undefined as ReviewEntry | undefined }));
    const dismissed = file.analysis.dismissed.map(({ finding, entry }) => ({ f: finding, entry: entry as ReviewEntry | undefined }));
    return [...shown, ...dismissed].map(({ f, entry }) => ({
      ruleId: f.code,
      ruleIndex: ruleIndex.get(f.code)!,
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
  });

  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'nianbao',
            version: options.version,
            ...(options.informationUri ? { informationUri: options.informationUri } : {}),
            rules: metas.map((m) => rule(m, options.lang)),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(cwd).href.replace(/\/?$/, '/') } },
        invocations: [
          {
            executionSuccessful: options.problems.length === 0,
            toolExecutionNotifications: options.problems.map((p) => ({
              level: 'error',
              message: { text: options.describe(p) },
              locations: [{ physicalLocation: { artifactLocation: artifactUri(p.path, cwd) } }],
            })),
          },
        ],
        columnKind: 'utf16CodeUnits',
        artifacts,
        results,
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

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
function region(file: CheckedFile, span: Span) {
  if (!file.source) return textRegion(file, span);
  const at = file.source(span);
  // A PDF's page and line, like a Word document's cell, are no region of the file: they are in the result's properties.
  return at.line !== undefined && at.page === undefined ? { startLine: at.line, startColumn: at.column ?? 1 } : undefined;
}

function textRegion(file: CheckedFile, span: Span) {
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
