-- newsc.core against newsc.pure on the text file arg[1]: MB/s of each
-- function under both backends (CPU time, best of 3) and their ratio.
local core, pure = require "newsc.core", require "newsc.pure"
local f = assert(io.open(assert(arg[1], "usage: bench_pure.lua FILE"), "rb"))
local s = f:read("*a")
f:close()
local mb = #s / 1e6
for _, name in ipairs({ "sentence_spans", "sentences", "word_spans", "words", "count_words", "normalize",
                          "figures", "dates", "sim_tokens", "tfidf", "edit_distance",
                          "shingles", "minhash", "simhash", "quotes" }) do
  local best = {}
  for bi, b in ipairs({ core, pure }) do
    local t = math.huge
    for _ = 1, 3 do
      local t0 = os.clock()
      if name == "normalize" then b.normalize(s)
      elseif name == "dates" then b.dates(s, { invalid = "replace", ref = "2024-08-13" })
      elseif name == "tfidf" then local m = b.tfidf({ invalid = "replace" }); m:add(s); m:vector(s)
      elseif name == "edit_distance" then b.edit_distance(s, s:gsub("Tuesday", "Monday"), { invalid = "replace" })
      else b[name](s, { invalid = "replace" }) end
      t = math.min(t, os.clock() - t0)
    end
    best[bi] = t
  end
  print(("pure %-15s core %8.1f MB/s  pure %6.2f MB/s  core/pure %.0f x")
    :format(name, mb / best[1], mb / best[2], best[2] / best[1]))
end
