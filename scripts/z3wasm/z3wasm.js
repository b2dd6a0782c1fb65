#!/usr/bin/env node
// z3wasm runs Z3 from the npm package z3-solver (a WebAssembly build of a
// recent Z3) on SMT-LIB2 text, through the low-level API's
// Z3_eval_smtlib2_string. Two modes:
//
//   z3wasm.js --version          "Z3 version 5.1.0 - 64 bit", as `z3 --version`
//   z3wasm.js -in [-smt2]        a drop-in `z3 -in`: reads commands on stdin,
//                                prints Z3's answers (vsynth --z3 z3wasm.js)
//   z3wasm.js --batch [--rlimit-count] FILE...
//                                decides each file in a fresh context and
//                                prints "FILE<TAB>answer<TAB>milliseconds"
//                                (and the rlimit-count of the statistics the
//                                file asks for with (get-info :all-statistics))
//
// $Z3WASM_MODULE names the z3-solver installation to load (a directory
// holding node_modules/z3-solver, or the package itself); the default is the
// one installed next to this script (npm ci in scripts/z3wasm).
//
// The string is passed in the wasm heap, not as ccall's 'string' argument:
// ccall puts a string argument on the stack and frees it when the call
// returns, but the async Z3_eval_smtlib2_string reads it later on a worker
// thread, so a string passed that way can be overwritten before it is read
// (seen as commands losing their "(", intermittently).
'use strict';

const fs = require('fs');
const path = require('path');

function loadModule() {
  const dir = process.env.Z3WASM_MODULE;
  if (!dir) return require('z3-solver');
  for (const p of [path.join(dir, 'node_modules', 'z3-solver'), dir]) {
    if (fs.existsSync(path.join(p, 'package.json'))) return require(path.resolve(p));
  }
  throw new Error(`z3wasm: no z3-solver package in ${dir}`);
}

async function open() {
  const { init } = loadModule();
  // Older builds (4.8.17) load the .wasm with fetch when there is one,
  // which fails on a file path in Node: without fetch they read the file.
  delete globalThis.fetch;
  const { Z3, em } = await init();
  const encoder = new TextEncoder();
  const newContext = () => {
    const cfg = Z3.mk_config();
    const ctx = Z3.mk_context(cfg);
    Z3.del_config(cfg);
    return ctx;
  };
  // evaluate runs SMT-LIB2 text in ctx and returns Z3's output.
  const evaluate = async (ctx, text) => {
    const bytes = encoder.encode(text);
    const p = em._malloc(bytes.length + 1);
    em.HEAPU8.set(bytes, p);
    em.HEAPU8[p + bytes.length] = 0;
    try {
      return await em.async_call(() => em.ccall('async_Z3_eval_smtlib2_string', 'void', ['number', 'number'], [ctx, p]));
    } finally {
      em._free(p);
    }
  };
  const version = () => {
    // "Z3 5.1.0.0" -> "5.1.0"
    const v = Z3.get_version();
    return `${v.major}.${v.minor}.${v.build_number}`;
  };
  const close = () => {
    em.PThread.terminateAllThreads();
  };
  return { Z3, newContext, evaluate, version, close };
}

