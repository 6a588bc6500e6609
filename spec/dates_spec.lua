-- Specs of newsc.dates: absolute and relative dates resolved against the
-- article's date, on hand-written sentences and on the shared corpus.
local newsc = require "newsc"

local CORPUS = "../shared/corpus/putin-abbas-2024-08-13/"
local WED = { ref = "2024-08-14" }   -- a Wednesday

local read = require("spec.support.files").read

-- the first date of s
local function first(s, opts)
  local ds = assert(newsc.dates(s, opts))
  return ds[1]
end

-- "text=date" or "text=low..high" for each date of s
local function rows(s, opts)
  local out = {}
  for i, d in ipairs(assert(newsc.dates(s, opts))) do
    out[i] = d.text .. "=" .. (d.date or ((d.low or "?") .. ".." .. (d.high or "?")))
  end
  return out
end

describe("newsc.dates, absolute", function()
  it("reads day month year, with or without the weekday", function()
    local d = first("It happened on 13 August 2024.", WED)
    assert.are.same({ "13 August 2024", "2024-08-13", "2024-08-13", "2024-08-13", false, "Tuesday" },
                    { d.text, d.date, d.low, d.high, d.relative, d.weekday })
    assert.are.same({ "Tue 13 Aug 2024=2024-08-13" }, rows("Published: Tue 13 Aug 2024, 4:48 PM", WED))
    assert.are.same({ "Tuesday, August 13, 2024=2024-08-13" },
                    rows("on Tuesday, August 13, 2024 in Moscow", WED))
  end)

  it("reads abbreviated months, ordinals and ISO dates", function()
    assert.are.same({ "Aug. 13=2024-08-13" }, rows("MOSCOW, Aug. 13 (Reuters) -", WED))
    assert.are.same({ "March 1st, 2020=2020-03-01" }, rows("since March 1st, 2020,", WED))
    assert.are.same({ "13th of August=2024-08-13" }, rows("on the 13th of August", WED))
    assert.are.same({ "2024-08-13=2024-08-13" }, rows("updated 2024-08-13 at noon", WED))
    assert.are.same({ "Sept 9=2024-09-09" }, rows("due on Sept 9", WED))
  end)

  it("gives a month and a year as a range", function()
    local d = first("after invading that country in February 2022.", WED)
    assert.are.same({ "February 2022", nil, "2022-02-01", "2022-02-28", false },
                    { d.text, d.date, d.low, d.high, d.relative })
    assert.are.same({ "February 2024=2024-02-01..2024-02-29" }, rows("in February 2024", WED))
    assert.are.same({ "2022=2022-01-01..2022-12-31" }, rows("It began in 2022.", WED))
  end)

  it("takes the reference's year for year-less dates, the last one past by default", function()
    assert.are.same({ "October 7=2023-10-07" }, rows("the Hamas October 7 attack", WED))
    assert.are.same({ "August 20=2024-08-20" }, rows("on August 20", WED))
    assert.are.same({ "December 25=2024-12-25" }, rows("on December 25", { ref = "2025-01-10" }))
    assert.are.same({ "January 5=2025-01-05" },
                    rows("The vote is scheduled for January 5.", { ref = "2024-12-20" }))
    assert.are.same({ "February=2024-02-01..2024-02-29" }, rows("in February", WED))
    assert.are.same({ "October=2023-10-01..2023-10-31" }, rows("in October", WED))
    assert.is_true(first("on August 20", WED).relative)
  end)

  it("rejects days that do not exist and leaves the verb may alone", function()
    assert.are.same({}, rows("on February 30", WED))
    assert.are.same({}, rows("on 29 February 2023", WED))
    assert.are.same({}, rows("Abbas may meet Putin again.", WED))
    assert.are.same({ "May=2024-05-01..2024-05-31" }, rows("in May", WED))
  end)
end)

