-- Similarity benchmarks: near-duplicate sentences (tokens, MinHash, LSH,
-- exact verification) at N = 25k .. 200k, token edit distance, exact
-- Jaccard, MinHash-128, SimHash-64, TF-IDF all pairs. Sentences are made
-- here (fixed seed: Zipf-distributed words from the given news text and
-- made-up words, 10% near copies of earlier sentences) and written to
-- build/bench/sim_sentences.txt for the peers (bench/bench_sim_peers.sh);
-- the figures go to build/bench/sim_newsc.tsv for their ratios.
-- usage: lua5.4 bench/bench_sim.lua TEXTFILE   (SIM_BENCH_MAX=N caps the largest N)
local newsc = require "newsc"

local clock = os.clock
local MAXN = tonumber(os.getenv("SIM_BENCH_MAX") or "200000")

-- ---- sentences ----
local seed = 424242
local function rnd(n)
  seed = (seed * 1103515245 + 12345) % 2147483648
  return math.floor(seed / 65536) % n + 1
end

local vocab, seen = {}, {}
do
  local f = io.open(arg[1] or "", "rb")
  local text = f and f:read(1000000) or ""
  if f then f:close() end
  for w in text:gmatch("%a+") do
    local l = w:lower()
    if not seen[l] then seen[l] = true; vocab[#vocab + 1] = l end
  end
  local syl = { "ka", "ro", "mi", "den", "tor", "vel", "sa", "lun", "pe", "gri", "ost", "an", "bel", "cu", "dri" }
  while #vocab < 30000 do
    local w = syl[rnd(#syl)] .. syl[rnd(#syl)] .. syl[rnd(#syl)]
    if rnd(2) == 1 then w = w .. syl[rnd(#syl)] end
    if not seen[w] then seen[w] = true; vocab[#vocab + 1] = w end
  end
end
-- Zipf(1) over the vocabulary: cumulative weights, binary search
local cum, total = {}, 0
for i = 1, #vocab do total = total + 1 / i; cum[i] = total end
local function word()
  local x = ((rnd(32768) - 1) * 32768 + rnd(32768) - 0.5) / 1073741824 * total
  local lo, hi = 1, #vocab
  while lo < hi do
    local mid = (lo + hi) // 2
    if cum[mid] < x then lo = mid + 1 else hi = mid end
  end
  return vocab[lo]
end

local sents, toks = {}, {}
for i = 1, MAXN do
  local t
  if i > 10 and rnd(10) == 1 then -- a near copy of an earlier sentence
    local src = toks[i - rnd(math.min(i - 1, 5000))]
    t = {}
    for x = 1, #src do t[x] = src[x] end
    for _ = 1, rnd(2) do t[rnd(#t)] = word() end
  else
    t = {}
    for x = 1, 8 + rnd(22) do t[x] = word() end
  end
  toks[i] = t
  local s = table.concat(t, " ")
  sents[i] = s:sub(1, 1):upper() .. s:sub(2) .. "."
end
os.execute("mkdir -p build/bench")
do
  local f = assert(io.open("build/bench/sim_sentences.txt", "wb"))
  f:write(table.concat(sents, "\n"), "\n")
  f:close()
end

local results = {}
local function report(name, n, secs, unit)
  local rate = n / secs
  results[#results + 1] = ("%s\t%.6f\t%d"):format(name, secs, n)
  print(("  %-44s %10.0f %s/s  (%d in %.3f s)"):format(name, rate, unit, n, secs))
end

local function sub(t, n)
  local s = {}
  for i = 1, n do s[i] = t[i] end
  return s
end

print("similarity (newsc, Lua 5.4 calling newsc.core)")

-- ---- near-duplicate pairs ----
local ND = { threshold = 0.7, k = 2 }
for _, n in ipairs({ 25000, 50000, 100000, 200000 }) do
  if n <= MAXN then
    local s = sub(sents, n)
    collectgarbage()
    local t0 = clock()
    local pairs_ = newsc.neardups(s, ND)
    local dt = clock() - t0
    print(("  near-duplicate pairs, N = %6d: %.3f s, %d pairs (Jaccard of 2-shingles >= 0.7)"):format(n, dt, #pairs_))
    results[#results + 1] = ("neardups_%d\t%.6f\t%d"):format(n, dt, n)
  end
end

-- ---- per-pair and per-sentence measures ----
local NP = math.min(100000, MAXN)
local ts = {}
for i = 1, NP do ts[i] = newsc.sim_tokens(sents[i]) end
local t0 = clock()
local acc = 0
for i = 1, NP - 1 do acc = acc + newsc.edit_distance(ts[i], ts[i + 1]) end
report("token edit distance (sentence pairs)", NP - 1, clock() - t0, "pairs")

local sets = {}
for i = 1, NP do sets[i] = newsc.shingles(ts[i], 2) end
local jac = newsc.jaccard
t0 = clock()
for i = 1, NP - 1 do acc = acc + jac(sets[i], sets[i + 1]) end
report("exact Jaccard of 2-shingle sets (pairs)", NP - 1, clock() - t0, "pairs")

-- per-sentence rates: the best of three runs (the shared machine's load
-- varies from one second to the next)
local function best3(f)
  local b = math.huge
  for _ = 1, 3 do
    collectgarbage()
    local t = clock()
    f()
    t = clock() - t
    if t < b then b = t end
  end
  return b
end
local MH = { n = 128 }
report("MinHash-128 from text (sentences)", NP,
  best3(function() for i = 1, NP do newsc.minhash(sents[i], MH) end end), "sentences")
report("SimHash-64 from text (sentences)", NP,
  best3(function() for i = 1, NP do newsc.simhash(sents[i]) end end), "sentences")

-- ---- TF-IDF all pairs, 10k documents of 5 sentences ----
local ND_DOCS = math.min(10000, NP // 5)
local docs = {}
for d = 1, ND_DOCS do docs[d] = table.concat(sents, " ", 5 * d - 4, 5 * d) end
do
  local f = assert(io.open("build/bench/sim_docs.txt", "wb"))
  f:write(table.concat(docs, "\n"), "\n")
  f:close()
end
collectgarbage()
t0 = clock()
local m = newsc.tfidf()
m:fit(docs)
local pr = m:pairs(docs, { min = 0.3 })
local dt = clock() - t0
print(("  TF-IDF fit + all pairs, N = %d documents: %.3f s, %d pairs with cosine >= 0.3"):format(ND_DOCS, dt, #pr))
results[#results + 1] = ("tfidf_allpairs\t%.6f\t%d"):format(dt, ND_DOCS)

local f = assert(io.open("build/bench/sim_newsc.tsv", "wb"))
f:write(table.concat(results, "\n"), "\n")
f:close()

-- ---- LSH recall S-curve: share of pairs found at each true Jaccard ----
print("LSH recall by true Jaccard (200 pairs of 100-word sets per cell; measured / theory)")
local levels = { 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0 }
local head = "  index (threshold: bands x rows) "
for _, j in ipairs(levels) do head = head .. ("  J=%.1f"):format(j) end
print(head)
for _, t in ipairs({ 0.5, 0.7, 0.8, 0.9 }) do
  local ix = newsc.lsh { threshold = t }
  local b, r = ix:params()
  local line, theory = ("  t=%.1f: %2d x %2d (measured)      "):format(t, b, r), "         (1 - (1 - J^r)^b)       "
  for _, j in ipairs(levels) do
    -- |A| = |B| = 100 and |A & B| = c give J = c / (200 - c)
    local c = math.floor(200 * j / (1 + j) + 0.5)
    local hit = 0
    for p = 1, 200 do
      local a, bb = {}, {}
      local base = p * 1000
      for x = 1, 100 do a[x] = "t" .. (base + x) end
      for x = 1, 100 do bb[x] = x <= c and a[x] or ("u" .. (base + x)) end
      local idx = newsc.lsh { bands = b, rows = r, n = 128 }
      idx:add(1, newsc.minhash(a, { seed = p }))
      if #idx:query(newsc.minhash(bb, { seed = p })) > 0 then hit = hit + 1 end
    end
    local jt = c / (200 - c)
    line = line .. ("  %5.2f"):format(hit / 200)
    theory = theory .. ("  %5.2f"):format(1 - (1 - jt ^ r) ^ b)
  end
  print(line)
  print(theory)
end
