// compromise's .quotations() on a text file; prints "name  MB/s".
const fs = require('fs');
const nlp = require('compromise');
const text = fs.readFileSync(process.argv[2], 'utf8');
const t0 = process.hrtime.bigint();
const found = nlp(text).quotations().out('array').length;
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
const mb = Buffer.byteLength(text) / 1048576;
console.log(`quotes (compromise .quotations(), ${found} found)  ${(mb / secs).toFixed(2)} MB/s`);
