-- Specs of newsc.figures and newsc.compare: the hand-written expressions of
-- spec/fixtures/figure_cases.lua, what a careful reader finds in the shared
-- corpus, the comparison rule, and bad input.
local newsc = require "newsc"
local fx = require "fixtures.figure_cases"

local CORPUS = "../shared/corpus/putin-abbas-2024-08-13/"

local read = require("spec.support.files").read

local function close(a, b)
  if a == b then return true end
  if type(a) ~= "number" or type(b) ~= "number" then return false end
  return math.abs(a - b) <= 1e-9 * math.max(math.abs(a), math.abs(b), 1)
end

-- the figures of s as "text|value|low|high|hedge|unit|kind" lines
local function rows(s)
  local out = {}
  for i, f in ipairs(assert(newsc.figures(s))) do
    out[i] = table.concat({ f.text, tostring(f.value), tostring(f.low), tostring(f.high),
                            f.hedge, tostring(f.unit), f.kind }, "|")
  end
  return out
end

describe("newsc.figures on hand-written expressions", function()
  for _, c in ipairs(fx.cases) do
    it(("reads %q"):format(c[1]), function()
      local f = assert(newsc.figures(c[1]))[1]
      assert.is_table(f)
      local want = { value = c[2], low = c[3], high = c[4], hedge = c[5], unit = c[6], kind = c[7] }
      for _, k in ipairs({ "value", "low", "high", "hedge", "unit", "kind" }) do
        if want[k] ~= nil then
          assert(close(f[k], want[k]), ("%s: %s = %s, want %s"):format(c[1], k, tostring(f[k]),
                                                                       tostring(want[k])))
        end
      end
      assert.are.equal(f.text, c[1]:sub(f.start, f.stop))
    end)
  end
  for _, t in ipairs(fx.none) do
    it(("finds no figure in %q"):format(t), function()
      assert.are.same({}, rows(t))
    end)
  end
end)

