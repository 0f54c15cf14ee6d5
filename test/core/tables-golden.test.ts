// The tables as read from every real fixture, pinned as golden dumps
// (`test/fixtures/tables/*.tables`): a change in the reader shows as a diff.
// UPDATE_EXPECT=1 rewrites them; review the diff before committing it.

import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyze, dumpTables } from '../../server/src/core/index';
import { ROOT, readFixture } from '../helpers';

const update = process.env.UPDATE_EXPECT === '1';
const goldenDir = path.join(ROOT, 'test/fixtures/tables');
const fixtures = ['examples', 'test/fixtures/corpus', 'test/fixtures/corpus2'].flatMap((dir) =>
  readdirSync(path.join(ROOT, dir))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => `${dir}/${f}`),
);

for (const file of fixtures) {
  test(`tables read from ${file}`, () => {
    const dump = dumpTables(analyze(readFixture(file)).report);
    const golden = path.join(goldenDir, path.basename(file).replace(/\.txt$/, '.tables'));
    if (update) {
      mkdirSync(goldenDir, { recursive: true });
      writeFileSync(golden, dump);
    }
    assert.ok(existsSync(golden), `${golden} is missing: run UPDATE_EXPECT=1 npm test`);
    assert.equal(dump, readFileSync(golden, 'utf8'));
  });
}

test('every golden dump belongs to a fixture', () => {
  const expected = fixtures.map((f) => path.basename(f).replace(/\.txt$/, '.tables')).sort();
  assert.deepEqual(readdirSync(goldenDir).sort(), expected);
});
