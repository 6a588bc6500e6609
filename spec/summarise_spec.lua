-- newsc.summarise: concept coverage within a word budget, sources cited.
local newsc = require "newsc"
local input = require "newsc.input"
local json = require "newsc.json"

local CORPUS = "../shared/corpus/putin-abbas-2024-08-13"

local function have_corpus()
  local f = io.open(CORPUS .. "/README.md", "r")
  if f then f:close() return true end
  return false
end

local function squash(s) return (s:gsub("%s+", " "):gsub("^ ", ""):gsub(" $", "")) end

local function words(sum)
  local n = 0
  for _, s in ipairs(sum) do n = n + newsc.count_words(s.text) end
  return n
end

-- texts written for this spec: three outlets on one (fictional) flood
local A = [[The river Sella burst its banks on Friday night and flooded the old town of Carran.
Mayor Lena Ortiz ordered the evacuation of the lower districts before dawn.
A local bakery gave free bread to the volunteers who filled sandbags all morning.
]]
local B = [[Floodwater from the river Sella covered the old town of Carran on Saturday morning.
Mayor Lena Ortiz ordered the evacuation of the lower districts, officials said.
The regional railway suspended all trains between Carran and the coast until Monday.
]]
local C = [[After the river Sella burst its banks, the old town of Carran was under water.
The evacuation of the lower districts was ordered by Mayor Lena Ortiz.
A football match planned for Sunday in a nearby village was called off by its organisers.
]]

describe("newsc.summarise on written texts", function()
  local docs = { { id = "a", text = A }, { id = "b", text = B }, { id = "c", text = C } }

  it("chooses the sentences whose concepts the outlets share", function()
    local sum = assert(newsc.summarise(docs, { words = 40 }))
    local all = {}
    for _, s in ipairs(sum) do all[#all + 1] = s.text end
    all = table.concat(all, "\n")
    assert.matches("Mayor Lena Ortiz ordered the evacuation", all, 1, true)
    assert.matches("old town of Carran", all, 1, true)
    -- what only one outlet says earns no concept weight
    assert.is_nil(all:find("bakery", 1, true))
    assert.is_nil(all:find("football", 1, true))
    assert.is_true(words(sum) <= 40)
  end)

  it("says a thing once: two renderings of the evacuation are not both chosen", function()
    local sum = assert(newsc.summarise(docs, { words = 60 }))
    local n = 0
    for _, s in ipairs(sum) do
      if s.text:find("evacuation", 1, true) then n = n + 1 end
    end
    assert.are.equal(1, n)
  end)

  it("cites the articles that support each sentence", function()
    local sum = assert(newsc.summarise(docs, { words = 40 }))
    for _, s in ipairs(sum) do
      assert.are.equal(s.article, s.supported_by[1])
      if s.text:find("evacuation", 1, true) then
        table.sort(s.supported_by)
        assert.are.same({ "a", "b", "c" }, s.supported_by)
      end
      local src = ({ a = A, b = B, c = C })[s.article]
      assert.are.equal(s.text, squash(src:sub(s.start, s.stop)))
    end
  end)

  it("orders by publication time, then position", function()
    local late = "Published: Sat 4 Apr 2026, 9:00 PM\n\n" .. A
    local early = "Published: Sat 4 Apr 2026, 7:00 AM\n\n" .. B
    local sum = assert(newsc.summarise({ { id = "late", text = late }, { id = "early", text = early } },
                                       { words = 60 }))
    assert.is_true(#sum >= 2)
    assert.are.equal("early", sum[1].article)
  end)

  it("checks its arguments", function()
    assert.has_error(function() newsc.summarise("x") end,
      "bad argument #1 to 'summarise' (table expected, got string)")
    assert.has_error(function() newsc.summarise({}, { words = 0 }) end)
    assert.are.same({}, newsc.summarise({}))
    assert.are.same({}, newsc.summarise({ { id = "e", text = "" } }))
  end)
end)

describe("newsc.summarise on the five-outlet corpus", function()
  if not have_corpus() then
    pending("../shared/corpus is not there")
    return
  end
  local docs = assert(input.read({ CORPUS }))
  local texts = {}
  for _, d in ipairs(docs) do texts[d.id] = d.text end

  it("stays within 250 and 100 words, sentences verbatim from the inputs", function()
    for _, budget in ipairs({ 250, 100 }) do
      local sum = assert(newsc.summarise(docs, { words = budget }))
      local n = words(sum)
      assert.is_true(n <= budget and n > budget * 0.6, budget .. ": " .. n)
      for _, s in ipairs(sum) do
        assert.are.equal(s.text, squash(texts[s.article]:sub(s.start, s.stop)))
      end
    end
  end)

  it("covers the remark all five outlets carry and cites them all", function()
    local sum = assert(newsc.summarise(docs, { words = 250 }))
    local hit
    for _, s in ipairs(sum) do
      if s.text:find("dearest friends", 1, true) then hit = s end
    end
    assert.truthy(hit)
    assert.are.equal(5, #hit.supported_by)
  end)

  it("puts the one dated article (AFP, 13 August) first", function()
    local sum = assert(newsc.summarise(docs, { words = 250 }))
    assert.are.equal("001_a3ea026554da13dc", sum[1].article)
  end)

  it("prints the same records as JSON from the command line", function()
    local p = io.popen(os.getenv("PWD") .. "/bin/newsc summarise --format json --words 80 " .. CORPUS)
    local out = p:read("*a")
    p:close()
    local v = assert(json.decode(out))
    local sum = newsc.summarise(docs, { words = 80 })
    assert.are.equal(#sum, #v.summary)
    assert.are.same(sum[1].supported_by, v.summary[1].supported_by)
    assert.are.equal(sum[1].start, v.summary[1].start)
  end)
end)
