-- The bundled examples (examples/*.txt): each comes out with its own text
-- and its metadata, as examples/README.md describes them.
local newsc = require "newsc"

local function read(name)
  local f = assert(io.open("examples/" .. name .. ".txt", "rb"))
  local text = f:read("*a")
  f:close()
  return newsc.article(text), text
end

local function reasons(art)
  local by = {}
  for _, d in ipairs(art.dropped) do by[d.text] = d.reason end
  return by
end

local function starts(s, prefix) return s:sub(1, #prefix) == prefix end

local EXPECT = {
  { "01_valley_courier", title = "Floodwater reaches Lorven old town as Ast breaks through Kettle Weir",
    outlet = "The Valley Courier", byline = "Mara Feldt", published = "2026-03-04T07:15",
    place = "LORVEN", date = "2026-03-04", n = 9,
    first = "The river Ast broke through the Kettle Weir late on Tuesday",
    last = "About 150 people spent the night",
    dropped = { ["Also Read | Council approves new budget for the Lorven footbridge"] = "promo",
                ["Two dead and nearly 40 homes evacuated after a night of rising water on the quay"]
                  = "standfirst",
                ["Storm warnings issued for the Vesmark coast"] = "navigation",
                ["Published: Wed 4 Mar 2026, 7:15 AM"] = "metadata" } },
  { "02_vna_wire", title = "Two killed as river floods Vesmark town after weir breach",
    outlet = "Vesmark News Agency", byline = "VNA staff", published = "2026-03-04T11:40",
    place = "LORVEN", date = "2026-03-04", agency = "VNA", n = 10,
    first = "Two people were killed and 38 homes were evacuated",
    last = "Four days of heavy rain",
    dropped = { ["Reporting by Jonas Weil; Editing by Rhea Marr"] = "credit" } },
  { "03_nordal_times", title = 'Lorven flood toll rises to five as mayor vows to "rebuild every street"',
    outlet = "Nordal Times", published = "2026-03-05T08:30", place = "Lorven", date = "2026-03-05",
    agency = "NT", n = 9,
    first = "The number of people killed in the flood",
    last = "The regional weather office said more rain",
    dropped = { ["**Nordal Times**"] = "outlet", ["---"] = "separator" } },
  { "04_ast_valley_ledger",
    title = "Kettle Weir: inspection records raise questions over water board's account",
    outlet = "Ast Valley Ledger", published = "2026-03-06", place = "Kessa", n = 10,
    first = "The Kettle Weir, whose failure on Tuesday night",
    last = "Engineers who have studied the Ast",
    dropped = { ["Published 6 March 2026"] = "metadata",
                ["An internal memo seen by the Ledger warned of cracks in the weir in January"]
                  = "standfirst" } },
  { "05_morning_signal", title = "Lorven flood: five dead, hundreds homeless as mayor promises to rebuild",
    outlet = "Morning Signal", byline = "Signal Desk", published = "2026-03-05T21:02",
    updated = "2026-03-05T21:40", n = 9,
    first = "Five people have now died in the flood",
    last = "The town’s football club",
    dropped = { ["Also Read | Vesmark rail strike: what commuters need to know"] = "promo",
                ["Top Stories"] = "navigation", ["More news from Vesmark"] = "navigation",
                ["• telegram"] = "share" } },
}

describe("the bundled examples", function()
  for _, e in ipairs(EXPECT) do
    it(e[1] .. " comes out with its own text and metadata", function()
      local art, text = read(e[1])
      assert.are.equal(e.title, art.title)
      assert.are.equal(e.outlet, art.outlet)
      assert.are.equal(e.byline, art.byline)
      assert.are.equal(e.published, art.published)
      assert.are.equal(e.updated, art.updated)
      if e.place then
        assert.are.equal(e.place, art.dateline.place)
        assert.are.equal(e.date, art.dateline.date)
        assert.are.equal(e.agency, art.dateline.agency)
      else
        assert.is_nil(art.dateline)
      end
      assert.are.equal("en", art.lang)
      assert.are.equal(e.n, #art.paragraphs)
      assert.is_true(starts(art.paragraphs[1].text, e.first))
      assert.is_true(starts(art.paragraphs[#art.paragraphs].text, e.last))
      local by = reasons(art)
      for line, why in pairs(e.dropped) do assert.are.equal(why, by[line]) end
      for _, p in ipairs(art.paragraphs) do assert.are.equal(p.text, text:sub(p.start, p.stop)) end
      -- captions never reach the body
      assert.is_nil(art.body:find("Photo:", 1, true))
      assert.is_nil(art.body:find("Signal/Nils Berg", 1, true))
    end)
  end
end)
