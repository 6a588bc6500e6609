--- newsc: cross-check news articles about one event.
--
-- `require "newsc"` gives the functions of the C module `newsc.core`
-- (words, sentences, quotes, figures, similarity) and the Lua pipelines
-- built on them.
-- @module newsc

-- The C module when it loads, else the pure-Lua one (hosts that cannot load C
-- modules, such as static pandoc binaries); NEWSC_BACKEND=pure forces the latter.
local core, backend
if os.getenv("NEWSC_BACKEND") ~= "pure" then
  local ok, mod = pcall(require, "newsc.core")
  if ok then core, backend = mod, "core" end
end
if not core then core, backend = require "newsc.pure", "pure" end

local M = {}
for k, v in pairs(core) do M[k] = v end

--- Story clustering (`newsc.cluster`), see `newsc.cluster`. Loaded on first
-- use (it takes its backend from this module).
function M.cluster(...) return require("newsc.cluster").cluster(...) end

--- The backend in use: the C module or newsc.pure.
M.core = core
--- "core" (the C module) or "pure" (newsc.pure).
M.backend = backend
--- Read an article: body, metadata, dropped lines (see newsc.article).
M.article = require("newsc.article").article
--- Cross-check articles about one event (see newsc.crosscheck).
M.crosscheck = require("newsc.crosscheck").crosscheck
--- Extractive summary of several articles with sources (see newsc.summarise).
M.summarise = require("newsc.summarise").summarise
--- Version string of the package.
M._VERSION = core._VERSION

return M
