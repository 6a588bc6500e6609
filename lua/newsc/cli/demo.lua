--- `newsc demo [DIR]`: the main job on the bundled example articles.
-- For each article: its sentences, and its word and sentence counts.
local input = require "newsc.input"
local newsc = require "newsc"

return {
  summary = "Run newsc on the bundled example articles (examples/).",
  setup = function(cmd)
    cmd:argument("inputs", "Articles (default: examples/)."):args("*")
  end,
  run = function(args)
    local paths = args.inputs
    if #paths == 0 then paths = { "examples" } end
    local docs, err = input.read(paths)
    if not docs then return nil, err end
    for _, doc in ipairs(docs) do
      local sents, serr = input.apply(doc, newsc.sentences)
      if not sents then return nil, serr end
      local nwords, werr = input.apply(doc, newsc.count_words)
      if not nwords then return nil, werr end
      io.write(("## %s: %d words, %d sentences\n\n"):format(doc.id, nwords, #sents))
      for i, sp in ipairs(sents) do
        io.write(("%3d. [%d-%d] %s\n"):format(i, sp.start, sp.stop,
          (doc.text:sub(sp.start, sp.stop):gsub("%s+", " "))))
      end
      io.write("\n")
    end
  end,
}
