--- newsc as a pandoc Lua filter: cross-check the articles of a document.
--
--   pandoc --lua-filter filters/newsc.lua a.md b.md c.md -o report.html
--
-- Each article is a level-1 section (a level-1 header and the blocks up to
-- the next one) or, when the document has any, each Div of class `article`;
-- files named in the metadata field `newsc-articles` are read and added as
-- articles too. The filter marks every quote with a Span of class `quote`
-- (attributes `speaker`, `articles` = how many articles carry it, `group`,
-- `variant`) and every figure with a Span of class `figure` (attributes
-- `topic`, `lower`, `upper`, `verdict`, `group`), and appends a "Cross-check"
-- section: the summary with its sources, the quotes, the figures, the
-- conflicts. Options come from metadata: `newsc-words` (summary budget),
-- `newsc-sections` (which parts of the section, in order), `newsc-ref`
-- (reference date), `newsc-title`, `newsc-css` (false: no style sheet in
-- HTML). See filters/README.md.
--
-- The text given to newsc is the article's plain text: each paragraph,
-- plain block or header as `pandoc.utils.stringify` gives it, joined with
-- blank lines; offsets in that text map back to the inlines exactly.

-- newsc from the filter's own tree: <root>/filters/newsc.lua finds
-- <root>/lua/ and <root>/build/<Lua version>/ (a source checkout), and
-- <prefix>/share/lua/<v>/, <prefix>/lib/lua/<v>/ (an installed tree).
do
  local src = debug.getinfo(1, "S").source
  local script = src:match("^@(.*)$") or PANDOC_SCRIPT_FILE or "filters/newsc.lua"
  local dir = script:match("^(.*)[/\\][^/\\]*$") or "."
  local root = dir:match("^(.*)[/\\][^/\\]*$") or (dir == "." and ".." or ".")
  local v = _VERSION:match("%d+%.%d+") or "5.4"
  local paths, cpaths = {}, {}
  local function add(list, p) list[#list + 1] = p end
  add(paths, root .. "/lua/?.lua"); add(paths, root .. "/lua/?/init.lua")
  add(cpaths, root .. "/build/" .. v .. "/?.so")
  -- installed: <prefix>/share/newsc/filters/newsc.lua or <prefix>/share/newsc/newsc.lua
  -- or by LuaRocks as the module newsc.filter: <prefix>/share/lua/<v>/newsc/filter.lua
  local prefixes = {}
  for _, p in pairs({ root:match("^(.*)/share/newsc$"), root:match("^(.*)/share$"),
                      dir:match("^(.*)/share/lua/[%d.]+/newsc$") }) do prefixes[#prefixes + 1] = p end
  table.sort(prefixes)
  for _, prefix in ipairs(prefixes) do
    add(paths, prefix .. "/share/lua/" .. v .. "/?.lua")
    add(paths, prefix .. "/share/lua/" .. v .. "/?/init.lua")
    add(cpaths, prefix .. "/lib/lua/" .. v .. "/?.so")
  end
  package.path = table.concat(paths, ";") .. ";" .. package.path
  package.cpath = table.concat(cpaths, ";") .. ";" .. package.cpath
end

local newsc = require "newsc"

local stringify = pandoc.utils.stringify

-- ---------------------------------------------------------------------
-- Inline text and offsets: the text of an inline is what
-- pandoc.utils.stringify gives for it (notes dropped, quotes as curly
-- marks, breaks as spaces).

local QUOTE_MARKS = {
  DoubleQuote = { "\226\128\156", "\226\128\157" },
  SingleQuote = { "\226\128\152", "\226\128\153" },
}

-- containers whose content is inlines and which can be cut in two
local SPLITTABLE = {
  Emph = true, Strong = true, Underline = true, Strikeout = true, Superscript = true,
  Subscript = true, SmallCaps = true, Span = true, Link = true,
}

local text_of

local function marks(el)
  if el.t == "Quoted" then
    local q = QUOTE_MARKS[tostring(el.quotetype)] or QUOTE_MARKS.DoubleQuote
    return q[1], q[2]
  end
  return "", ""
end

local function list_text(list)
  local buf = {}
  for i = 1, #list do buf[i] = text_of(list[i]) end
  return table.concat(buf)
end

text_of = function(el)
  local t = el.t
  if t == "Str" then return el.text
  elseif t == "Space" or t == "SoftBreak" or t == "LineBreak" then return " "
  elseif SPLITTABLE[t] or t == "Quoted" then
    local a, b = marks(el)
    return a .. list_text(el.content) .. b
  end
  return stringify(el)          -- Code, Math, Cite, Image, Note, RawInline: opaque
end

-- a copy of a container with other content
local function with_content(el, content, drop_id)
  local t = el.t
  local attr = el.attr
  if attr and drop_id then attr = pandoc.Attr("", attr.classes, attr.attributes) end
  if t == "Span" then return pandoc.Span(content, attr)
  elseif t == "Link" then return pandoc.Link(content, el.target, el.title, attr)
  elseif t == "Quoted" then return pandoc.Quoted(el.quotetype, content)
  end
  return pandoc[t](content)
end

local function append(dst, src) for i = 1, #src do dst[#dst + 1] = src[i] end return dst end

-- Cut an inline list at byte `pos` of its text: returns the two lists.
-- A child that cannot be cut (a quotation, code, a note) goes right when
-- `side` is "right", left otherwise.
local function split(list, pos, side)
  local left, right = pandoc.List(), pandoc.List()
  local a = 0
  for i = 1, #list do
    local el = list[i]
    local b = a + #text_of(el)
    if b <= pos then left[#left + 1] = el
    elseif a >= pos then right[#right + 1] = el
    elseif el.t == "Str" then
      left[#left + 1] = pandoc.Str(el.text:sub(1, pos - a))
      right[#right + 1] = pandoc.Str(el.text:sub(pos - a + 1))
    elseif SPLITTABLE[el.t] then
      local l, r = split(el.content, pos - a, side)
      if #l > 0 then left[#left + 1] = with_content(el, l) end
      if #r > 0 then right[#right + 1] = with_content(el, r, true) end
    elseif side == "right" then right[#right + 1] = el
    else left[#left + 1] = el end
    a = b
  end
  return left, right
end

--- Wrap bytes [s, e) (0-based, half open) of an inline list's text in a
-- Span with `attr`; returns the new list. The Span goes as deep as the
-- range allows; a quotation, code or note that the range cuts is taken
-- whole.
local function wrap(list, s, e, attr)
  local a = 0
  for i = 1, #list do
    local el = list[i]
    local b = a + #text_of(el)
    if a <= s and e <= b and not (a == s and b == e) then
      if el.t == "Str" then
        local out = pandoc.List()
        for k = 1, i - 1 do out[#out + 1] = list[k] end
        local txt = el.text
        if s > a then out[#out + 1] = pandoc.Str(txt:sub(1, s - a)) end
        out[#out + 1] = pandoc.Span({ pandoc.Str(txt:sub(s - a + 1, e - a)) }, attr)
        if e < b then out[#out + 1] = pandoc.Str(txt:sub(e - a + 1)) end
        for k = i + 1, #list do out[#out + 1] = list[k] end
        return out
      elseif SPLITTABLE[el.t] or el.t == "Quoted" then
        local open, close = marks(el)
        local lo, hi = a + #open, b - #close
        if lo <= s and e <= hi then
          local out = pandoc.List()
          for k = 1, #list do out[k] = list[k] end
          out[i] = with_content(el, wrap(el.content, s - lo, e - lo, attr))
          return out
        end
      end
      break
    end
    if a > s then break end
    a = b
  end
  local left, rest = split(list, s, "right")
  local s2 = #list_text(left)
  local mid, right = split(rest, e - s2, "left")
  local out = left
  out[#out + 1] = pandoc.Span(mid, attr)
  return append(out, right)
end

-- ---------------------------------------------------------------------
-- Articles and their text units (the inline lists of their paragraphs).

-- Call fn(inlines) for every text unit of `blocks`, in document order; a
-- non-nil result replaces the unit's inlines. Returns the blocks.
local function each_unit(blocks, fn)
  for i = 1, #blocks do
    local b = blocks[i]
    local t = b.t
    if t == "Para" or t == "Plain" or t == "Header" then
      local new = fn(b.content)
      if new then b.content = new; blocks[i] = b end
    elseif t == "LineBlock" then
      local lines = b.content
      local changed = false
      for k = 1, #lines do
        local new = fn(lines[k])
        if new then lines[k] = new; changed = true end
      end
      if changed then b.content = lines; blocks[i] = b end
    elseif t == "Div" or t == "BlockQuote" then
      b.content = each_unit(b.content, fn); blocks[i] = b
    elseif t == "BulletList" or t == "OrderedList" then
      local items = b.content
      for k = 1, #items do items[k] = each_unit(items[k], fn) end
      b.content = items; blocks[i] = b
    end
  end
  return blocks
end

local function has_class(el, cls)
  local classes = el.attr and el.attr.classes or el.classes
  if not classes then return false end
  for _, c in ipairs(classes) do if c == cls then return true end end
  return false
end

local function attr_value(el, key)
  local attrs = el.attr and el.attr.attributes
  if not attrs then return nil end
  local v = attrs[key]
  if v ~= nil then return v end
  for _, kv in ipairs(attrs) do if kv[1] == key then return kv[2] end end
  return nil
end

-- Find the articles: Divs of class `article` (searched through Divs),
-- else level-1 sections. Each article: {id, header, div, first, last}
-- (first/last: the range of top-level blocks of a section).
local function find_articles(blocks)
  local found = {}
  local function search(list)
    for i = 1, #list do
      local b = list[i]
      if b.t == "Div" then
        if has_class(b, "article") then found[#found + 1] = { div = b, index = i, list = list }
        else search(b.content) end
      end
    end
  end
  search(blocks)
  if #found > 0 then return found, "div" end
  local cur
  for i = 1, #blocks do
    local b = blocks[i]
    if b.t == "Header" and b.level == 1 then
      cur = { header = b, first = i, last = i }
      found[#found + 1] = cur
    elseif cur then
      cur.last = i
    end
  end
  return found, "section"
end

-- ---------------------------------------------------------------------
-- Options from metadata.

local function meta_string(v)
  if v == nil then return nil end
  if type(v) == "boolean" then return tostring(v) end
  if type(v) == "string" then return v end
  return stringify(v)
end

local function meta_list(v)
  if v == nil then return nil end
  local out = {}
  -- a list: MetaList, or a plain list of values (repeated -M gives strings)
  local first = type(v) == "table" and v[1]
  if first ~= nil and (type(first) == "string" or type(first) == "table" and first.t == nil)
      or (type(v) == "table" and (v.t == "MetaList" or v.tag == "MetaList")) then
    for _, item in ipairs(v) do out[#out + 1] = meta_string(item) end
  else
    for w in meta_string(v):gmatch("[^,%s]+") do out[#out + 1] = w end
  end
  return out
end

local SECTIONS = { summary = true, quotes = true, figures = true, conflicts = true,
                   claims = true, single = true }

local function options(meta)
  local o = { sections = { "summary", "quotes", "figures", "conflicts" }, css = true,
              title = "Cross-check" }
  local words = meta_string(meta["newsc-words"])
  if words then
    o.words = tonumber(words)
    if not o.words or o.words < 1 then error("newsc: newsc-words must be a positive number, got " .. words, 0) end
  end
  local secs = meta_list(meta["newsc-sections"])
  if secs then
    for _, s in ipairs(secs) do
      if not SECTIONS[s] then
        error("newsc: unknown section '" .. s .. "' in newsc-sections "
          .. "(summary, quotes, figures, conflicts, claims, single)", 0)
      end
    end
    o.sections = secs
  end
  o.ref = meta_string(meta["newsc-ref"])
  o.title = meta_string(meta["newsc-title"]) or o.title
  local css = meta_string(meta["newsc-css"])
  if css == "false" or css == "no" then o.css = false end
  o.files = meta_list(meta["newsc-articles"]) or {}
  return o
end

-- ---------------------------------------------------------------------
-- Articles named in metadata.

local function read_file(path)
  local tries = { path }
  local inputs = PANDOC_STATE and PANDOC_STATE.input_files
  local first = inputs and inputs[1]
  if first and first ~= "-" and not path:match("^/") then
    local d = first:match("^(.*)/[^/]*$")
    if d then tries[#tries + 1] = d .. "/" .. path end
  end
  for _, p in ipairs(tries) do
    local f = io.open(p, "rb")
    if f then
      local s = f:read("a")
      f:close()
      return s
    end
  end
  error("newsc: cannot read article file '" .. path .. "' (newsc-articles)", 0)
end

local function slug(s)
  s = s:gsub("^.*/", ""):gsub("%.[^.]*$", ""):lower():gsub("[^%w%-_]+", "-")
  return s ~= "" and s or "article"
end

local function file_article(path)
  local doc = pandoc.read(read_file(path), "markdown")
  return pandoc.Div(doc.blocks, pandoc.Attr(slug(path), { "article" }, {}))
end

-- ---------------------------------------------------------------------
-- The report as pandoc elements.

local function num(x)
  if x == nil or x == math.huge then return nil end
  if x == math.floor(x) and math.abs(x) < 1e15 then return ("%d"):format(x) end
  return ("%.4g"):format(x)
end

-- a string as Str and Space inlines
local function words(s)
  local out = pandoc.List()
  for w in tostring(s or ""):gmatch("%S+") do
    if #out > 0 then out[#out + 1] = pandoc.Space() end
    out[#out + 1] = pandoc.Str(w)
  end
  return out
end

local function cell(inlines) return { pandoc.Plain(inlines) } end

local function table_of(header, rows)
  local aligns, widths, head = {}, {}, {}
  for i, h in ipairs(header) do
    aligns[i] = pandoc.AlignDefault; widths[i] = 0; head[i] = cell({ pandoc.Str(h) })
  end
  local simple = pandoc.SimpleTable({}, aligns, widths, head, rows)
  return pandoc.utils.from_simple_table(simple)
end

local CSS = [[
<style>
span.quote { background: #fff4c2; }
span.figure { background: #dcecff; border-bottom: 2px solid #7aa7e0; }
span.figure[data-verdict="conflict"] { background: #ffd9d6; border-bottom-color: #d0453a; }
span.figure[data-verdict="tension"] { background: #ffe9cc; border-bottom-color: #e09a3a; }
#newsc-cross-check ~ table, section.newsc table { border-collapse: collapse; margin: 0.5em 0 1.5em;
  font-size: 0.85em; }
#newsc-cross-check ~ table th, #newsc-cross-check ~ table td, section.newsc th, section.newsc td {
  border: 1px solid #ccc; padding: 0.2em 0.5em; vertical-align: top; }
.verdict-conflict { color: #b3261e; font-weight: bold; }
.verdict-tension { color: #a45f00; font-weight: bold; }
.verdict-update { color: #1d5fb4; font-weight: bold; }
.verdict-consistent { color: #2e7d32; font-weight: bold; }
</style>
]]

local function add_css(meta)
  local raw = pandoc.MetaBlocks({ pandoc.RawBlock("html", CSS) })
  local hi = meta["header-includes"]
  if hi == nil then
    meta["header-includes"] = pandoc.MetaList({ raw })
  elseif type(hi) == "table" and (hi.t == "MetaList" or hi.tag == "MetaList"
      or (hi[1] ~= nil and type(hi[1]) == "table" and hi[1].t == nil)) then
    hi[#hi + 1] = raw
    meta["header-includes"] = hi
  else
    meta["header-includes"] = pandoc.MetaList({ hi, raw })
  end
  return meta
end

-- ---------------------------------------------------------------------
-- The filter.

local function run(doc)
  local meta = doc.meta
  local opts = options(meta)
  local blocks = doc.blocks
  for _, f in ipairs(opts.files) do blocks[#blocks + 1] = file_article(f) end
  local arts, form = find_articles(blocks)
  if #arts == 0 then
    io.stderr:write("newsc: no articles (level-1 sections or Divs of class 'article'); document left as it is\n")
    doc.blocks = blocks
    return doc
  end

  -- ids, titles and text of each article
  local used = {}
  local function unique(id, i)
    if id == nil or id == "" then id = "article-" .. i end
    if used[id] then id = id .. "-" .. i end
    used[id] = true
    return id
  end
  local entries = {}
  for i, art in ipairs(arts) do
    local el = art.div or art.header
    art.id = unique(el.identifier or (el.attr and el.attr.identifier), i)
    if el.identifier ~= art.id then
      el.identifier = art.id
      if art.div then art.list[art.index] = el else blocks[art.first] = el end
    end
    local units = {}
    local function collect(inl) units[#units + 1] = inl end
    if art.div then each_unit(art.div.content, collect)
    else
      local sub = {}
      for k = art.first, art.last do sub[#sub + 1] = blocks[k] end
      each_unit(sub, collect)
    end
    local texts, starts, pos = {}, {}, 0
    for k, inl in ipairs(units) do
      texts[k] = list_text(inl)
      starts[k] = pos
      pos = pos + #texts[k] + 2
    end
    art.starts, art.lens, art.marks = starts, {}, {}
    for k = 1, #texts do art.lens[k] = #texts[k]; art.marks[k] = {} end
    local text = table.concat(texts, "\n\n")
    local entry = { id = art.id, text = text }
    local parsed = newsc.article and newsc.article(text)
    if type(parsed) == "table" then
      entry = parsed
      entry.id, entry.text = art.id, text
    end
    for _, key in ipairs({ "outlet", "published", "title", "url", "author" }) do
      local v = attr_value(el, key)
      if v and v ~= "" then entry[key] = v end
    end
    arts[art.id] = art
    entries[i] = entry
  end

  local report, err = newsc.crosscheck(entries, { words = opts.words, ref = opts.ref })
  if not report then error("newsc: " .. tostring(err), 0) end

  -- labels of the articles
  local label = {}
  for _, a in ipairs(report.articles) do
    label[a.id] = a.outlet or a.title or a.id
  end

  -- marks: byte ranges of an article's text -> Spans in its units
  local where = {}    -- "article:start" -> span id
  local function mark(article, start, stop, id, cls, attributes)
    local art = arts[article]
    if not art then return end
    local s, e = start - 1, stop       -- 0-based, half open
    local first = true
    for k = 1, #art.starts do
      local u0, u1 = art.starts[k], art.starts[k] + art.lens[k]
      local a, b = math.max(s, u0), math.min(e, u1)
      if a < b then
        local attr = pandoc.Attr(first and id or "", { cls }, attributes)
        table.insert(art.marks[k], { s = a - u0, e = b - u0, attr = attr })
        first = false
      end
    end
    where[article .. ":" .. start] = id
  end
  for _, q in ipairs(report.quotes) do
    for r, rend in ipairs(q.renderings) do
      local attributes = {
        { "speaker", q.speaker or "" }, { "articles", tostring(#q.articles) },
        { "group", q.id }, { "variant", rend.variant or "" },
      }
      local id = "newsc-" .. q.id .. "-" .. r
      local parts = rend.parts and #rend.parts > 0 and rend.parts or { rend }
      for p, part in ipairs(parts) do
        mark(rend.article, part.start, part.stop, p == 1 and id or "", "quote", attributes)
      end
      where[rend.article .. ":" .. rend.start] = id
    end
  end
  for _, f in ipairs(report.figures) do
    for m, men in ipairs(f.mentions) do
      local attributes = {
        { "topic", f.about or "" }, { "lower", num(men.low) or "" }, { "upper", num(men.high) or "" },
        { "verdict", f.verdict or "" }, { "group", f.id },
      }
      mark(men.article, men.start, men.stop, "newsc-" .. f.id .. "-" .. m, "figure", attributes)
    end
  end

  -- apply the marks, unit by unit (outer ranges first; Spans add no text,
  -- so the offsets stay valid as they go in)
  local order = function(x, y)
    if x.s ~= y.s then return x.s < y.s end
    if x.e ~= y.e then return x.e > y.e end
    return x.attr.classes[1] == "quote" and y.attr.classes[1] ~= "quote"
  end
  for _, art in ipairs(arts) do
    local k = 0
    local function apply(inl)
      k = k + 1
      local ms = art.marks[k]
      if #ms == 0 then return nil end
      table.sort(ms, order)
      for _, m in ipairs(ms) do inl = wrap(inl, m.s, m.e, m.attr) end
      return inl
    end
    if art.div then
      art.div.content = each_unit(art.div.content, apply)
      art.list[art.index] = art.div
    else
      local sub = {}
      for i = art.first, art.last do sub[#sub + 1] = blocks[i] end
      sub = each_unit(sub, apply)
      for i = art.first, art.last do blocks[i] = sub[i - art.first + 1] end
    end
  end

  -- the Cross-check section
  local function link_to(article, target)
    return pandoc.Link({ pandoc.Str(label[article] or article) }, "#" .. (target or article))
  end
  local function item_link(it)
    return link_to(it.article, where[it.article .. ":" .. it.start] or it.article)
  end
  local function sources(ids)
    local out = pandoc.List({ pandoc.Str("[") })
    for i, id in ipairs(ids) do
      if i > 1 then append(out, { pandoc.Str(";"), pandoc.Space() }) end
      out[#out + 1] = link_to(id)
    end
    out[#out + 1] = pandoc.Str("]")
    return out
  end
  local function verdict(v)
    return pandoc.Span({ pandoc.Str(v) }, pandoc.Attr("", { "verdict", "verdict-" .. v }, {}))
  end

  local out = pandoc.List()
  out[#out + 1] = pandoc.Header(1, { pandoc.Str(opts.title) },
    pandoc.Attr("newsc-cross-check", { "newsc" }, {}))
  local function count(n, what) return ("%d %s%s"):format(n, what, n == 1 and "" or "s") end
  out[#out + 1] = pandoc.Para(words(("%s, %s, %s, %s."):format(count(#report.articles, "article"),
    count(#report.quotes, "quote"), count(#report.figures, "figure"), count(#report.conflicts, "conflict"))))
  local part = {}
  part.summary = function()
    out[#out + 1] = pandoc.Header(2, { pandoc.Str("Summary") }, pandoc.Attr("newsc-summary", {}, {}))
    if #report.summary == 0 then out[#out + 1] = pandoc.Para({ pandoc.Str("No summary.") }) end
    for _, s in ipairs(report.summary) do
      local inl = words(s.text)
      inl[#inl + 1] = pandoc.Space()
      append(inl, sources(s.supported_by))
      out[#out + 1] = pandoc.Para(inl)
    end
  end
  part.quotes = function()
    out[#out + 1] = pandoc.Header(2, { pandoc.Str("Quotes") }, pandoc.Attr("newsc-quotes", {}, {}))
    if #report.quotes == 0 then out[#out + 1] = pandoc.Para({ pandoc.Str("No quotes found.") }); return end
    local rows = {}
    for _, q in ipairs(report.quotes) do
      local outlets = pandoc.List()
      for r, rend in ipairs(q.renderings) do
        if r > 1 then append(outlets, { pandoc.Str(";"), pandoc.Space() }) end
        outlets[#outlets + 1] = link_to(rend.article, "newsc-" .. q.id .. "-" .. r)
        if rend.variant and rend.variant ~= "fullest" and rend.variant ~= "same" then
          append(outlets, { pandoc.Space(), pandoc.Str("(" .. rend.variant .. ")") })
        end
      end
      rows[#rows + 1] = {
        cell({ pandoc.Str(q.id) }), cell(words(q.speaker or "unknown")),
        cell(words(q.text)), cell({ pandoc.Str(tostring(#q.articles)) }), cell(outlets),
      }
    end
    out[#out + 1] = table_of({ "", "Speaker", "Quote", "Articles", "Renderings" }, rows)
  end
  part.figures = function()
    out[#out + 1] = pandoc.Header(2, { pandoc.Str("Figures") }, pandoc.Attr("newsc-figures", {}, {}))
    if #report.figures == 0 then out[#out + 1] = pandoc.Para({ pandoc.Str("No figures found.") }); return end
    local rows = {}
    for _, f in ipairs(report.figures) do
      for m, men in ipairs(f.mentions) do
        local range = (num(men.low) or "?") .. "–" .. (num(men.high) or "∞")
        rows[#rows + 1] = {
          cell(m == 1 and words(f.about or "") or {}),
          cell(m == 1 and { verdict(f.verdict) } or {}),
          cell({ link_to(men.article, "newsc-" .. f.id .. "-" .. m) }),
          cell(words(men.text)), cell({ pandoc.Str(range) }),
          cell(words(men.attribution and men.attribution.text or "")),
        }
      end
    end
    out[#out + 1] = table_of({ "About", "Verdict", "Article", "Figure", "Range", "Source" }, rows)
  end
  local function item_list(items)
    local li = {}
    for _, it in ipairs(items) do
      li[#li + 1] = { pandoc.Plain({ item_link(it), pandoc.Str(":"), pandoc.Space(),
        pandoc.Quoted(pandoc.DoubleQuote, words(it.text)) }) }
    end
    return pandoc.BulletList(li)
  end
  part.conflicts = function()
    out[#out + 1] = pandoc.Header(2, { pandoc.Str("Conflicts") }, pandoc.Attr("newsc-conflicts", {}, {}))
    if #report.conflicts == 0 then out[#out + 1] = pandoc.Para({ pandoc.Str("No conflicts found.") }); return end
    local li = {}
    for _, c in ipairs(report.conflicts) do
      local head = append(pandoc.List({ pandoc.Strong({ pandoc.Str(c.kind) }), pandoc.Str(":"),
        pandoc.Space() }), words(c.explanation))
      li[#li + 1] = { pandoc.Plain(head), item_list(c.items) }
    end
    out[#out + 1] = pandoc.BulletList(li)
  end
  part.claims = function()
    out[#out + 1] = pandoc.Header(2, { pandoc.Str("Claims made by several articles") },
      pandoc.Attr("newsc-claims", {}, {}))
    if #report.claims == 0 then out[#out + 1] = pandoc.Para({ pandoc.Str("None found.") }); return end
    local li = {}
    for _, c in ipairs(report.claims) do
      local inl = words(c.text)
      inl[#inl + 1] = pandoc.Space()
      append(inl, sources(c.articles))
      li[#li + 1] = { pandoc.Plain(inl) }
    end
    out[#out + 1] = pandoc.BulletList(li)
  end
  part.single = function()
    out[#out + 1] = pandoc.Header(2, { pandoc.Str("Single-source statements") },
      pandoc.Attr("newsc-single", {}, {}))
    if #report.single_source == 0 then out[#out + 1] = pandoc.Para({ pandoc.Str("None found.") }); return end
    out[#out + 1] = item_list(report.single_source)
  end
  for _, s in ipairs(opts.sections) do part[s]() end

  append(blocks, out)
  doc.blocks = blocks
  if opts.css and FORMAT and FORMAT:match("html") then doc.meta = add_css(meta) end
  return doc
end

-- `_internal`: the text and Span functions, for the specs (pandoc reads
-- only the list part of the returned table)
return {
  { Pandoc = run },
  _internal = { text_of = text_of, list_text = list_text, wrap = wrap, split = split,
                each_unit = each_unit, find_articles = find_articles },
}
