--- The Porter stemmer (M. F. Porter, 1980) in pure Lua, line by line as
-- `nc_sim_stem` in csrc/sim_tokens.c: a possessive 's or ' is dropped, then
-- lowercase ASCII words of 3 to 64 letters are stemmed; other words are left
-- alone. Indices below are 0-based, as in the C code.
-- @module newsc.pure.porter

local byte, char, sub = string.byte, string.char, string.sub
local concat = table.concat

local M = {}

-- the word being stemmed: b[0..k] (byte values), j a general offset
local b, k, j = {}, 0, 0

local A, E, I, O, U, Y = byte("a"), byte("e"), byte("i"), byte("o"), byte("u"), byte("y")
local L_, S_, Z_, W_, X_ = byte("l"), byte("s"), byte("z"), byte("w"), byte("x")

local function cons(i)
  local c = b[i]
  if c == A or c == E or c == I or c == O or c == U then return false end
  if c == Y then
    if i == 0 then return true end
    return not cons(i - 1)
  end
  return true
end

-- number of consonant-vowel sequences in b[0..j]
local function measure()
  local n, i = 0, 0
  while true do
    if i > j then return n end
    if not cons(i) then break end
    i = i + 1
  end
  i = i + 1
  while true do
    while true do
      if i > j then return n end
      if cons(i) then break end
      i = i + 1
    end
    i = i + 1
    n = n + 1
    while true do
      if i > j then return n end
      if not cons(i) then break end
      i = i + 1
    end
    i = i + 1
  end
end

local function vowelinstem()
  for i = 0, j do if not cons(i) then return true end end
  return false
end

local function doublec(jj)
  if jj < 1 or b[jj] ~= b[jj - 1] then return false end
  return cons(jj)
end

local function cvc(i)
  if i < 2 or not cons(i) or cons(i - 1) or not cons(i - 2) then return false end
  local ch = b[i]
  if ch == W_ or ch == X_ or ch == Y then return false end
  return true
end

local function ends(s)
  local len = #s
  if len > k + 1 then return false end
  local base = k - len + 1
  for x = 1, len do
    if b[base + x - 1] ~= byte(s, x) then return false end
  end
  j = k - len
  return true
end

local function setto(s)
  local len = #s
  for x = 1, len do b[j + x] = byte(s, x) end
  k = j + len
end

local function r(s) if measure() > 0 then setto(s) end end

local function step1ab()
  if b[k] == S_ then
    if ends("sses") then k = k - 2
    elseif ends("ies") then setto("i")
    elseif k >= 1 and b[k - 1] ~= S_ then k = k - 1 end
  end
  if ends("eed") then
    if measure() > 0 then k = k - 1 end
  elseif (ends("ed") or ends("ing")) and vowelinstem() then
    k = j
    if ends("at") then setto("ate")
    elseif ends("bl") then setto("ble")
    elseif ends("iz") then setto("ize")
    elseif doublec(k) then
      local ch = b[k]
      k = k - 1
      if ch == L_ or ch == S_ or ch == Z_ then k = k + 1 end
    elseif measure() == 1 and cvc(k) then
      j = k
      setto("e")
    end
  end
end

local function step1c()
  if ends("y") and vowelinstem() then b[k] = I end
end

-- suffix lists by the letter before the last: {suffix, replacement, ...}
local STEP2 = {
  a = { "ational", "ate", "tional", "tion" },
  c = { "enci", "ence", "anci", "ance" },
  e = { "izer", "ize" },
  l = { "bli", "ble", "alli", "al", "entli", "ent", "eli", "e", "ousli", "ous" },
  o = { "ization", "ize", "ation", "ate", "ator", "ate" },
  s = { "alism", "al", "iveness", "ive", "fulness", "ful", "ousness", "ous" },
  t = { "aliti", "al", "iviti", "ive", "biliti", "ble" },
  g = { "logi", "log" },
}

local STEP3 = {
  e = { "icate", "ic", "ative", "", "alize", "al" },
  i = { "iciti", "ic" },
  l = { "ical", "ic", "ful", "" },
  s = { "ness", "" },
}

local STEP4 = {
  a = { "al" },
  c = { "ance", "ence" },
  e = { "er" },
  i = { "ic" },
  l = { "able", "ible" },
  n = { "ant", "ement", "ment", "ent" },
  o = { "ion", "ou" },
  s = { "ism" },
  t = { "ate", "iti" },
  u = { "ous" },
  v = { "ive" },
  z = { "ize" },
}

-- the first suffix of list that ends the word gets its replacement (r)
local function replace_first(list)
  if not list then return end
  for x = 1, #list, 2 do
    if ends(list[x]) then r(list[x + 1]); return end
  end
end

local function step2()
  if k < 1 then return end
  replace_first(STEP2[char(b[k - 1])])
end

local function step3()
  replace_first(STEP3[char(b[k])])
end

local T_, SS = byte("t"), S_

local function step4()
  if k < 1 then return end
  local list = STEP4[char(b[k - 1])]
  if not list then return end
  local hit = false
  for x = 1, #list do
    local suf = list[x]
    if ends(suf) then
      if suf ~= "ion" or (j >= 0 and (b[j] == SS or b[j] == T_)) then hit = true; break end
      -- "ion" without s or t before it: C goes on with "ou"
    end
  end
  if not hit then return end
  if measure() > 1 then k = j end
end

local function step5()
  j = k
  if b[k] == E then
    local a = measure()
    if a > 1 or (a == 1 and not cvc(k - 1)) then k = k - 1 end
  end
  if b[k] == L_ and doublec(k) and measure() > 1 then k = k - 1 end
end

--- Stem the lowercase word `w` (a string); returns the stem. A final 's or
-- ' is dropped first; words of other bytes than a-z, or shorter than 3 or
-- longer than 64 bytes (after that), are returned as they are.
function M.stem(w)
  local n = #w
  if n >= 3 and sub(w, n - 1) == "'s" then n = n - 2
  elseif n >= 2 and sub(w, n) == "'" then n = n - 1 end
  if n ~= #w then w = sub(w, 1, n) end
  if n <= 2 or n > 64 then return w end
  if w:find("[^a-z]") then return w end
  for x = 1, n do b[x - 1] = byte(w, x) end
  k = n - 1
  j = 0
  step1ab()
  if k > 0 then
    step1c(); step2(); step3(); step4(); step5()
  end
  local out = {}
  for x = 0, k do out[x + 1] = char(b[x]) end
  return concat(out)
end

return M