describe("newsc.figures in sentences", function()
  it("finds every figure of a sentence in order, with spans into the input", function()
    local s = "A weekend strike left at least 93 people dead, including 11 children, "
      .. "and Israel's military said it had killed 31 militants."
    local figs = assert(newsc.figures(s))
    assert.are.equal(3, #figs)
    assert.are.same({ 93, 11, 31 }, { figs[1].value, figs[2].value, figs[3].value })
    assert.are.same({ "people", "children", "militants" }, { figs[1].unit, figs[2].unit, figs[3].unit })
    for _, f in ipairs(figs) do assert.are.equal(f.text, s:sub(f.start, f.stop)) end
    assert.are.equal(math.huge, figs[1].high)
  end)

  it("keeps ordinals apart from counts", function()
    local figs = assert(newsc.figures("For the second time, 12 people were hurt on the 3rd floor."))
    assert.are.same({ "ordinal", "count", "ordinal" }, { figs[1].kind, figs[2].kind, figs[3].kind })
    assert.are.same({ 2, 12, 3 }, { figs[1].value, figs[2].value, figs[3].value })
  end)

  it("leaves dates, times and years to newsc.dates", function()
    local s = "Published: Tue 13 Aug 2024, 4:48 PM. Since October 7, 2023, and since 1967, "
      .. "14 people have died."
    local figs = assert(newsc.figures(s))
    assert.are.equal(1, #figs)
    assert.are.equal(14, figs[1].value)
  end)

  it("reads ages after a name and before year-old", function()
    local figs = assert(newsc.figures("Veteran leader Abbas, 88, met a 19-year-old student."))
    assert.are.same({ 88, 19 }, { figs[1].value, figs[2].value })
    assert.are.same({ "age", "age" }, { figs[1].kind, figs[2].kind })
    assert.are.equal("years old", figs[2].unit)
  end)

  it("reads a two-digit number after a place as a count when a noun follows", function()
    local figs = assert(newsc.figures("In Rafah, 14 people died."))
    assert.are.equal("count", figs[1].kind)
    assert.are.equal("people", figs[1].unit)
  end)

  it("never lets a figure reach back into the one before", function()
    local figs = assert(newsc.figures("a man,1 between 10 and 20 houses"))
    for i = 2, #figs do assert.is_true(figs[i].start > figs[i - 1].stop) end
    assert.are.equal(20, figs[#figs].high)
  end)

  it("reads curly apostrophes, non-breaking spaces and en dashes", function()
    local figs = assert(newsc.figures("Gaza’s health ministry counted 39,929\194\160people and 10\226\128\14720 homes."))
    assert.are.equal(39929, figs[1].value)
    assert.are.equal("people", figs[1].unit)
    assert.are.same({ 10, 20, "range" }, { figs[2].low, figs[2].high, figs[2].hedge })
  end)
end)

describe("newsc.figures on the shared corpus", function()
  local function have() return read(CORPUS .. "001_a3ea026554da13dc.txt") ~= nil end

  it("reads the AFP figures with their hedges", function()
    if not have() then pending("../shared/corpus is not there") return end
    assert.are.same({
      "at least 93 people|93|93|inf|at least|people|count",
      "11 children|11|11|11|none|children|count",
      "31 militants|31|31|31|none|militants|count",
      "1,198 people|1198|1198|1198|none|people|count",
      "at least 39,929 people|39929|39929|inf|at least|people|count",
    }, rows(read(CORPUS .. "001_a3ea026554da13dc.txt")))
  end)

  it("reads nearly 40,000 and more than 90 percent in the Radio Habana Cuba text", function()
    if not have() then pending("../shared/corpus is not there") return end
    assert.are.same({
      "nearly 40,000 people|40000|36000|40000|nearly|people|count",
      "more than 90 percent|90|90|100|more than|percent|percent",
    }, rows(read(CORPUS .. "000_9ac787cb82328a7b.txt")))
  end)

  it("reads the approximate toll, the hostages and Abbas's age in article 003", function()
    if not have() then pending("../shared/corpus is not there") return end
    assert.are.same({
      "nearly 40,000 Palestinian lives|40000|36000|40000|nearly|lives|count",
      "approximately 1,200 people|1200|1080|1320|approximately|people|count",
      "over 250 individuals|250|250|inf|over|individuals|count",
      "88|88|88|88|none|years old|age",
    }, rows(read(CORPUS .. "003_085f4d18063eced9.txt")))
  end)

  it("reads the three-day visit and no more in article 002", function()
    if not have() then pending("../shared/corpus is not there") return end
    assert.are.same({ "three-day|3|3|3|none|days|measure" },
                    rows(read(CORPUS .. "002_241fe81f26dea434.txt")))
  end)

  it("finds the outlets agree on the October 7 toll and the Gaza toll", function()
    if not have() then pending("../shared/corpus is not there") return end
    local afp = rows(read(CORPUS .. "001_a3ea026554da13dc.txt"))
    assert.are.equal(5, #afp)
    -- "1,198 people" (AFP) against "approximately 1,200 people" (article 003)
    assert.are.equal("consistent", (newsc.compare("1,198 people", "approximately 1,200 people")))
    -- "at least 39,929" (AFP, article 004) against "nearly 40,000" (000, 003)
    assert.are.equal("consistent", (newsc.compare("at least 39,929 people", "nearly 40,000 people")))
    local f4 = assert(newsc.figures(read(CORPUS .. "004_733a1c3f5a029858.txt")))
    assert.are.same({ 93, 11, 39929 }, { f4[1].value, f4[2].value, f4[3].value })
    assert.are.equal("Palestinians", f4[3].unit)
  end)
end)

describe("newsc.compare", function()
  it("reads the examples of the rule", function()
    assert.are.equal("consistent", (newsc.compare("about 2,000", "1,987")))
    assert.are.equal("conflict", (newsc.compare("at least 60", "fewer than 50")))
    assert.are.equal("tension", (newsc.compare("more than 200", "450")))
  end)

  it("gives a reason naming the ranges", function()
    local v, why = newsc.compare("at least 60", "fewer than 50")
    assert.are.equal("conflict", v)
    assert.matches("60%-inf", why)
    assert.matches("0%-50", why)
  end)

  it("is symmetric", function()
    local pairs_ = { { "about 2,000", "1,987" }, { "at least 60", "fewer than 50" },
                     { "more than 200", "450" }, { "up to 100", "20" }, { "dozens", "30" } }
    for _, p in ipairs(pairs_) do
      assert.are.equal((newsc.compare(p[1], p[2])), (newsc.compare(p[2], p[1])))
    end
  end)

  it("takes figure tables as newsc.figures gives them", function()
    local a = newsc.figures("nearly 40,000 people")[1]
    local b = newsc.figures("at least 39,929 people")[1]
    assert.are.equal("consistent", (newsc.compare(a, b)))
    assert.are.equal("conflict", (newsc.compare({ value = 10 }, { value = 12 })))
    assert.are.equal("consistent", (newsc.compare({ value = 10, low = 5, high = 15 }, { value = 12 })))
  end)

  it("calls a near miss of 2 % or less tension, not conflict", function()
    local v, why = newsc.compare("nearly 40,000 people", "40,500 people")
    assert.are.equal("tension", v)
    assert.matches("miss each other by 450", why)
    assert.are.equal("conflict", (newsc.compare("nearly 40,000 people", "42,000 people")))
  end)

  it("reads upper bounds and vague plurals", function()
    assert.are.equal("tension", (newsc.compare("up to 100 people", "20 people")))
    assert.are.equal("consistent", (newsc.compare("up to 100 people", "80 people")))
    assert.are.equal("consistent", (newsc.compare("dozens of people", "40 people")))
    assert.are.equal("conflict", (newsc.compare("dozens of people", "hundreds of people")))
    assert.are.equal("conflict", (newsc.compare("more than 90 percent", "85%")))
  end)

  it("returns nil and a message when a string holds no figure", function()
    local v, err = newsc.compare("no numbers here", "5 people")
    assert.is_nil(v)
    assert.matches("no figure in argument #1", err)
  end)

  it("raises an error naming the argument on misuse", function()
    assert.has_error(function() newsc.compare(1, "5") end)
    assert.has_error(function() newsc.compare({}, "5") end)
    assert.has_error(function() newsc.compare("5", { value = 5, low = 9, high = 1 }) end)
    local ok, err = pcall(newsc.compare, "5 people", true)
    assert.is_false(ok)
    assert.matches("#2", err)
  end)
end)

describe("newsc.figures on bad input", function()
  it("returns an empty list for empty text and text without figures", function()
    assert.are.same({}, newsc.figures(""))
    assert.are.same({}, newsc.figures("No figures at all."))
  end)

  it("returns nil and the byte of invalid UTF-8, or reads on with invalid = replace", function()
    local s = "at least 93 \255 people"
    local r, err = newsc.figures(s)
    assert.is_nil(r)
    assert.are.equal("invalid UTF-8 at byte 13", err)
    local figs = assert(newsc.figures(s, { invalid = "replace" }))
    assert.are.equal(93, figs[1].value)
  end)

  it("reads past NUL bytes", function()
    local figs = assert(newsc.figures("5 people\0 and 7 children"))
    assert.are.same({ 5, 7 }, { figs[1].value, figs[2].value })
  end)

  it("raises errors naming the argument for wrong types", function()
    local ok, err = pcall(newsc.figures, nil)
    assert.is_false(ok)
    assert.matches("#1", err)
    ok, err = pcall(newsc.figures, "x", { invalid = "drop" })
    assert.is_false(ok)
    assert.matches("invalid", err)
    ok, err = pcall(newsc.figures, "x", 5)
    assert.is_false(ok)
    assert.matches("#2", err)
  end)

  it("reads a long line of figures and one huge number", function()
    local s = string.rep("at least 93 people, ", 20000)
    local figs = assert(newsc.figures(s))
    assert.are.equal(20000, #figs)
    assert.are.equal(s:sub(figs[20000].start, figs[20000].stop), "at least 93 people")
    local big = assert(newsc.figures(string.rep("9", 400) .. " people"))
    assert.are.equal(1, #big)
    assert.is_true(big[1].value > 1e300)
  end)
end)

describe("newsc figures (command line)", function()
  local cli = require "newsc.cli"
  local json = require "newsc.json"

  local function run(argv)
    local out, saved = {}, io.write
    io.write = function(...) for i = 1, select("#", ...) do out[#out + 1] = tostring((select(i, ...))) end end
    local ok, code = pcall(cli.main, argv)
    io.write = saved
    assert(ok, code)
    return code, table.concat(out)
  end

  local function tmpfile(text)
    local path = os.tmpname()
    local f = assert(io.open(path, "wb"))
    f:write(text)
    f:close()
    return path
  end

  it("prints figures and dates as JSON", function()
    local path = tmpfile("On Tuesday a strike killed at least 93 people, including 11 children.")
    local code, out = run({ "figures", "--format", "json", "--dates", "--ref", "2024-08-14", path })
    os.remove(path)
    assert.are.equal(0, code)
    local doc = assert(json.decode(out))
    assert.are.equal(2, #doc[1].figures)
    assert.are.equal(93, doc[1].figures[1].value)
    assert.are.equal(json.null, doc[1].figures[1].high)
    assert.are.equal("2024-08-13", doc[1].dates[1].date)
  end)

  it("prints one tab-separated line per figure", function()
    local path = tmpfile("about 2,000 homes")
    local code, out = run({ "figures", path })
    os.remove(path)
    assert.are.equal(0, code)
    assert.are.equal("1-17\tcount\t2000\t1800..2200\tabout\thomes\tabout 2,000 homes\n", out)
  end)

  it("fails with exit code 1 on a bad reference date or a missing file", function()
    local path = tmpfile("x")
    local saved = io.stderr
    io.stderr = { write = function() end }
    local c1 = run({ "figures", "--dates", "--ref", "yesterday", path })
    local c2 = run({ "figures", path .. ".missing" })
    io.stderr = saved
    os.remove(path)
    assert.are.equal(1, c1)
    assert.are.equal(1, c2)
  end)
end)
