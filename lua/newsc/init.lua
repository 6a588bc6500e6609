--- newsc: cross-check news articles about one event.
--
-- `require "newsc"` gives the functions of the C module `newsc.core`
-- (words, sentences, quotes, figures, similarity) and the Lua pipelines
-- built on them.
-- @module newsc

local core = require "newsc.core"

local M = {}
for k, v in pairs(core) do M[k] = v end

--- Story clustering (`newsc.cluster`), see `newsc.cluster`.
M.cluster = require("newsc.cluster").cluster

--- The C module itself.
M.core = core
--- Read an article: body, metadata, dropped lines (see newsc.article).
M.article = require("newsc.article").article
--- Cross-check articles about one event (see newsc.crosscheck).
M.crosscheck = require("newsc.crosscheck").crosscheck
--- Extractive summary of several articles with sources (see newsc.summarise).
M.summarise = require("newsc.summarise").summarise
--- Version string of the package.
M._VERSION = core._VERSION

return M
