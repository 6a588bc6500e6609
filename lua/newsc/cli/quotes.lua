--- `newsc quotes FILE...`: the quotes of articles with their speakers.
-- Text output: one quote a line, `[id<TAB>]start-stop<TAB>kind<TAB>speaker<TAB>cue<TAB>“text”`
-- (speaker "?" when unknown); JSON: an array of `{id=, quotes={...}}` with
-- the records of `newsc.quotes`, the mention's words added as `mention.text`.
local input = require "newsc.input"
local json = require "newsc.json"
local newsc = require "newsc"

local KEYS = { "id", "text", "kind", "speaker", "start", "stop", "mention", "cue", "via",
               "parts", "closed", "quotes" }

--- Plain-data copy of a quote record for JSON output.
local function record(text, q)
  local r = { text = q.text, kind = q.kind, speaker = q.speaker, start = q.start,
              stop = q.stop, closed = q.closed, parts = q.parts, cue = q.cue, via = q.via }
  if q.mention then
    r.mention = { start = q.mention.start, stop = q.mention.stop,
                  text = text:sub(q.mention.start, q.mention.stop) }
  end
  return r
end

return {
  summary = "List the quotes of articles with their speakers.",
  setup = function(cmd)
    cmd:argument("inputs", "Files, directories or - for standard input."):args("+")
    cmd:option("--format", "Output format: text or json.", "text"):choices({ "text", "json" })
    cmd:option("--kind", "Keep only quotes of these kinds (comma-separated: direct,partial,title).")
  end,
  run = function(args)
    local docs, err = input.read(args.inputs)
    if not docs then return nil, err end
    local keep
    if args.kind then
      keep = {}
      for k in args.kind:gmatch("[^,%s]+") do
        if k ~= "direct" and k ~= "partial" and k ~= "title" then
          return nil, "--kind: unknown kind '" .. k .. "' (direct, partial or title)"
        end
        keep[k] = true
      end
    end
    local all = {}
    for _, doc in ipairs(docs) do
      local qs, qerr = input.apply(doc, newsc.quotes)
      if not qs then return nil, qerr end
      local list = {}
      for _, q in ipairs(qs) do
        if not keep or keep[q.kind] then
          if args.format == "json" then
            list[#list + 1] = record(doc.text, q)
          else
            io.write(#docs > 1 and (doc.id .. "\t") or "", q.start, "-", q.stop, "\t", q.kind, "\t",
                     q.speaker or "?", "\t", q.cue and q.cue.text or "", "\t",
                     "“", (q.text:gsub("%s+", " ")), "”\n")
          end
        end
      end
      if args.format == "json" then all[#all + 1] = { id = doc.id, quotes = list } end
    end
    if args.format == "json" then
      io.write(json.encode(all, KEYS), "\n")
    end
  end,
}
