-- Specs of newsc.quotes: quote marks, attribution, kinds, bad input, and
-- every quote of the shared corpus pinned by hand.
local core = require("newsc").core  -- the backend in use: newsc.core or newsc.pure

local function quotes(s, opts)
  local qs, err = core.quotes(s, opts)
  assert(qs, err)
  return qs
end

local function only(s)
  local qs = quotes(s)
  assert.are.equal(1, #qs)
  return qs[1]
end

local function sub(s, span) return span and s:sub(span.start, span.stop) end

describe("newsc.quotes", function()
  describe("records", function()
    it("gives text, ranges, speaker, mention, cue and kind", function()
      local s = 'Moscow (AP) -- "We are concerned," Putin said.'
      local q = only(s)
      assert.are.equal("We are concerned,", q.text)
      assert.are.equal('"We are concerned,"', s:sub(q.start, q.stop))
      assert.are.equal(1, #q.parts)
      assert.are.equal(q.start, q.parts[1].start)
      assert.are.equal(q.stop, q.parts[1].stop)
      assert.are.equal("Putin", q.speaker)
      assert.are.equal("Putin", sub(s, q.mention))
      assert.are.equal("said", q.cue.text)
      assert.are.equal("said", sub(s, q.cue))
      assert.are.equal("direct", q.kind)
      assert.is_true(q.closed)
      assert.is_nil(q.via)
    end)

    it("returns the quotes in text order", function()
      local s = 'Smith said: “We won.” Jones said: “We lost.”'
      local qs = quotes(s)
      assert.are.equal(2, #qs)
      assert.are.equal("We won.", qs[1].text)
      assert.are.equal("Smith", qs[1].speaker)
      assert.are.equal("We lost.", qs[2].text)
      assert.are.equal("Jones", qs[2].speaker)
      assert.is_true(qs[1].stop < qs[2].start)
    end)

    it("joins a quote split by its attribution into one record of two parts", function()
      local s = '“The economy,” she said, “is strong.”'
      local q = only(s)
      assert.are.equal("The economy is strong.", q.text)
      assert.are.equal(2, #q.parts)
      assert.are.equal("“The economy,”", sub(s, q.parts[1]))
      assert.are.equal("“is strong.”", sub(s, q.parts[2]))
      assert.are.equal("she", sub(s, q.mention))
      assert.are.equal("said", q.cue.text)
      assert.is_nil(q.speaker) -- nobody named before "she"
    end)

    it("drops the comma that ends a part only where the next part goes on in lower case", function()
      -- the remark as said: the comma belongs to the attribution
      assert.are.equal("The water came in minutes.",
        only('"The water," said Ada Kerr, "came in minutes."').text)
      assert.are.equal("We will rebuild écoles first.",      -- a lower-case letter beyond ASCII
        only('“We will rebuild,” said Ada Kerr, “écoles first.”').text)
      -- a new sentence: the comma stays
      assert.are.equal("Yes, We will do it.", only('"Yes," he said, "We will do it."').text)
      -- a comma inside a part, or ending a quote of one part, is never touched
      assert.are.equal("First, the dam, then the town,",
        only('"First, the dam, then the town," she said.').text)
    end)
  end)

  describe("marks", function()
    local cases = {
      { "curly double", '“Yes,” he said.', "Yes," },
      { "straight double", '"Yes," he said.', "Yes," },
      { "curly single", '‘Yes,’ he said.', "Yes," },
      { "straight single", "'Yes,' he said.", "Yes," },
      { "guillemets", '«Nous gagnerons», a déclaré Macron.', "Nous gagnerons" },
      { "single guillemets", '‹Oui›, dit-il.', "Oui" },
      { "German low-high", '„Wir schaffen das“, sagte Merkel.', "Wir schaffen das" },
      { "low single", 'Er sagte ‚ja‘ dazu.', "ja" },
      { "tokenised corpora", "``We will not yield,'' the senator said.", "We will not yield," },
    }
    for _, c in ipairs(cases) do
      it("reads " .. c[1] .. " marks", function()
        assert.are.equal(c[3], only(c[2]).text)
      end)
    end

    it("never reads an apostrophe as a quote mark", function()
      local s = "Moscow’s workers’ rights in the ’90s: rock ’n’ roll at 5 o’clock, Russia's '90s, 'til dawn."
      assert.are.same({}, quotes(s))
    end)

    it("keeps an apostrophe inside a single-quoted quote", function()
      local q = only("Putin tells Abbas ‘Moscow’s concerned’ about toll")
      assert.are.equal("Moscow’s concerned", q.text)
    end)

    it("keeps a nested quote inside the outer one", function()
      local s = '“He told me ‘never again’ and left,” she said.'
      local q = only(s)
      assert.are.equal("He told me ‘never again’ and left,", q.text)
      assert.are.equal(1, q.start)
      assert.are.equal(#s - #" she said.", q.stop)
    end)

    it("keeps an ellipsis inside the quote", function()
      local q = only('“We are doing everything ... to support them,” he said.')
      assert.are.equal("We are doing everything ... to support them,", q.text)
    end)

    it("ignores marks in markup attributes", function()
      assert.are.same({}, quotes('<tweet tweet_id="771338123334868993" author="x"></tweet>'))
    end)
  end)

  describe("paragraphs", function()
    it("runs a quote over paragraphs that each re-open it", function()
      local s = 'Putin spoke first.\n\n“The first paragraph goes on.\n\n“The second ends here,” he said.'
      local q = only(s)
      assert.are.equal(2, #q.parts)
      assert.are.equal("The first paragraph goes on.\nThe second ends here,", q.text)
      assert.are.equal("Vladimir Putin", quotes("Vladimir Putin arrived. " .. s)[1].speaker)
      assert.are.equal(s:find("“The first", 1, true), q.start)
      assert.are.equal(#s - #" he said.", q.stop)
    end)

    it("confines an unbalanced mark to its paragraph", function()
      local s = 'She said “this is broken.\n\nNext, “all is fine,” Smith said. Jones said: “Yes.”'
      local qs = quotes(s)
      assert.are.equal(2, #qs)
      assert.are.equal("all is fine,", qs[1].text)
      assert.are.equal("Smith", qs[1].speaker)
      assert.are.equal("Yes.", qs[2].text)
      assert.are.equal("Jones", qs[2].speaker)
    end)

    it("closes a multi-paragraph quote that never closes at its last paragraph", function()
      local s = 'Smith said:\n\n“One.\n\n“Two.\n\nThe end.'
      local q = only(s)
      assert.is_false(q.closed)
      assert.are.equal("One.\nTwo.", q.text)
      assert.are.equal("“Two.", s:sub(q.parts[2].start, q.parts[2].stop))
    end)
  end)

  describe("attribution", function()
    local cases = {
      { "X said", '“We will win,” Smith said.', "Smith", "Smith", "said" },
      { "said X", '“We will win,” said Sen. John Smith, a Republican from Texas.', "John Smith", "Sen. John Smith", "said" },
      { "X, apposition, said", '“No comment,” Maria Lopez, a spokeswoman for the council, said.', "Maria Lopez", "Maria Lopez", "said" },
      { "X said: before", 'Maria Lopez, a spokeswoman for the council, said: “No comment.”', "Maria Lopez", "Maria Lopez", "said" },
      { "X told Y:", 'Abbas told Putin: “We feel that Russia is one of our dearest friends.”', "Abbas", "Abbas", "told" },
      { "title before the name", 'Russian Deputy Foreign Minister Mikhail Bogdanov said: “We call for calm.”',
        "Mikhail Bogdanov", "Russian Deputy Foreign Minister Mikhail Bogdanov", "said" },
      { "institution", '“The strike was lawful,” the ministry said.', "the ministry", "the ministry", "said" },
      { "possessive institution", 'Israel\'s military said the raid had “eliminated” 31 militants.',
        "Israel's military", "Israel's military", "said" },
      { "according to X", '“Prices will rise,” according to Jane Doe.', "Jane Doe", "Jane Doe", "according to" },
      { "unknown verb after a comma", '“That would have been good faith,” Toomey fumed.', "Toomey", "Toomey", "fumed" },
    }
    for _, c in ipairs(cases) do
      it("reads " .. c[1], function()
        local q = only(c[2])
        assert.are.equal(c[3], q.speaker)
        assert.are.equal(c[4], sub(c[2], q.mention))
        assert.are.equal(c[5], q.cue.text)
      end)
    end

    it("joins a quote split by an attribution with an apposition", function()
      local s = '“The water,” said Ada Kerr, a baker whose shop stands on the quay, “came in minutes.”'
      local q = only(s)
      assert.are.equal("Ada Kerr", q.speaker)
      assert.are.equal(2, #q.parts)
      assert.are.equal("“The water,”", sub(s, q.parts[1]))
      assert.are.equal("“came in minutes.”", sub(s, q.parts[2]))
    end)

    it("resolves he to the named subject of the sentence before, not an earlier speaker", function()
      local s = '“We will rebuild,” Mayor Hanna Ostrel said.\n\n' ..
        'Tomas Brevik, chief engineer of the Water Board, said the weir had been checked in October. ' ..
        '“Nothing pointed to this,” he said.'
      local qs = quotes(s)
      assert.are.equal(2, #qs)
      assert.are.equal("Hanna Ostrel", qs[1].speaker)
      assert.are.equal("Tomas Brevik", qs[2].speaker)
      assert.are.equal("he", sub(s, qs[2].mention))
    end)

    it("resolves she to the speaker named earlier in her paragraph", function()
      local s = 'Residents have called the response “chaotic”.\n\n' ..
        '“A crack is what you look for,” said Dr Sanne Holm, an engineer. “It is no reason to panic,” she said.'
      local qs = quotes(s)
      assert.are.equal(3, #qs)
      assert.are.equal("Sanne Holm", qs[2].speaker)
      assert.are.equal("Sanne Holm", qs[3].speaker)
      assert.are.equal("she", sub(s, qs[3].mention))
    end)

    it("resolves she to the subject, not a person named later in the same sentence", function()
      local s = 'Mayor Hanna Ostrel, who visited the quarter with Governor Piet Andras, repeated her promise. ' ..
        '“We will rebuild,” she said, standing by the bridge. “Lorven is not going to disappear.”'
      local qs = quotes(s)
      assert.are.equal(2, #qs)
      assert.are.equal("Hanna Ostrel", qs[1].speaker)
      assert.are.equal("Hanna Ostrel", qs[2].speaker)
    end)

    it("gives the fullest name of the article", function()
      local s = 'Russian President Vladimir Putin met Abbas.\n\n“We are concerned,” Putin said.'
      local q = only(s)
      assert.are.equal("Vladimir Putin", q.speaker)
      assert.are.equal("Putin", sub(s, q.mention))
    end)

    it("resolves a pronoun to the nearest person named before it", function()
      local s = 'Mahmoud Abbas arrived on Monday. During the talks, Russian President Vladimir Putin '
        .. 'expressed concern. Referring to the casualties, he said, “We are concerned.”'
      local q = only(s)
      assert.are.equal("he", sub(s, q.mention))
      assert.are.equal("Vladimir Putin", q.speaker)
    end)

    it("takes the speaker of the sentence before", function()
      local s = 'Cruz continued:\n\n“You look at the questions.”'
      local q = only(s)
      assert.are.equal("Cruz", q.speaker)
      assert.are.equal("continued", q.cue.text)
    end)

    it("carries the speaker to the next quote of the same speech", function()
      local s = '“We will win,” Smith said. “We always win.”'
      local qs = quotes(s)
      assert.are.equal(2, #qs)
      assert.are.equal("Smith", qs[2].speaker)
    end)

    it("reads a name and a colon before the quote", function()
      local s = 'Clinton: "Our goal is to defeat ISIS." Bush: "The mission is to destroy ISIS."'
      local qs = quotes(s)
      assert.are.equal(2, #qs)
      assert.are.equal("Clinton", qs[1].speaker)
      assert.are.equal("Bush", qs[2].speaker)
      assert.is_nil(qs[2].cue)
    end)

    it("reads a credit line under the quote", function()
      local s = 'Notebook.\n\n"Great speech. She is ready."\n\n-President Barack Obama, tweeting.\n'
      local q = only(s)
      assert.are.equal("Barack Obama", q.speaker)
      assert.are.equal("President Barack Obama", sub(s, q.mention))
    end)

    it("reads a statement announced with a colon", function()
      local s = 'Donald Trump issued the following statement:\n\n“Our prayers are with all those affected.”'
      assert.are.equal("Donald Trump", only(s).speaker)
    end)

    it("reads a sentence opened by its cue", function()
      local s = 'Continued Stone: “So I think it is a very real problem.”'
      local q = only(s)
      assert.are.equal("Stone", q.speaker)
      assert.are.equal("Continued", q.cue.text)
    end)

    it("gives the channel", function()
      local s = '“We are concerned,” Putin said, according to a Kremlin transcript.'
      assert.are.equal("according to a Kremlin transcript", only(s).via.text)
      assert.are.equal("told Reuters", only('“We are concerned,” Putin told Reuters.').via.text)
      assert.are.equal("on state television", only('Putin said on state television: “We are concerned.”').via.text)
    end)

    it("takes the subject, not the channel, before a participle", function()
      local s = 'At the time, she released a statement saying, “We are confident.”'
      local q = only(s)
      assert.are.equal("she", sub(s, q.mention))
      assert.are.equal("a statement", q.via.text)
      local s2 = 'Another intelligence source speaking to Fox News said, “The agents are investigating.”'
      assert.are.equal("Another intelligence source", sub(s2, only(s2).mention))
    end)

    it("reads a bare speaker and cue after a quote closed by a full stop", function()
      local s = 'The mayor spoke for an hour.\n\n“The bridge will open in May.” Garcia said.'
      local q = only(s)
      assert.are.equal("Garcia", q.speaker)
      assert.are.equal("said", q.cue.text)
    end)

    it("reads a verb in -s right after the speaker of a comma-ended quote", function()
      local s = '“The plan has no money behind it,” Okafor points out.'
      local q = only(s)
      assert.are.equal("Okafor", q.speaker)
      assert.are.equal("points", q.cue.text)
    end)

    it("prefers the cue right before the quote to a verb after it", function()
      local s = 'The sheriff said, “We will close the road” - and the crowd chanted for an hour.'
      local q = only(s)
      assert.are.equal("The sheriff", sub(s, q.mention))
      assert.are.equal("said", q.cue.text)
      local s2 = 'Lindqvist said “it makes me angry” every time he drives past.'
      assert.are.equal("Lindqvist", sub(s2, only(s2).mention))
    end)

    it("reads a cue word after a preposition or a determiner as a noun", function()
      local s = 'As the vote moved to primaries in states with larger cities, Moreau has often decried '
        .. 'the “rigged map” in speeches.'
      local q = only(s)
      assert.are.equal("Moreau", q.speaker)
      assert.are.equal("partial", q.kind)
    end)

    it("takes the name before a prepositional phrase before the cue", function()
      local s = 'The break was complete when Halvorsen in his opening speech called the plan “a fraud.”'
      local q = only(s)
      assert.are.equal("Halvorsen", sub(s, q.mention))
      assert.are.equal("called", q.cue.text)
    end)

    it("skips an opening time phrase to find the subject", function()
      local s = 'Hours later, she issued a statement calling on the council “to act at once.”'
      assert.are.equal("she", sub(s, only(s).mention))
    end)

    it("reads a document named by a noun phrase as the source, never its determiner", function()
      local s = 'An internal memo dated 14 January, also seen by the Ledger, reported "new cracking along '
        .. 'the downstream face" of the weir and recommended "an urgent structural survey before the '
        .. 'spring high water".'
      local qs = quotes(s)
      assert.are.equal(2, #qs)
      for _, q in ipairs(qs) do
        assert.are.equal("An internal memo", q.speaker)
        assert.are.equal("An internal memo", sub(s, q.mention))
        assert.are.equal("reported", q.cue.text)
      end
    end)

    it("never takes a date or its month as the speaker", function()
      local s = 'An internal memo dated 14 January reported "new cracking along the downstream face" of the weir.'
      local q = only(s)
      assert.are.equal("An internal memo", q.speaker)
      assert.are.equal("An internal memo", sub(s, q.mention))
      local s2 = 'The mayor on 3 March said "the bridge is safe" to reporters.'
      assert.are.equal("The mayor", only(s2).speaker)
      local s3 = 'The mayor on March 3 said "the bridge is safe" to reporters.'
      assert.are.equal("The mayor", sub(s3, only(s3).mention))
    end)

    it("never ends a speaker after the cue on a preposition", function()
      local s = '“The road is closed,” said an official in, of all places, the old town hall.'
      local q = only(s)
      assert.are.equal("an official", q.speaker)
      assert.are.equal("an official", sub(s, q.mention))
    end)

    it("reads a statement from an institution as its channel", function()
      local s = 'A statement from the ministry said "all is well" in the region.'
      local q = only(s)
      assert.are.equal("the ministry", q.speaker)
      assert.are.equal("the ministry", sub(s, q.mention))
      assert.are.equal("A statement", q.via.text)
      assert.are.equal("said", q.cue.text)
    end)

    it("does not read the object of a participle as the speaker", function()
      local s = 'The two lawmakers, however, argue that "there is precedent for prosecution," citing an '
        .. 'instance in which a Marine was found guilty of "gross negligence."'
      local qs = quotes(s)
      assert.are.equal(2, #qs)
      assert.are.equal("The two lawmakers", qs[1].speaker)
      assert.are.equal("The two lawmakers", qs[2].speaker)
      local s2 = "During Tuesday night's debate, Cruz made an unprompted call for an end to sugar "
        .. 'subsidies, calling them "corporate welfare."'
      assert.are.equal("Cruz", only(s2).speaker)
    end)

    it("takes a long appositive between the speaker and the cue", function()
      local s = 'Still, Petrov, who thinks the old rules gave the regional offices far too much power over '
        .. 'the budget, called the new law “much better” than the old one.'
      assert.are.equal("Petrov", only(s).speaker)
    end)

    it("gives a fragment with no reading of its own the speaker of the quote before in its paragraph", function()
      local s = 'Mayor Ana Ruiz said the plan was “bold and overdue.” In the east of the city there would '
        .. 'be “real relief” soon.'
      local qs = quotes(s)
      assert.are.equal(2, #qs)
      assert.are.equal("partial", qs[2].kind)
      assert.are.equal("Ana Ruiz", qs[2].speaker)
      assert.are.equal("Mayor Ana Ruiz", sub(s, qs[2].mention))
    end)

    it("finds no speaker where nobody is named", function()
      local q = only('“Closed for the day.”')
      assert.is_nil(q.mention)
      assert.is_nil(q.speaker)
    end)
  end)

  describe("kinds", function()
    it("tells direct, partial and title quotes apart", function()
      assert.are.equal("direct", only('Putin said: “We are concerned.”').kind)
      assert.are.equal("partial", only('Putin said Moscow was “concerned” about the toll.').kind)
      assert.are.equal("title", only('He watched “Saturday Night Live” last night.').kind)
      assert.is_nil(only('He watched “Saturday Night Live” last night.').speaker)
    end)

    it("reads the name of a show without a reporting verb as a title", function()
      local q = only('Perez said so on NBC\'s "Meet the Press." He left.')
      assert.are.equal("title", q.kind)
      assert.is_nil(q.speaker)
    end)

    it("reads a quote in a headline as partial, with its speaker", function()
      local s = "Putin tells Abbas 'concerned' about civilian toll\n\nRussian President Vladimir Putin spoke."
      local q = quotes(s)[1]
      assert.are.equal("partial", q.kind)
      assert.are.equal("Vladimir Putin", q.speaker)
    end)
  end)

  describe("bad input", function()
    it("returns nil and a message for invalid UTF-8", function()
      local qs, err = core.quotes('"a\255b," he said.')
      assert.is_nil(qs)
      assert.are.equal("invalid UTF-8 at byte 3", err)
    end)

    it("reads invalid UTF-8 as U+FFFD on request, offsets unchanged", function()
      local s = '"a\255b," Smith said.'
      local q = core.quotes(s, { invalid = "replace" })[1]
      assert.are.equal("a\255b,", q.text)
      assert.are.equal(1, q.start)
      assert.are.equal("Smith", q.speaker)
    end)

    it("returns an empty array for empty text and text without quotes", function()
      assert.are.same({}, quotes(""))
      assert.are.same({}, quotes("No quotes here at all."))
    end)

    it("handles NUL bytes", function()
      local s = 'x\0y "We won," Smith\0 said.'
      local q = only(s)
      assert.are.equal("We won,", q.text)
      assert.are.equal(s:find('"', 1, true), q.start)
    end)

    it("returns for a megabyte of quote marks", function()
      for _, m in ipairs({ "“", "\"", "’", "«" }) do
        local s = string.rep(m, math.floor(1048576 / #m))
        local qs = quotes(s)
        assert.is_true(#qs <= #s)
      end
      local qs = quotes(string.rep('"a" ', 262144))
      assert.are.equal(262144, #qs)
    end)

    it("raises errors that name the argument", function()
      assert.has_error(function() core.quotes() end)
      assert.has_error(function() core.quotes({}) end)
      local ok, err = pcall(core.quotes, "x", 5)
      assert.is_false(ok)
      assert.truthy(err:find("#2", 1, true))
      ok, err = pcall(core.quotes, "x", { invalid = "maybe" })
      assert.is_false(ok)
      assert.truthy(err:find("invalid", 1, true))
      ok, err = pcall(core.quotes, {})
      assert.truthy(err:find("#1", 1, true))
    end)
  end)

  describe("newsc quotes (command line)", function()
    local function run(argv, text)
      local inp = os.tmpname()
      local f = assert(io.open(inp, "wb")); f:write(text); f:close()
      local out = os.tmpname()
      local saved = io.output()
      io.output(out)
      local argv2 = {}
      for i, a in ipairs(argv) do argv2[i] = a end
      argv2[#argv2 + 1] = inp
      local code = require("newsc.cli").main(argv2)
      io.output():close()
      io.output(saved)
      local g = assert(io.open(out, "rb")); local res = g:read("*a"); g:close()
      os.remove(inp); os.remove(out)
      return code, res
    end

    it("prints one quote a line", function()
      local code, res = run({ "quotes" }, '"We won," Smith said. He left.')
      assert.are.equal(0, code)
      assert.are.equal("1-9\tdirect\tSmith\tsaid\t“We won,”\n", res)
    end)

    it("prints JSON records", function()
      local code, res = run({ "quotes", "--format", "json" }, '"We won," Smith said.')
      assert.are.equal(0, code)
      local v = require("newsc.json").decode(res)
      assert.are.equal(1, #v)
      assert.are.equal("We won,", v[1].quotes[1].text)
      assert.are.equal("Smith", v[1].quotes[1].speaker)
      assert.are.equal("Smith", v[1].quotes[1].mention.text)
      assert.are.equal(11, v[1].quotes[1].mention.start)
    end)

    it("keeps only the kinds asked for", function()
      local code, res = run({ "quotes", "--kind", "title" }, 'He watched "Saturday Night Live" and said "no."')
      assert.are.equal(0, code)
      assert.are.equal("12-32\ttitle\t?\t\t“Saturday Night Live”\n", res)
      code = run({ "quotes", "--kind", "bogus" }, "x")
      assert.are.equal(1, code)
    end)
  end)

  -- Every quote of the shared corpus, read and checked by hand: the start of
  -- its text, its speaker and its kind.
  describe("the Putin-Abbas corpus", function()
    local dir = "../shared/corpus/putin-abbas-2024-08-13/"
    local pins = {
      ["000_9ac787cb82328a7b"] = {
        { "dearest friends", "Mahmoud Abbas", "partial" },
        { "Everyone is well aware", "Vladimir Putin", "direct", via = "according to a Kremlin transcript" },
        { "And of course, we are watching", "Vladimir Putin", "direct", mention = "he" },
        { "calling on everyone to refrain", "Mikhail Bogdanov", "partial" },
      },
      ["001_a3ea026554da13dc"] = {
        { "concerned", "Vladimir Putin", "partial" },  -- the headline
        { "concerned", "Vladimir Putin", "partial" },
        { "We are concerned above all", "Vladimir Putin", "direct",
          via = "according to images shown on Russian state television" },
        { "We are doing everything ...", "Vladimir Putin", "direct", mention = "he" },
        { "long-lasting, reliable, stable peace", "Vladimir Putin", "partial" },
        { "creation of a fully-fledged", "Vladimir Putin", "partial", mention = "he" },
        { "We feel that Russia is one", "Mahmud Abbas", "direct" },
        { "eliminated", "Israel's military", "partial" },
      },
      ["002_241fe81f26dea434"] = {
        { "Everyone knows very well", "Vladimir Putin", "direct" },
        { "We are watching with great pain", "Vladimir Putin", "direct" },
        { "one of the dearest friends", "Mahmoud Abbas", "partial" },
      },
      ["003_085f4d18063eced9"] = {
        { "Great Pain", "Vladimir Putin", "partial" },  -- the headline
        { "Everyone is well aware", "Vladimir Putin", "direct" },
        { "And of course, we are watching", "Vladimir Putin", "direct", mention = "He" },
        { "one of the dearest friends", "Mahmoud Abbas", "partial" },
        { "We believe in you", "Mahmoud Abbas", "direct" },
        { "stop the actions that Israel", "Mahmoud Abbas", "partial" },
      },
      ["004_733a1c3f5a029858"] = {
        { "For a long-lasting, reliable", "Vladimir Putin", "direct" },
        { "one of the dearest friends", "Mahmud Abbas", "partial" },
        { "We are concerned above all", "Vladimir Putin", "direct", mention = "he" },
      },
    }
    local probe = io.open(dir .. "README.md")
    if not probe then
      pending("../shared/corpus is not there")
      return
    end
    probe:close()
    local ids = {}
    for id in pairs(pins) do ids[#ids + 1] = id end
    table.sort(ids)
    for _, id in ipairs(ids) do
      it("finds every quote of " .. id .. " with its speaker", function()
        local f = assert(io.open(dir .. id .. ".txt", "rb"))
        local s = f:read("*a")
        f:close()
        local qs = quotes(s)
        local want = pins[id]
        assert.are.equal(#want, #qs)
        for i, w in ipairs(want) do
          local q = qs[i]
          assert.are.equal(w[1], q.text:sub(1, #w[1]))
          assert.are.equal(w[2], q.speaker)
          assert.are.equal(w[3], q.kind)
          if w.via then assert.are.equal(w.via, q.via and q.via.text) end
          if w.mention then assert.are.equal(w.mention, sub(s, q.mention)) end
          assert.are.equal(q.text:sub(1, 3), s:sub(q.parts[1].start, q.parts[1].stop):match("^[^%w]*(.*)$"):sub(1, 3))
        end
      end)
    end
  end)
end)