describe("newsc.dates, relative", function()
  it("reads a weekday as the last one on or before the reference", function()
    local d = first("Abbas met Putin on Tuesday.", WED)
    assert.are.same({ "Tuesday", "2024-08-13", true, "Tuesday" }, { d.text, d.date, d.relative, d.weekday })
    assert.are.equal("2024-08-14", first("on Wednesday", WED).date)
    assert.are.equal("2024-08-08", first("on Thursday", WED).date)
    assert.are.equal("2024-08-12", first("Abbas arrived in Moscow on Monday for a three-day visit.", WED).date)
  end)

  it("reads a weekday forward when the clause looks ahead", function()
    assert.are.equal("2024-08-16", first("He will travel to Ankara on Friday.", WED).date)
    assert.are.equal("2024-08-16", first("He is scheduled to travel to Ankara on Friday.", WED).date)
    assert.are.equal("2024-08-19", first("next Monday", WED).date)
    assert.are.equal("next Monday", first("next Monday", WED).text)
    assert.are.equal("2024-08-12", first("last Monday", WED).date)
    assert.are.equal("2024-08-07", first("last Wednesday", WED).date)
  end)

  it("reads yesterday, today, tomorrow and last night", function()
    assert.are.same({ "yesterday=2024-08-13", "today=2024-08-14", "tomorrow=2024-08-15",
                      "last night=2024-08-13" },
                    rows("yesterday, today, tomorrow, last night", WED))
  end)

  it("reads last, this and next week, month and year as ranges", function()
    assert.are.same({ "last month=2024-07-01..2024-07-31" }, rows("in Tehran last month", WED))
    assert.are.same({ "next month=2024-09-01..2024-09-30" }, rows("next month", WED))
    assert.are.same({ "this month=2024-08-01..2024-08-31" }, rows("this month", WED))
    assert.are.same({ "last week=2024-08-05..2024-08-11" }, rows("last week", WED))
    assert.are.same({ "this week=2024-08-12..2024-08-18" }, rows("this week", WED))
    assert.are.same({ "earlier this month=2024-08-01..2024-08-14" }, rows("earlier this month", WED))
    assert.are.same({ "last year=2023-01-01..2023-12-31" }, rows("last year", WED))
    assert.are.same({ "last month=2023-12-01..2023-12-31" }, rows("last month", { ref = "2024-01-03" }))
  end)

  it("reads possessives and the parts of a month", function()
    assert.are.same({ "Tuesday=2024-08-13", "yesterday=2024-08-13" },
                    rows("Tuesday\226\128\153s talks followed yesterday's strike", WED))
    assert.are.same({ "early August=2024-08-01..2024-08-10", "mid-July=2024-07-11..2024-07-20",
                      "late February 2022=2022-02-21..2022-02-28" },
                    rows("in early August, since mid-July, in late February 2022", WED))
  end)

  it("reads the weekend and spans of days ago", function()
    assert.are.same({ "weekend=2024-08-10..2024-08-11" }, rows("a weekend strike on a school", WED))
    assert.are.same({ "weekend=2024-08-10..2024-08-11" }, rows("over the weekend", WED))
    assert.are.same({ "three days ago=2024-08-11" }, rows("three days ago", WED))
    assert.are.same({ "two weeks ago=2024-07-28..2024-08-03" }, rows("two weeks ago", WED))
  end)

  it("takes a reference with a time of day", function()
    assert.are.equal("2024-08-13", first("on Tuesday", { ref = "2024-08-14T09:30:00+03:00" }).date)
    assert.are.equal("2024-08-13", first("yesterday", { ref = "2024-08-14 09:30" }).date)
  end)

  it("leaves relative dates unresolved without a reference", function()
    local d = first("on Tuesday")
    assert.are.equal("Tuesday", d.text)
    assert.is_true(d.relative)
    assert.is_nil(d.date)
    assert.is_nil(d.low)
    assert.are.equal("2024-08-13", first("13 August 2024").date)
  end)
end)

describe("newsc.dates on the shared corpus", function()
  local function have() return read(CORPUS .. "001_a3ea026554da13dc.txt") ~= nil end

  it("dates the AFP article's meeting, publication, strike and attack", function()
    if not have() then pending("../shared/corpus is not there") return end
    assert.are.same({
      "Tuesday=2024-08-13", "Tuesday=2024-08-13", "Tue 13 Aug 2024=2024-08-13",
      "Tue 13 Aug 2024=2024-08-13", "Tuesday=2024-08-13", "weekend=2024-08-10..2024-08-11",
      "October 7=2023-10-07", "October 7=2023-10-07",
    }, rows(read(CORPUS .. "001_a3ea026554da13dc.txt"), { ref = "2024-08-13" }))
  end)

  it("reads Abbas's arrival on Monday and the dateline in article 002", function()
    if not have() then pending("../shared/corpus is not there") return end
    assert.are.same({ "August 13=2024-08-13", "Tuesday=2024-08-13", "Monday=2024-08-12" },
                    rows(read(CORPUS .. "002_241fe81f26dea434.txt"), { ref = "2024-08-13" }))
  end)

  it("reads 'on Tuesday' in an article dated Wednesday as the day before", function()
    if not have() then pending("../shared/corpus is not there") return end
    assert.are.same({ "August 14=2024-08-14", "Tuesday=2024-08-13",
                      "February 2022=2022-02-01..2022-02-28", "Tuesday=2024-08-13" },
                    rows(read(CORPUS .. "000_9ac787cb82328a7b.txt"), { ref = "2024-08-14" }))
  end)

  it("reads last month in article 003 as July", function()
    if not have() then pending("../shared/corpus is not there") return end
    local r = rows(read(CORPUS .. "003_085f4d18063eced9.txt"), { ref = "2024-08-13" })
    assert.are.equal("last month=2024-07-01..2024-07-31", r[#r])
    assert.are.equal("October 7=2023-10-07", r[#r - 1])
  end)
end)

describe("newsc.dates on bad input", function()
  it("returns nothing for empty text", function()
    assert.are.same({}, newsc.dates("", WED))
  end)

  it("returns nil and the byte of invalid UTF-8, or reads on with invalid = replace", function()
    local r, err = newsc.dates("on \255 Tuesday", WED)
    assert.is_nil(r)
    assert.are.equal("invalid UTF-8 at byte 4", err)
    local d = first("on \255 Tuesday", { ref = "2024-08-14", invalid = "replace" })
    assert.are.equal("2024-08-13", d.date)
  end)

  it("raises errors naming the argument for a bad reference or wrong types", function()
    local ok, err = pcall(newsc.dates, "x", { ref = "2024-02-30" })
    assert.is_false(ok)
    assert.matches("ref", err)
    ok, err = pcall(newsc.dates, "x", { ref = 20240814 })
    assert.is_false(ok)
    assert.matches("#2", err)
    ok, err = pcall(newsc.dates, {})
    assert.is_false(ok)
    assert.matches("#1", err)
  end)

  it("moves on after a word that cannot start a date ('the weekend days ago')", function()
    assert.are.same({ "weekend=2024-08-10..2024-08-11" }, rows("over the weekend days ago", WED))
    assert.are.same({ "a week ago=2024-08-04..2024-08-10" }, rows("a week ago", WED))
  end)

  it("reads a long line of dates", function()
    local s = string.rep("on Tuesday, 13 Aug 2024; yesterday ", 10000)
    local ds = assert(newsc.dates(s, WED))
    assert.are.equal(20000, #ds)
    assert.are.equal("Tuesday, 13 Aug 2024", s:sub(ds[19999].start, ds[19999].stop))
    assert.are.equal("2024-08-13", ds[20000].date)
  end)
end)
