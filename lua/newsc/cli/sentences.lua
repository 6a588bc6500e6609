--- `newsc sentences FILE...`: one sentence a line, or JSON spans.
local input = require "newsc.input"
local json = require "newsc.json"
local newsc = require "newsc"

return {
  summary = "Split articles into sentences.",
  setup = function(cmd)
    cmd:argument("inputs", "Files, directories or - for standard input."):args("+")
    cmd:option("--format", "Output format: text or json.", "text"):choices({ "text", "json" })
  end,
  run = function(args)
    local docs, err = input.read(args.inputs)
    if not docs then return nil, err end
    local all = {}
    for _, doc in ipairs(docs) do
      local spans, serr = input.apply(doc, newsc.sentences)
      if not spans then return nil, serr end
      if args.format == "json" then
        local list = {}
        for i, sp in ipairs(spans) do
          list[i] = { start = sp.start, stop = sp.stop, text = doc.text:sub(sp.start, sp.stop) }
        end
        all[#all + 1] = { id = doc.id, sentences = list }
      else
        for _, sp in ipairs(spans) do
          io.write(#docs > 1 and (doc.id .. "\t") or "", sp.start, "-", sp.stop, "\t",
                   (doc.text:sub(sp.start, sp.stop):gsub("%s+", " ")), "\n")
        end
      end
    end
    if args.format == "json" then
      io.write(json.encode(all, { "id", "start", "stop", "text", "sentences" }), "\n")
    end
  end,
}
