-- Run by spec/filter_spec.lua inside pandoc:
--   pandoc --lua-filter spec/support/filter_mapping.lua DOC.md -o /dev/null
-- Loads filters/newsc.lua's text and Span functions and checks, for every
-- paragraph of the document:
--   text   the filter's text of the inlines equals pandoc.utils.stringify
--   wrap   for every range [s, e) of character boundaries: the text is
--          unchanged by the Span, and the Span holds exactly bytes s..e or,
--          where the range cuts a quotation, code or note, a range that
--          contains them and grows only across such inlines
-- (NEWSC_TEXT_ONLY set: the text check alone.)
-- Prints one line "name count failures" per check and the first failures.
local dir = PANDOC_SCRIPT_FILE:match("^(.*)/[^/]*$")
local filter = dofile(dir .. "/../../filters/newsc.lua")
local I = filter._internal
local stringify = pandoc.utils.stringify

local counts = { text = 0, text_fail = 0, wrap = 0, exact = 0 }
local fails = {}
local function fail(msg) if #fails < 10 then fails[#fails + 1] = msg end end

-- the Span of class "probe" in a list, with its start offset
local function find_probe(list, base)
  local a = base
  for _, el in ipairs(list) do
    if el.t == "Span" and el.classes and el.classes[1] == "probe" then return el, a end
    if el.content and type(el.content) == "table" and el.t ~= "Note" then
      local open = (el.t == "Quoted") and 3 or 0
      local sp, at = find_probe(el.content, a + open)
      if sp then return sp, at end
    end
    a = a + #I.text_of(el)
  end
  return nil
end

local function boundaries(text)
  local b = { 0 }
  for p in utf8.codes(text) do if p > 1 then b[#b + 1] = p - 1 end end
  b[#b + 1] = #text
  return b
end

local function check(inlines)
  local text = I.list_text(inlines)
  counts.text = counts.text + 1
  local ref = stringify(pandoc.Plain(inlines))
  if text ~= ref then
    counts.text_fail = counts.text_fail + 1
    fail(("text: %q ~= stringify %q"):format(text, ref))
    return
  end
  if os.getenv("NEWSC_TEXT_ONLY") then return end
  local b = boundaries(text)
  -- every start; every end up to 40 bytes further, and the paragraph's end
  -- (every 7th boundary in paragraphs of over 200 characters)
  local step = #b > 200 and 7 or 1
  local attr = pandoc.Attr("", { "probe" }, {})
  for i = 1, #b, step do
    for j = i + 1, #b do
      local s, e = b[i], b[j]
      if e - s > 40 and j < #b then goto next end
      local out = I.wrap(inlines, s, e, attr)
      counts.wrap = counts.wrap + 1
      local t2 = I.list_text(out)
      if t2 ~= text then fail(("wrap %d-%d changed the text: %q"):format(s, e, t2)) goto next end
      do
        local sp, at = find_probe(out, 0)
        if not sp then fail(("wrap %d-%d: no Span"):format(s, e)) goto next end
        local got = I.list_text(sp.content)
        if at == s and #got == e - s then
          counts.exact = counts.exact + 1
        elseif not (at <= s and at + #got >= e and text:sub(at + 1, at + #got) == got) then
          fail(("wrap %d-%d of %q: Span at %d holds %q"):format(s, e, text, at, got))
        end
      end
      ::next::
    end
  end
end

return {
  {
    Pandoc = function(doc)
      I.each_unit(doc.blocks, function(inl) check(inl) end)
      io.write(("text %d %d\n"):format(counts.text, counts.text_fail))
      io.write(("wrap %d %d exact %d\n"):format(counts.wrap, #fails - counts.text_fail, counts.exact))
      for _, f in ipairs(fails) do io.write("FAIL ", f, "\n") end
      return doc
    end,
  },
}
