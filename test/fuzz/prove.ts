// The proof every offered fix and suggestion must pass: applied, its finding
// is gone, no error or warning is added, and a fix (what fix-all and save
// apply) leaves every table number as it was. Shared by the fix proofs over
// real reports and the random mutations of the fuzz properties.

import { analyze, applyEdits, findingKey, fixAll, offeredFixes, type Analysis, type Finding, type Fix, type Report } from '../../server/src/core/index';

/** A finding's identity across versions: the core's (numbers, sums and quoted text masked). */
const key = findingKey;

function count(findings: Finding[], pred: (f: Finding) => boolean): Map<string, number> {
  const m = new Map<string, number>();
  for (const f of findings) if (pred(f)) m.set(key(f), (m.get(key(f)) ?? 0) + 1);
  return m;
}

/** Every number a table holds, by table, row and column: what a fix must not change. */
function tableValues(report: Report): Map<string, number | null> {
  const m = new Map<string, number | null>();
  for (const table of Object.values(report.tables)) {
    for (const row of table?.rows ?? []) {
      if (row.unread) continue;
      for (const cell of row.cells) if (cell.span) m.set(`${table!.def.id} ${row.def.id} ${cell.column}`, cell.value);
    }
  }
  return m;
}

/**
 * What is wrong with applying `fix` to `finding`, or undefined. `known`: the
 * findings of the report before it was damaged, which a fix that undoes the
 * damage may bring back (a restored heading lets its table be read again).
 */
export function disproof(before: Analysis, finding: Finding, fix: Fix, known: Finding[] = [], options: { revealing?: boolean } = {}): string | undefined {
  const text = before.report.text;
  const after = analyze(applyEdits(text, fix.edits));
  // `revealing` (random damage): a restored heading brings the damaged text around it under the checks again,
  // and what they find there was there before; its placement is proven on damage of one kind (test/fuzz/fixes).
  const fresh = () => !(options.revealing && finding.code === 'section.missing');
  const was = count(before.findings, () => true).get(key(finding)) ?? 0;
  if ((count(after.findings, () => true).get(key(finding)) ?? 0) >= was) return 'its finding stays';
  const serious = (f: Finding) => f.severity === 'error' || f.severity === 'warning';
  const old = count(before.findings, serious);
  const original = count(known, serious);
  // A heading inserted where no content was found leaves its section empty, as its title says.
  const empty = fix.title.includes('（内容待填写）') ? /^section\.empty 第(.)部分/ : undefined;
  for (const [k, n] of count(after.findings, (f) => serious(f) && fresh())) {
    if (empty && empty.exec(k)?.[1] === /插入标题「(.)、/.exec(fix.title)?.[1]) continue;
    if (n > Math.max(old.get(k) ?? 0, original.get(k) ?? 0)) return `adds ${k}`;
  }
  if (fix.safety === 'fix') {
    // The numbers written: what an edit replaces and what it writes hold the same digits (a restored row ordinal aside).
    const digits = (t: string) => t.replace(/[0-9０-９][.、．](?![0-9０-９])/g, '').replace(/[^0-9０-９]/g, '');
    for (const e of fix.edits) if (digits(text.slice(e.span.start, e.span.end)) !== digits(e.newText)) return `writes digits: ${text.slice(e.span.start, e.span.end)} → ${e.newText}`;
    // The numbers read: a restored heading may let damaged text around it be read anew (random damage).
    if (options.revealing && finding.code === 'section.missing') return undefined;
    const values = tableValues(after.report);
    for (const [k, v] of tableValues(before.report)) if (values.has(k) && values.get(k) !== v) return `changes ${k}: ${v} → ${values.get(k)}`;
  }
  return undefined;
}

/**
 * Proves every fix and suggestion offered on `text` (damaged from `original`);
 * returns the failures. Offered: what the editor shows (unproven suggestions are not).
 */
export function prove(name: string, text: string, original?: Analysis): string[] {
  const analysis = analyze(text);
  const failures: string[] = [];
  for (const f of analysis.findings) {
    for (const fix of offeredFixes(analysis, f)) {
      const why = disproof(analysis, f, fix, original?.findings);
      if (why) failures.push(`${name}: ${f.code} "${f.message}" — ${fix.safety} "${fix.title}" ${why}`);
    }
  }
  return failures;
}


/** What is wrong with fix-all (every round) on `before`: a digit changed, or an error or warning added. */
export function disproveFixAll(before: Analysis, known: Finding[] = []): string | undefined {
  const text = before.report.text;
  const fixed = applyEdits(text, fixAll(before).edits);
  const digits = (t: string) => t.replace(/[0-9０-９][.、．](?![0-9０-９])/g, '').replace(/[^0-9０-９]/g, '');
  if (digits(fixed) !== digits(text)) return 'changes a digit';
  const serious = (f: Finding) => f.severity === 'error' || f.severity === 'warning';
  const old = count(before.findings, serious);
  const original = count(known, serious);
  // A heading inserted where no content was found leaves its section empty, as its title says.
  const empty = new Set(
    before.findings.flatMap((f) => f.fixes.filter((x) => x.title.includes('（内容待填写）')).map((x) => /插入标题「(.)、/.exec(x.title)?.[1])),
  );
  for (const [k, n] of count(analyze(fixed, before.options).findings, serious)) {
    if (empty.has(/^section\.empty 第(.)部分/.exec(k)?.[1])) continue;
    if (n > Math.max(old.get(k) ?? 0, original.get(k) ?? 0)) return `adds ${k}`;
  }
  return undefined;
}
