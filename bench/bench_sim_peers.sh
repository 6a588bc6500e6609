#!/bin/sh
# Peers of bench/bench_sim.lua on the same sentences and documents
# (build/bench/sim_sentences.txt, sim_docs.txt, written by it): Debian's
# python3-levenshtein and python3-sklearn, npm's minhash, simhash-js,
# string-similarity and fastest-levenshtein (bench/npm-sim). Prints each
# peer's rate and newsc's ratio to it (from build/bench/sim_newsc.tsv).
# usage: sh bench/bench_sim_peers.sh [TEXTFILE]   (the text is not used)
cd "$(dirname "$0")/.." || exit 2
S=build/bench/sim_sentences.txt D=build/bench/sim_docs.txt R=build/bench/sim_newsc.tsv
if [ ! -s "$S" ] || [ ! -s "$R" ]; then echo "similarity peers: run bench/bench_sim.lua first"; exit 0; fi
PY=/usr/bin/python3
echo "similarity peers (same sentences; ratio = newsc rate / peer rate)"
if $PY -c "import Levenshtein, sklearn" 2>/dev/null; then
  $PY - "$S" "$D" "$R" <<'PYEOF'
import re, sys, time
S, D, R = sys.argv[1:4]
newsc = {}
for line in open(R):
    name, secs, n = line.split("\t")
    newsc[name] = int(n) / float(secs)
def row(name, key, n, secs, unit):
    rate = n / secs
    ratio = newsc[key] / rate if key in newsc else float("nan")
    print("  %-52s %10.0f %s/s  newsc x%.1f" % (name, rate, unit, ratio))
sents = [l.rstrip("\n") for l in open(S, encoding="utf-8")][:100000]
tok = re.compile(r"\w+")
toks = [tok.findall(s.lower()) for s in sents]
import Levenshtein
ids = {}
def enc(t):
    return "".join(chr(0x4E00 + ids.setdefault(w, len(ids))) for w in t)
coded = [enc(t) for t in toks]
n = len(coded) - 1
t0 = time.perf_counter()
acc = 0
for i in range(n):
    acc += Levenshtein.distance(coded[i], coded[i + 1])
row("python3-levenshtein, token edit distance", "token edit distance (sentence pairs)", n, time.perf_counter() - t0, "pairs")
sets = [set(zip(t, t[1:])) if len(t) > 1 else {tuple(t)} for t in toks]
t0 = time.perf_counter()
for i in range(n):
    a, b = sets[i], sets[i + 1]
    x = len(a & b)
    acc += x / (len(a) + len(b) - x)
row("python sets, exact Jaccard of 2-shingles", "exact Jaccard of 2-shingle sets (pairs)", n, time.perf_counter() - t0, "pairs")
from sklearn.feature_extraction.text import TfidfVectorizer
docs = [l.rstrip("\n") for l in open(D, encoding="utf-8")]
t0 = time.perf_counter()
X = TfidfVectorizer(stop_words="english").fit_transform(docs)
M = (X @ X.T).tocoo()
cnt = int(((M.data >= 0.3) & (M.row < M.col)).sum())
secs = time.perf_counter() - t0
print("  %-52s %10.3f s  newsc x%.2f  (%d pairs >= 0.3)" % ("sklearn TfidfVectorizer + X.X^T, N = %d" % len(docs), secs,
      secs / (len(docs) / newsc["tfidf_allpairs"]), cnt))
PYEOF
else
  echo "  (python3-levenshtein or python3-sklearn missing: apt-get install python3-levenshtein python3-sklearn)"
fi
if [ -d bench/npm-sim/node_modules/minhash ] && command -v node >/dev/null; then
  node - "$S" "$R" <<'JSEOF'
