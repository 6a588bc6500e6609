--- JSON report of a cross-check: a stable, versioned shape (see
-- doc/crosscheck.md). Top-level keys: `version`, `articles`, `quotes`,
-- `figures`, `claims`, `single_source`, `conflicts`, `summary`. Offsets
-- are 1-based inclusive bytes of each article's input file; an open
-- bound of a range (`at least 93`) is `null`.
-- @module newsc.render.json
local json = require "newsc.json"

local M = {}

local KEYORDER = {
  "version", "articles", "quotes", "figures", "claims", "single_source", "conflicts",
  "summary", "stories",
  "id", "kind", "about", "speaker", "verdict", "reason", "explanation", "text", "article",
  "articles", "title", "outlet", "byline", "author", "published", "dateline", "url", "path",
  "place", "date", "agency",
  "value", "low", "high", "hedge", "unit", "start", "stop", "variant", "fullest",
  "subject", "measure", "event", "cue", "attribution", "sentence", "parts", "diff", "op",
  "renderings", "mentions", "items", "supported_by",
}

-- infinite bounds as null; everything else copied
local function clean(v)
  if type(v) == "number" then
    if v == math.huge or v == -math.huge or v ~= v then return json.null end
    return v
  end
  if type(v) ~= "table" then return v end
  local o = {}
  for k, x in pairs(v) do
    if type(k) ~= "string" or k:sub(1, 1) ~= "_" then o[k] = clean(x) end
  end
  return o
end

--- The report as plain data ready for JSON (infinite bounds as null).
function M.data(report) return clean(report) end

--- Render a cross-check report (or `{summary=...}`) as JSON text.
-- @treturn string
function M.render(report)
  return json.encode(clean(report), KEYORDER)
end

return M
