-- The build: what the module exports, the engine/binding split, `make env`.
local lua = require "spec.support.lua"

local sh = require("spec.support.files").sh

describe("newsc.core build", function()
  it("exports luaopen_newsc_core and nothing else", function()
    local out, code = sh("nm -D --defined-only build/" .. lua.tag .. "/newsc/core.so")
    assert.equal(0, code)
    local exported = {}
    for name in out:gmatch("%x+ [TDBR] ([%w_]+)") do exported[#exported + 1] = name end
    assert.same({ "luaopen_newsc_core" }, exported)
  end)

  it("keeps Lua out of the engine files", function()
    local out = sh("grep -l 'lua\\.h\\|lauxlib\\.h\\|lua_State' $(ls csrc/*.c csrc/*.h | grep -v '/lua_')")
    assert.equal("", out)
  end)

  it("loads through the paths printed by make env", function()
    local out, code = sh("eval \"$(make -s env LUA=" .. lua.tag .. ")\" && cd /tmp && " .. lua.bin ..
      " -e 'print(require(\"newsc\")._VERSION)'")
    assert.equal(0, code, out)
    assert.matches("^%d+%.%d+%.%d+\n$", out)
  end)
end)
