// The grammar names the tables' row labels and column headers as a closed
// set; this keeps that set in step with the format data (server/src/core/format).
// Its regular expressions are written in the part of Oniguruma that
// JavaScript shares, so they are checked here directly.

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe as suite, test } from 'node:test';
import { FORMATS, REVIEW_GROUPS } from '../../server/src/core/format/tables';
import { ROOT } from '../helpers';

interface Rule {
  match: string;
}
const grammar = JSON.parse(readFileSync(path.join(ROOT, 'syntaxes/nianbao.tmLanguage.json'), 'utf8')) as { repository: Record<string, Rule> };
const rule = (name: string) => new RegExp(grammar.repository[name].match);
/** The label the rule captures in `line`, if any. */
const captured = (name: string, line: string) => rule(name).exec(line)?.[1];

const formats = Object.values(FORMATS);

suite('grammar: labels of the format', () => {
  test('every row label and alias of both formats is a row label, as a cell and before numbers', () => {
    for (const format of formats) {
      for (const table of Object.values(format.tables)) {
        if (table.id === 'review') continue; // table 3's one row has no label
        for (const block of table.blocks) {
          const labels = [...(block.label ? [block.label] : []), ...block.rows.flatMap((r) => [r.label, ...(r.aliases ?? [])])];
          for (const label of labels) {
            assert.equal(captured('table-row-label', `${label} | 0 |`), label, `${format.id} ${label}`);
            assert.equal(captured('table-row-label', `| ${label} | 0 |`), label, `${format.id} ${label} in a cell`);
            assert.equal(captured('table-row-label', `${label} 0 0 0`), label, `${format.id} ${label} before numbers`);
            assert.equal(captured('table-row-label', `${label}`), label, `${format.id} ${label} alone on its line`);
          }
        }
      }
    }
  });

  test('every column header of both formats is a column header', () => {
    const labels = new Set<string>(['信息内容', '申请人情况', '法人或其他组织', '行政诉讼', ...REVIEW_GROUPS.map((g) => g.label)]);
    for (const format of formats) for (const table of Object.values(format.tables)) for (const block of table.blocks) for (const c of block.columns) labels.add(c.label);
    for (const label of labels) assert.equal(captured('table-column-header', `${label} | x |`), label, label);
  });

  test('prose that starts like a label is not one', () => {
    for (const line of ['规章制度不断完善', '行政许可事项全部公开。', '（一）予以公开的申请均已答复。', '一、总体情况', '总计受理申请5件。']) {
      assert.equal(captured('table-row-label', line), undefined, line);
      assert.equal(captured('table-column-header', line), undefined, line);
    }
  });
});
