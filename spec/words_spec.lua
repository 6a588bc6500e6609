-- Specs of the word functions of newsc.core: segments, words, word_spans,
-- count_words, normalize.
local newsc = require "newsc"

local function texts(s, opts)
  local out = {}
  for i, w in ipairs(assert(newsc.words(s, opts))) do out[i] = w.text end
  return out
end

local function kinds_of(s)
  local out = {}
  for _, w in ipairs(assert(newsc.words(s))) do out[w.text] = w.kind end
  return out
end

local SENTENCE = "“We are deeply concerned,” Moscow’s envoy told reporters in Zürich on "
  .. "Tuesday, adding that 39,929 people – about 90% of the town – had fled since 5 p.m."

describe("newsc.segments", function()
  it("covers the text in order, spaces and punctuation included", function()
    local segs = assert(newsc.segments(SENTENCE))
    local pos = 1
    for _, sg in ipairs(segs) do
      assert.are.equal(pos, sg.start)
      assert.is_true(sg.stop >= sg.start)
      pos = sg.stop + 1
    end
    assert.are.equal(#SENTENCE + 1, pos)
  end)

  it("follows UAX #29 on a sentence", function()
    local s = "Moscow’s envoy, 3.5 km  away."
    local got = {}
    for i, sg in ipairs(newsc.segments(s)) do got[i] = s:sub(sg.start, sg.stop) end
    assert.are.same({ "Moscow’s", " ", "envoy", ",", " ", "3.5", " ", "km", "  ", "away", "." }, got)
  end)

  it("keeps CR LF together and emoji sequences whole", function()
    local s = "a\r\nb 👩‍⚕️ 🇫🇷🇩🇪"
    local got = {}
    for i, sg in ipairs(newsc.segments(s)) do got[i] = s:sub(sg.start, sg.stop) end
    assert.are.same({ "a", "\r\n", "b", " ", "👩‍⚕️", " ", "🇫🇷", "🇩🇪" }, got)
  end)

  it("gives an empty array for an empty string", function()
    assert.are.same({}, newsc.segments(""))
  end)
end)

describe("newsc.words", function()
  it("gives word tokens with text, norm, start, stop and kind", function()
    local ws = assert(newsc.words(SENTENCE))
    assert.are.same({ "We", "are", "deeply", "concerned", "Moscow’s", "envoy", "told",
      "reporters", "in", "Zürich", "on", "Tuesday", "adding", "that", "39,929", "people",
      "about", "90%", "of", "the", "town", "had", "fled", "since", "5", "p.m." }, texts(SENTENCE))
    for _, w in ipairs(ws) do
      assert.are.equal(w.text, SENTENCE:sub(w.start, w.stop))
    end
    assert.are.equal("moscow's", ws[5].norm)
    assert.are.equal("zürich", ws[10].norm)
    assert.are.equal("we", ws[1].norm)
    assert.are.equal("number", ws[15].kind)
    assert.are.equal("number", ws[18].kind)
    assert.are.equal("word", ws[26].kind)
  end)

  it("keeps abbreviations, possessives and decimals whole", function()
    assert.are.same({ "The", "U.S.", "and", "the", "U.N.", "met", "Russia's", "and",
      "Israel’s", "envoys", "at", "10:30", "a.m.", "inflation", "was", "3.5", "percent" },
      texts("The U.S. and the U.N. met Russia's and Israel’s envoys at 10:30 a.m.; inflation was 3.5 percent."))
  end)

  it("tells URLs, e-mail addresses, hashtags, mentions and emoji apart", function()
    local k = kinds_of("See https://example.com/news/2024/08/13/gaza?ref=a, mail desk@example.org, "
      .. "follow @kremlin_watch and #Gaza 🇵🇸 👍🏽 or www.example.net.")
    assert.are.equal("url", k["https://example.com/news/2024/08/13/gaza?ref=a"])
    assert.are.equal("email", k["desk@example.org"])
    assert.are.equal("mention", k["@kremlin_watch"])
    assert.are.equal("hashtag", k["#Gaza"])
    assert.are.equal("emoji", k["🇵🇸"])
    assert.are.equal("emoji", k["👍🏽"])
    assert.are.equal("url", k["www.example.net"])
    assert.are.equal("word", k["See"])
  end)

  it("takes symbols shown as text for no emoji", function()
    assert.are.same({ "Acme", "2024", "✅", "❤️" }, texts("Acme™ © 2024 ✅ ❤️"))
    assert.are.equal("emoji", newsc.words("✅")[1].kind)
  end)

  it("splits ideographs and keeps non-Latin words", function()
    local ws = assert(newsc.words("Путин встретился с Аббасом 在莫斯科"))
    assert.are.same({ "Путин", "встретился", "с", "Аббасом", "在", "莫", "斯", "科" },
      texts("Путин встретился с Аббасом 在莫斯科"))
    assert.are.equal("путин", ws[1].norm)
    assert.are.equal("word", ws[1].kind)
    assert.are.equal("ideo", ws[5].kind)
  end)

  it("reads NUL bytes as characters", function()
    assert.are.same({ "one", "two" }, texts("one\0two"))
  end)

  it("gives an empty array for an empty string or punctuation only", function()
    assert.are.same({}, newsc.words(""))
    assert.are.same({}, newsc.words(" “—” ... "))
  end)

  it("leaves the garbage collector as it found it", function()
    if _VERSION == "Lua 5.1" then return pending("collectgarbage('isrunning') needs Lua 5.2") end
    local s = SENTENCE:rep(20)   -- enough tokens for the collector to be paused
    local ws = newsc.words(s)
    assert.are.equal(20 * 26, #ws)
    assert.are.equal("moscow's", ws[26 + 5].norm)
    assert.is_true(collectgarbage("isrunning"))
    collectgarbage("stop")
    local ok, again = pcall(newsc.words, s, { fields = "norm" })
    local running = collectgarbage("isrunning")
    collectgarbage("restart")
    assert.is_true(ok)
    assert.are.equal(20 * 26, #again)
    assert.is_false(running)
    -- an error inside (a bad argument) leaves it running
    assert.has_error(function() newsc.words(s, { fields = "all", invalid = "bogus" }) end)
    assert.is_true(collectgarbage("isrunning"))
  end)
end)

describe("newsc.word_spans and newsc.count_words", function()
  it("agree with newsc.words", function()
    local ws = newsc.words(SENTENCE)
    local spans = newsc.word_spans(SENTENCE)
    assert.are.equal(2 * #ws, #spans)
    for i, w in ipairs(ws) do
      assert.are.equal(w.start, spans[2 * i - 1])
      assert.are.equal(w.stop, spans[2 * i])
    end
    assert.are.equal(#ws, newsc.count_words(SENTENCE))
    assert.are.equal(26, newsc.count_words(SENTENCE))
    -- and on a text long enough for the block scanner, with curly quotes and accents
    local parts = {}
    for i = 1, 50 do parts[i] = SENTENCE end
    local long = table.concat(parts, " Zürich’s “café” U.S. 3.5% ")  -- string.rep has no separator in 5.1
    local wl, sl = newsc.words(long), newsc.word_spans(long)
    assert.are.equal(2 * #wl, #sl)
    assert.are.equal(50 * 26 + 49 * 4, #wl)
    for i, w in ipairs(wl) do
      assert.are.equal(w.start, sl[2 * i - 1])
      assert.are.equal(w.stop, sl[2 * i])
    end
  end)

  it("count nothing in an empty string", function()
    assert.are.equal(0, newsc.count_words(""))
    assert.are.same({}, newsc.word_spans(""))
  end)

  it("handle a 100 MB single line #core", function()
    local unit = "Moscow’s envoy said 39,929 people fled; “not again,” he added. "
    local s = unit:rep(math.ceil(100 * 1024 * 1024 / #unit))
    assert.is_true(#s >= 100 * 1024 * 1024)
    assert.are.equal(10 * math.floor(#s / #unit), newsc.count_words(s))
    -- long tokens keep the span table small
    local word = ("x"):rep(9999) .. " "
    local long = word:rep(math.floor(100 * 1024 * 1024 / #word) + 1)
    local spans = newsc.word_spans(long)
    assert.are.equal(2 * math.floor(#long / #word), #spans)
    assert.are.equal(#long - 1, spans[#spans])
    -- one word of 100 MB, and a chain of hyphens without an e-mail address
    assert.are.equal(1, newsc.count_words(("a"):rep(100 * 1024 * 1024)))
    assert.are.equal(50 * 1024 * 1024, newsc.count_words(("a-"):rep(50 * 1024 * 1024)))
  end)
end)

describe("newsc.normalize", function()
  it("case-folds with NFKC by default and maps the curly apostrophe", function()
    assert.are.equal("moscow's", newsc.normalize("Moscow’s"))
    assert.are.equal("fi abc strasse", newsc.normalize("ﬁ ＡＢＣ Straße"))
    assert.are.equal("zürich", newsc.normalize("Zu\204\136rich", "NFKC_Casefold"))
  end)

  it("composes with NFC and keeps compatibility characters", function()
    assert.are.equal("Zürich ﬁ ＡＢＣ", newsc.normalize("Zu\204\136rich ﬁ ＡＢＣ", "NFC"))
  end)

  it("decomposes compatibility characters with NFKC without folding case", function()
    assert.are.equal("Zürich fi ABC Moscow’s", newsc.normalize("Zu\204\136rich ﬁ ＡＢＣ Moscow’s", "NFKC"))
  end)

  it("keeps NUL bytes and the empty string", function()
    assert.are.equal("a\0b", newsc.normalize("A\0B"))
    assert.are.equal("", newsc.normalize(""))
  end)
end)

describe("invalid UTF-8", function()
  local bad = "Abbas \255said"
  it("returns nil and the byte offset by default", function()
    for _, f in ipairs({ newsc.segments, newsc.words, newsc.word_spans, newsc.count_words }) do
      local res, err = f(bad)
      assert.is_nil(res)
      assert.are.equal("invalid UTF-8 at byte 7", err)
    end
    local res, err = newsc.normalize("ok \237\160\128", "NFC")
    assert.is_nil(res)
    assert.are.equal("invalid UTF-8 at byte 4", err)
  end)

  it("reads bad bytes as U+FFFD with invalid = 'replace', offsets unchanged", function()
    local ws = assert(newsc.words(bad, { invalid = "replace" }))
    -- U+FFFD counts as a letter: it most often stands for one (Latin-1 text)
    assert.are.same({ "Abbas", "\239\191\189said" }, { ws[1].text, ws[2].text })
    assert.are.equal("\239\191\189said", ws[2].norm)
    assert.are.equal(7, ws[2].start)
    assert.are.equal(11, ws[2].stop)
    assert.are.equal(2, newsc.count_words(bad, { invalid = "replace" }))
    assert.are.same({ 1, 5, 7, 11 }, newsc.word_spans(bad, { invalid = "replace" }))
    assert.are.same({ "caf\239\191\189", "na\239\191\189ve" },
      newsc.words("caf\233, na\239ve", { invalid = "replace", fields = "text" }))
    local segs = newsc.segments(bad, { invalid = "replace" })
    assert.are.equal(#bad, segs[#segs].stop)
    assert.are.equal("abbas \239\191\189said", newsc.normalize(bad, nil, { invalid = "replace" }))
  end)
end)

describe("argument errors", function()
  it("name the bad argument", function()
    assert.has_error(function() newsc.words(nil) end, "bad argument #1 to 'words' (string expected, got nil)")
    assert.has_error(function() newsc.words({}) end)
    assert.has_error(function() newsc.segments("x", 5) end, "bad argument #2 to 'segments' (table expected, got number)")
    assert.has_error(function() newsc.count_words("x", { invalid = "ignore" }) end,
      "bad argument #2 to 'count_words' (option 'invalid' must be \"error\" or \"replace\", got \"ignore\")")
    assert.has_error(function() newsc.word_spans("x", { invalid = 1 }) end)
    assert.has_error(function() newsc.normalize("x", "NFD") end, "bad argument #2 to 'normalize' (invalid option 'NFD')")
    assert.has_error(function() newsc.normalize("x", "NFC", "replace") end)
  end)
end)

describe("the shared corpus", function()
  local dir = "../shared/corpus"
  local p = io.popen('ls ' .. dir .. '/*/*.txt 2>/dev/null')
  local files = {}
  for line in p:lines() do files[#files + 1] = line end
  p:close()
  if #files == 0 then
    pending("../shared/corpus is absent")
    return
  end

  it("tokenises every article", function()
    for _, path in ipairs(files) do
      local f = assert(io.open(path, "rb"))
      local s = f:read("*a")
      f:close()
      local ws = assert(newsc.words(s))
      assert.is_true(#ws > 100, path)
      local last = 0
      for _, w in ipairs(ws) do
        assert.is_true(w.start > last and w.stop >= w.start, path)
        assert.are.equal(w.text, s:sub(w.start, w.stop))
        last = w.stop
      end
      assert.are.equal(#ws, newsc.count_words(s))
    end
  end)

  it("reads figures, possessives and links of the articles", function()
    local all = {}
    for _, path in ipairs(files) do
      local f = assert(io.open(path, "rb"))
      for _, w in ipairs(newsc.words(f:read("*a"))) do all[w.text] = all[w.text] or w.kind end
      f:close()
    end
    assert.are.equal("number", all["39,929"])
    assert.are.equal("number", all["40,000"])
    assert.are.equal("number", all["4:48"])
    assert.are.equal("word", all["Russia’s"])
    assert.are.equal("word", all["Israel's"])
    assert.are.equal("word", all["U.N."])
    local url
    for text, kind in pairs(all) do if kind == "url" then url = text end end
    assert.is_truthy(url and url:match("^https://www%.radiohc%.cu/en/noticias/"))
  end)
end)

describe("csrc/wbprop.h", function()
  local wb = "/usr/share/unicode/auxiliary/WordBreakProperty.txt"
  local emoji = "/usr/share/unicode/emoji/emoji-data.txt"
  local function exists(path)
    local f = io.open(path, "rb")
    if f then f:close() return true end
    return false
  end
  local has_lua54 = os.execute("command -v lua5.4 >/dev/null 2>&1")
  if not (exists(wb) and exists(emoji)) then
    pending("unicode-data is not installed")
    return
  end
  if has_lua54 ~= true and has_lua54 ~= 0 then
    pending("lua5.4 is needed to run tools/gen_wbprop.lua")
    return
  end

  it("is what tools/gen_wbprop.lua generates from unicode-data", function()
    local p = assert(io.popen("lua5.4 tools/gen_wbprop.lua " .. wb .. " " .. emoji, "r"))
    local generated = p:read("*a")
    p:close()
    local f = assert(io.open("csrc/wbprop.h", "rb"))
    local committed = f:read("*a")
    f:close()
    assert.is_true(#generated > 100000)
    assert.are.equal(committed, generated)
  end)
end)
