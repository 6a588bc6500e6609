--- The `newsc` command-line tool: subcommands, exit codes, errors.
-- Each subcommand is a module `newsc.cli.<name>` returning
-- `{ summary = "...", setup = function(command) end, run = function(args) end }`;
-- `run` returns nothing on success or `nil, "file: problem"` for bad input.
-- Exit codes: 0 success, 1 bad input, 2 bad usage.
-- @module newsc.cli
local argparse = require "argparse"

local M = {}

--- Subcommands, in the order `--help` lists them.
M.commands = { "crosscheck", "summarise", "quotes", "figures", "clean",
               "sentences", "words" }

-- package.searchpath (Lua 5.2+, LuaJIT), written out for Lua 5.1
local searchpath = package.searchpath or function(name, path)
  local file = name:gsub("%.", "/")
  for template in path:gmatch("[^;]+") do
    local candidate = template:gsub("%?", file)
    local f = io.open(candidate, "r")
    if f then f:close(); return candidate end
  end
  return nil
end

local function available(name)
  return searchpath("newsc.cli." .. name, package.path) ~= nil
end

--- Write a line to standard error, prefixed with "newsc: ".
function M.warn(msg)
  io.stderr:write("newsc: ", msg, "\n")
end

--- Run the tool with the argument list `argv`; returns the exit code.
function M.main(argv)
  local newsc = require "newsc"
  local parser = argparse("newsc", "Cross-check news articles about one event.")
    :command_target("command")
  parser:flag("--version", "Print the version and exit.")
    :action(function() print("newsc " .. newsc._VERSION) os.exit(0) end)
  parser:flag("--filter-path", "Print the path of the pandoc filter and exit.")
    :action(function()
      local path = searchpath("newsc.filter", package.path)
      if not path then
        local here = searchpath("newsc.cli", package.path)
        local root = here and here:match("^(.*)/lua/newsc/cli%.lua$")
        path = root and io.open(root .. "/filters/newsc.lua") and root .. "/filters/newsc.lua"
      end
      if not path then M.warn("the pandoc filter is not installed") os.exit(1) end
      print(path)
      os.exit(0)
    end)
  local mods = {}
  for _, name in ipairs(M.commands) do
    if available(name) then
      local mod = require("newsc.cli." .. name)
      mods[name] = mod
      mod.setup(parser:command(name, mod.summary))
    end
  end
  local args_in = {}
  for i = 1, #(argv or {}) do args_in[i] = argv[i] end
  local ok, args = parser:pparse(args_in)
  if not ok then
    io.stderr:write(parser:get_usage(), "\n\nnewsc: ", tostring(args), "\n")
    return 2
  end
  if not args.command then
    io.stderr:write(parser:get_help(), "\n")
    return 2
  end
  local done, res, err = pcall(mods[args.command].run, args)
  if not done then
    M.warn(tostring(res))
    return 1
  end
  if res == nil and err then
    M.warn(err)
    return 1
  end
  return 0
end

return M