// splitCommands returns the complete top-level s-expressions at the start
// of text and the rest. It knows SMT-LIB2's strings ("" escapes a quote),
// quoted symbols |...| and ; comments.
function splitCommands(text) {
  const cmds = [];
  let depth = 0, start = -1, i = 0, done = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === ';') {
      const nl = text.indexOf('\n', i);
      if (nl < 0) break;
      i = nl + 1;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      for (;;) {
        j = text.indexOf('"', j);
        if (j < 0) break;
        if (text[j + 1] === '"') { j += 2; continue; }
        break;
      }
      if (j < 0) break;
      i = j + 1;
      continue;
    }
    if (c === '|') {
      const j = text.indexOf('|', i + 1);
      if (j < 0) break;
      i = j + 1;
      continue;
    }
    if (c === '(') {
      if (depth === 0) start = i;
      depth++;
    } else if (c === ')') {
      depth--;
      if (depth === 0) {
        cmds.push(text.slice(start, i + 1));
        done = i + 1;
      }
    } else if (depth === 0 && !/\s/.test(c)) {
      // an atom at top level: pass it on as a command of its own (Z3
      // answers it with an error)
      let j = i;
      while (j < text.length && !/[\s()]/.test(text[j])) j++;
      if (j === text.length) break;
      cmds.push(text.slice(i, j));
      done = i = j;
      continue;
    }
    i++;
  }
  if (depth === 0 && /^\s*$/.test(text.slice(done))) done = text.length;
  return { cmds, rest: text.slice(done) };
}

async function interactive(z3) {
  let ctx = z3.newContext();
  let pending = '';
  let queue = Promise.resolve();
  const run = async (cmds) => {
    // A run of commands is evaluated in one call; (exit) ends the process.
    let batch = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const out = await z3.evaluate(ctx, batch.join('\n') + '\n');
      batch = [];
      if (out) process.stdout.write(out);
    };
    for (const c of cmds) {
      if (/^\(\s*exit\s*\)$/.test(c)) {
        await flush();
        finish(0);
        return;
      }
      batch.push(c);
    }
    await flush();
  };
  const finish = (code) => {
    process.stdout.write('', () => {
      z3.close();
      process.exit(code);
    });
  };
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk) => {
    pending += chunk;
    const { cmds, rest } = splitCommands(pending);
    pending = rest;
    if (cmds.length > 0) queue = queue.then(() => run(cmds));
  });
  process.stdin.on('end', () => {
    queue = queue.then(() => finish(0));
  });
  queue.catch((e) => {
    process.stderr.write(`z3wasm: ${e.stack || e}\n`);
    finish(1);
  });
}

// answerOf is the first line of out that is sat, unsat or unknown.
function answerOf(out) {
  for (const line of out.split('\n')) {
    const w = line.trim();
    if (w === 'sat' || w === 'unsat' || w === 'unknown') return w;
  }
  const err = out.match(/\(error "([^"]*)/);
  return err ? 'error: ' + err[1].split('\n')[0] : 'none';
}

// rlimitOf is the rlimit-count of Z3's statistics in out, or "".
function rlimitOf(out) {
  const m = out.match(/:rlimit-count\s+(\d+)/);
  return m ? m[1] : '';
}

async function batch(z3, files, withRlimit) {
  for (const f of files) {
    const text = fs.readFileSync(f, 'utf8');
    const ctx = z3.newContext();
    const t0 = process.hrtime.bigint();
    const out = await z3.evaluate(ctx, text);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    z3.Z3.del_context(ctx);
    const extra = withRlimit ? `\t${rlimitOf(out)}` : '';
    process.stdout.write(`${f}\t${answerOf(out)}\t${ms.toFixed(1)}${extra}\n`);
  }
}

async function main() {
  const args = process.argv.slice(2);
  const z3 = await open();
  if (args.includes('--version') || args.includes('-version')) {
    process.stdout.write(`Z3 version ${z3.version()} - 64 bit (wasm)\n`);
    z3.close();
    process.exit(0);
  }
  if (args[0] === '--batch') {
    const withRlimit = args[1] === '--rlimit-count';
    await batch(z3, args.slice(withRlimit ? 2 : 1), withRlimit);
    z3.close();
    process.exit(0);
  }
  if (args.includes('-in')) return interactive(z3);
  process.stderr.write('usage: z3wasm.js --version | -in [-smt2] | --batch [--rlimit-count] FILE...\n');
  z3.close();
  process.exit(2);
}

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(`z3wasm: ${e.stack || e}\n`);
    process.exit(1);
  });
}

module.exports = { splitCommands, answerOf };
