-- newsc.crosscheck: quotes grouped across outlets, figures and verdicts,
-- claims, conflicts, provenance, renderers and the command line, on the
-- five-outlet corpus in ../shared and on texts written for these specs.
local newsc = require "newsc"
local input = require "newsc.input"
local json = require "newsc.json"

local CORPUS = "../shared/corpus/putin-abbas-2024-08-13"
local A0, A1, A2, A3, A4 = "000_9ac787cb82328a7b", "001_a3ea026554da13dc",
  "002_241fe81f26dea434", "003_085f4d18063eced9", "004_733a1c3f5a029858"

local function have_corpus()
  local f = io.open(CORPUS .. "/README.md", "r")
  if f then f:close() return true end
  return false
end

local function sorted(t)
  local c = {}
  for i, v in ipairs(t) do c[i] = v end
  table.sort(c)
  return c
end

local function squash(s) return (s:gsub("%s+", " "):gsub("^ ", ""):gsub(" $", "")) end

-- the quote group holding a rendering of `article` whose text has `needle`
local function group_of(report, article, needle)
  for _, q in ipairs(report.quotes) do
    for _, r in ipairs(q.renderings) do
      if r.article == article and r.text:find(needle, 1, true) then return q, r end
    end
  end
  return nil
end

local function figure_about(report, about)
  for _, f in ipairs(report.figures) do
    if f.about == about then return f end
  end
  return nil
end

local function mention_of(f, article)
  for _, m in ipairs(f.mentions) do
    if m.article == article then return m end
  end
  return nil
end

