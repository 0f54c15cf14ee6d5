// Word fixtures made from the official template of the 2021 format
// (test/fixtures/docx/official_template_2021.docx): its three tables filled with
// a real report's numbers, its title and the prose of sections 一, 五 and 六 put
// in, written back as a .docx — so that any real report can be checked as a
// Word document, with the findings of its text known.

import * as fs from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import { analyze, type Report } from '../server/src/core/index';
import { labelKey } from '../server/src/core/text';
import { ROOT } from './helpers';

export const TEMPLATE = path.join(ROOT, 'test/fixtures/docx/official_template_2021.docx');

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const textOf = (xml: string) => [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
const isBlank = (s: string) => !s.replace(/[\s\u3000]/g, '');

/** A cell with `value` written into it (its own text, if any, replaced). */
function fillCell(cell: string, value: string): string {
  const run = `<w:r><w:t>${escapeXml(value)}</w:t></w:r>`;
  const cleared = cell.replace(/<w:r>(?:(?!<\/w:r>)[\s\S])*<\/w:r>/g, '').replace(/<w:r\s[^>]*>(?:(?!<\/w:r>)[\s\S])*<\/w:r>/g, '');
  if (/<w:p\s*\/>/.test(cleared)) return cleared.replace(/<w:p\s*\/>/, `<w:p>${run}</w:p>`);
  if (/<\/w:p>/.test(cleared)) return cleared.replace(/<\/w:p>/, `${run}</w:p>`);
  return cleared.replace(/<\/w:tc>/, `<w:p>${run}</w:p></w:tc>`);
}

/** Every table row of the report: its label's key and its values, as the text's tables read them. */
function rowsOf(report: Report): { key: string; values: (number | null)[] }[] {
  return Object.values(report.tables).flatMap((t) => (t?.rows ?? []).filter((r) => !r.unread).map((r) => ({ key: labelKey(r.def.label), values: r.cells.map((c) => c.value) })));
}

const paragraphs = (lines: string[]) => lines.map((l) => `<w:p><w:r><w:t xml:space="preserve">${escapeXml(l)}</w:t></w:r></w:p>`).join('');

/** The template filled with `text`'s numbers and prose, as .docx bytes. */
export async function reportAsDocx(text: string): Promise<Buffer> {
  const report = analyze(text).report;
  const zip = await JSZip.loadAsync(fs.readFileSync(TEMPLATE));
  let xml = await zip.file('word/document.xml')!.async('string');
  const rows = rowsOf(report);
  const review = report.tables.review?.rows[0]?.cells.map((c) => c.value);
  // Table rows: a row whose last words are a format row's label gets that row's values in its blank cells;
  // table 3's row of blank cells gets its fifteen values.
  xml = xml.replace(/<w:tr[ >][\s\S]*?<\/w:tr>/g, (tr) => {
    const cells = tr.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? [];
    const texts = cells.map(textOf);
    const words = texts.filter((t) => !isBlank(t));
    // The value cells: the blank ones after the label (a blank before it continues a merged group cell).
    const last = texts.reduce((at, t, i) => (isBlank(t) ? at : i), -1);
    const blanks = texts.map((t, i) => (isBlank(t) && i > last ? i : -1)).filter((i) => i >= 0);
    let values: (number | null)[] | undefined;
    if (words.length && blanks.length) {
      const key = labelKey(words[words.length - 1]);
      values = rows.find((r) => r.key === key || r.key.replace(/^\d/, '') === key)?.values;
    } else if (!words.length && blanks.length === 15) values = review;
    if (!values) return tr;
    let out = tr;
    blanks.slice(0, values.length).forEach((cellIndex, k) => {
      const v = values![k];
      if (v !== null) out = out.replace(cells[cellIndex], fillCell(cells[cellIndex], String(v)));
    });
    return out;
  });
  // The title, and the prose of sections 一, 五 and 六 in place of their （文字描述）.
  const bodyOf = (n: number) => {
    const s = report.sections.find((x) => x.def.number === n);
    return s ? text.slice(s.body.start, s.body.end).split(/\r?\n/).filter((l) => !isBlank(l)) : [];
  };
  const prose = [bodyOf(1), bodyOf(5), bodyOf(6)];
  let k = 0;
  xml = xml.replace(/<w:p[ >](?:(?!<\/w:p>)[\s\S])*<\/w:p>/g, (p) => {
    const t = textOf(p);
    if (t === '政府信息公开工作年度报告格式模板' && report.title) return paragraphs([report.title.text]);
    if (/^（文字描述/.test(t) && k < prose.length) return paragraphs(prose[k++]);
    return p;
  });
  zip.file('word/document.xml', xml);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
