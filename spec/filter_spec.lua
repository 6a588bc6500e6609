-- The pandoc filter (filters/newsc.lua), run through the pandoc on the
-- path: the sample document against its expected HTML, the Spans' values,
-- the Cross-check section and its options, the Div and metadata forms of
-- articles, and the offset mapping (spec/support/filter_mapping.lua).
-- Skipped (pending) when pandoc is not installed.
local json = require "newsc.json"

local ROOT = assert(io.popen("pwd")):read("*l")

local sh = require("spec.support.files").sh

local function q(s) return "'" .. s:gsub("'", "'\\''") .. "'" end

local function write(path, text)
  local f = assert(io.open(path, "wb")); f:write(text); f:close()
end

local read = require("spec.support.files").read

-- pandoc's version and the Lua inside it; nil when pandoc is absent
local PANDOC, LUAV
do
  local out, code = sh("pandoc --version")
  if code == 0 then
    PANDOC = out:match("^pandoc%S*%s+(%d[%d%.]*)")
    local probe = os.tmpname()
    write(probe, 'io.write((_VERSION:gsub("Lua ", "")))')
    LUAV = sh("pandoc --lua-filter " .. probe .. " -t plain </dev/null"):match("%d+%.%d+")
    os.remove(probe)
  end
end

-- pandoc without LUA_PATH / LUA_CPATH: the filter finds newsc by itself
local function pandoc(args, cwd)
  return sh(("cd %s && env -u LUA_PATH -u LUA_CPATH -u LUA_PATH_5_3 -u LUA_CPATH_5_3 "
    .. "-u LUA_PATH_5_4 -u LUA_CPATH_5_4 pandoc --lua-filter %s %s")
    :format(q(cwd or ROOT), q(ROOT .. "/filters/newsc.lua"), args))
end

local ast_ = require "spec.support.pandoc_ast"
local plain, collect, spans, section_titles = ast_.plain, ast_.collect, ast_.spans, ast_.section_titles

local function run_json(args, cwd)
  local out, code = pandoc(args .. " -t json", cwd)
  assert.equal(0, code, out)
  return assert(json.decode(out))
end

local describe_pandoc = PANDOC and describe or function(name) pending(name .. ": pandoc is not installed") end

