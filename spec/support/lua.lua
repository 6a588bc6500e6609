-- The interpreter running the specs: its build tag ("5.4", "jit") and command.
local tag = type(jit) == "table" and "jit" or _VERSION:match("%d+%.%d+")
return { tag = tag, bin = tag == "jit" and "luajit" or ("lua" .. tag) }
