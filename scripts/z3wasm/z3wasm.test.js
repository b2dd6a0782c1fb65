// node --test scripts/z3wasm: the command splitter of z3wasm.js's -in mode.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const { splitCommands, answerOf } = require('./z3wasm.js');

test('complete commands are split off, the rest kept', () => {
  const { cmds, rest } = splitCommands('(reset)\n(assert (= x #x01))\n(check-sat');
  assert.deepStrictEqual(cmds, ['(reset)', '(assert (= x #x01))']);
  assert.strictEqual(rest, '\n(check-sat');
});

test('parentheses in strings, quoted symbols and comments do not count', () => {
  const text = '(echo "a) ""b(")\n; (not a command\n(declare-fun |x)y| () Int)\n';
  const { cmds, rest } = splitCommands(text);
  assert.deepStrictEqual(cmds, ['(echo "a) ""b(")', '(declare-fun |x)y| () Int)']);
  assert.strictEqual(rest, '');
});

test('an unfinished string or symbol waits for more input', () => {
  for (const text of ['(echo "a)', '(declare-fun |x) () Int)', '; comment without newline']) {
    const { cmds, rest } = splitCommands(text);
    assert.deepStrictEqual(cmds, [], text);
    assert.strictEqual(rest, text);
  }
});

test('answers', () => {
  assert.strictEqual(answerOf('sat\n3\n'), 'sat');
  assert.strictEqual(answerOf('unsupported\n; x\nunknown\n'), 'unknown');
  assert.strictEqual(answerOf('(error "line 1 column 2: bad")\n'), 'error: line 1 column 2: bad');
});
