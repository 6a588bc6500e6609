-- LuaRocks packaging: the rockspecs are current, lint clean, and install.
local ROOT = os.getenv("PWD") or "."

local sh = require("spec.support.files").sh

describe("rockspec", function()
  it("lists every C source and Lua module of the tree", function()
    local out, code = sh("lua5.4 tools/gen-rockspec.lua --check")
    assert.equal(0, code, out)
  end)

  it("passes luarocks lint", function()
    for _, r in ipairs({ "rockspec/newsc-scm-1.rockspec", "rockspec/newsc-0.1.0-1.rockspec" }) do
      local out, code = sh("luarocks lint " .. r)
      assert.equal(0, code, out)
    end
  end)

  it("installs with luarocks make into a fresh tree and loads from there", function()
    local tree = os.tmpname(); os.remove(tree)
    local out, code = sh("luarocks --lua-version=5.4 --tree=" .. tree ..
      " make --deps-mode=none rockspec/newsc-scm-1.rockspec")
    assert.equal(0, code, out)
    out, code = sh("eval \"$(luarocks --lua-version=5.4 --tree=" .. tree .. " path)\" && cd /tmp && " ..
      "lua5.4 -e 'local n = require(\"newsc\"); " ..
      "print(n._VERSION, package.searchpath(\"newsc.core\", package.cpath))'")
    assert.equal(0, code, out)
    assert.equal("0.1.0\t" .. tree .. "/lib/lua/5.4/newsc/core.so\n", out)
    out, code = sh(tree .. "/bin/newsc --version")
    assert.equal(0, code, out)
    assert.equal("newsc 0.1.0\n", out)
    -- the installed command cross-checks the examples from another folder
    out, code = sh("cd /tmp && " .. tree .. "/bin/newsc crosscheck --format json " .. ROOT .. "/examples")
    assert.equal(0, code, out)
    local report = assert(require("newsc.json").decode(out))
    assert.equal(5, #report.articles)
    assert.equal("Ada Kerr", report.quotes[1].speaker)
    out, code = sh(tree .. "/bin/newsc --filter-path")
    assert.equal(0, code, out)
    assert.equal(tree .. "/share/lua/5.4/newsc/filter.lua\n", out)
    sh("rm -rf " .. tree)
  end)

  it("installs the pandoc filter, which finds its tree's newsc.core (Lua 5.3, pandoc 2.17)", function()
    if not sh("pandoc --version"):match("^pandoc 2%.") then
      pending("needs Debian's pandoc 2.x (Lua 5.3); pandoc 3.x loads no C module")
      return
    end
    local tree = os.tmpname(); os.remove(tree)
    local out, code = sh("luarocks --lua-version=5.3 --tree=" .. tree ..
      " make --deps-mode=none rockspec/newsc-scm-1.rockspec")
    assert.equal(0, code, out)
    out, code = sh("cd /tmp && env -u LUA_PATH -u LUA_CPATH pandoc --lua-filter " .. tree ..
      "/share/lua/5.3/newsc/filter.lua " .. ROOT .. "/filters/sample.md -t html")
    assert.equal(0, code, out)
    local n = select(2, out:gsub('class="quote" data%-speaker="Ada Kerr"', ""))
    assert.is_true(n >= 4, out:sub(1, 400))
    assert.matches('id="newsc%-cross%-check"', out)
    -- as on a pandoc that cannot load the C module: the installed newsc.pure,
    -- the same report
    local pure, pcode = sh("cd /tmp && env -u LUA_PATH -u LUA_CPATH NEWSC_BACKEND=pure pandoc "
      .. "--lua-filter " .. tree .. "/share/lua/5.3/newsc/filter.lua " .. ROOT .. "/filters/sample.md -t html")
    assert.equal(0, pcode, pure)
    assert.equal(out, pure)
    sh("rm -rf " .. tree)
  end)
end)
