-- Generated from rockspec/template.lua by tools/gen-rockspec.lua (make rockspec).
rockspec_format = "3.0"
package = "newsc"
version = "@VERSION@"
source = {
  url = "@URL@",
  branch = "@BRANCH@",
}
description = {
  summary = "Cross-check news articles: quotes and speakers, figures, claims, cited summaries",
  detailed = [[
newsc reads several articles about one event from different outlets and reports who said
what (quotes with their speakers, grouped across outlets, with word-level differences),
the figures and whether outlets agree, what is corroborated, single-source or in conflict,
and a summary whose sentences cite their sources, with byte offsets for everything.
A C module (newsc.core, on utf8proc) does tokenising, sentence splitting, quotes, figures
and similarity; Lua pipelines compose it.]],
  license = "MIT",
  labels = { "nlp", "news", "text", "unicode" },
}
dependencies = {
  "lua >= 5.1",
  "dkjson >= 2.5",
  "argparse >= 0.7",
}
external_dependencies = {
  UTF8PROC = { header = "utf8proc.h", library = "utf8proc" },
}
build = {
  type = "builtin",
  modules = {
    ["newsc.core"] = {
      sources = {
@SOURCES@
      },
      libraries = { "utf8proc" },
      incdirs = { "$(UTF8PROC_INCDIR)", "csrc" },
      libdirs = { "$(UTF8PROC_LIBDIR)" },
    },
@LUA_MODULES@
      -- the pandoc filter: pandoc --lua-filter "$(newsc --filter-path)"
      ["newsc.filter"] = "filters/newsc.lua",
  },
  install = {
    bin = { newsc = "bin/newsc" },
  },
}
test = {
  type = "command",
  command = "make test-lua",
}
