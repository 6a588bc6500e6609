-- Reading pandoc's JSON AST in the filter specs: plain text of inlines, the
-- elements of a tag, the Spans with their attributes, the headers of the
-- Cross-check section.
local M = {}

-- the plain text of a JSON inline list (Str, spaces, quotations, containers)
local MARKS = { DoubleQuote = { "“", "”" }, SingleQuote = { "‘", "’" } }
function M.plain(list)
  local out = {}
  for _, el in ipairs(list) do
    local t, c = el.t, el.c
    if t == "Str" then out[#out + 1] = c
    elseif t == "Space" or t == "SoftBreak" or t == "LineBreak" then out[#out + 1] = " "
    elseif t == "Quoted" then
      local m = MARKS[c[1].t]
      out[#out + 1] = m[1] .. M.plain(c[2]) .. m[2]
    elseif t == "Span" or t == "Link" then out[#out + 1] = M.plain(c[2])
    elseif t == "Emph" or t == "Strong" then out[#out + 1] = M.plain(c)
    end
  end
  return table.concat(out)
end

-- every element of tag `tag` in a JSON AST, in document order
function M.collect(node, tag, acc)
  acc = acc or {}
  if type(node) == "table" then
    if node.t == tag then acc[#acc + 1] = node end
    for _, v in pairs(node.t and { node.c } or node) do M.collect(v, tag, acc) end
  end
  return acc
end

-- Spans of the AST: {id=, classes=, attrs={{k,v}...}, attr={k=v}, text=}
function M.spans(ast)
  local out = {}
  for _, sp in ipairs(M.collect(ast.blocks, "Span")) do
    local a = sp.c[1]
    local s = { id = a[1], classes = a[2], attrs = a[3], attr = {}, text = M.plain(sp.c[2]) }
    for _, kv in ipairs(a[3]) do s.attr[kv[1]] = kv[2] end
    out[#out + 1] = s
  end
  return out
end

function M.headers(ast)
  local out = {}
  for _, h in ipairs(M.collect(ast.blocks, "Header")) do
    out[#out + 1] = { level = h.c[1], id = h.c[2][1], text = M.plain(h.c[3]) }
  end
  return out
end

-- headers after the Cross-check one
function M.section_titles(ast)
  local out, on = {}, false
  for _, h in ipairs(M.headers(ast)) do
    if h.id == "newsc-cross-check" then on = true
    elseif on then out[#out + 1] = h.text end
  end
  return out, on
end

return M
