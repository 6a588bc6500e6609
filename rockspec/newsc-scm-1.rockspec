-- Generated from rockspec/template.lua by tools/gen-rockspec.lua (make rockspec).
rockspec_format = "3.0"
package = "newsc"
version = "scm-1"
source = {
  url = "git+https://newsc.invalid/newsc.git",
  branch = "main",
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
          "csrc/common.c",
          "csrc/dates.c",
          "csrc/figures.c",
          "csrc/lua_figures.c",
          "csrc/lua_newsc.c",
          "csrc/lua_quotes.c",
          "csrc/lua_sentences.c",
          "csrc/lua_sim.c",
          "csrc/lua_text.c",
          "csrc/normalize.c",
          "csrc/quotes.c",
          "csrc/sentences.c",
          "csrc/sim_align.c",
          "csrc/sim_lsh.c",
          "csrc/sim_set.c",
          "csrc/sim_tfidf.c",
          "csrc/sim_tokens.c",
          "csrc/words.c",
      },
      libraries = { "utf8proc" },
      incdirs = { "$(UTF8PROC_INCDIR)", "csrc" },
      libdirs = { "$(UTF8PROC_LIBDIR)" },
    },
      ["newsc.article"] = "lua/newsc/article.lua",
      ["newsc.cli"] = "lua/newsc/cli.lua",
      ["newsc.cli.clean"] = "lua/newsc/cli/clean.lua",
      ["newsc.cli.crosscheck"] = "lua/newsc/cli/crosscheck.lua",
      ["newsc.cli.figures"] = "lua/newsc/cli/figures.lua",
      ["newsc.cli.progress"] = "lua/newsc/cli/progress.lua",
      ["newsc.cli.quotes"] = "lua/newsc/cli/quotes.lua",
      ["newsc.cli.sentences"] = "lua/newsc/cli/sentences.lua",
      ["newsc.cli.summarise"] = "lua/newsc/cli/summarise.lua",
      ["newsc.cli.words"] = "lua/newsc/cli/words.lua",
      ["newsc.cluster"] = "lua/newsc/cluster.lua",
      ["newsc.crosscheck"] = "lua/newsc/crosscheck.lua",
      ["newsc.crosscheck.attribution"] = "lua/newsc/crosscheck/attribution.lua",
      ["newsc.crosscheck.claims"] = "lua/newsc/crosscheck/claims.lua",
      ["newsc.crosscheck.docs"] = "lua/newsc/crosscheck/docs.lua",
      ["newsc.crosscheck.figures"] = "lua/newsc/crosscheck/figures.lua",
      ["newsc.crosscheck.quotes"] = "lua/newsc/crosscheck/quotes.lua",
      ["newsc.crosscheck.util"] = "lua/newsc/crosscheck/util.lua",
      ["newsc"] = "lua/newsc/init.lua",
      ["newsc.input"] = "lua/newsc/input.lua",
      ["newsc.json"] = "lua/newsc/json.lua",
      ["newsc.pure.align"] = "lua/newsc/pure/align.lua",
      ["newsc.pure.dates"] = "lua/newsc/pure/dates.lua",
      ["newsc.pure.figures"] = "lua/newsc/pure/figures.lua",
      ["newsc.pure"] = "lua/newsc/pure/init.lua",
      ["newsc.pure.nfkccf"] = "lua/newsc/pure/nfkccf.lua",
      ["newsc.pure.normalize"] = "lua/newsc/pure/normalize.lua",
      ["newsc.pure.porter"] = "lua/newsc/pure/porter.lua",
      ["newsc.pure.qcat"] = "lua/newsc/pure/qcat.lua",
      ["newsc.pure.quotes"] = "lua/newsc/pure/quotes.lua",
      ["newsc.pure.quotes_lex"] = "lua/newsc/pure/quotes_lex.lua",
      ["newsc.pure.sentences"] = "lua/newsc/pure/sentences.lua",
      ["newsc.pure.sets"] = "lua/newsc/pure/sets.lua",
      ["newsc.pure.simtok"] = "lua/newsc/pure/simtok.lua",
      ["newsc.pure.sketch"] = "lua/newsc/pure/sketch.lua",
      ["newsc.pure.sketch64"] = "lua/newsc/pure/sketch64.lua",
      ["newsc.pure.tfidf"] = "lua/newsc/pure/tfidf.lua",
      ["newsc.pure.ucat"] = "lua/newsc/pure/ucat.lua",
      ["newsc.pure.ucd"] = "lua/newsc/pure/ucd.lua",
      ["newsc.pure.wbprop"] = "lua/newsc/pure/wbprop.lua",
      ["newsc.pure.words"] = "lua/newsc/pure/words.lua",
      ["newsc.render.html"] = "lua/newsc/render/html.lua",
      ["newsc.render.json"] = "lua/newsc/render/json.lua",
      ["newsc.render.markdown"] = "lua/newsc/render/markdown.lua",
      ["newsc.summarise"] = "lua/newsc/summarise.lua",
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
