--- JSON encoding for newsc's outputs (dkjson, with a stable key order).
-- @module newsc.json
local dkjson = require "dkjson"

local M = {}

--- Encode `value` as JSON.
-- @param value a table of plain data
-- @param keyorder optional array of keys emitted first, in this order
-- @treturn string
function M.encode(value, keyorder)
  return dkjson.encode(value, { indent = true, keyorder = keyorder })
end

--- Decode a JSON string; returns the value, or nil and a message.
function M.decode(s)
  local v, _, err = dkjson.decode(s, 1, dkjson.null)
  if err then return nil, err end
  return v
end

M.null = dkjson.null

return M
