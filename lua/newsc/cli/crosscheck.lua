--- `newsc crosscheck FILE|DIR... [--format markdown|json|html] [-o OUT]
-- [--stories]`: cross-check articles about one event (or, with --stories,
-- group many articles into stories and cross-check each).
local input = require "newsc.input"
local progress = require "newsc.cli.progress"

local function positive(name)
  return function(v)
    local n = tonumber(v)
    if not n or n <= 0 then return nil, name .. ": expected a positive number, got " .. v end
    return n
  end
end

local function date(v)
  if not v:match("^%d%d%d%d%-%d%d%-%d%d$") then
    return nil, "--ref: expected a date as YYYY-MM-DD, got " .. v
  end
  return v
end

-- warn once per file about invalid UTF-8 (read as U+FFFD)
local function check_utf8(docs)
  if not utf8 then return end
  for _, d in ipairs(docs) do
    local ok, bad = utf8.len(d.text)
    if not ok then
      io.stderr:write("newsc: ", d.path, ": invalid UTF-8 at byte ", tostring(bad),
                      "; read as U+FFFD\n")
    end
  end
end

local RENDER = { markdown = "newsc.render.markdown", json = "newsc.render.json",
                 html = "newsc.render.html" }

local function write_out(path, text)
  if not path or path == "-" then io.write(text) return true end
  local f, err = io.open(path, "wb")
  if not f then return nil, err end
  f:write(text)
  f:close()
  return true
end

return {
  summary = "Cross-check articles: quotes, figures, claims, conflicts, a cited summary.",
  setup = function(cmd)
    cmd:argument("inputs", "Files, directories or - for standard input."):args("+")
    cmd:option("--format", "Output format: markdown, json or html.", "markdown")
      :choices({ "markdown", "json", "html" })
    cmd:option("-o --output", "Write the report to this file (default: standard output).")
    cmd:flag("--stories", "Group the articles into stories first, then check each story.")
    cmd:option("--threshold", "With --stories: the similarity a merge of two stories needs "
      .. "(newsc.cluster's threshold)."):convert(positive("--threshold"))
    cmd:option("--words", "Word budget of the summary.", "250"):convert(positive("--words"))
    cmd:option("--ref", "Reference date (YYYY-MM-DD) for articles without a date."):convert(date)
  end,
  run = function(args)
    local crosscheck = require "newsc.crosscheck"
    local docs, err = input.read(args.inputs)
    if not docs then return nil, err end
    for _, d in ipairs(docs) do
      if #d.text == 0 then return nil, d.path .. ": empty file" end
    end
    check_utf8(docs)
    local opts = { words = args.words, ref = args.ref,
                   cluster = args.threshold and { threshold = args.threshold } or nil }
    local render = require(RENDER[args.format])
    local texts = {}
    for _, d in ipairs(docs) do texts[d.id] = d.text end
    local out
    if args.stories then
      local tick = progress.new(#docs)
      opts.progress = function(i, n) tick(i, n, "stories") end
      if args.format == "json" then
        -- one story at a time: the report of each is written, then dropped
        local f, ferr = io.stdout, nil
        if args.output and args.output ~= "-" then f, ferr = io.open(args.output, "wb") end
        if not f then return nil, ferr end
        f:write('{\n  "version":', tostring(crosscheck.SCHEMA), ',\n  "stories":[')
        local first = true
        opts.each = function(story)
          f:write(first and "\n" or ",\n", render.render(story))
          first = false
        end
        local ok, serr = crosscheck.stories(docs, opts)
        f:write("]\n}\n")
        if f ~= io.stdout then f:close() end
        if not ok then return nil, serr end
        return
      end
      local stories, serr = crosscheck.stories(docs, opts)
      if not stories then return nil, serr end
      out = render.render_stories(stories, { texts = texts })
    else
      local tick = progress.new(#docs)
      opts.progress = function(i, n) tick(i, n, "articles") end
      local report, cerr = crosscheck.crosscheck(docs, opts)
      if not report then return nil, cerr end
      out = render.render(report, { texts = texts })
      if args.format == "json" then out = out .. "\n" end
    end
    local ok, werr = write_out(args.output, out)
    if not ok then return nil, werr end
  end,
}
