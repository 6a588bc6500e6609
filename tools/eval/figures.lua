-- make eval: the share of the hand-written figure expressions of
-- spec/fixtures/figure_cases.lua that newsc.figures reads right (value,
-- low, high, hedge, unit and kind where given), and of the texts that must
-- give no figure. Prints the misses and the totals; not a pass/fail test.
package.path = "spec/?.lua;" .. package.path
local newsc = require "newsc"
local fx = require "fixtures.figure_cases"

local function close(a, b)
  if a == b then return true end
  if type(a) ~= "number" or type(b) ~= "number" then return false end
  return math.abs(a - b) <= 1e-9 * math.max(math.abs(a), math.abs(b), 1)
end

local function check(c)
  local figs = newsc.figures(c[1])
  local f = figs and figs[1]
  if not f then return false, "no figure" end
  local want = { value = c[2], low = c[3], high = c[4], hedge = c[5], unit = c[6], kind = c[7] }
  for _, k in ipairs({ "value", "low", "high", "hedge", "unit", "kind" }) do
    if want[k] ~= nil and not close(f[k], want[k]) then
      return false, string.format("%s = %s, want %s", k, tostring(f[k]), tostring(want[k]))
    end
  end
  return true
end

local right, total = 0, 0
for _, c in ipairs(fx.cases) do
  total = total + 1
  local ok, why = check(c)
  if ok then right = right + 1 else print(string.format("  miss: %-40s %s", "\"" .. c[1] .. "\"", why)) end
end
local nright = 0
for _, t in ipairs(fx.none) do
  local figs = newsc.figures(t)
  if #figs == 0 then nright = nright + 1
  else print(string.format("  miss: %-40s found %q", "\"" .. t .. "\"", figs[1].text)) end
end
print(string.format("figures: %d/%d expressions right (%.1f%%)", right, total, 100 * right / total))
print(string.format("figures: %d/%d non-figures left alone (%.1f%%)", nright, #fx.none,
                    100 * nright / #fx.none))
