--- Reading the inputs of the command-line tool: files, directories, stdin.
-- @module newsc.input
local M = {}

local EXT = { txt = true, md = true, markdown = true, text = true }

local function is_dir(path)
  local f = io.open(path .. "/.", "r")
  if f then f:close() return true end
  return false
end

local function list_dir(path)
  local names = {}
  local p = io.popen('ls -1A "' .. path:gsub('"', '\\"') .. '" 2>/dev/null')
  if not p then return nil, path .. ": cannot list directory" end
  for name in p:lines() do
    local ext = name:match("%.([%w]+)$")
    if ext and EXT[ext:lower()] and name:lower() ~= "readme.md" then
      names[#names + 1] = name
    end
  end
  p:close()
  table.sort(names)
  return names
end

--- The id of an article: its file name without directory and extension.
function M.id(path)
  local base = path:match("([^/]+)$") or path
  return (base:gsub("%.[^.]*$", ""))
end

local function read_file(path)
  local f, err = io.open(path, "rb")
  if not f then return nil, (err or path .. ": cannot open") end
  local text = f:read("*a")
  f:close()
  if not text then return nil, path .. ": cannot read" end
  return text
end

--- Read every input named in `paths`.
-- A directory gives its .txt and .md files (README.md left out) in name
-- order; "-" reads standard input.
-- @tparam {string,...} paths
-- @return array of `{id=, path=, text=}`, or nil and "path: problem"
function M.read(paths)
  local out = {}
  for _, path in ipairs(paths) do
    if path == "-" then
      out[#out + 1] = { id = "stdin", path = "-", text = io.stdin:read("*a") or "" }
    elseif is_dir(path) then
      local names, err = list_dir(path)
      if not names then return nil, err end
      if #names == 0 then return nil, path .. ": no .txt or .md files in this directory" end
      for _, name in ipairs(names) do
        local full = path:gsub("/+$", "") .. "/" .. name
        local text, rerr = read_file(full)
        if not text then return nil, rerr end
        out[#out + 1] = { id = M.id(name), path = full, text = text }
      end
    else
      local text, err = read_file(path)
      if not text then return nil, err end
      out[#out + 1] = { id = M.id(path), path = path, text = text }
    end
  end
  return out
end

--- Apply `fn(text, opts)` to a document's text; invalid UTF-8 is read as
-- U+FFFD with a warning on stderr naming the file and the byte.
-- @return fn's result, or nil and "path: problem"
function M.apply(doc, fn, opts)
  local res, err = fn(doc.text, opts)
  if res == nil and err and err:match("^invalid UTF%-8") then
    if not doc.warned then
      io.stderr:write("newsc: ", doc.path, ": ", err, "; read as U+FFFD\n")
      doc.warned = true
    end
    local o = {}
    for k, v in pairs(opts or {}) do o[k] = v end
    o.invalid = "replace"
    res, err = fn(doc.text, o)
  end
  if res == nil then return nil, doc.path .. ": " .. tostring(err) end
  return res
end

return M
