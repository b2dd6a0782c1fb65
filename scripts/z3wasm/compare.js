#!/usr/bin/env node
// compare.js decides the queries vsynth sent a z3 process again with other
// Z3 builds, and prints the answers and times side by side.
//
//   compare.js split RECORDDIR QUERYDIR
//       cuts the streams z3record.sh recorded into one file per check
//       (from a (reset) to its (check-sat-using ...)), without duplicates
//   compare.js run [--rlimit N] [--timeout MS] [--chunk N] [--every K] QUERYDIR LABEL=SOLVER...
//       decides every query with each SOLVER and prints one line per query
//       (query, then answer and milliseconds per solver), then totals.
//       SOLVER is "native:PATH" (a z3 executable, one process per query,
//       `z3 -smt2 FILE`) or "wasm:DIR" (the z3-solver installation in DIR,
//       run by z3wasm.js --batch). The solvers take turns on chunks of
//       queries (default 40), so that a change of the machine's load
//       falls on all of them. --every K takes every K-th query only (a
//       sample, in the order of the files). --rlimit and --timeout replace
//       the limits the queries were recorded with.
'use strict';

const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const { spawnSync } = require('child_process');

function split(recordDir, queryDir) {
  fs.mkdirSync(queryDir, { recursive: true });
  const seen = new Set();
  let n = 0, total = 0;
  for (const f of fs.readdirSync(recordDir).sort()) {
    const text = fs.readFileSync(path.join(recordDir, f), 'utf8');
    for (const seg of text.split(/^\(reset\)\n/m)) {
      const m = seg.match(/^\(check-sat-using .*\)$/m);
      if (!m) continue;
      total++;
      const q = seg.slice(0, m.index + m[0].length) + '\n';
      const h = crypto.createHash('sha256').update(q).digest('hex').slice(0, 16);
      if (seen.has(h)) continue;
      seen.add(h);
      fs.writeFileSync(path.join(queryDir, `q${String(n).padStart(5, '0')}-${h}.smt2`), q);
      n++;
    }
  }
  console.log(`${total} checks, ${n} distinct queries in ${queryDir}`);
}

// withStats asks for Z3's statistics after the check: its rlimit-count is
// the work the check took in Z3's own units, the same on a busy machine.
function withStats(text) {
  return text + '(get-info :all-statistics)\n';
}

function rlimitOf(out) {
  const m = out.match(/:rlimit-count\s+(\d+)/);
  return m ? Number(m[1]) : NaN;
}

function withLimits(text, rlimit, timeout) {
  if (rlimit !== undefined) text = text.replace(/^\(set-option :rlimit \d+\)$/m, `(set-option :rlimit ${rlimit})`);
  if (timeout !== undefined) text = text.replace(/^\(set-option :timeout \d+\)$/m, `(set-option :timeout ${timeout})`);
  return text;
}

function answerOf(out) {
  for (const line of out.split('\n')) {
    const w = line.trim();
    if (w === 'sat' || w === 'unsat' || w === 'unknown') return w;
  }
  return 'error';
}

function runNative(exe, files) {
  return files.map((f) => {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(exe, ['-smt2', f], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    return { answer: answerOf(r.stdout || ''), ms, rlimit: rlimitOf(r.stdout || '') };
  });
}

function runWasm(dir, files) {
  const r = spawnSync(process.execPath, [path.join(__dirname, 'z3wasm.js'), '--batch', '--rlimit-count', ...files], {
    encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, Z3WASM_MODULE: dir },
  });
  if (r.status !== 0) throw new Error(`z3wasm.js --batch: ${r.stderr}`);
  const lines = r.stdout.trim().split('\n');
  return lines.map((l) => {
    const [, answer, ms, rlimit] = l.split('\t');
    return { answer: answer.startsWith('error') ? 'error' : answer, ms: Number(ms), rlimit: Number(rlimit) };
  });
}

function run(args) {
  let rlimit, timeout, chunk = 40, every = 1;
  while (args[0] && args[0].startsWith('--')) {
    const [flag, v] = [args.shift(), args.shift()];
    if (flag === '--rlimit') rlimit = v;
    else if (flag === '--timeout') timeout = v;
    else if (flag === '--chunk') chunk = Number(v);
    else if (flag === '--every') every = Number(v);
    else throw new Error(`unknown flag ${flag}`);
  }
  const [queryDir, ...specs] = args;
  const solvers = specs.map((s) => {
    const [label, rest] = s.split(/=(.*)/s);
    const [kind, where] = rest.split(/:(.*)/s);
    return { label, kind, where };
  });
  let files = fs.readdirSync(queryDir).filter((f) => f.endsWith('.smt2')).sort()
    .filter((f, i) => i % every === 0).map((f) => path.join(queryDir, f));
  const tmp = fs.mkdtempSync(path.join(require('os').tmpdir(), 'z3cmp-'));
  files = files.map((f) => {
    const g = path.join(tmp, path.basename(f));
    fs.writeFileSync(g, withStats(withLimits(fs.readFileSync(f, 'utf8'), rlimit, timeout)));
    return g;
  });
  const results = solvers.map(() => []);
  for (let i = 0; i < files.length; i += chunk) {
    const part = files.slice(i, i + chunk);
    solvers.forEach((s, k) => {
      const r = s.kind === 'native' ? runNative(s.where, part) : runWasm(s.where, part);
      results[k].push(...r);
    });
    process.stderr.write(`\r${Math.min(i + chunk, files.length)}/${files.length}`);
  }
  process.stderr.write('\n');
  console.log(['query', ...solvers.flatMap((s) => [s.label, 'ms', 'rlimit'])].join('\t'));
  files.forEach((f, i) => {
    console.log([path.basename(f), ...results.flatMap((r) => [r[i].answer, r[i].ms.toFixed(1), r[i].rlimit])].join('\t'));
  });
  console.log('# totals');
  solvers.forEach((s, k) => {
    const count = {};
    let ms = 0, rl = 0;
    for (const r of results[k]) { count[r.answer] = (count[r.answer] || 0) + 1; ms += r.ms; rl += r.rlimit || 0; }
    console.log(`# ${s.label}: ${Object.entries(count).map(([a, n]) => `${a} ${n}`).join(', ')}; ${(ms / 1000).toFixed(1)} s; rlimit-count ${rl}`);
  });
  const base = results[0];
  solvers.slice(1).forEach((s, k) => {
    const diff = [];
    base.forEach((b, i) => { if (b.answer !== results[k + 1][i].answer) diff.push(`${path.basename(files[i])}: ${solvers[0].label} ${b.answer}, ${s.label} ${results[k + 1][i].answer}`); });
    console.log(`# ${s.label} vs ${solvers[0].label}: ${diff.length} different answers`);
    for (const d of diff) console.log(`#   ${d}`);
  });
}

const [cmd, ...rest] = process.argv.slice(2);
if (cmd === 'split') split(rest[0], rest[1]);
else if (cmd === 'run') run(rest);
else {
  process.stderr.write('usage: compare.js split RECORDDIR QUERYDIR | run [--rlimit N] [--timeout MS] [--chunk N] [--every K] QUERYDIR LABEL=native:Z3|LABEL=wasm:DIR...\n');
  process.exit(2);
}
