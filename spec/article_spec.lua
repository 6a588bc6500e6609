-- newsc.article: the article's own text, its metadata, and what was dropped.
local newsc = require "newsc"
local article = require "newsc.article"

local CORPUS = "../shared/corpus/putin-abbas-2024-08-13/"

local function slurp(path)
  local f = io.open(path, "rb")
  if not f then return nil end
  local s = f:read("*a")
  f:close()
  return s
end

local function find_dropped(art, prefix)
  for _, d in ipairs(art.dropped) do
    if d.text:sub(1, #prefix) == prefix then return d end
  end
end

local function first_par(art) return art.paragraphs[1].text end
local function last_par(art) return art.paragraphs[#art.paragraphs].text end

-- every paragraph and every dropped line is the input at its offsets
local function check_offsets(art, text)
  for _, p in ipairs(art.paragraphs) do
    assert.are.equal(p.text, text:sub(p.start, p.stop))
  end
  for _, d in ipairs(art.dropped) do
    assert.are.equal(d.text, text:sub(d.start, d.stop))
  end
  for i = 1, #art.body, 97 do
    local j = art:source_offset(i)
    if art.body:sub(i, i + 1) ~= "\n\n" and art.body:sub(i - 1, i) ~= "\n\n" then
      assert.are.equal(art.body:sub(i, i), text:sub(j, j))
    end
  end
end

-- a scraped article written for these specs
local SCRAPED = table.concat({
  "Floodwater reaches old town as river breaks banks | The Valley Courier",
  "",
  "Home",
  "News",
  "Weather",
  "",
  "# Floodwater reaches old town as river breaks banks",
  "",
  "Residents describe a surge that came 'in minutes'",
  "",
  "By Mara Feldt",
  "",
  "Published: Wed 4 Mar 2026, 7:15 AM",
  "",
  "Share",
  "  • Facebook",
  "  • WhatsApp",
  "",
  "Volunteers carry sandbags along the quay on Tuesday. Photo: Ines Bram / Valley Courier",
  "",
  "LORVEN, March 3 (VNA) - The river Ast broke its banks on Tuesday night and flooded the old "
    .. "town of Lorven, the regional council said.",
  "",
  "\"The water came in minutes,\" said Ada Kerr, who runs a bakery on the quay.",
  "",
  "Also Read | Council approves new bridge budget after long debate",
  "",
  "The council said at least 35 homes had been evacuated and that crews would work through "
    .. "the night.",
  "",
  "Volunteers carry sandbags along the quay on Tuesday. Photo: Ines Bram / Valley Courier",
  "",
  "Related articles",
  "Storm warnings issued for the coast",
  "Rail line reopens after landslide",
  "",
  "https://valley-courier.example/news/lorven-flood",
}, "\n")

describe("newsc.article on a scraped article", function()
  local art = newsc.article(SCRAPED)

  it("reads the metadata", function()
    assert.are.equal("Floodwater reaches old town as river breaks banks", art.title)
    assert.are.equal("The Valley Courier", art.outlet)
    assert.are.equal("Mara Feldt", art.byline)
    assert.are.equal("Mara Feldt", art.author)
    assert.are.equal("2026-03-04T07:15", art.published)
    assert.are.equal("LORVEN", art.dateline.place)
    assert.are.equal("VNA", art.dateline.agency)
    assert.are.equal("2026-03-03", art.dateline.date)
    assert.are.equal("https://valley-courier.example/news/lorven-flood", art.url)
    assert.are.equal("en", art.lang)
  end)

  it("keeps the article's own paragraphs, in order", function()
    assert.are.equal(3, #art.paragraphs)
    assert.are.equal("The river Ast broke its banks on Tuesday night and flooded the old town "
      .. "of Lorven, the regional council said.", first_par(art))
    assert.are.equal("The council said at least 35 homes had been evacuated and that crews would "
      .. "work through the night.", last_par(art))
    assert.is_nil(art.body:find("Also Read", 1, true))
    assert.is_nil(art.body:find("Photo:", 1, true))
  end)

  it("drops the rest, each with its reason", function()
    assert.are.equal("promo", find_dropped(art, "Also Read |").reason)
    assert.are.equal("byline", find_dropped(art, "By Mara Feldt").reason)
    assert.are.equal("metadata", find_dropped(art, "Published:").reason)
    assert.are.equal("share", find_dropped(art, "Share").reason)
    assert.are.equal("share", find_dropped(art, "• WhatsApp").reason)
    assert.are.equal("navigation", find_dropped(art, "Home").reason)
    assert.are.equal("title", find_dropped(art, "# Floodwater").reason)
    assert.are.equal("dateline", find_dropped(art, "LORVEN, March 3").reason)
    assert.are.equal("url", find_dropped(art, "https://").reason)
    local caps = 0
    for _, d in ipairs(art.dropped) do
      if d.text:match("^Volunteers carry") then
        caps = caps + 1
        assert.are.equal("caption", d.reason)
      end
    end
    assert.are.equal(2, caps)
  end)

  it("maps body offsets back to the input", function()
    check_offsets(art, SCRAPED)
    local i = art.body:find("at least 35", 1, true)
    local j = art:source_offset(i)
    assert.are.equal("at least 35", SCRAPED:sub(j, j + 10))
    assert.are.equal(i, art:body_offset(j))
    assert.is_nil(art:body_offset(1))
    assert.is_nil(art:source_offset(0))
    assert.is_nil(art:source_offset(#art.body + 1))
  end)
end)

describe("newsc.article on the corpus", function()
  local have = slurp(CORPUS .. "README.md") ~= nil
  if not have then
    pending("../shared/corpus is not there")
    return
  end
  local function read(id)
    local text = assert(slurp(CORPUS .. id .. ".txt"))
    local art = newsc.article(text)
    check_offsets(art, text)
    return art, text
  end

  it("000: bold headline, caption with photo credit, outlet at the end", function()
    local art = read("000_9ac787cb82328a7b")
    assert.are.equal("Putin expresses concern about civilian deaths in Gaza in meeting with "
      .. "Palestinian president", art.title)
    assert.are.equal("Radio Habana Cuba", art.outlet)
    assert.are.equal("Moscow", art.dateline.place)
    assert.are.equal("RHC", art.dateline.agency)
    assert.are.equal("--08-14", art.dateline.date)   -- no year in the text
    assert.is_nil(art.published)
    assert.matches("^https://www%.radiohc%.cu/en/noticias/", art.url)
    assert.are.equal(7, #art.paragraphs)
    assert.matches("^Russian President Vladimir Putin has told Palestinian Authority", first_par(art))
    assert.matches("^On Tuesday, Russian state news agency TASS quoted", last_par(art))
    assert.are.equal("caption", find_dropped(art, "**Palestinian President Mahmoud Abbas, left,").reason)
    assert.are.equal("title", find_dropped(art, "# *Putin expresses").reason)
    assert.are.equal("outlet", find_dropped(art, "**Radio Habana Cuba**").reason)
    assert.are.equal("dateline", find_dropped(art, "Moscow, August 14 (RHC)--").reason)
    -- the dateline year comes from the caller when the text has none
    assert.are.equal("2024-08-14", newsc.article(slurp(CORPUS .. "000_9ac787cb82328a7b.txt"),
      { year = 2024 }).dateline.date)
  end)

  it("001: byline, share list, repeated caption, publication times", function()
    local art = read("001_a3ea026554da13dc")
    assert.are.equal("Putin tells Abbas 'concerned' about Palestinian civilian toll", art.title)
    assert.are.equal("AFP", art.byline)
    assert.are.equal("2024-08-13T16:48", art.published)
    assert.are.equal("2024-08-13T16:49", art.updated)
    assert.is_nil(art.dateline)
    assert.are.equal(12, #art.paragraphs)
    assert.matches("^Russian President Vladimir Putin on Tuesday told", first_par(art))
    assert.matches("^The Kremlin has repeatedly criticised", last_par(art))
    assert.are.equal("standfirst", find_dropped(art, "The only way to peace").reason)
    assert.are.equal("share", find_dropped(art, "• whatsapp").reason)
    assert.are.equal("navigation", find_dropped(art, "Top Stories").reason)
    assert.are.equal("navigation", find_dropped(art, "More news from World").reason)
    local caps = 0
    for _, d in ipairs(art.dropped) do
      if d.text:match("^Russian President Vladimir Putin %(R%) meets") then
        caps = caps + 1
        assert.are.equal("caption", d.reason)
      end
    end
    assert.are.equal(2, caps)
  end)

  it("002: no headline, a dated dateline with a dash", function()
    local art = read("002_241fe81f26dea434")
    assert.is_nil(art.title)
    assert.are.equal("Moscow", art.dateline.place)
    assert.are.equal("--08-13", art.dateline.date)
    assert.are.equal(9, #art.paragraphs)
    assert.matches("^In a significant diplomatic meeting held in Moscow on Tuesday", first_par(art))
    assert.matches("^The meeting highlights Russia", last_par(art))
    assert.are.equal(0, #art.dropped - 1)   -- the dateline only
  end)

  it("003: standfirst, 'Also Read |' promo, 'Recent News'", function()
    local art = read("003_085f4d18063eced9")
    assert.are.equal("Putin Expresses ‘Great Pain’ Over Palestinian Plight in Meeting with Abbas",
      art.title)
    assert.are.equal("Moscow", art.dateline.place)
    assert.are.equal(10, #art.paragraphs)
    assert.matches("^Russian President Vladimir Putin, during a meeting with", first_par(art))
    assert.matches("^In addition to its Middle East diplomacy", last_par(art))
    assert.are.equal("promo", find_dropped(art, "Also Read | Ukraine Reiterates").reason)
    assert.are.equal("navigation", find_dropped(art, "Recent News").reason)
    assert.are.equal("standfirst", find_dropped(art, "Russia has maintained strong ties").reason)
    -- the body paragraph that starts like the standfirst stays
    assert.truthy(art.body:find("Hosting Hamas delegations", 1, true))
  end)

  it("004: capital dateline, paragraphs on single lines", function()
    local art = read("004_733a1c3f5a029858")
    assert.are.equal("MOSCOW", art.dateline.place)
    assert.are.equal(8, #art.paragraphs)
    assert.matches("^Russian President Vladimir Putin on Tuesday reiterated", first_par(art))
    assert.matches("^Russia has consistently criticized", last_par(art))
  end)
end)

describe("newsc.article on bad input", function()
  it("rejects what is not a string, naming the argument", function()
    assert.has_error(function() newsc.article(nil) end,
      "bad argument #1 to 'article' (string expected, got nil)")
    assert.has_error(function() newsc.article("x", 3) end,
      "bad argument #2 to 'article' (table expected, got number)")
    assert.has_error(function() newsc.article("x", { format = "pdf" }) end)
  end)

  it("gives an empty article for empty or blank input", function()
    for _, s in ipairs({ "", "\n\n  \n", "\r\n" }) do
      local art = newsc.article(s)
      assert.are.equal("", art.body)
      assert.are.equal(0, #art.paragraphs)
      assert.is_nil(art.title)
    end
  end)

  it("passes NUL bytes and invalid UTF-8 through, offsets exact", function()
    local text = "The council met on Monday and agreed\0 the plan for the quay.\n\n"
      .. "Officials said the \255\254 bridge would reopen within weeks of the vote."
    local art = newsc.article(text)
    assert.are.equal(2, #art.paragraphs)
    assert.truthy(art.body:find("\0", 1, true))
    assert.truthy(art.body:find("\255\254", 1, true))
    check_offsets(art, text)
  end)

  it("reads a 10 MB text with no line break", function()
    local text = string.rep("The council said the water rose quickly. ", 250000)
    local art = newsc.article(text)
    assert.are.equal(1, #art.paragraphs)
    assert.are.equal(#text - 1, #art.body)   -- the final space is trimmed
  end)

  it("reads one line repeated a million times, keeping it once", function()
    local line = "Residents said the river rose in minutes.\n"
    local art = newsc.article(string.rep(line, 1000000))
    assert.are.equal(1, #art.paragraphs)
    assert.are.equal(999999, #art.dropped)
    assert.are.equal("duplicate", art.dropped[999999].reason)
    assert.are.equal(#line * 999999 + 1, art.dropped[999999].start)
  end)
end)

describe("newsc.article.parse_date", function()
  local function iso(s) return article.iso_date(article.parse_date(s)) end
  it("reads the publication lines of scraped pages", function()
    assert.are.equal("2024-08-13T16:48", iso("Published: Tue 13 Aug 2024, 4:48 PM"))
    assert.are.equal("2019-11-18T23:03", iso("Reuters November 18, 2019 11:03 PM"))
    assert.are.equal("2019-11-19T10:48", iso("PUBLISHED: Nov 19, 2019 10:48"))
    assert.are.equal("2024-08-13", iso("Aug. 13, 2024"))
    assert.are.equal("2024-08-13T10:00", iso("2024-08-13T10:00"))
    assert.are.equal("--08-14", iso("August 14"))
    assert.is_nil(article.parse_date("no date here"))
  end)
end)
