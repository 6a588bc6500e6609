--- `newsc summarise FILE|DIR... [--words N] [--format text|json]`: an
-- extractive summary of several articles, each sentence with the articles
-- that support it.
local input = require "newsc.input"

return {
  summary = "Summarise articles about one event; every sentence cites its sources.",
  setup = function(cmd)
    cmd:argument("inputs", "Files, directories or - for standard input."):args("+")
    cmd:option("--words", "Word budget.", "250"):convert(function(v)
      local n = tonumber(v)
      if not n or n <= 0 then return nil, "--words: expected a positive number, got " .. v end
      return n
    end)
    cmd:option("--format", "Output format: text or json.", "text"):choices({ "text", "json" })
  end,
  run = function(args)
    local summarise = require "newsc.summarise"
    local docs, err = input.read(args.inputs)
    if not docs then return nil, err end
    local sum, serr = summarise.summarise(docs, { words = args.words })
    if not sum then return nil, serr end
    if args.format == "json" then
      io.write(require("newsc.render.json").render({ summary = sum }), "\n")
    else
      for _, s in ipairs(sum) do
        io.write(s.text, " [", table.concat(s.supported_by, ", "), "]\n")
      end
    end
  end,
}
