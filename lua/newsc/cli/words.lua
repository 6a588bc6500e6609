--- `newsc words FILE...`: word tokens with their kind and normal form.
local input = require "newsc.input"
local json = require "newsc.json"
local newsc = require "newsc"

return {
  summary = "List the word tokens of articles.",
  setup = function(cmd)
    cmd:argument("inputs", "Files, directories or - for standard input."):args("+")
    cmd:option("--format", "Output format: text or json.", "text"):choices({ "text", "json" })
    cmd:flag("--count", "Print only the number of words of each input.")
  end,
  run = function(args)
    local docs, err = input.read(args.inputs)
    if not docs then return nil, err end
    local all = {}
    for _, doc in ipairs(docs) do
      if args.count then
        local n, cerr = input.apply(doc, newsc.count_words)
        if not n then return nil, cerr end
        io.write(doc.id, "\t", n, "\n")
      else
        local words, werr = input.apply(doc, newsc.words)
        if not words then return nil, werr end
        if args.format == "json" then
          all[#all + 1] = { id = doc.id, words = words }
        else
          for _, w in ipairs(words) do
            io.write(#docs > 1 and (doc.id .. "\t") or "", w.start, "-", w.stop, "\t",
                     w.kind, "\t", w.text, "\t", w.norm, "\n")
          end
        end
      end
    end
    if args.format == "json" and not args.count then
      io.write(json.encode(all, { "id", "text", "norm", "kind", "start", "stop", "words" }), "\n")
    end
  end,
}
