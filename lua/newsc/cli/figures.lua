--- `newsc figures FILE...`: the figures of articles with their ranges, and
-- with `--dates` their dates resolved against `--ref`.
local input = require "newsc.input"
local json = require "newsc.json"
local newsc = require "newsc"

local function num(v)
  if v == math.huge then return "inf" end
  if v == math.floor(v) and math.abs(v) < 2 ^ 53 then return string.format("%d", v) end
  return string.format("%.6g", v)
end

local function oneline(s) return (s:gsub("%s+", " ")) end

return {
  summary = "List the figures (counts, percentages, money, ages) of articles.",
  setup = function(cmd)
    cmd:argument("inputs", "Files, directories or - for standard input."):args("+")
    cmd:option("--format", "Output format: text or json.", "text"):choices({ "text", "json" })
    cmd:flag("--dates", "Also list the dates, resolved against --ref.")
    cmd:option("--ref", "Reference date YYYY-MM-DD for relative dates (the article's date).")
  end,
  run = function(args)
    if args.ref and not args.ref:match("^%d%d%d%d%-%d%d%-%d%d") then
      return nil, "--ref: expected a date YYYY-MM-DD, got " .. args.ref
    end
    local docs, err = input.read(args.inputs)
    if not docs then return nil, err end
    local all = {}
    for _, doc in ipairs(docs) do
      local figs, ferr = input.apply(doc, newsc.figures)
      if not figs then return nil, ferr end
      local dates
      if args.dates then
        local ok, d, derr = pcall(input.apply, doc, newsc.dates, { ref = args.ref })
        if not ok then return nil, tostring(d) end
        if not d then return nil, derr end
        dates = d
      end
      local prefix = #docs > 1 and (doc.id .. "\t") or ""
      if args.format == "json" then
        for _, f in ipairs(figs) do
          if f.high == math.huge then f.high = json.null end
        end
        all[#all + 1] = { id = doc.id, figures = figs, dates = dates }
      else
        for _, f in ipairs(figs) do
          io.write(prefix, f.start, "-", f.stop, "\t", f.kind, "\t", num(f.value), "\t",
                   num(f.low), "..", num(f.high), "\t", f.hedge, "\t", f.unit or "-", "\t",
                   oneline(f.text), "\n")
        end
        for _, d in ipairs(dates or {}) do
          io.write(prefix, d.start, "-", d.stop, "\tdate\t", d.date or "-", "\t",
                   d.low and (d.low .. ".." .. d.high) or "-", "\t",
                   d.relative and "relative" or "absolute", "\t", d.weekday or "-", "\t",
                   oneline(d.text), "\n")
        end
      end
    end
    if args.format == "json" then
      io.write(json.encode(all, { "id", "figures", "dates", "text", "value", "low", "high",
                                  "hedge", "unit", "kind", "date", "relative", "weekday",
                                  "start", "stop" }), "\n")
    end
  end,
}
