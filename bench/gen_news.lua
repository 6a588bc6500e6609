-- Generate news-like prose for the benchmarks: deterministic (fixed seed),
-- curly quotes, figures, abbreviations, some non-ASCII names.
-- usage: lua5.4 bench/gen_news.lua MEGABYTES > file
local mb = tonumber(arg[1] or "32")
local seed = 12345
local function rnd(n) -- LCG, the same on every Lua
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed % n + 1
end
local names = { "Vladimir Putin", "Mahmoud Abbas", "Ana Łukasiewicz", "José Álvarez",
  "Sen. Maria Keller", "Gen. Tomás Ríos", "Dr. Amira Haddad", "Zoë Brontë", "Jürgen Müller" }
local verbs = { "said", "told reporters", "added", "noted", "wrote", "stated" }
local subj = { "The ministry", "Officials in Geneva", "The U.N. agency", "Residents",
  "Rescue teams", "The Kremlin", "Moscow’s envoy", "The council’s spokeswoman" }
local pred = { "confirmed that at least 39,929 people had been displaced",
  "reported nearly 1.2 million dollars in damage by 5 p.m. on Tuesday",
  "estimated that about 90% of the houses were destroyed",
  "said more than 200 children were evacuated to the school",
  "warned that the figures could rise in the coming days",
  "met in the capital for a three-day visit starting Aug. 13",
  "described the situation as “deeply concerning” for the region",
  "counted some 1,500 trucks waiting at the crossing near Zürich" }
local words = { "we", "will", "not", "stand", "by", "while", "civilians", "suffer",
  "the", "talks", "must", "continue", "peace", "is", "possible", "only", "through",
  "dialogue", "and", "respect", "for", "international", "law", "our", "position",
  "remains", "unchanged", "naïve", "café", "résumé" }
local out, size, target = {}, 0, mb * 1024 * 1024
local function emit(s) out[#out + 1] = s; size = size + #s
  if #out > 4096 then io.write(table.concat(out)); out = {} end end
while size < target do
  local para = {}
  for _ = 1, rnd(4) + 1 do
    local r = rnd(3)
    if r == 1 then
      local q = {}
      for i = 1, rnd(12) + 4 do q[i] = words[rnd(#words)] end
      q[1] = q[1]:gsub("^%l", string.upper)
      para[#para + 1] = "“" .. table.concat(q, " ") .. ",” " .. names[rnd(#names)] .. " " .. verbs[rnd(#verbs)] .. "."
    else
      para[#para + 1] = subj[rnd(#subj)] .. " " .. pred[rnd(#pred)] .. "."
    end
  end
  emit(table.concat(para, " ") .. "\n\n")
end
io.write(table.concat(out))