describe_pandoc("pandoc filter", function()
  setup(function()
    if not LUAV then return end           -- a pandoc without Lua: the specs fail below
    local out, code = sh("make -s core LUA=" .. LUAV)
    assert.equal(0, code, "make core LUA=" .. LUAV .. ": " .. out)
  end)

  local sample

  before_each(function()
    sample = sample or run_json("filters/sample.md")
  end)

  it("gives the expected HTML for the sample (pandoc 2.17)", function()
    if not PANDOC:match("^2%.17") then
      pending("filters/expected.html was made with pandoc 2.17; this is " .. PANDOC)
      return
    end
    local out, code = pandoc("filters/sample.md -t html")
    assert.equal(0, code, out)
    assert.equal(read(ROOT .. "/filters/expected.html"), out)
  end)

  it("works as one self-contained file copied alone (tools/bundle-filter.lua)", function()
    if not PANDOC:match("^2%.17") then
      pending("filters/expected.html was made with pandoc 2.17; this is " .. PANDOC)
      return
    end
    local dir = os.tmpname(); os.remove(dir); assert(os.execute("mkdir -p " .. q(dir)))
    local out, code = sh("lua5.4 tools/bundle-filter.lua " .. q(dir .. "/newsc-filter.lua"))
    assert.equal(0, code, out)
    -- no newsc tree beside it: the modules come from the file, the C module is
    -- not found, so newsc.pure does the work; the report is the same
    out, code = sh(("cd %s && env -u LUA_PATH -u LUA_CPATH -u LUA_PATH_5_3 -u LUA_CPATH_5_3 "
      .. "pandoc --lua-filter newsc-filter.lua %s -t html"):format(q(dir), q(ROOT .. "/filters/sample.md")))
    assert.equal(0, code, out)
    assert.equal(read(ROOT .. "/filters/expected.html"), out)
    os.execute("rm -rf " .. q(dir))
  end)

  it("runs from another directory without LUA_PATH or LUA_CPATH", function()
    local out, code = pandoc(q(ROOT .. "/filters/sample.md") .. " -t html", "/tmp")
    assert.equal(0, code, out)
    assert.matches('id="newsc%-q1%-1" class="quote"', out)
  end)

  it("marks figures with their range and verdict", function()
    local by = {}
    for _, s in ipairs(spans(sample)) do if s.id ~= "" then by[s.id] = s end end
    local f = by["newsc-f3-3"]            -- Morning Signal's displaced residents
    assert.same({ "figure" }, f.classes)
    assert.equal("Fewer than 400 residents", f.text)
    assert.same({ { "topic", "people displaced" }, { "lower", "0" }, { "upper", "400" },
      { "verdict", "conflict" }, { "group", "f3" } }, f.attrs)
    assert.equal("At least 35 homes", by["newsc-f2-3"].text)
    assert.equal("35", by["newsc-f2-3"].attr.lower)
    assert.equal("", by["newsc-f2-3"].attr.upper)        -- open bound
    assert.equal("two people", by["newsc-f1-1"].text)
    assert.equal("five", by["newsc-f1-3"].text)
    assert.equal("update", by["newsc-f1-3"].attr.verdict)
  end)

  it("marks quotes with their speaker and the number of articles carrying them", function()
    local all = spans(sample)
    local by, groups = {}, {}
    for _, s in ipairs(all) do
      if s.id ~= "" then by[s.id] = s end
      if s.classes[1] == "quote" then
        assert.same({ "speaker", "articles", "group", "variant" },
          { s.attrs[1][1], s.attrs[2][1], s.attrs[3][1], s.attrs[4][1] })
        groups[s.attr.group] = groups[s.attr.group] or { n = tonumber(s.attr.articles), ids = {} }
        if s.id ~= "" then groups[s.attr.group].ids[#groups[s.attr.group].ids + 1] = s.id end
      end
    end
    local q1 = by["newsc-q1-1"]
    assert.equal("Ada Kerr", q1.attr.speaker)
    assert.equal("4", q1.attr.articles)
    assert.equal("“The water,”", q1.text)
    -- the quote's second part, after its attribution, is marked too
    local found
    for _, s in ipairs(all) do
      if s.id == "" and s.attr.group == "q1" then found = found or s.text end
    end
    assert.equal("“came in minutes. We had time to take the cash box and the cat, nothing else.”", found)
    assert.equal("“The water came in minutes,”", by["newsc-q1-2"].text)
    assert.equal("variant", by["newsc-q2-2"].attr.variant)
    assert.equal("“We will rebuild each street and each home,”", by["newsc-q2-2"].text)
    -- `articles` is the number of sections holding a rendering of the group
    local section_of = {}
    local current
    for _, b in ipairs(sample.blocks) do
      if b.t == "Header" and b.c[1] == 1 then current = b.c[2][1] end
      for _, sp in ipairs(collect(b, "Span")) do section_of[sp.c[1][1]] = current end
    end
    for g, info in pairs(groups) do
      local secs, n = {}, 0
      for _, id in ipairs(info.ids) do
        local s = section_of[id]
        if not secs[s] then secs[s] = true; n = n + 1 end
      end
      assert.equal(info.n, n, g)
    end
  end)

  it("appends the Cross-check section with summary, quotes, figures, conflicts", function()
    local titles, found = section_titles(sample)
    assert.is_true(found)
    assert.same({ "Summary", "Quotes", "Figures", "Conflicts" }, titles)
    local tables = collect(sample.blocks, "Table")
    assert.equal(2, #tables)
    local html = pandoc("filters/sample.md -t html --wrap=none")
    -- the conflict lists the three outlets' figures, linked to their Spans
    assert.matches('<a href="#newsc%-f3%-3">Morning Signal</a>: “Fewer than 400 residents”', html)
    assert.matches('<a href="#newsc%-q1%-1">The Valley Courier</a>', html)
  end)

  it("takes the sections and the summary budget from metadata", function()
    local ast = run_json("filters/sample.md -M newsc-sections=quotes,figures")
    assert.same({ "Quotes", "Figures" }, (section_titles(ast)))
    local function summary_words(a)
      local n, on = 0, false
      for _, b in ipairs(a.blocks) do
        if b.t == "Header" then on = b.c[2][1] == "newsc-summary"
        elseif on and b.t == "Para" then
          local text = plain(b.c):gsub("%s*%[[^%]]*%]$", "")
          for _ in text:gmatch("%S+") do n = n + 1 end
        end
      end
      return n
    end
    local short = summary_words(run_json("filters/sample.md -M newsc-words=40"))
    local long = summary_words(sample)          -- newsc-words: 120 in the sample
    assert.is_true(short > 0 and short <= 40, "40-word summary has " .. short)
    assert.is_true(long > short and long <= 120, "120-word summary has " .. long)
  end)

  it("rejects an unknown section and a bad word budget", function()
    local out, code = pandoc("filters/sample.md -t html -M newsc-sections=quotes,bogus")
    assert.is_not.equal(0, code)
    assert.matches("unknown section 'bogus'", out)
    out, code = pandoc("filters/sample.md -t html -M newsc-words=many")
    assert.is_not.equal(0, code)
    assert.matches("newsc%-words must be a positive number", out)
  end)

  local A = [[
Mayor Ann Vole said on Monday that the bridge would reopen. "We will open the bridge on Friday and not a day later," she said. Three people were injured in the collapse, police said.
]]
  local B = [[
"We will open the bridge on Friday," Mayor Ann Vole told reporters. Police said five people were injured in the collapse on Sunday.
]]

  it("reads articles from Divs of class article", function()
    local dir = os.tmpname(); os.remove(dir); assert(os.execute("mkdir -p " .. q(dir)))
    write(dir .. "/d.md", "Intro.\n\n::: {.article #alpha outlet=\"Alpha Post\"}\n" .. A
      .. ":::\n\n::: {#beta .article}\n" .. B .. ":::\n")
    local ast = run_json(q(dir .. "/d.md"))
    local quotes = {}
    for _, s in ipairs(spans(ast)) do
      if s.classes[1] == "quote" then quotes[#quotes + 1] = s end
    end
    assert.equal(2, #quotes)
    for _, s in ipairs(quotes) do
      assert.equal("Ann Vole", s.attr.speaker)
      assert.equal("2", s.attr.articles)
    end
    local html = pandoc(q(dir .. "/d.md") .. " -t html --wrap=none")
    assert.matches('<a href="#alpha">Alpha Post</a>', html)     -- outlet from the Div
    assert.matches('data%-verdict="conflict"', html)             -- three / five injured
    os.execute("rm -rf " .. q(dir))
  end)

  it("reads the articles named in newsc-articles", function()
    local dir = os.tmpname(); os.remove(dir); assert(os.execute("mkdir -p " .. q(dir)))
    write(dir .. "/a.md", A); write(dir .. "/b.md", B)
    write(dir .. "/main.md", "---\ntitle: Bridge\nnewsc-articles: [a.md, b.md]\n---\n\nTwo reports.\n")
    local ast = run_json(q(dir .. "/main.md"))       -- relative to main.md's folder
    local divs = {}
    for _, d in ipairs(collect(ast.blocks, "Div")) do
      divs[#divs + 1] = d.c[1][1] .. ":" .. table.concat(d.c[1][2], ",")
    end
    assert.same({ "a:article", "b:article" }, divs)
    local figures = {}
    for _, s in ipairs(spans(ast)) do
      if s.classes[1] == "figure" then figures[#figures + 1] = s.text .. "=" .. s.attr.verdict end
    end
    assert.same({ "Three people=conflict", "five people=conflict" }, figures)
    local out, code = pandoc(q(dir .. "/main.md") .. " -t html -M newsc-articles=missing.md")
    assert.is_not.equal(0, code)
    assert.matches("cannot read article file 'missing.md'", out)
    os.execute("rm -rf " .. q(dir))
  end)

  it("reports on the example articles named with repeated -M newsc-articles (README)", function()
    local args = {}
    for _, f in ipairs({ "01_valley_courier", "02_vna_wire", "03_nordal_times",
                         "04_ast_valley_ledger", "05_morning_signal" }) do
      args[#args + 1] = "-M newsc-articles=" .. q(ROOT .. "/examples/" .. f .. ".txt")
    end
    local ast = run_json("-f markdown /dev/null " .. table.concat(args, " "))
    local divs = {}
    for _, d in ipairs(collect(ast.blocks, "Div")) do
      if d.c[1][2][1] == "article" then divs[#divs + 1] = d.c[1][1] end
    end
    assert.same({ "01_valley_courier", "02_vna_wire", "03_nordal_times", "04_ast_valley_ledger",
      "05_morning_signal" }, divs)
    local kerr = 0
    for _, sp in ipairs(spans(ast)) do
      if sp.classes[1] == "quote" and sp.attr.speaker == "Ada Kerr" then kerr = kerr + 1 end
    end
    assert.is_true(kerr >= 4, "Ada Kerr quote Spans: " .. kerr)
    assert.same({ "Summary", "Quotes", "Figures", "Conflicts" }, (section_titles(ast)))
  end)

  it("leaves a document without articles as it is, with a warning", function()
    local tmp = os.tmpname()
    write(tmp, "Just a paragraph with \"a quote,\" she said.\n")
    local out, code = pandoc(q(tmp) .. " -t html")
    assert.equal(0, code)
    assert.matches("newsc: no articles", out)
    assert.not_matches("class=\"quote\"", out)
    os.remove(tmp)
  end)

  it("maps offsets to inlines exactly (every range of a tricky paragraph)", function()
    local out, code = sh("pandoc --lua-filter spec/support/filter_mapping.lua "
      .. "spec/fixtures/filter_inlines.md -t html -o /dev/null")
    assert.equal(0, code, out)
    local units = tonumber(out:match("text (%d+) 0"))
    local ranges, failures, exact = out:match("wrap (%d+) (%d+) exact (%d+)")
    assert.equal(6, units, out)   -- header, paragraph, list item, block quote, two verse lines
    assert.equal("0", failures, out)
    assert.is_true(tonumber(ranges) > 5000 and tonumber(exact) > tonumber(ranges) / 2, out)
  end)

  it("builds the article text as pandoc.utils.stringify does (sample)", function()
    local out, code = sh("NEWSC_TEXT_ONLY=1 pandoc --lua-filter spec/support/filter_mapping.lua "
      .. "filters/sample.md -t html -o /dev/null")
    assert.equal(0, code, out)
    assert.matches("^text %d+ 0\n", out)
    assert.not_matches("FAIL", out)
  end)
end)
