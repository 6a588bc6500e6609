-- The command-line frame: exit codes, usage errors, input errors.
local function run(args, stdin)
  local cmd = "lua5.4 bin/newsc " .. args .. " 2>&1"
  if stdin then
    local tmp = os.tmpname()
    local f = assert(io.open(tmp, "wb")); f:write(stdin); f:close()
    cmd = "lua5.4 bin/newsc " .. args .. " < " .. tmp .. " 2>&1"
  end
  local p = assert(io.popen(cmd .. "; echo \"exit:$?\""))
  local out = p:read("*a"); p:close()
  local code = tonumber(out:match("exit:(%d+)%s*$"))
  return out:gsub("exit:%d+%s*$", ""), code
end

describe("newsc command line", function()
  it("prints its version", function()
    local out, code = run("--version")
    assert.equal(0, code)
    assert.matches("^newsc %d+%.%d+%.%d+", out)
  end)

  it("exits 2 with usage when no command is given", function()
    local out, code = run("")
    assert.equal(2, code)
    assert.matches("Usage: newsc", out)
  end)

  it("exits 2 on an unknown option", function()
    local out, code = run("sentences --no-such-flag x.txt")
    assert.equal(2, code)
    assert.matches("unknown option '%-%-no%-such%-flag'", out)
  end)

  it("exits 1 naming the file when it cannot be read", function()
    local out, code = run("sentences /nonexistent/a.txt")
    assert.equal(1, code)
    assert.matches("^newsc: /nonexistent/a.txt: No such file or directory", out)
  end)

  it("exits 1 on a directory without articles", function()
    local dir = os.tmpname(); os.remove(dir); os.execute("mkdir " .. dir)
    local out, code = run("sentences " .. dir)
    os.execute("rmdir " .. dir)
    assert.equal(1, code)
    assert.matches("no %.txt or %.md files", out)
  end)

  it("has --help for each command", function()
    for _, c in ipairs({ "sentences", "words" }) do
      local out, code = run(c .. " --help")
      assert.equal(0, code)
      assert.matches("Usage: newsc " .. c, out)
    end
  end)

  it("reads standard input with -", function()
    local out, code = run("sentences -", "First one. Second one.")
    assert.equal(0, code)
    assert.equal("1-10\tFirst one.\n12-22\tSecond one.\n", out)
  end)

  it("reads invalid UTF-8 as U+FFFD with a warning naming the byte", function()
    local out, code = run("words -", "caf\233 ok")
    assert.equal(0, code)
    assert.matches("newsc: %-: invalid UTF%-8 at byte 4; read as U%+FFFD", out)
    assert.matches("1%-4\tword\tcaf\239\191\189", out)
  end)
end)
