// Speed of npm's sbd (sentence boundary detection) on a text file.
// usage: node bench/npm-sentences/bench_sbd.js FILE   (prints "MB/s count version")
'use strict';
const fs = require('fs');
const path = require('path');
const tokenizer = require(path.join(__dirname, 'node_modules', 'sbd'));
const text = fs.readFileSync(process.argv[2], 'utf8');
const mb = Buffer.byteLength(text, 'utf8') / (1024 * 1024);
const opts = { newline_boundaries: false, html_boundaries: false, sanitize: false };
let best = Infinity, count = 0;
for (let r = 0; r < 2; r++) {
  const t0 = process.hrtime.bigint();
  count = tokenizer.sentences(text, opts).length;
  const dt = Number(process.hrtime.bigint() - t0) / 1e9;
  if (dt < best) best = dt;
}
const version = require(path.join(__dirname, 'node_modules', 'sbd', 'package.json')).version;
console.log((mb / best).toFixed(2) + ' ' + count + ' ' + version);
