// compromise_bench.js: the compromise peer of facta-bench (English people, places,
// organizations, numbers and, with the compromise-dates plugin, dates).
//
//   node bench/peers/compromise_bench.js [--reps N] FILE...
//
// Reads each FILE as one document, runs every extractor over every document `reps` times,
// keeps the fastest pass, and prints one line of key=value pairs that facta-bench --peer reads:
//   tool=compromise lang=en reps=3 bytes=.. docs=.. seconds=.. mb_s=.. counts=people:..,.. files=a,b
// compromise is installed by bench/run.sh with `npm install --prefix bench/peers/node`.
'use strict';
const fs = require('fs');
const path = require('path');

// resolve from bench/peers/node so that the packages' "require" exports (CommonJS builds) apply
const req = require('module').createRequire(path.join(__dirname, 'node', 'package.json'));
let nlp;
try {
  nlp = req('compromise');
} catch (e) {
  console.log('tool=compromise lang=en reason=compromise is not installed in bench/peers/node');
  process.exit(0);
}
let dates = false;
try {
  nlp.plugin(req('compromise-dates'));
  dates = true;
} catch (e) {
  /* no plugin: dates are skipped */
}

let reps = 3;
const files = [];
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--reps') reps = parseInt(argv[++i], 10);
  else files.push(path.resolve(argv[i]));
}
const docs = files.map((f) => fs.readFileSync(f, 'utf8'));
const bytes = files.reduce((n, f) => n + fs.statSync(f).size, 0);

function pass() {
  const counts = { people: 0, places: 0, organizations: 0, numbers: 0 };
  if (dates) counts.dates = 0;
  for (const text of docs) {
    const doc = nlp(text);
    counts.people += doc.people().length;
    counts.places += doc.places().length;
    counts.organizations += doc.organizations().length;
    counts.numbers += doc.numbers().length;
    if (dates) counts.dates += doc.dates().length;
  }
  return counts;
}

pass(); // warm-up: lexicon and JIT
let best = Infinity;
let counts;
for (let r = 0; r < reps; r++) {
  const t0 = process.hrtime.bigint();
  counts = pass();
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  if (s < best) best = s;
}
const c = Object.entries(counts).map(([k, v]) => `${k}:${v}`).join(',');
console.log(`tool=compromise${dates ? '+dates' : ''} lang=en reps=${reps} bytes=${bytes} ` +
            `docs=${docs.length} seconds=${best.toFixed(6)} ` +
            `mb_s=${(bytes / 1e6 / best).toFixed(4)} counts=${c} files=${files.join(',')}`);
