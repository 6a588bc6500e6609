-- busted output handler: busted's plain terminal output, then a last line
-- "N passed, N failed, N skipped" (errors count as failed).
return function(options)
  local busted = require "busted"
  local handler = require "busted.outputHandlers.plainTerminal"(options)
  local subscribe = handler.subscribe
  handler.subscribe = function(self, opts)
    subscribe(self, opts)
    busted.subscribe({ "suite", "end" }, function(_, count, total)
      if count == total then
        io.write(("\nspecs: %d passed, %d failed, %d skipped\n"):format(
          #handler.successes, #handler.failures + #handler.errors, #handler.pendings))
        io.flush()
      end
      return nil, true
    end)
  end
  return handler
end
