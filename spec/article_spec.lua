-- newsc.article: the article's own text, its metadata, and what was dropped.
local newsc = require "newsc"
local article = require "newsc.article"

local CORPUS = "../shared/corpus/putin-abbas-2024-08-13/"

local slurp = require("spec.support.files").read

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
  local last = 0
  for _, d in ipairs(art.dropped) do
    assert.are.equal(d.text, text:sub(d.start, d.stop))
    assert.is_true(d.start > last)   -- in input order, no overlap
    last = d.stop
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

describe("newsc.article options and languages", function()
  it("takes the outlet from opts when the text does not name it", function()
    local text = "The river Ast broke its banks on Tuesday night and flooded the old town, "
      .. "the regional council said in a statement on Wednesday morning."
    assert.is_nil(newsc.article(text).outlet)
    assert.are.equal("Valley Courier", newsc.article(text, { outlet = "Valley Courier" }).outlet)
  end)

  it("takes the outlet from a copyright line after the body", function()
    local body = "The river Ast broke its banks on Tuesday night and flooded the old town, "
      .. "the regional council said in a statement on Wednesday morning.\n\n"
      .. "Residents said the water rose within minutes and that the pumps failed twice.\n\n"
    local cases = {
      { "© 2026 The Valley Courier. All rights reserved.", "The Valley Courier" },
      { "Copyright © 2019-2026, Lorven Daily News | All rights reserved", "Lorven Daily News" },
      { "© Copyright Ast Media 2026", "Ast Media" },
      { "(c) 2026 Kettle Weir Gazette", "Kettle Weir Gazette" },
    }
    for _, c in ipairs(cases) do
      local art = newsc.article(body .. c[1])
      assert.are.equal(c[2], art.outlet)
      assert.are.equal("credit", find_dropped(art, c[1]).reason)
      assert.are.equal(2, #art.paragraphs)
    end
    -- a copyright line that names no holder gives none
    assert.is_nil(newsc.article(body .. "© 2026. All rights reserved.").outlet)
  end)

  it("takes the agency of wire copy from the dateline or an agency byline", function()
    local text = "LORVEN, March 4 (Reuters) - The river Ast broke its banks on Tuesday night "
      .. "and flooded the old town, the regional council said on Wednesday."
    local art = newsc.article(text)
    assert.are.equal("Reuters", art.agency)
    assert.are.equal("Reuters", art.outlet)
    -- the caller's outlet (the publisher) comes before the agency
    art = newsc.article(text, { outlet = "Valley Courier" })
    assert.are.equal("Valley Courier", art.outlet)
    assert.are.equal("Reuters", art.agency)
    art = newsc.article("Floodwater reaches Lorven old town\n\nBy The Associated Press\n\n"
      .. "The river Ast broke its banks on Tuesday night and flooded the old town, "
      .. "the regional council said on Wednesday morning.")
    assert.are.equal("The Associated Press", art.byline)
    assert.are.equal("The Associated Press", art.agency)
    -- a person's byline is no agency
    art = newsc.article("Floodwater reaches Lorven old town\n\nBy Mara Feldt\n\n"
      .. "The river Ast broke its banks on Tuesday night and flooded the old town, "
      .. "the regional council said on Wednesday morning.")
    assert.are.equal("Mara Feldt", art.byline)
    assert.is_nil(art.agency)
    assert.is_nil(art.outlet)
  end)

  it("tells the language from the body", function()
    local fr = newsc.article("La rivière est sortie de son lit mardi soir et a inondé la vieille "
      .. "ville, a indiqué le conseil régional. Les habitants ont dit que l'eau était montée en "
      .. "quelques minutes et que les pompiers sont arrivés dans la nuit pour les aider.")
    assert.are.equal("fr", fr.lang)
    local de = newsc.article("Der Fluss ist am Dienstagabend über die Ufer getreten und hat die "
      .. "Altstadt überflutet, teilte der Rat mit. Die Bewohner sagten, das Wasser sei in wenigen "
      .. "Minuten gestiegen und die Feuerwehr sei in der Nacht gekommen, um zu helfen.")
    assert.are.equal("de", de.lang)
    assert.is_nil(newsc.article("Lorven: flood.").lang)
  end)
end)

describe("newsc.article on hard-wrapped text", function()
  local WRAPPED = table.concat({
    "Flood in Lorven",
    "",
    "By Mara Feldt",
    "",
    "The river Ast broke through the Kettle Weir late on Tuesday and poured",
    "into the old town of Lorven, killing two people and forcing the evacuation",
    "of nearly 40 homes, the civil protection agency said.",
    "",
    "\"The water,\" said Ada Kerr, who has run a bakery on the quay for 22 years,",
    "\"came in minutes. We had time to take the cash box and the cat, nothing",
    "else.\"",
    "",
    "- Home",
    "- News",
  }, "\n")

  it("joins the lines of each paragraph, offsets still exact", function()
    local art = newsc.article(WRAPPED)
    assert.are.equal(2, #art.paragraphs)
    assert.matches("^The river Ast .- agency said%.$", art.paragraphs[1].text)
    assert.matches("\nof nearly 40 homes", art.paragraphs[1].text)
    assert.matches("nothing\nelse%.\"$", art.paragraphs[2].text)
    assert.are.equal("Flood in Lorven", art.title)
    assert.are.equal("Mara Feldt", art.byline)
    assert.are.equal("navigation", find_dropped(art, "- Home").reason)
    check_offsets(art, WRAPPED)
  end)

  it("keeps one paragraph a line with wrap = false", function()
    local art = newsc.article(WRAPPED, { wrap = false })
    assert.is_true(#art.paragraphs >= 1)
    for _, p in ipairs(art.paragraphs) do assert.is_nil(p.text:find("\n")) end
    check_offsets(art, WRAPPED)
  end)
end)

describe("newsc clean", function()
  local cli = require "newsc.cli"
  local function run(argv)
    local out, err, write, stderr = {}, {}, io.write, io.stderr
    io.write = function(...) for _, v in ipairs({ ... }) do out[#out + 1] = tostring(v) end end
    io.stderr = { write = function(_, ...)
      for _, v in ipairs({ ... }) do err[#err + 1] = tostring(v) end
    end }
    local ok, code = pcall(cli.main, argv)
    io.write, io.stderr = write, stderr
    assert(ok, code)
    return code, table.concat(out), table.concat(err)
  end

  it("prints the metadata and the body, and the dropped lines with --dropped", function()
    local code, out = run({ "clean", "--dropped", "examples/05_morning_signal.txt" })
    assert.are.equal(0, code)
    assert.matches("title: Lorven flood: five dead, hundreds homeless", out, 1, true)
    assert.matches("published: 2026-03-05T21:02", out, 1, true)
    assert.matches("\n%[promo%] %d+%-%d+\tAlso Read | Vesmark rail strike", out)
    assert.is_nil(out:find("\nAlso Read", 1, true))
  end)

  it("gives JSON with offsets", function()
    local json = require "newsc.json"
    local code, out = run({ "clean", "--format", "json", "examples/02_vna_wire.txt" })
    assert.are.equal(0, code)
    local doc = assert(json.decode(out))[1]
    assert.are.equal("02_vna_wire", doc.id)
    assert.are.equal("LORVEN", doc.dateline.place)
    -- the title names the outlet; the dateline names the agency, known or not
    assert.are.equal("Vesmark News Agency", doc.outlet)
    assert.are.equal("VNA", doc.agency)
    assert.are.equal(10, #doc.paragraphs)
    local f = io.open("examples/02_vna_wire.txt", "rb")
    local text = f:read("*a") f:close()
    local p = doc.paragraphs[3]
    assert.are.equal(p.text, text:sub(p.start, p.stop))
  end)

  it("fails with exit code 1 on a missing file", function()
    local code, _, err = run({ "clean", "no/such/file.txt" })
    assert.are.equal(1, code)
    assert.matches("^newsc: no/such/file%.txt: ", err)
  end)
end)

describe("newsc.article on a page with widgets inside the article", function()
  local FERRY = [==[
Ferry service to Lorven resumes after storm repairs

Home | News | Sport | Weather | Culture

Harbour crews worked through the weekend to restore the ferry link

Published: Mon 9 Mar 2026, 8:15 AM

DUBAI, United Arab Emirates — The ferry service between Lorven and the outer islands resumed on Monday after nine days of repairs to the storm-damaged pier, the harbour authority said.

The first crossing left at 7 a.m. with 112 passengers on board, and the operator said the timetable would be back to normal by Wednesday.

Passengers wait on the repaired pier at Lorven on Monday.

Mara Feldt, AP

"We lost two mooring posts and a section of decking, but the frame held," said harbour master Ada Kerr, who oversaw the work.

More:

Council approves new budget for the Lorven footbridge

Weather warning issued for the coast on Friday

New timetable

The harbour authority published the winter timetable on its website, with crossings every two hours from 6 a.m. until 8 p.m.

Crossings this week:

Monday 07:00 112 passengers
Tuesday 07:00 98 passengers
Wednesday 07:00 120 passengers

The operator said it would add an extra crossing on Saturdays from April if demand held, and that fares would not rise this year.

Repairs to the second pier at Kettle Weir are due to start in May and should take about six weeks, according to the council.

MAYOR SAYS NEW BRIDGE WILL OPEN BEFORE THE SUMMER FESTIVAL

The harbour authority thanked residents for their patience during the closure and said the pier would be inspected again in the autumn.

Tom Brandt is a freelance writer living in Lorven who covers transport and the coast.

Sobre Tom Brandt

Ada Kerr says:

Great news, the crossing this morning was smooth and on time, well done to all the crews who worked on it.
]==]

  local art = newsc.article(FERRY)
  local function reason(prefix) return find_dropped(art, prefix).reason end

  it("keeps the paragraphs, a subheading, and a table under a colon", function()
    check_offsets(art, FERRY)
    assert.are.equal("Ferry service to Lorven resumes after storm repairs", art.title)
    assert.matches("^The ferry service between Lorven", first_par(art))
    assert.matches("^The harbour authority thanked residents", last_par(art))
    assert.truthy(art.body:find("\n\nNew timetable\n\n", 1, true))
    assert.truthy(art.body:find("Tuesday 07:00 98 passengers", 1, true))
    assert.are.equal(12, #art.paragraphs)
  end)

  it("reads a dateline whose region has several words", function()
    assert.are.equal("DUBAI, United Arab Emirates", art.dateline.place)
    assert.is_nil(art.dateline.date)
  end)

  it("drops a one-line menu, the deck above the date, and a caption above its credit", function()
    assert.are.equal("navigation", reason("Home | News | Sport"))
    assert.are.equal("standfirst", reason("Harbour crews worked through"))
    assert.are.equal("credit", reason("Mara Feldt, AP"))
    assert.are.equal("caption", reason("Passengers wait on the repaired pier"))
  end)

  it("drops the headlines under a 'More:' label and a headline in capitals", function()
    assert.are.equal("promo", reason("Council approves new budget"))
    assert.are.equal("promo", reason("Weather warning issued"))
    assert.are.equal("promo", reason("MAYOR SAYS NEW BRIDGE"))
  end)

  it("ends the article at the author's note, an end label and the comments", function()
    assert.are.equal("credit", reason("Tom Brandt is a freelance writer"))
    assert.are.equal("navigation", reason("Sobre Tom Brandt"))
    assert.are.equal("comments", reason("Ada Kerr says:"))
    assert.is_nil(art.body:find("Great news", 1, true))
  end)
end)

describe("newsc.article on side columns", function()
  it("drops headlines cut with two dots, guillemet links and 'clique' promos", function()
    local text = table.concat({
      "A ponte de Lorven reabre depois das obras",
      "",
      "A ponte sobre o rio Ast reabriu na segunda-feira depois de nove dias de obras no pilar "
        .. "danificado pela tempestade, disse a câmara municipal em comunicado.",
      "",
      "A primeira travessia foi feita às sete da manhã e o trânsito deve voltar ao normal até "
        .. "quarta-feira, segundo os técnicos responsáveis pela obra.",
      "",
      "Câmara aprova novo orçamento para a..",
      "Aviso de tempestade para a costa na..",
      "» Coluna de Tom Brandt",
      "Clique na imagem acima e veja todas as datas das obras previstas para este ano na região.",
      "» Horários das travessias",
    }, "\n")
    local art = newsc.article(text)
    check_offsets(art, text)
    assert.are.equal(2, #art.paragraphs)
    assert.are.equal("promo", find_dropped(art, "Câmara aprova novo").reason)
    assert.are.equal("navigation", find_dropped(art, "» Coluna de Tom Brandt").reason)
    assert.are.equal("promo", find_dropped(art, "Clique na imagem").reason)
  end)
end)

describe("newsc.article on a table and a sponsor's note", function()
  local LEAGUE = [==[
Lorven Rowing League: final standings

The Lorven rowing league closed its season on Sunday with a win for the Kettle Weir crew, who finished four points clear of the harbour club after twelve races on the river.

Final standings after 12 races:

1 Kettle Weir RC 118 7 2
2 Lorven Harbour 114 3 4
3 Ast Valley 97 1 3
4 Old Town Oars 90 1 0
5 Mill Lane 81 0 1
6 North Quay 77 0 0
7 Brandt School 64 0 0
8 Riverside 52 0 0

The league's organisers said the new season would begin in April, with two more clubs expected to join and a race planned on the lower river for the first time.

Acme Boats is a leading manufacturer of racing shells for clubs and schools across the region.

Acme Boats has sponsored the league since 2019 and supplies its timing equipment.

© 2026 Lorven Sports Weekly. All rights reserved.
]==]

  it("keeps the standings, drops the company's note, reads the copyright holder", function()
    local art = newsc.article(LEAGUE)
    check_offsets(art, LEAGUE)
    assert.are.equal(11, #art.paragraphs)
    assert.are.equal("Final standings after 12 races:", art.paragraphs[2].text)
    assert.are.equal("8 Riverside 52 0 0", art.paragraphs[10].text)
    assert.matches("^The league's organisers said", last_par(art))
    assert.are.equal("credit", find_dropped(art, "Acme Boats is a leading manufacturer").reason)
    assert.are.equal("credit", find_dropped(art, "Acme Boats has sponsored").reason)
    assert.are.equal("Lorven Sports Weekly", art.outlet)
  end)

  it("does not take a list of dated lines for the article's table", function()
    local text = "The council met on Monday and agreed the plan for the quay, officials said.\n\n"
      .. "Latest from the council:\n\n"
    for d = 1, 8 do
      text = text .. ("March %d: parking on Mill Lane bay %d closed for works\n\n"):format(d, 2 * d)
    end
    text = text .. "The bridge would reopen within weeks of the vote, the mayor told reporters later "
      .. "on Tuesday, and the ferry would run an extra crossing until then."
    local art = newsc.article(text)
    assert.is_nil(art.body:find("Mill Lane", 1, true))
    assert.are.equal("navigation", find_dropped(art, "March 3: parking").reason)
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
    assert.are.equal("Radio Habana Cuba", art.outlet)   -- the bold line wins over the agency
    assert.are.equal("RHC", art.agency)
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
    -- wire copy: the page names no outlet of its own, only the agency
    assert.are.equal("AFP", art.agency)
    assert.are.equal("AFP", art.outlet)
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
    -- the text names no outlet (Reuters is named as a source, not as its publisher)
    assert.is_nil(art.outlet)
    assert.is_nil(art.agency)
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
    assert.is_nil(art.dateline.agency)
    -- no outlet, agency, byline or copyright anywhere in the text
    assert.is_nil(art.outlet)
    assert.is_nil(art.agency)
    assert.is_nil(art.byline)
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

describe("newsc.article on odd bytes", function()
  it("never fails on random input, and its offsets hold", function()
    local seed = 12345
    local function rnd(n) seed = (seed * 1103515245 + 12345) % 2147483648 return seed % n end
    local alphabet = { "a", "B", " ", "\n", "\n\n", ".", "\"", "|", "#", "*", "-", "By ", "\0",
      "\255", "\226\128\148", "Published: ", "LONDON, ", "(AP) ", "Also Read | ", "Share",
      "The river rose quickly and the council said so. ", "\r\n", "\194\160", "1,200 " }
    for _ = 1, 200 do
      local parts = {}
      for k = 1, rnd(60) do parts[k] = alphabet[rnd(#alphabet) + 1] end
      local text = table.concat(parts)
      local art = newsc.article(text)
      check_offsets(art, text)
    end
  end)
end)

describe("newsc.article on HTML", function()
  local p = io.popen("pandoc --version 2>/dev/null")
  local have = p and p:read("*a"):match("^pandoc") ~= nil
  if p then p:close() end
  if not have then
    pending("pandoc is not installed")
    return
  end
  it("reads HTML through pandoc", function()
    local html = "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
      .. "<h1>Floodwater reaches old town</h1><p>By Mara Feldt</p>"
      .. "<p>The river Ast broke its banks on Tuesday night and flooded the old town, "
      .. "the regional council said.</p><p>\"The water came in minutes,\" said Ada Kerr, "
      .. "who runs a bakery on the quay.</p><p>Also Read | Council approves bridge budget</p>"
      .. "</body></html>"
    local art = newsc.article(html, { format = "html" })
    assert.are.equal(2, #art.paragraphs)
    assert.matches("^The river Ast broke its banks", art.paragraphs[1].text)
    assert.are.equal("Mara Feldt", art.byline)
    assert.are.equal("promo", find_dropped(art, "Also Read |").reason)
    check_offsets(art, art.input)
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
