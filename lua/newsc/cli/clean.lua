--- `newsc clean FILE... [--format text|json]`: each article's own text,
-- with its metadata; `--dropped` lists the lines left out and why.
local input = require "newsc.input"
local json = require "newsc.json"
local newsc = require "newsc"

local META = { "title", "outlet", "agency", "byline", "published", "updated", "url", "lang" }

local function plain(art)
  local out = {}
  for _, p in ipairs(art.paragraphs) do
    out[#out + 1] = { text = p.text, start = p.start, stop = p.stop }
  end
  local dropped = {}
  for _, d in ipairs(art.dropped) do
    dropped[#dropped + 1] = { text = d.text, start = d.start, stop = d.stop, reason = d.reason }
  end
  local t = { paragraphs = out, dropped = dropped, body = art.body, dateline = art.dateline }
  for _, k in ipairs(META) do t[k] = art[k] end
  return t
end

return {
  summary = "Keep each article's own text and read its metadata.",
  setup = function(cmd)
    cmd:argument("inputs", "Files, directories or - for standard input."):args("+")
    cmd:option("--format", "Output format: text or json.", "text"):choices({ "text", "json" })
    cmd:option("--input-format", "Input format: text, markdown or html (html needs pandoc).",
      "text"):choices({ "text", "markdown", "html" })
    cmd:flag("--dropped", "Also list the lines left out, with the reason for each.")
  end,
  run = function(args)
    local docs, err = input.read(args.inputs)
    if not docs then return nil, err end
    local all = {}
    for _, doc in ipairs(docs) do
      local art, aerr = newsc.article(doc.text, { format = args.input_format })
      if not art then return nil, doc.path .. ": " .. tostring(aerr) end
      if args.format == "json" then
        local t = plain(art)
        t.id = doc.id
        if not args.dropped then t.dropped = nil end
        all[#all + 1] = t
      else
        if #docs > 1 then io.write("## ", doc.id, "\n") end
        for _, k in ipairs(META) do
          if art[k] then io.write(k, ": ", art[k], "\n") end
        end
        if art.dateline then
          io.write("dateline: ", art.dateline.text or "", "\t(place: ", art.dateline.place or "-",
            ", date: ", art.dateline.date or "-", ")\n")
        end
        io.write("\n", art.body, "\n")
        if args.dropped then
          io.write("\n")
          for _, d in ipairs(art.dropped) do
            io.write("[", d.reason, "] ", d.start, "-", d.stop, "\t",
              (d.text:sub(1, 100):gsub("%s+", " ")), "\n")
          end
        end
        if #docs > 1 then io.write("\n") end
      end
    end
    if args.format == "json" then
      io.write(json.encode(all, { "id", "title", "outlet", "agency", "byline", "published", "updated",
        "dateline", "url", "lang", "body", "paragraphs", "dropped", "text", "start", "stop",
        "reason", "place", "date", "agency" }), "\n")
    end
  end,
}
