--- Shingle sets, exact Jaccard and containment for the pure-Lua backend: the
-- port of `csrc/sim_set.c` (sets) and its binding in `csrc/lua_sim.c`.
--
-- The C module reduces each normalised token to a 64-bit hash and each
-- k-shingle to a 64-bit hash of its tokens. Here a token is its normalised
-- string (from `newsc.pure.simtok`) and a k-shingle is its k token strings
-- joined by "\0", so the sets, their sizes, Jaccard and containment are the
-- C module's (barring 64-bit hash collisions there).
--
--   shingles(X [, k | opts])       -> set (#s, s:jaccard(o), s:containment(o), tostring)
--   jaccard(A, B [, k | opts])     -> number | nil, msg
--   containment(A, B [, k | opts]) -> number | nil, msg
--
-- X, A, B: a string, an array of token strings or a token sequence
-- (`sim_tokens`); A and B may also be shingle sets. Options: k (1..1000),
-- stop, stem, invalid, as in C.
-- @module newsc.pure.sets

local simtok = require "newsc.pure.simtok"

local type, error, select, pairs, ipairs, getmetatable, setmetatable = type, error, select, pairs, ipairs, getmetatable, setmetatable
local floor, format, tconcat = math.floor, string.format, table.concat
local mtype, tointeger = math.type, math.tointeger
local getinfo = debug and debug.getinfo

local M = {}

-- ------------------------------------------------------------ argument errors

-- the public functions and methods of this backend's similarity objects
-- (function -> true), for argerror below
local PUBLIC = {}

--- The type name a C argument error shows: the metatable's __name (Lua
-- 5.3+), else the Lua type ("no value" when the argument is absent).
-- (Lua 5.1 and 5.2 do not read __name: the C module's objects are "userdata" there)
local NAMES = not (_VERSION == "Lua 5.1" or _VERSION == "Lua 5.2")
local function typename(v, given)
  if v == nil and given == false then return "no value" end
  local mt = getmetatable(v)
  if type(mt) == "table" and type(mt.__name) == "string" then
    return NAMES and mt.__name or "userdata"
  end
  return type(v)
end

--- Raise the error luaL_argerror raises: "bad argument #k to 'fname' (msg)",
-- with the position of the caller of the public function when it is Lua
-- code (as luaL_error adds it). As in C, a method called as `obj:m(...)`
-- does not count `self` (a tail call `return obj:m(...)` hides how it was
-- called: then `self` counts).
local function argerror(k, fname, msg)
  local level = 1
  if getinfo then
    for l = 2, 16 do
      local info = getinfo(l, "nf")
      if not info then break end
      if PUBLIC[info.func] then
        level = l + 1
        if info.namewhat == "method" then
          k = k - 1
          if k == 0 then error(format("calling '%s' on bad self (%s)", fname, msg), level) end
        end
        break
      end
    end
  end
  error(format("bad argument #%d to '%s' (%s)", k, fname, msg), level)
end

--- As lnc_isinteger: an integer (Lua 5.3+: of integer subtype; before:
-- an integral number).
local function isinteger(v)
  if mtype then return mtype(v) == "integer" end
  return type(v) == "number" and v == floor(v) and v - v == 0
end

--- As lnc_optopts: true when `opts` is a table, false when nil; else raise.
local function optopts(opts, k, fname)
  if opts == nil then return false end
  if type(opts) ~= "table" then argerror(k, fname, "table expected, got " .. typename(opts)) end
  return true
end

local function badopt(k, fname, name, want, v)
  argerror(k, fname, format("option '%s' must be %s, got %s", name, want, type(v)))
end

--- As lnc_optfield_integer: field `name` of the options at argument k.
local function optinteger(opts, k, fname, name, def)
  if not optopts(opts, k, fname) then return def end
  local v = opts[name]
  if v == nil then return def end
  if not isinteger(v) then badopt(k, fname, name, "an integer", v) end
  return v
end

--- As lnc_optfield_number.
local function optnumber(opts, k, fname, name, def)
  if not optopts(opts, k, fname) then return def end
  local v = opts[name]
  if v == nil then return def end
  if type(v) ~= "number" then badopt(k, fname, name, "a number", v) end
  return v
end

--- As luaL_checkinteger on a number argument.
local function checkinteger(v, k, fname)
  if mtype and mtype(v) == "float" then
    local i = tointeger(v)
    if not i then argerror(k, fname, "number has no integer representation") end
    return i
  end
  if not mtype and v ~= floor(v) then v = v < 0 and -floor(-v) or floor(v) end
  return v
end

--- As getk in C: `k` given as a number or as opts.k (default 1). Returns k
-- and the options table (nil when k was given as a number).
local function getk(v, argn, fname)
  local k, opts = 1, nil
  if type(v) == "number" then
    k = checkinteger(v, argn, fname)
  elseif optopts(v, argn, fname) then
    opts = v
    k = optinteger(v, argn, fname, "k", 1)
  end
  if k < 1 or k > 1000 then argerror(argn, fname, "k must be between 1 and 1000") end
  return k, opts
end

-- ------------------------------------------------------------ shingle sets

local SET = { __name = "newsc.shingles" }
local set_methods = {}
SET.__index = set_methods

--- As luaL_checkudata for a shingle set.
local function checkset(v, k, fname, given)
  if getmetatable(v) ~= SET then
    argerror(k, fname, "newsc.shingles expected, got " .. typename(v, given))
  end
  return v
end

-- the metatables of the objects that are not texts (shared with the other
-- similarity modules of this backend)
local NOT_TEXT = simtok.OBJECTS
NOT_TEXT[SET] = true

--- Token sequence of argument `argn` (a string, an array of strings or a
-- token sequence), or nil, message for invalid UTF-8.
local function tokens_of(x, o, argn, fname)
  return simtok.tokens(x, o, argn, fname)
end

--- The k-shingles of a token sequence, in text order with repeats: an array
-- of strings (k token keys joined by "\0"). A sequence shorter than k
-- (but not empty) gives one shingle of all its tokens.
local function shingle_list(seq, k)
  local keys, n, out = seq.keys, seq.n, {}
  if n == 0 then return out end
  if k > n then k = n end
  if k == 1 then
    for i = 1, n do out[i] = keys[i] end
  else
    for i = 1, n - k + 1 do out[i] = tconcat(keys, "\0", i, i + k - 1) end
  end
  return out
end

--- A set object from an array of shingles (repeats dropped, first
-- occurrences kept in order): the array part holds the shingles (so that
-- `#s` is their number on every Lua), `_has` maps each to true.
local function newset(list)
  local s, has, m = {}, {}, 0
  for i = 1, #list do
    local x = list[i]
    if not has[x] then has[x] = true; m = m + 1; s[m] = x end
  end
  s._has = has
  return setmetatable(s, SET)
end

--- Argument `argn` as a shingle set: a set is returned as is; a text is
-- made into its k-shingle set with the token options of `opts`.
local function toset(x, argn, k, opts, optargn, fname)
  if getmetatable(x) == SET then return x end
  local o = simtok.options(opts, optargn, fname, false, false)
  local seq, err = tokens_of(x, o, argn, fname)
  if not seq then return nil, err end
  return newset(shingle_list(seq, k))
end

local function intersect(a, b)
  if #a > #b then a, b = b, a end
  local has, c = b._has, 0
  for i = 1, #a do
    if has[a[i]] then c = c + 1 end
  end
  return c
end

local function jaccard(a, b)
  local na, nb = #a, #b
  if na == 0 and nb == 0 then return 1.0 end
  local c = intersect(a, b)
  return c / (na + nb - c)
end

local function containment(a, b)
  local na = #a
  if na == 0 then return 1.0 end
  return intersect(a, b) / na
end

--- `shingles(X [, k | opts])`: the set of the k-shingles of X, or nil,
-- message for invalid UTF-8.
function M.shingles(x, kv)
  local k, opts = getk(kv, 2, "shingles")
  return toset(x, 1, k, opts, 2, "shingles")
end

local function setpair(fname, contain, a, b, kv)
  local k, opts = getk(kv, 3, fname)
  local sa, sb, err
  sa, err = toset(a, 1, k, opts, 3, fname)
  if not sa then return nil, err end
  sb, err = toset(b, 2, k, opts, 3, fname)
  if not sb then return nil, err end
  if contain then return containment(sa, sb) end
  return jaccard(sa, sb)
end

--- `jaccard(A, B [, k | opts])`: |A & B| / |A | B| of the k-shingle sets
-- (two empty sets give 1), or nil, message for invalid UTF-8.
-- a missing text (not a nil one): the C module's message
local function need2(n, fname)
  for k = 1, 2 do
    if n < k then
      simtok.argerr(k, fname, "expected a string, an array of strings or tokens, got no value")
    end
  end
end

function M.jaccard(...)
  local a, b, kv = ...
  if getmetatable(a) == SET and getmetatable(b) == SET then return jaccard(a, b) end
  need2(select("#", ...), "jaccard")
  return setpair("jaccard", false, a, b, kv)
end

--- `containment(A, B [, k | opts])`: |A & B| / |A| (an empty A gives 1),
-- or nil, message for invalid UTF-8.
function M.containment(...)
  local a, b, kv = ...
  need2(select("#", ...), "containment")
  return setpair("containment", true, a, b, kv)
end

--- `s:jaccard(other)`
function set_methods.jaccard(...)
  local a, b = ...
  checkset(a, 1, "jaccard", select("#", ...) >= 1)
  checkset(b, 2, "jaccard", select("#", ...) >= 2)
  return jaccard(a, b)
end

--- `s:containment(other)`
function set_methods.containment(...)
  local a, b = ...
  checkset(a, 1, "containment", select("#", ...) >= 1)
  checkset(b, 2, "containment", select("#", ...) >= 2)
  return containment(a, b)
end

-- no __len: `#s` is the length of the array part, the number of shingles, on every Lua
SET.__tostring = function(s) return format("newsc.shingles (%d)", #s) end

for _, tbl in ipairs({ M, set_methods }) do
  for _, f in pairs(tbl) do
    if type(f) == "function" then PUBLIC[f] = true end
  end
end

-- ------------------------------------------------------------ shared pieces

M._util = {
  typename = typename, argerror = argerror, isinteger = isinteger, optopts = optopts,
  optinteger = optinteger, optnumber = optnumber, checkinteger = checkinteger, getk = getk,
  PUBLIC = PUBLIC, NOT_TEXT = NOT_TEXT, SET = SET, tokens_of = tokens_of,
  shingle_list = shingle_list, newset = newset, toset = toset, jaccard = jaccard,
  containment = containment,
}

return M
