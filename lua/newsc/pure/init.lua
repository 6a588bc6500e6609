--- newsc.pure: the functions of the C module `newsc.core` written in plain
-- Lua, for hosts that cannot load C modules (static pandoc binaries). Same
-- names, arguments and result shapes as `newsc.core`; see doc/pure.md for
-- what is the same and what is reduced.
-- @module newsc.pure

local M = {}

local function add(modname)
  for k, v in pairs(require(modname)) do
    if type(v) == "function" and k ~= "args" and k:sub(1, 1) ~= "_" then M[k] = v end
  end
end

add "newsc.pure.sentences"
add "newsc.pure.words"
add "newsc.pure.normalize"
add "newsc.pure.figures"
add "newsc.pure.dates"
add "newsc.pure.quotes"
M.sim_tokens = require("newsc.pure.simtok").sim_tokens
add "newsc.pure.tfidf"
add "newsc.pure.align"
add "newsc.pure.sets"
add "newsc.pure.sketch"

--- Version string, the same as the C module's.
M._VERSION = "0.1.0"

return M
