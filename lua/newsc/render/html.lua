--- HTML report of a cross-check: one standalone page (no external files)
-- with the summary, conflicts, quotes (each outlet's rendering side by
-- side, differences marked), figures with verdicts, claims, single-source
-- statements, and each article's text with its quotes highlighted.
-- Sources link to the article's URL when it has one and to its text below.
-- @module newsc.render.html
local M = {}

local function esc(s)
  return (tostring(s or ""):gsub("[&<>\"]", { ["&"] = "&amp;", ["<"] = "&lt;",
                                              [">"] = "&gt;", ['"'] = "&quot;" }))
end

local PFX = ""
local function anchor(id) return PFX .. "art-" .. tostring(id):gsub("[^%w%-_]", "_") end

local function src(id, start, stop)
  local label = esc(id)
  if start then label = label .. " <small>" .. start .. "–" .. stop .. "</small>" end
  return ('<a class="src" href="#%s">%s</a>'):format(anchor(id), label)
end

local function num(x)
  if x == nil then return "?" end
  if x == math.huge then return "∞" end
  if x == math.floor(x) and math.abs(x) < 1e15 then return ("%d"):format(x) end
  return ("%.4g"):format(x)
end

local CSS = [[
body{font:16px/1.45 Georgia,serif;max-width:1200px;margin:2em auto;padding:0 1em;color:#222}
h1,h2,h3{font-family:Helvetica,Arial,sans-serif}
h2{border-bottom:2px solid #ccc;padding-bottom:.2em;margin-top:2em}
nav a{margin-right:1em}
table{border-collapse:collapse;width:100%;margin:.5em 0}
td,th{border:1px solid #ddd;padding:.3em .5em;vertical-align:top;text-align:left}
th{background:#f3f3f3}
.quote{border:1px solid #ddd;border-radius:6px;padding:.5em 1em;margin:1em 0;background:#fcfcfc}
.quote h3{margin:.2em 0}
.variants{display:grid;grid-template-columns:repeat(auto-fit,minmax(240px,1fr));gap:.8em}
.variant{background:#fff;border-left:4px solid #f0c040;padding:.4em .6em}
.variant.partial{border-left-color:#9ad}
.variant header{font:13px Helvetica,Arial,sans-serif;color:#555;margin-bottom:.3em}
del{background:#fdd;color:#a33}
ins{background:#dfd;text-decoration:none}
mark.q{background:#fff3b0}
mark.f{background:#d8ecff}
.verdict{font:bold 13px Helvetica,Arial,sans-serif;padding:.1em .4em;border-radius:3px;color:#fff}
.consistent{background:#2a8a3a}.tension{background:#d08a00}.conflict{background:#c0302a}
.update{background:#2a62c0}.single{background:#888}
.src{font:13px Helvetica,Arial,sans-serif;white-space:nowrap}
.text p{margin:.4em 0}
.meta{color:#555;font:14px Helvetica,Arial,sans-serif}
]]

local function rendering(r)
  local body = {}
  if r.diff and r.variant ~= "fullest" and r.variant ~= "same" then
    for _, d in ipairs(r.diff) do
      if d.op == "-" then body[#body + 1] = "<del>" .. esc(d.text) .. "</del>"
      elseif d.op == "+" then body[#body + 1] = "<ins>" .. esc(d.text) .. "</ins>"
      else body[#body + 1] = esc(d.text) end
    end
  else
    body[1] = esc(r.text)
  end
  return ('<div class="variant %s"><header>%s · %s%s</header>“%s”</div>'):format(
    esc(r.kind), src(r.article, r.start, r.stop), esc(r.kind),
    (r.variant and r.variant ~= "fullest") and (" · " .. esc(r.variant)) or "",
    table.concat(body, " "))
end

-- An article's text with its quotes and figures marked.
local function article_text(text, regions, spans)
  table.sort(spans, function(a, b) return a.start < b.start end)
  local kept, last = {}, 0
  for _, s in ipairs(spans) do
    if s.start > last then kept[#kept + 1] = s; last = s.stop end
  end
  local out, k = {}, 1
  for _, r in ipairs(regions) do
    local buf, pos = {}, r.start
    while kept[k] and kept[k].stop < r.start do k = k + 1 end
    local j = k
    while kept[j] and kept[j].start <= r.stop do
      local s = kept[j]
      local a, b = math.max(s.start, r.start), math.min(s.stop, r.stop)
      if a > pos then buf[#buf + 1] = esc(text:sub(pos, a - 1)) end
      buf[#buf + 1] = ('<mark class="%s" title="%s">%s</mark>'):format(
        s.class, esc(s.title), esc(text:sub(a, b)))
      pos = b + 1
      if s.stop > r.stop then break end
      j = j + 1
    end
    k = j
    if pos <= r.stop then buf[#buf + 1] = esc(text:sub(pos, r.stop)) end
    out[#out + 1] = "<p>" .. table.concat(buf) .. "</p>"
  end
  return table.concat(out, "\n")
end

local HEAD = '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
  .. '<meta name="viewport" content="width=device-width,initial-scale=1">'
  .. "<title>newsc cross-check</title><style>" .. CSS .. "</style></head><body>\n"

-- The body of one report; ids prefixed with `pfx` (several reports on a page).
local function report_body(report, opts, w, pfx)
  PFX = pfx or ""
  local function id(s) return PFX .. s end
  w("<h1>Cross-check of ", tostring(#report.articles), " articles</h1>\n")
  w('<nav><a href="#', id("summary"), '">Summary</a><a href="#', id("conflicts"), '">Conflicts</a>',
    '<a href="#', id("quotes"), '">Quotes</a><a href="#', id("figures"), '">Figures</a>',
    '<a href="#', id("claims"), '">Claims</a><a href="#', id("single"), '">Single source</a>',
    '<a href="#', id("texts"), '">Articles</a></nav>\n')
  w('<table class="articles"><tr><th>id</th><th>title</th><th>outlet</th><th>published</th><th>source</th></tr>\n')
  for _, a in ipairs(report.articles) do
    local link = a.url and ('<a href="' .. esc(a.url) .. '">' .. esc(a.url) .. "</a>")
                 or esc(a.path or "")
    w("<tr><td>", src(a.id), "</td><td>", esc(a.title), "</td><td>", esc(a.outlet or a.byline),
      "</td><td>", esc(a.published or (a.dateline and a.dateline.date)), "</td><td>", link, "</td></tr>\n")
  end
  w("</table>\n")
  w('<h2 id="', id("summary"), '">Summary</h2>\n<ol>\n')
  for _, s in ipairs(report.summary or {}) do
    local cites = {}
    for _, id in ipairs(s.supported_by) do cites[#cites + 1] = src(id) end
    w("<li>", esc(s.text), " ", src(s.article, s.start, s.stop),
      ' <span class="meta">supported by ', table.concat(cites, ", "), "</span></li>\n")
  end
  w("</ol>\n")
  w('<h2 id="', id("conflicts"), '">Conflicts</h2>\n')
  if #report.conflicts == 0 then w("<p>None found.</p>\n") end
  for _, c in ipairs(report.conflicts) do
    w('<div class="quote"><span class="verdict conflict">', esc(c.kind), "</span> ",
      esc(c.explanation), "<ul>")
    for _, it in ipairs(c.items) do
      w("<li>", src(it.article, it.start, it.stop), " ", esc(it.text), "</li>")
    end
    w("</ul></div>\n")
  end
  w('<h2 id="', id("quotes"), '">Quotes</h2>\n')
  if #report.quotes == 0 then w("<p>No quotes found.</p>\n") end
  for _, q in ipairs(report.quotes) do
    w('<section class="quote" id="', id(esc(q.id)), '"><h3>', esc(q.speaker or "unknown speaker"),
      ' <span class="meta">', tostring(#q.articles), #q.articles == 1 and " article" or " articles",
      "</span></h3>\n<div class=\"variants\">")
    for _, r in ipairs(q.renderings) do w(rendering(r)) end
    w("</div></section>\n")
  end
  w('<h2 id="', id("figures"), '">Figures</h2>\n')
  if #report.figures == 0 then w("<p>No figures found.</p>\n") end
  if #report.figures > 0 then
    w("<table><tr><th>about</th><th>verdict</th><th>article</th><th>figure</th><th>range</th><th>source credited</th></tr>\n")
    for _, f in ipairs(report.figures) do
      for i, m in ipairs(f.mentions) do
        w("<tr>")
        if i == 1 then
          w('<td rowspan="', tostring(#f.mentions), '">', esc(f.about), '</td><td rowspan="',
            tostring(#f.mentions), '"><span class="verdict ', esc(f.verdict), '">', esc(f.verdict),
            "</span>", f.reason and ('<br><span class="meta">' .. esc(f.reason) .. "</span>") or "", "</td>")
        end
        w("<td>", src(m.article, m.start, m.stop), "</td><td>", esc(m.text), "</td><td>",
          num(m.low), "–", num(m.high), "</td><td>", esc(m.attribution and m.attribution.text), "</td></tr>\n")
      end
    end
    w("</table>\n")
  end
  w('<h2 id="', id("claims"), '">Claims made by several articles</h2>\n<ul>\n')
  for _, c in ipairs(report.claims) do
    local cites = {}
    for _, it in ipairs(c.items) do cites[#cites + 1] = src(it.article, it.start, it.stop) end
    w("<li>", esc(c.text), ' <span class="meta">', table.concat(cites, ", "), "</span></li>\n")
  end
  w("</ul>\n")
  w('<h2 id="', id("single"), '">Single-source statements</h2>\n<ul>\n')
  for _, s in ipairs(report.single_source) do
    w("<li>", esc(s.text), " ", src(s.article, s.start, s.stop), "</li>\n")
  end
  w("</ul>\n")
  w('<h2 id="', id("texts"), '">Articles</h2>\n')
  for _, a in ipairs(report.articles) do
    w('<section class="text" id="', anchor(a.id), '"><h3>', esc(a.id), a.title and (": " .. esc(a.title)) or "",
      "</h3>\n")
    if a.url then w('<p class="meta"><a href="', esc(a.url), '">', esc(a.url), "</a></p>\n") end
    local text = opts.texts and opts.texts[a.id]
    if text then
      local spans = {}
      for _, q in ipairs(report.quotes) do
        for _, r in ipairs(q.renderings) do
          if r.article == a.id then
            for _, p in ipairs(r.parts or { r }) do
              spans[#spans + 1] = { start = p.start, stop = p.stop, class = "q",
                                    title = q.id .. ": " .. (q.speaker or "unknown speaker") }
            end
          end
        end
      end
      for _, f in ipairs(report.figures) do
        for _, m in ipairs(f.mentions) do
          if m.article == a.id then
            spans[#spans + 1] = { start = m.start, stop = m.stop, class = "f",
                                  title = f.about .. ": " .. f.verdict }
          end
        end
      end
      w(article_text(text, a._regions or { { start = 1, stop = #text } }, spans), "\n")
    end
    w("</section>\n")
  end
end

--- Render a cross-check report as a standalone HTML page.
-- @param report from `newsc.crosscheck`
-- @param opts `{texts = {[id] = input text}}` to show each article's text
-- @treturn string
function M.render(report, opts)
  local o = {}
  local function w(...) for _, s in ipairs({ ... }) do o[#o + 1] = s end end
  w(HEAD)
  report_body(report, opts or {}, w, "")
  w("</body></html>\n")
  return table.concat(o)
end

--- Render the stories of `newsc.crosscheck.stories` on one page.
-- @param stories array of `{articles=, report=}`
-- @param opts as for `render`
-- @treturn string
function M.render_stories(stories, opts)
  local o = {}
  local function w(...) for _, s in ipairs({ ... }) do o[#o + 1] = s end end
  w(HEAD, "<h1>", tostring(#stories), " stories</h1>\n<ol>\n")
  for k, st in ipairs(stories) do
    w('<li><a href="#s', tostring(k), '">', esc(table.concat(st.articles, ", ")), "</a></li>\n")
  end
  w("</ol>\n")
  for k, st in ipairs(stories) do
    w('<div class="story" id="s', tostring(k), '">')
    if st.report then report_body(st.report, opts or {}, w, "s" .. k .. "-")
    else w("<h2>", esc(st.articles[1]), "</h2><p>One article: nothing to cross-check.</p>") end
    w("</div>\n")
  end
  w("</body></html>\n")
  return table.concat(o)
end

return M
