--- Markdown report of a cross-check (the command line's default output):
-- articles, quotes with each outlet's rendering and its differences,
-- figures with verdicts, conflicts, claims, single-source statements and
-- the cited summary. Every item carries `article@start-stop` (bytes of
-- the input file).
-- @module newsc.render.markdown
local M = {}

local function cell(s)
  s = tostring(s or ""):gsub("%s+", " "):gsub("|", "\\|")
  return s
end

local function range(it)
  return ("%s@%d-%d"):format(it.article, it.start, it.stop)
end

local function num(x)
  if x == nil then return "?" end
  if x == math.huge then return "∞" end
  if x == math.floor(x) and math.abs(x) < 1e15 then return ("%d"):format(x) end
  return ("%.4g"):format(x)
end

--- A rendering with its differences from the fullest: words the fullest
-- has and this one lacks as ~~struck~~, words only this one has in **bold**.
function M.diff(r)
  if not r.diff or r.variant == "fullest" or r.variant == "same" then return cell(r.text) end
  local out = {}
  for _, d in ipairs(r.diff) do
    local t = cell(d.text)
    if d.op == "-" then out[#out + 1] = "~~" .. t .. "~~"
    elseif d.op == "+" then out[#out + 1] = "**" .. t .. "**"
    else out[#out + 1] = t end
  end
  return table.concat(out, " ")
end

local function ids(list) return table.concat(list, ", ") end

--- Render a cross-check report as Markdown.
-- @param report from `newsc.crosscheck`
-- @treturn string
function M.render(report)
  local o = {}
  local function w(...) for _, s in ipairs({ ... }) do o[#o + 1] = s end end
  w("# Cross-check of ", tostring(#report.articles), " articles\n\n")
  w("| id | title | outlet | published | dateline |\n|---|---|---|---|---|\n")
  for _, a in ipairs(report.articles) do
    local dl = a.dateline and table.concat({ a.dateline.place or "", a.dateline.date or "" }, " ") or ""
    w("| ", cell(a.id), " | ", cell(a.title), " | ", cell(a.outlet or a.byline), " | ",
      cell(a.published), " | ", cell(dl), " |\n")
  end
  if report.summary and #report.summary > 0 then
    w("\n## Summary\n\n")
    for _, s in ipairs(report.summary) do
      w(s.text, " [", ids(s.supported_by), "; ", range(s), "]\n")
    end
  end
  if #report.conflicts > 0 then
    w("\n## Conflicts\n\n")
    for _, c in ipairs(report.conflicts) do
      w("- **", c.kind, "**: ", cell(c.explanation), "\n")
      for _, it in ipairs(c.items) do
        w("  - ", range(it), ": ", cell(it.text), "\n")
      end
    end
  end
  w("\n## Quotes\n\n")
  if #report.quotes == 0 then w("No quotes found.\n") end
  for _, q in ipairs(report.quotes) do
    w("### ", q.id, ". ", cell(q.speaker or "unknown speaker"), " (", tostring(#q.articles),
      #q.articles == 1 and " article" or " articles", ")\n\n")
    w("> ", cell(q.text), "\n\n")
    w("| article | kind | rendering | bytes |\n|---|---|---|---|\n")
    for _, r in ipairs(q.renderings) do
      local kind = r.kind .. (r.variant and r.variant ~= "fullest" and (", " .. r.variant) or "")
      w("| ", r.article, " | ", kind, " | ", M.diff(r), " | ", r.start, "-", r.stop, " |\n")
    end
    w("\n")
  end
  w("\n## Figures\n\n")
  if #report.figures == 0 then w("No figures found.\n") end
  if #report.figures > 0 then
    w("| about | verdict | article | figure | range | source | bytes |\n|---|---|---|---|---|---|---|\n")
    for _, f in ipairs(report.figures) do
      for i, m in ipairs(f.mentions) do
        w("| ", i == 1 and cell(f.about) or "", " | ", i == 1 and ("**" .. f.verdict .. "**") or "",
          " | ", m.article, " | ", cell(m.text), " | ", num(m.low), "–", num(m.high), " | ",
          cell(m.attribution and m.attribution.text or ""), " | ", m.start, "-", m.stop, " |\n")
      end
    end
  end
  w("\n## Claims made by several articles\n\n")
  if #report.claims == 0 then w("None found.\n") end
  for _, c in ipairs(report.claims) do
    w("- ", cell(c.text), " [", ids(c.articles), "]\n")
    for _, it in ipairs(c.items) do
      if it.article ~= c.article or it.start ~= c.items[1].start then
        w("  - ", range(it), ": ", cell(it.text), "\n")
      end
    end
  end
  w("\n## Single-source statements\n\n")
  if #report.single_source == 0 then w("None found.\n") end
  for _, s in ipairs(report.single_source) do
    w("- ", cell(s.text), " [", range(s), "]\n")
  end
  return table.concat(o)
end

--- Render the stories of `newsc.crosscheck.stories`: one report each.
-- @treturn string
function M.render_stories(stories)
  local o = { ("# %d stories\n\n"):format(#stories) }
  for k, st in ipairs(stories) do
    o[#o + 1] = ("%d. %s\n"):format(k, table.concat(st.articles, ", "))
  end
  for k, st in ipairs(stories) do
    o[#o + 1] = ("\n---\n\n# Story %d\n\n"):format(k)
    if st.report then
      o[#o + 1] = (M.render(st.report):gsub("^# ", "## "):gsub("\n(#+) ", "\n#%1 "))
    else
      o[#o + 1] = "One article (" .. st.articles[1] .. "): nothing to cross-check.\n"
    end
  end
  return table.concat(o)
end

return M
