-- Generate fictional articles for the cross-check benchmarks: stories of
-- several outlets each, with quotes (trimmed and reworded), hedged tolls
-- that rise over the day, and filler prose particular to each story.
-- Deterministic (fixed seed). Everything in them is invented.
-- usage: lua5.4 bench/gen_stories.lua DIR ARTICLES [PER_STORY]
local dir, n, per = arg[1], tonumber(arg[2] or "100"), tonumber(arg[3] or "5")
assert(dir and n, "usage: gen_stories.lua DIR ARTICLES [PER_STORY]")
os.execute('mkdir -p "' .. dir .. '"')
local seed = 4242
local function rnd(k)
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed % k + 1
end
local syll = { "ka", "lo", "ven", "mar", "sel", "dor", "an", "tri", "bel", "os", "ur", "em",
  "ri", "ta", "no", "vik", "ster", "hal", "gun", "pel", "zu", "qua", "fen", "mir", "dal",
  "wex", "jo", "sta", "gli", "bru", "nox", "pra", "til", "yel", "cor", "bin", "hex", "plo",
  "vas", "kro" }
local function name()
  local s = ""
  for _ = 1, 2 + rnd(2) do s = s .. syll[rnd(#syll)] end
  return s:sub(1, 1):upper() .. s:sub(2)
end
local events = { "earthquake", "flood", "fire", "explosion", "storm" }
local outlets = { "The Valley Post", "Northern Wire", "Daily Ledger", "Morning Signal",
  "Coast Times", "Evening Star", "Harbour News", "Plains Courier" }
local hedges = { "at least %d", "nearly %d", "about %d", "%d", "more than %d" }
local filler = { "officials", "residents", "roads", "bridge", "school", "hospital", "council",
  "rescue", "crews", "volunteers", "shelter", "power", "water", "supplies", "district",
  "village", "market", "station", "river", "harbour", "valley", "square", "families" }
local count, story = 0, 0
while count < n do
  story = story + 1
  local place, speaker, agency = name(), name() .. " " .. name(), name() .. " Emergency Agency"
  local event = events[1]
  local toll = 3 + rnd(40)
  local words = {}
  for i = 1, 30 do words[i] = name():lower() end
  local quote = ("We will not leave anyone behind in %s, and we will rebuild every street"):format(place)
  for k = 1, per do
    if count >= n then break end
    count = count + 1
    local hour = 6 + (k * 2) % 16
    local t = toll + (k > math.floor(per / 2) and rnd(5) or 0)
    local fig = hedges[rnd(#hedges)]:format(t)
    local q = quote
    if k % 3 == 0 then q = ("We will not abandon anyone in %s"):format(place) end
    if k % 4 == 0 then q = "We will rebuild every street" end
    local b = {}
    b[#b + 1] = ("%s %s: toll rises as rescuers search the %s"):format(place, event, words[1])
    b[#b + 1] = ""
    b[#b + 1] = ("By %s"):format(outlets[(story + k) % #outlets + 1])
    b[#b + 1] = ""
    b[#b + 1] = ("Published: 2 March 2026, %02d:%02d"):format(hour, rnd(59))
    b[#b + 1] = ""
    b[#b + 1] = ("%s: %s people were killed when the %s struck %s on Sunday, the %s said."):format(
      place:upper(), fig:sub(1, 1):upper() .. fig:sub(2), event, place, agency)
    b[#b + 1] = ""
    b[#b + 1] = ("\"%s,\" said %s, the mayor of %s."):format(q, speaker, place)
    b[#b + 1] = ""
    for _ = 1, 3 do
      local s = {}
      for i = 1, 14 + rnd(10) do
        s[i] = words[rnd(#words)]
      end
      s[1] = s[1]:sub(1, 1):upper() .. s[1]:sub(2)
      b[#b + 1] = table.concat(s, " ") .. " in " .. place .. "."
      b[#b + 1] = ""
    end
    local f = assert(io.open(("%s/s%05d_%d.txt"):format(dir, story, k), "w"))
    f:write(table.concat(b, "\n"))
    f:close()
  end
end
