-- The pandoc filter under pandoc 3.x whose Lua cannot load C modules:
-- pandoc.wasm (npm package pandoc-wasm, pandoc 3.10, installed by
-- tools/deps.sh into tools/pandoc3/) runs the one-file filter made by
-- tools/bundle-filter.lua, which then uses newsc.pure. The sample against
-- filters/expected-pandoc3.html; the same Spans, attributes and Cross-check
-- section as Debian's pandoc 2.17 with the C module; options from metadata;
-- the metadata form of articles. Pending when node or pandoc.wasm is
-- missing, and outside the Lua 5.4 task (pandoc is the host here, not the
-- Lua that runs busted: once is enough).
local json = require "newsc.json"
local ast_ = require "spec.support.pandoc_ast"

local ROOT = assert(io.popen("pwd")):read("*l")

local sh = require("spec.support.files").sh

local function q(s) return "'" .. s:gsub("'", "'\\''") .. "'" end

local read = require("spec.support.files").read

local function write(path, text)
  local f = assert(io.open(path, "wb")); f:write(text); f:close()
end

local WASM = ROOT .. "/tools/pandoc3/node_modules/pandoc-wasm/src/pandoc.wasm"
local why
if _VERSION ~= "Lua 5.4" or jit then why = "runs in the Lua 5.4 task only"
elseif os.getenv("NEWSC_BACKEND") == "pure" then why = "runs in the C-module task only"
elseif sh("command -v node") == "" then why = "node is not installed"
elseif not read(WASM) then why = "pandoc.wasm is not installed (sh tools/pandoc3/install.sh)"
end

local describe3 = why and function(name) pending(name .. ": " .. why) end or describe

