// Review decisions: a finding's fingerprint survives edits elsewhere, tells
// findings apart, and a dismissed finding is set apart by the analysis.

import * as assert from 'node:assert/strict';
import { describe as suite, test } from 'node:test';
import { analyze, describeFinding, parseReview, recordDecision, EMPTY_REVIEW, type Analysis } from '../../server/src/core/index';
import { readFixture } from '../helpers';

const SEED_001 = () => readFixture('examples/001_67c1420167c13949.txt');
const scoped = (a: Analysis) => a.findings.filter((f) => f.dismissHint);

suite('review decisions', () => {
  test('a fingerprint survives lines added above and numbers changed elsewhere, and tells the findings apart', () => {
    const text = SEED_001();
    const before = scoped(analyze(text)).map((f) => describeFinding(f, analyze(text).report).fingerprint);
    assert.equal(before.length, 2);
    assert.notEqual(before[0], before[1]);
    const edited = text.replace('一、总体情况', '一、总体情况\n（新增一段说明。）\n').replace('发布区政府公报4期', '发布区政府公报5期');
    const analysis = analyze(edited);
    assert.deepEqual(scoped(analysis).map((f) => describeFinding(f, analysis.report).fingerprint), before);
  });
  test('a dismissed finding is set apart with its decision; the others stay', () => {
    const text = SEED_001();
    const plain = analyze(text);
    const target = scoped(plain)[0];
    const review = recordDecision(EMPTY_REVIEW, { ...describeFinding(target, plain.report), status: 'dismissed', reason: target.dismissHint });
    const reviewed = analyze(text, { review });
    assert.equal(reviewed.findings.length, plain.findings.length - 1);
    assert.deepEqual(reviewed.dismissed.map((d) => [d.finding.message, d.entry.reason]), [[target.message, '此数字说的是全区，不是本机关']]);
    // A confirmed finding stays shown.
    const confirmed = recordDecision(review, { ...review.findings[0], status: 'confirmed' });
    assert.equal(confirmed.findings.length, 1);
    assert.equal(analyze(text, { review: confirmed }).findings.length, plain.findings.length);
  });
  test('a malformed review file says what is wrong', () => {
    assert.deepEqual(parseReview('{'), { ok: false, error: parseReview('{').ok ? '' : (parseReview('{') as { error: string }).error });
    assert.equal(parseReview('{"findings": 3}').ok, false);
    const bad = parseReview('{"findings": [{"fingerprint": "x", "check": "a", "status": "maybe"}]}');
    assert.deepEqual(bad, { ok: false, error: 'findings[0] needs "fingerprint", "check" and a "status" of dismissed or confirmed' });
    assert.equal(parseReview('\ufeff{"version": 1, "findings": []}').ok, true);
  });
});