const fs = require("fs");
const path = require("path");
const req = (m) => require(path.resolve("bench/npm-sim/node_modules", m));
const { Minhash, LshIndex } = req("minhash");
const sjs = req("simhash-js");
const fl = req("fastest-levenshtein");
const ss = req("string-similarity");
const [S, R] = process.argv.slice(2);
const newsc = {};
for (const line of fs.readFileSync(R, "utf8").trim().split("\n")) {
  const [name, secs, n] = line.split("\t");
  newsc[name] = Number(n) / Number(secs);
}
const now = () => Number(process.hrtime.bigint()) / 1e9;
function row(name, key, n, secs, unit) {
  const rate = n / secs;
  const ratio = newsc[key] !== undefined ? newsc[key] / rate : NaN;
  console.log(`  ${name.padEnd(52)} ${rate.toFixed(0).padStart(10)} ${unit}/s  newsc x${ratio.toFixed(1)}`);
}
const sents = fs.readFileSync(S, "utf8").split("\n").filter((l) => l.length).slice(0, 100000);
const toks = sents.map((s) => s.toLowerCase().match(/\w+/g) || []);
const ids = new Map();
const coded = toks.map((t) => t.map((w) => { if (!ids.has(w)) ids.set(w, ids.size); return String.fromCharCode(0x4e00 + ids.get(w)); }).join(""));
let t0 = now(), acc = 0;
for (let i = 0; i + 1 < coded.length; i++) acc += fl.distance(coded[i], coded[i + 1]);
row("fastest-levenshtein, token edit distance", "token edit distance (sentence pairs)", coded.length - 1, now() - t0, "pairs");
const NS = 20000;
t0 = now();
for (let i = 0; i + 1 < NS; i++) acc += ss.compareTwoStrings(sents[i], sents[i + 1]);
row("string-similarity (character-bigram Dice)", "exact Jaccard of 2-shingle sets (pairs)", NS - 1, now() - t0, "pairs");
const shingles = (t) => { const s = []; for (let i = 0; i + 1 < t.length; i++) s.push(t[i] + " " + t[i + 1]); if (t.length === 1) s.push(t[0]); return s; };
const NM = 5000;
t0 = now();
for (let i = 0; i < NM; i++) { const m = new Minhash({ numPerm: 128 }); for (const w of shingles(toks[i])) m.update(w); }
row("npm minhash, MinHash-128 (sentences)", "MinHash-128 from text (sentences)", NM, now() - t0, "sentences");
const sh = new sjs.SimHash();
t0 = now();
for (let i = 0; i < 20000; i++) acc += sh.hash(sents[i]);
row("simhash-js, SimHash (sentences)", "SimHash-64 from text (sentences)", 20000, now() - t0, "sentences");
// near-duplicate pipeline: MinHash-128, LSH (6 rows a band), exact Jaccard
const ND = Math.min(25000, toks.length);
t0 = now();
const index = new LshIndex({ bandSize: 6 });
const sigs = [], sets = [];
for (let i = 0; i < ND; i++) {
  const m = new Minhash({ numPerm: 128 });
  const sh2 = shingles(toks[i]);
  for (const w of sh2) m.update(w);
  sigs.push(m); sets.push(new Set(sh2));
  index.insert(i, m);
}
let found = 0;
for (let i = 0; i < ND; i++) {
  for (const j of index.query(sigs[i])) {
    const k = Number(j);
    if (k <= i) continue;
    let inter = 0;
    for (const x of sets[i]) if (sets[k].has(x)) inter++;
    if (inter / (sets[i].size + sets[k].size - inter) >= 0.7) found++;
  }
}
const secs = now() - t0;
const ours = newsc["neardups_" + ND];
console.log(`  ${("npm minhash + LshIndex pipeline, N = " + ND).padEnd(52)} ${secs.toFixed(3).padStart(10)} s  newsc x${ours ? (secs / (ND / ours)).toFixed(1) : "?"}  (${found} pairs)`);
JSEOF
else
  echo "  (npm peers missing: cd bench/npm-sim && npm install)"
fi