describe("newsc.crosscheck on the five-outlet corpus", function()
  if not have_corpus() then
    pending("../shared/corpus is not there")
    return
  end
  local docs = assert(input.read({ CORPUS }))
  local texts = {}
  for _, d in ipairs(docs) do texts[d.id] = d.text end
  local report = assert(newsc.crosscheck(docs))

  it("reads the metadata of each article", function()
    assert.are.same({ A0, A1, A2, A3, A4 }, (function()
      local ids = {}
      for i, a in ipairs(report.articles) do ids[i] = a.id end
      return ids
    end)())
    local a = {}
    for _, m in ipairs(report.articles) do a[m.id] = m end
    assert.are.equal("Putin expresses concern about civilian deaths in Gaza in meeting with Palestinian president",
      a[A0].title)
    assert.are.equal("Radio Habana Cuba", a[A0].outlet)
    assert.are.equal("Putin tells Abbas 'concerned' about Palestinian civilian toll", a[A1].title)
    assert.are.equal("2024-08-13T16:48", a[A1].published)
    assert.are.equal("AFP", a[A1].byline)
    assert.is_nil(a[A2].title)
    assert.are.equal("Putin Expresses ‘Great Pain’ Over Palestinian Plight in Meeting with Abbas", a[A3].title)
    assert.are.equal("Moscow", a[A2].dateline.place)
  end)

  it("joins Abbas's 'dearest friends' across all five outlets, full and trimmed", function()
    local q, r1 = group_of(report, A1, "We feel that Russia is one of the dearest friends")
    assert.truthy(q)
    assert.are.same({ A0, A1, A2, A3, A4 }, sorted(q.articles))
    assert.matches("Abbas", q.speaker)
    assert.are.equal("direct", r1.kind)
    local _, r0 = group_of(report, A0, "dearest friends")
    assert.are.equal("partial", r0.kind)
    assert.are.equal("trim", r0.variant)
    -- the fullest rendering is the group's text
    assert.are.equal(r1.text, q.text)
  end)

  it("joins the two translations of Putin's 'defend its interests' remark", function()
    local q = group_of(report, A0, "Everyone is well aware")
    assert.truthy(q)
    assert.are.same({ A0, A2, A3 }, sorted(q.articles))
    assert.matches("Putin", q.speaker)
    local _, r2 = group_of(report, A2, "Everyone knows very well")
    assert.are.equal("variant", r2.variant)
    local _, r3 = group_of(report, A3, "Everyone is well aware")
    assert.are.equal("same", r3.variant)
    -- the differences from the fullest rendering name the changed words
    local added, removed = {}, {}
    for _, d in ipairs(r2.diff) do
      if d.op == "+" then added[#added + 1] = d.text end
      if d.op == "-" then removed[#removed + 1] = d.text end
    end
    assert.matches("weapons", table.concat(added, " "))
    assert.matches("arms", table.concat(removed, " "))
  end)

  it("keeps near-misses apart: 'great pain' and 'concerned above all' are two remarks", function()
    local pain = group_of(report, A0, "great pain and anxiety")
    local pain2 = group_of(report, A2, "great pain and concern")
    local everyone = group_of(report, A0, "Everyone is well aware")
    local concerned = group_of(report, A1, "We are concerned above all")
    assert.are.equal(pain, pain2)
    assert.are.same({ A0, A2, A3 }, sorted(pain.articles))
    assert.are_not.equal(pain, everyone)
    assert.are_not.equal(pain, concerned)
    assert.are.same({ A1, A4 }, sorted(concerned.articles))
    assert.are.equal(concerned, group_of(report, A4, "We are concerned above all"))
  end)

  it("joins AFP's two fragments of the peace remark with the full quote", function()
    local q, r = group_of(report, A1, "long-lasting, reliable, stable peace")
    assert.truthy(q)
    assert.are.same({ A1, A4 }, sorted(q.articles))
    assert.truthy(r.parts)
    assert.are.equal(2, #r.parts)
    assert.matches("fully%-fledged Palestinian state", texts[A1]:sub(r.parts[2].start, r.parts[2].stop))
    local _, r4 = group_of(report, A4, "sovereign state of Palestine")
    assert.are.equal("direct", r4.kind)
  end)

  it("leaves remarks only one outlet carries on their own", function()
    for _, c in ipairs({ { A1, "We are doing everything" }, { A3, "We believe in you" },
                         { A0, "refrain from escalating" } }) do
      local q = group_of(report, c[1], c[2])
      assert.truthy(q, c[2])
      assert.are.same({ c[1] }, q.articles)
    end
    assert.matches("Bogdanov", group_of(report, A0, "refrain from escalating").speaker)
  end)

  it("gives every rendering its byte range in the article's input file", function()
    for _, q in ipairs(report.quotes) do
      for _, r in ipairs(q.renderings) do
        for _, p in ipairs(r.parts or { r }) do
          local slice = texts[r.article]:sub(p.start, p.stop)
          assert.truthy(slice:find(p.text, 1, true), r.article .. ": " .. p.text)
        end
      end
    end
  end)

  it("groups the Gaza war toll across four outlets as consistent", function()
    local f = figure_about(report, "people killed in the war")
    assert.truthy(f)
    assert.are.equal("consistent", f.verdict)
    assert.are.same({ A0, A1, A3, A4 }, sorted(f.articles))
    local m0, m1 = mention_of(f, A0), mention_of(f, A1)
    assert.are.equal(40000, m0.value)
    assert.are.equal(40000, m0.high)
    assert.is_true(m0.low < 40000)
    assert.are.equal(39929, m1.value)
    assert.are.equal(39929, m1.low)
    assert.are.equal(math.huge, m1.high)
    assert.matches("health ministry", m1.attribution.text)
    assert.are.equal(m1.attribution.text, texts[A1]:sub(m1.attribution.start, m1.attribution.stop))
  end)

  it("tells the school strike's toll from the war's and the October attack's", function()
    local strike = figure_about(report, "people killed in the strike")
    assert.are.same({ A1, A4 }, sorted(strike.articles))
    assert.are.equal("consistent", strike.verdict)
    assert.are.equal(93, mention_of(strike, A1).value)
    assert.are.equal(93, mention_of(strike, A4).value)
    assert.matches("civil defen[cs]e agency", mention_of(strike, A4).attribution.text)
    local children = figure_about(report, "children killed in the strike")
    assert.are.same({ A1, A4 }, sorted(children.articles))
    assert.are.equal(11, mention_of(children, A4).value)
    assert.are.equal("consistent", children.verdict)
    local attack = figure_about(report, "people killed in the attack")
    assert.are.same({ A1, A3 }, sorted(attack.articles))
    assert.are.equal("consistent", attack.verdict)
    assert.are.equal(1198, mention_of(attack, A1).value)
    assert.are.equal(1200, mention_of(attack, A3).value)
    assert.matches("AFP tally", mention_of(attack, A1).attribution.text)
  end)

  it("marks figures only one outlet gives as single", function()
    local m = figure_about(report, "militants killed in the strike")
    assert.are.equal("single", m.verdict)
    assert.are.equal(31, m.mentions[1].value)
    local c = figure_about(report, "people captured in the attack")
    assert.are.equal("single", c.verdict)
    assert.are.equal(250, c.mentions[1].value)
    assert.are.same({ A3 }, c.articles)
  end)

  it("finds no figure conflict where the outlets agree", function()
    for _, c in ipairs(report.conflicts) do
      assert.are_not.equal("figure", c.kind)
    end
    for _, f in ipairs(report.figures) do
      assert.are_not.equal("conflict", f.verdict)
      for _, m in ipairs(f.mentions) do
        assert.are.equal(m.text, texts[m.article]:sub(m.start, m.stop))
      end
    end
  end)

  it("finds claims several outlets make in other words, with their sources", function()
    local found
    for _, c in ipairs(report.claims) do
      if c.text:find("Kremlin has repeatedly criticised", 1, true) then found = c end
      for _, it in ipairs(c.items) do
        assert.are.equal(it.text, squash(texts[it.article]:sub(it.start, it.stop)))
      end
    end
    assert.truthy(found)
    assert.are.same({ A1, A4 }, sorted(found.articles))
  end)

  it("lists statements only one outlet makes", function()
    local reuters
    for _, s in ipairs(report.single_source) do
      if s.text:find("Erdogan", 1, true) then reuters = s end
      assert.are.equal(s.text, squash(texts[s.article]:sub(s.start, s.stop)))
    end
    assert.truthy(reuters)
    assert.are.equal(A2, reuters.article)
  end)

  it("ends with a cited summary within the budget", function()
    local n = 0
    for _, s in ipairs(report.summary) do
      n = n + newsc.count_words(s.text)
      assert.are.equal(s.article, s.supported_by[1])
      assert.are.equal(s.text, squash(texts[s.article]:sub(s.start, s.stop)))
    end
    assert.is_true(n <= 250 and n > 100)
  end)
end)

describe("newsc.crosscheck on examples/ (the Lorven flood)", function()
  local E1, E2, E3, E4, E5 = "01_valley_courier", "02_vna_wire", "03_nordal_times",
    "04_ast_valley_ledger", "05_morning_signal"
  local docs = assert(input.read({ "examples" }))
  local texts = {}
  for _, d in ipairs(docs) do texts[d.id] = d.text end
  local report = assert(newsc.crosscheck(docs))

  it("joins Ostrel's rebuild promise across translations and trims, not her later remark", function()
    local q = group_of(report, E1, "We will rebuild every street, every house, every shop")
    assert.are.same({ E1, E2, E3, E5 }, sorted(q.articles))
    assert.matches("Ostrel", q.speaker)
    assert.are.equal("variant", select(2, group_of(report, E2, "each street and each home")).variant)
    assert.are.equal("trim", select(2, group_of(report, E3, "every street, every house")).variant)
    assert.are.equal("partial", select(2, group_of(report, E5, "rebuild every street")).kind)
    local later = group_of(report, E4, "but we also want answers")
    assert.are_not.equal(q, later)
    assert.are.same({ E4 }, later.articles)
  end)

  it("joins Kerr's split quote with its whole renderings", function()
    local q, r1 = group_of(report, E1, "came in minutes. We had time")
    assert.are.same({ E1, E2, E3, E5 }, sorted(q.articles))
    assert.matches("Kerr", q.speaker)
    assert.are.equal(q, group_of(report, E5, "I have lost everything"))
    -- a split quote's range covers both parts in the input
    assert.matches("^.The water,.*came in minutes%.", texts[E1]:sub(r1.start, r1.stop))
  end)

  it("joins the three renderings of the weir engineer's 'Nothing pointed to this'", function()
    local q = group_of(report, E1, "Nothing in the last inspection pointed to this")
    assert.are.same({ E1, E2, E5 }, sorted(q.articles))
    assert.are.equal(q, group_of(report, E5, "Nothing pointed to this"))
  end)

  it("reads the toll of two, then five, as an update", function()
    local f = figure_about(report, "people killed in the flood")
    assert.are.same({ E1, E2, E3, E4, E5 }, sorted(f.articles))
    assert.are.equal("update", f.verdict)
    assert.are.equal(2, mention_of(f, E1).value)
    assert.are.equal(2, mention_of(f, E2).value)
    assert.are.equal(5, mention_of(f, E3).value)
    assert.are.equal(5, mention_of(f, E5).value)
    assert.matches("Civil Protection Agency", mention_of(f, E5).attribution.text)
  end)

  it("finds the hedged homes figures consistent", function()
    local f = figure_about(report, "homes displaced in the flood")
    assert.are.same({ E1, E2, E3, E4, E5 }, sorted(f.articles))
    assert.are.equal("consistent", f.verdict)
    assert.are.equal(38, mention_of(f, E2).value)
    assert.are.equal("nearly", mention_of(f, E1).hedge)
    assert.are.equal(40, mention_of(f, E1).high)
    assert.are.equal(35, mention_of(f, E3).low)
  end)

  it("reports the displaced residents as a conflict, with both sides", function()
    local f = figure_about(report, "people displaced")
    assert.are.same({ E2, E3, E5 }, sorted(f.articles))
    assert.are.equal("conflict", f.verdict)
    assert.are.equal(400, mention_of(f, E5).high)
    assert.matches("town council", mention_of(f, E5).attribution.text)
    local c
    for _, x in ipairs(report.conflicts) do
      if x.kind == "figure" then assert.is_nil(c); c = x end
    end
    assert.truthy(c)
    local arts = {}
    for _, it in ipairs(c.items) do arts[#arts + 1] = it.article end
    assert.are.same({ E2, E3, E5 }, sorted(arts))
  end)

  it("reads the emergency fund raised from 4 to 6 million crowns as an update", function()
    local f
    for _, g in ipairs(report.figures) do
      if g.about:find("^crowns") then f = g end
    end
    assert.truthy(f)
    assert.are.same({ E2, E3, E5 }, sorted(f.articles))
    assert.are.equal("update", f.verdict)
    assert.are.equal(4000000, mention_of(f, E2).value)
    assert.are.equal(6000000, mention_of(f, E3).value)
  end)

  it("finds the sirens contradiction and takes a plan for no date conflict", function()
    local sirens
    for _, c in ipairs(report.conflicts) do
      assert.are_not.equal("date", c.kind)
      if c.kind == "statement" then sirens = c end
    end
    assert.truthy(sirens)
    assert.matches("sirens sounded at 11 p.m.", sirens.items[1].text, 1, true)
    assert.matches("did not sound before midnight", sirens.items[2].text, 1, true)
    assert.are.equal(E4, sirens.items[2].article)
  end)

  it("lists the memo only the Ledger reports as single-source, and no boilerplate", function()
    local memo
    for _, s in ipairs(report.single_source) do
      if s.text:find("internal memo", 1, true) then memo = s end
      assert.is_nil(s.text:find("footbridge", 1, true))
      assert.is_nil(s.text:find("rail strike", 1, true))
    end
    assert.truthy(memo)
    assert.are.equal(E4, memo.article)
    assert.are.equal(memo.text, squash(texts[E4]:sub(memo.start, memo.stop)))
  end)
end)

-- texts written for these specs: two outlets, one quake, a toll that rises
local EARLY = [[Quake hits Lowmoor valley

Published: Mon 2 Mar 2026, 8:10 AM

At least 12 people were killed in the earthquake that struck the Lowmoor valley on Monday, the regional governor said.

"We are sending every rescue team we have," governor Ana Petrov said.
]]
local LATE = [[Lowmoor quake toll rises

Published: Mon 2 Mar 2026, 9:45 PM

The earthquake that struck the Lowmoor valley on Monday killed at least 30 people, the regional governor said.

"We are sending every rescue team that we have to the valley," Ana Petrov told reporters.

Aftershocks injured 4 people in the town of Derrin.
]]
local OTHER = [[Lowmoor quake: no toll yet

Published: Mon 2 Mar 2026, 11:00 PM

Officials said 7 people were killed in the earthquake in the Lowmoor valley on Monday.
]]

describe("newsc.crosscheck verdicts on written texts", function()
  it("reads a later, higher toll as an update", function()
    local r = assert(newsc.crosscheck({ { id = "early", text = EARLY }, { id = "late", text = LATE } }))
    local f = figure_about(r, "people killed in the earthquake")
    assert.truthy(f)
    assert.are.same({ "early", "late" }, f.articles)
    assert.are.equal("update", f.verdict)
    assert.are.equal(12, mention_of(f, "early").value)
    assert.are.equal(30, mention_of(f, "late").value)
    for _, c in ipairs(r.conflicts) do assert.are_not.equal("figure", c.kind) end
  end)

  it("reads a later, lower toll as a conflict", function()
    local r = assert(newsc.crosscheck({ { id = "late", text = LATE }, { id = "other", text = OTHER } }))
    local f = figure_about(r, "people killed in the earthquake")
    assert.are.equal("conflict", f.verdict)
    local c
    for _, x in ipairs(r.conflicts) do if x.kind == "figure" then c = x end end
    assert.truthy(c)
    assert.matches("people killed in the earthquake", c.explanation)
  end)

  it("keeps the aftershock injuries apart from the quake deaths", function()
    local r = assert(newsc.crosscheck({ { id = "early", text = EARLY }, { id = "late", text = LATE } }))
    local f = figure_about(r, "people injured")
    assert.truthy(f)
    assert.are.equal("single", f.verdict)
    assert.are.equal(4, f.mentions[1].value)
  end)

  it("joins a quote and its longer rendering, credited to one speaker", function()
    local r = assert(newsc.crosscheck({ { id = "early", text = EARLY }, { id = "late", text = LATE } }))
    local q = group_of(r, "early", "rescue team")
    assert.are.same({ "early", "late" }, q.articles)
    assert.matches("Petrov", q.speaker)
    assert.are.equal("late", q.fullest)
  end)
end)

describe("newsc.crosscheck arguments", function()
  it("raises on a wrong argument type, naming it", function()
    assert.has_error(function() newsc.crosscheck("x") end,
      "bad argument #1 to 'crosscheck' (table expected, got string)")
    assert.has_error(function() newsc.crosscheck({}, 5) end,
      "bad argument #2 to 'crosscheck' (table expected, got number)")
  end)

  it("takes tables from newsc.article, offsets still into their input", function()
    local a, b = newsc.article(EARLY), newsc.article(LATE)
    a.id, b.id = "early", "late"
    local r = assert(newsc.crosscheck({ a, b }))
    local f = figure_about(r, "people killed in the earthquake")
    assert.are.equal("update", f.verdict)
    local m = mention_of(f, "late")
    assert.are.equal("at least 30 people", LATE:sub(m.start, m.stop))
    -- plain strings get ids by position
    r = assert(newsc.crosscheck({ EARLY, LATE }))
    assert.are.equal("article2", r.articles[2].id)
  end)

  it("gives an empty report for no articles and copes with empty or odd texts", function()
    local r = assert(newsc.crosscheck({}))
    assert.are.same({}, r.quotes)
    assert.are.same({}, r.articles)
    r = assert(newsc.crosscheck({ { id = "e", text = "" }, { id = "b", text = "\255\254 \"open quote and 12" } }))
    assert.are.equal(2, #r.articles)
  end)
end)

describe("reports", function()
  local r = assert(newsc.crosscheck({ { id = "early", text = EARLY }, { id = "late", text = LATE } }))

  it("JSON has the versioned top-level keys and null for an open bound", function()
    local v = assert(json.decode(require("newsc.render.json").render(r)))
    assert.are.equal(1, v.version)
    for _, k in ipairs({ "articles", "quotes", "figures", "claims", "single_source",
                         "conflicts", "summary" }) do
      assert.are.equal("table", type(v[k]), k)
    end
    local f = figure_about(v, "people killed in the earthquake")
    local m = mention_of(f, "late")
    assert.are.equal(30, m.low)
    assert.are.equal(json.null, m.high)
    assert.are.equal("at least 30 people", m.text)
    assert.are.equal("late", v.quotes[1].renderings[2].article)
  end)

  it("Markdown marks the differences between renderings", function()
    local md = require("newsc.render.markdown").render(r)
    assert.matches("| early | direct, trim | We are sending every rescue team ~~that~~", md, 1, true)
    assert.matches("**update**", md, 1, true)
  end)

  it("HTML is one page with quotes highlighted and sources linked", function()
    local html = require("newsc.render.html").render(r, { texts = { early = EARLY, late = LATE } })
    assert.matches("^<!DOCTYPE html>", html)
    assert.matches('<mark class="q" title="q1: [^"]*Petrov">', html)
    assert.matches('<a class="src" href="#art%-late">', html)
    assert.matches('<section class="text" id="art%-late">', html)
    assert.matches("<del>that</del>", html, 1, true)
  end)
end)

describe("newsc.crosscheck stories", function()
  it("splits the examples and the corpus into two stories, each checked on its own", function()
    if not have_corpus() then pending("../shared/corpus is not there") return end
    local docs = assert(input.read({ "examples", CORPUS }))
    local stories = assert(require("newsc.crosscheck").stories(docs))
    assert.are.equal(2, #stories)
    assert.are.same({ "01_valley_courier", "02_vna_wire", "03_nordal_times",
                      "04_ast_valley_ledger", "05_morning_signal" }, sorted(stories[1].articles))
    assert.are.same({ A0, A1, A2, A3, A4 }, sorted(stories[2].articles))
    -- no quote group mixes the two stories
    for _, st in ipairs(stories) do
      local mine = {}
      for _, id in ipairs(st.articles) do mine[id] = true end
      for _, q in ipairs(st.report.quotes) do
        for _, id in ipairs(q.articles) do assert.is_true(mine[id]) end
      end
    end
    assert.truthy(group_of(stories[2].report, A1, "dearest friends"))
  end)
end)

describe("newsc crosscheck on the command line", function()
  local bin = os.getenv("PWD") .. "/bin/newsc"
  local function run(args)
    local p = io.popen(bin .. " " .. args .. " 2>&1; echo \"rc=$?\"")
    local out = p:read("*a")
    p:close()
    return out:match("^(.-)rc=(%d+)%s*$")
  end

  it("exits 1 naming a missing file and 2 on bad usage", function()
    local out, rc = run("crosscheck /nonexistent/a.txt")
    assert.are.equal("1", rc)
    assert.matches("/nonexistent/a.txt", out, 1, true)
    out, rc = run("crosscheck --format pdf x")
    assert.are.equal("2", rc)
    out, rc = run("summarise --words 0 examples")
    assert.are.equal("2", rc)
    assert.matches("--words: expected a positive number", out, 1, true)
  end)

  it("reads invalid UTF-8 as U+FFFD, saying so once per file", function()
    local path = os.tmpname()
    local f = assert(io.open(path, "wb"))
    f:write("Officials said \255 12 people were killed in the fire.\0\n")
    f:close()
    local out, rc = run("crosscheck --format json " .. path)
    os.remove(path)
    assert.are.equal("0", rc)
    assert.matches(path .. ": invalid UTF-8 at byte 16; read as U+FFFD", out, 1, true)
  end)

  it("writes a standalone HTML page with -o", function()
    local out = os.tmpname()
    local _, rc = run("crosscheck --format html -o " .. out .. " examples")
    assert.are.equal("0", rc)
    local f = assert(io.open(out, "rb"))
    local html = f:read("*a")
    f:close()
    os.remove(out)
    assert.matches("^<!DOCTYPE html>", html)
    assert.matches('<section class="text" id="art%-05_morning_signal">', html)
    assert.matches('class="verdict update"', html, 1, true)
  end)

  it("prints the stories as JSON with --stories", function()
    local out, rc = run("crosscheck --stories --format json examples")
    assert.are.equal("0", rc)
    local v = assert(json.decode(out))
    assert.are.equal(1, v.version)
    assert.are.equal(1, #v.stories)
    assert.are.equal(5, #v.stories[1].articles)
  end)

  it("prints a JSON report of the corpus", function()
    if not have_corpus() then pending("../shared/corpus is not there") return end
    local out, rc = run("crosscheck --format json " .. CORPUS)
    assert.are.equal("0", rc)
    local v = assert(json.decode(out))
    assert.are.equal(5, #v.articles)
    assert.is_true(#v.quotes >= 5)
  end)
end)