describe3("pandoc filter under pandoc 3 (pandoc.wasm, no C modules)", function()
  local tmp, bundle

  -- pandoc 3 with the bundled filter and the given filters first
  local function pandoc3(args, pre)
    return sh(("node %s %s --lua-filter %s %s"):format(q(ROOT .. "/tools/pandoc3/pandoc3.mjs"),
      pre or "", q(bundle), args))
  end

  local function run_json(args)
    local out, code = pandoc3(args .. " -t json")
    assert.equal(0, code, out)
    return assert(json.decode(out))
  end

  setup(function()
    tmp = os.tmpname(); os.remove(tmp); assert(os.execute("mkdir -p " .. q(tmp)))
    bundle = tmp .. "/newsc-filter.lua"
    local out, code = sh("lua5.4 tools/bundle-filter.lua " .. q(bundle))
    assert.equal(0, code, out)
  end)

  teardown(function() os.execute("rm -rf " .. q(tmp)) end)

  it("is pandoc 3 with Lua 5.4, and the bundled filter gets the pure backend", function()
    local out, code = sh("node tools/pandoc3/pandoc3.mjs --version")
    assert.equal(0, code, out)
    assert.matches("^pandoc 3%.", out)
    -- a probe in the bundle's place: the bundle's modules, then a report
    local src = assert(read(bundle))
    local mods = src:sub(1, assert(src:find("-- filters/newsc.lua\n", 1, true)) - 1)
    local probe = tmp .. "/probe.lua"
    write(probe, mods .. [[
return { { Pandoc = function()
  local n = require "newsc"
  local ok = pcall(require, "newsc.core")
  local q = n.quotes('"We will rebuild," the mayor, Ada Kerr, said.')[1]
  return pandoc.Pandoc({ pandoc.Plain({ pandoc.Str(table.concat({ _VERSION, n.backend,
    tostring(ok), #n.sentences("One. Two."), q.speaker }, "|")) }) })
end } }
]])
    out, code = sh(("node tools/pandoc3/pandoc3.mjs --lua-filter %s -t plain %s")
      :format(q(probe), q(ROOT .. "/filters/sample.md")))
    assert.equal(0, code, out)
    assert.equal("Lua 5.4|pure|false|2|Ada Kerr\n", out)
  end)

  it("gives the expected HTML for the sample (filters/expected-pandoc3.html)", function()
    local out, code = pandoc3("filters/sample.md -t html")
    assert.equal(0, code, out)
    assert.equal(read(ROOT .. "/filters/expected-pandoc3.html"), out)
  end)

  it("marks the same quotes and figures, and writes the same Cross-check, as pandoc 2.17 with the C module", function()
    local ver = sh("pandoc --version"):match("^pandoc%S*%s+(%d[%d%.]*)")
    if not ver then pending("pandoc is not installed"); return end
    local out, code = sh("make -s core LUA=5.3")
    assert.equal(0, code, out)
    local two
    out, code = sh("env -u LUA_PATH -u LUA_CPATH pandoc --lua-filter filters/newsc.lua "
      .. "filters/sample.md -t json")
    assert.equal(0, code, out)
    two = assert(json.decode(out))
    local three = run_json("filters/sample.md")
    local s2, s3 = ast_.spans(two), ast_.spans(three)
    local nq = 0
    for _, s in ipairs(s2) do if s.classes[1] == "quote" then nq = nq + 1 end end
    assert.is_true(nq >= 10, "quote Spans under pandoc 2.17: " .. nq)
    assert.same(s2, s3)
    assert.same(ast_.section_titles(two), ast_.section_titles(three))
    -- the Cross-check section's text, block by block
    local function after(ast)
      local out_, on = {}, false
      for _, b in ipairs(ast.blocks) do
        if b.t == "Header" and b.c[2][1] == "newsc-cross-check" then on = true end
        if on then out_[#out_ + 1] = json.encode(b) end
      end
      return out_
    end
    local a2, a3 = after(two), after(three)
    assert.is_true(#a2 > 5)
    assert.same(a2, a3)
  end)

  it("takes the sections and the summary budget from metadata", function()
    local ast = run_json("filters/sample.md -M newsc-sections=quotes,figures")
    assert.same({ "Quotes", "Figures" }, (ast_.section_titles(ast)))
    ast = run_json("filters/sample.md -M newsc-sections=summary -M newsc-words=40")
    assert.same({ "Summary" }, (ast_.section_titles(ast)))
    local n, on = 0, false
    for _, b in ipairs(ast.blocks) do
      if b.t == "Header" then on = b.c[2][1] == "newsc-summary"
      elseif on and b.t == "Para" then
        for _ in ast_.plain(b.c):gsub("%s*%[[^%]]*%]$", ""):gmatch("%S+") do n = n + 1 end
      end
    end
    assert.is_true(n > 0 and n <= 40, "40-word summary has " .. n)
    local out, code = pandoc3("filters/sample.md -t html -M newsc-sections=quotes,bogus")
    assert.is_not.equal(0, code)
    assert.matches("unknown section 'bogus'", out)
  end)

  it("reads the articles named in newsc-articles", function()
    write(tmp .. "/a.md", 'Mayor Ann Vole said on Monday that the bridge would reopen. "We will '
      .. 'open the bridge on Friday and not a day later," she said. Three people were injured in '
      .. 'the collapse, police said.\n')
    write(tmp .. "/b.md", '"We will open the bridge on Friday," Mayor Ann Vole told reporters. '
      .. 'Police said five people were injured in the collapse on Sunday.\n')
    write(tmp .. "/main.md", "---\ntitle: Bridge\nnewsc-articles: [a.md, b.md]\n---\n\nTwo reports.\n")
    -- pandoc.wasm sees only the files it is given: the articles are given
    -- beside the input, and the filter reads them through io.open
    local out, code = sh(("node %s --lua-filter %s -t json %s --with-file %s --with-file %s"):format(
      q(ROOT .. "/tools/pandoc3/pandoc3.mjs"), q(bundle), q(tmp .. "/main.md"),
      q(tmp .. "/a.md"), q(tmp .. "/b.md")))
    assert.equal(0, code, out)
    local ast = assert(json.decode(out))
    local figures, speakers = {}, {}
    for _, s in ipairs(ast_.spans(ast)) do
      if s.classes[1] == "figure" then figures[#figures + 1] = s.text .. "=" .. s.attr.verdict end
      if s.classes[1] == "quote" then speakers[#speakers + 1] = s.attr.speaker .. "/" .. s.attr.articles end
    end
    assert.same({ "Three people=conflict", "five people=conflict" }, figures)
    assert.same({ "Ann Vole/2", "Ann Vole/2" }, speakers)
  end)
end)
