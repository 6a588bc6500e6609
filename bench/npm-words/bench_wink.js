// Speed of wink-nlp's tokenizer (pipe emptied: tokens only) on a text file.
// usage: node bench/npm-words/bench_wink.js FILE   (prints "MB/s words version")
'use strict';
const fs = require('fs');
const path = require('path');
const mods = path.join(__dirname, 'node_modules');
const winkNLP = require(path.join(mods, 'wink-nlp'));
const model = require(path.join(mods, 'wink-eng-lite-web-model'));
const nlp = winkNLP(model, []);
const its = nlp.its;
const text = fs.readFileSync(process.argv[2], 'utf8');
const mb = Buffer.byteLength(text, 'utf8') / (1024 * 1024);
let best = Infinity, count = 0;
for (let r = 0; r < 2; r++) {
  const t0 = process.hrtime.bigint();
  const doc = nlp.readDoc(text);
  count = 0;
  doc.tokens().each((t) => { if (t.out(its.type) !== 'punctuation') count++; });
  const dt = Number(process.hrtime.bigint() - t0) / 1e9;
  if (dt < best) best = dt;
}
const version = require(path.join(mods, 'wink-nlp', 'package.json')).version;
console.log((mb / best).toFixed(2) + ' ' + count + ' ' + version);
