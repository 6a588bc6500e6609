--- Figures across articles: what each figure counts ("people killed in
-- the strike"), mentions of the same quantity grouped, and a verdict:
-- consistent, tension, conflict, update (a later article with a higher
-- toll) or single (one article only).
-- @module newsc.crosscheck.figures
local util = require "newsc.crosscheck.util"
local docs = require "newsc.crosscheck.docs"
local attribution = require "newsc.crosscheck.attribution"

local M = {}

local function lexicon(spec)
  local t = {}
  for class, words in pairs(spec) do
    for w in words:gmatch("%S+") do t[w] = class end
  end
  return t
end

--- What is measured, by the word that says it.
M.MEASURE = lexicon {
  killed = [[killed kill kills killing dead deaths died dying lives fatalities
    toll eliminated massacred perished drowned]],
  injured = [[injured injuring wounded wounding hurt injuries casualties]],
  displaced = [[displaced displacing evacuated evacuation evacuations fled homeless
    uprooted leave return]],
  sheltered = [[sheltered shelter shelters housed spent]],
  damaged = [[damaged destroyed flattened levelled leveled razed]],
  captured = [[captured capture hostages hostage abducted kidnapped seized]],
  arrested = [[arrested arrest arrests detained detention jailed]],
  missing = [[missing unaccounted]],
  rescued = [[rescued saved]],
}

--- Who or what is counted.
M.SUBJECT = lexicon {
  people = [[people persons person individuals civilians palestinians israelis
    worshipers worshippers residents victims lives bodies passengers migrants
    villagers students pilgrims inhabitants others]],
  children = [[children child kids minors boys girls babies infants]],
  women = [[women]],
  militants = [[militants fighters gunmen terrorists combatants insurgents]],
  soldiers = [[soldiers troops servicemen officers police policemen]],
  percent = [[percent per_cent %]],
  homes = [[homes houses buildings]],
}

--- The event a figure belongs to, by the noun that names it.
M.EVENT = lexicon {
  strike = [[strike strikes airstrike airstrikes raid raids bombing bombings shelling
    missile missiles drone]],
  war = [[war wars offensive campaign conflict fighting invasion bombardment operation]],
  attack = [[attack attacks assault massacre shooting shootings gunfire stabbing]],
  earthquake = [[earthquake earthquakes quake quakes tremor aftershock]],
  explosion = [[explosion explosions blast blasts]],
  fire = [[fire fires blaze wildfire wildfires]],
  crash = [[crash crashes collision derailment]],
  storm = [[storm storms hurricane typhoon cyclone tornado]],
  flood = [[flood floods flooding floodwater breach]],
  protest = [[protest protests riot riots clashes demonstration demonstrations]],
}

local BACKREF = { since = true }
local AUX = { were = true, was = true, are = true, is = true, been = true, be = true,
              have = true, has = true, had = true, got = true }
local RISE_TO = { risen = true, rose = true, rises = true, climbed = true, increased = true,
                  jumped = true, reached = true }
-- which subjects a measure can apply to: homes are evacuated or destroyed, not killed
local function any() return true end
local function homes(s) return s == "homes" end
local function not_homes(s) return s ~= "homes" end
local FITS = setmetatable({ killed = not_homes, injured = not_homes, captured = not_homes,
  arrested = not_homes, rescued = not_homes, sheltered = not_homes, damaged = homes },
  { __index = function() return any end })
local MONTHS = {}
for m in ([[january february march april may june july august september october november
  december jan feb mar apr jun jul aug sep sept oct nov dec]]):gmatch("%S+") do MONTHS[m] = true end
local PRONOUN = { It = true, That = true, This = true, They = true, He = true, She = true,
                  Those = true, These = true }
local FRACTION = { half = true, halves = true, third = true, thirds = true, quarter = true,
                   quarters = true, fifth = true, fifths = true }
local INCREMENT = { more = true, other = true, others = true, additional = true, further = true }
local EARLIER = { prior = true, previous = true, earlier = true, former = true, past = true }
local CONTEXT_KINDS = { money = true, currency = true, count = true, percent = true }
local TOLL_KINDS = { count = true, percent = true }
local NOT_TOLL = {}
for w in ([[days day years year hours hour minutes weeks months seasons games points
  dollars euros pounds times rounds miles kilometres kilometers feet metres
  meters tons tonnes votes shots bullets calls]]):gmatch("%S+") do NOT_TOLL[w] = true end
--- Words on each side of a figure that are read to describe it.
M.WINDOW = 40
--- Sentences of an article's lead: a conflict needs figures from both leads.
M.LEAD = 8
--- How far (in words) a toll's verb may be before the figure, and after it.
M.REACH = 6
M.REACH_AFTER = 6

-- No clause break (, ; : parentheses) between token i and the figure,
-- except before "including" ("93 dead, including 11 children").
local function same_clause(text, toks, i, first, last)
  local a, b
  if i < first then a, b = toks[i].stop + 1, toks[first].start - 1
  else a, b = toks[last].stop + 1, toks[i].start - 1 end
  local between = text:sub(a, b)
  if not between:find("[,;:%(%)]") then return true end
  if i < first and first > 1 and (toks[first - 1].w == "including" or toks[first - 1].w == "among") then
    return not between:find("[;:%(%)]")
  end
  return false
end
local COUNTED = { count = true, percent = true, money = true, currency = true }
local SKIP_KINDS = { year = true, date = true, ordinal = true, time = true, age = true,
                     duration = true }

-- Describe a figure from its sentence: subject, measure, event.
local years

local function describe(f, sent)
  local toks = sent.toks
  if not toks then toks = util.words(sent.text); sent.toks = toks end
  local fs, fe = f.start - sent.start + 1, f.stop - sent.start + 1
  -- the figure's tokens (binary search: sentences can be long)
  local lo, hi = 1, #toks
  while lo < hi do
    local mid = math.floor((lo + hi) / 2)
    if toks[mid].stop < fs then lo = mid + 1 else hi = mid end
  end
  local first, last
  for i = lo, #toks do
    local t = toks[i]
    if t.start > fe then break end
    if t.stop >= fs then first = first or i; last = i end
  end
  if not first then return nil end
  -- only words near the figure count (work stays linear in the sentence)
  local wlo, whi = math.max(1, first - M.WINDOW), math.min(#toks, last + M.WINDOW)
  local nxt, nxt2 = toks[last + 1], toks[last + 2]
  -- "two-thirds of homes", "30 of the 80 wounded": a part, not a count
  if nxt and FRACTION[nxt.w] then return nil end
  if nxt and nxt.w == "of" and nxt2 and (nxt2.w == "the" or nxt2.w == "them" or nxt2.w == "those") then
    local n3 = toks[last + 3]
    if n3 and n3.w:find("^%d") then return nil end
  end
  -- "seven AK-47 rifles": a bare number counts the noun after it
  if (not f.unit or f.unit == "") and first == last and nxt and not util.is_stop(nxt.w)
     and not M.MEASURE[nxt.w] and not nxt.w:find("^%p") then
    return nil
  end
  -- "no one else": no figure
  if first > 1 and (toks[first - 1].w == "no" or toks[first].w == "no") then return nil end
  -- "two more victims", "70 other": an increment, not a toll
  if toks[last + 1] and INCREMENT[toks[last + 1].w] then return nil end
  -- "four prior arrests": someone's record, not this event
  for i = first, math.min(last + 1, #toks) do
    if EARLIER[toks[i].w] then return nil end
  end
  -- a day of a month ("October 7", "7 October") is a date, not a count
  if (first > 1 and MONTHS[toks[first - 1].w]) or (toks[last + 1] and MONTHS[toks[last + 1].w]) then
    return nil
  end
  -- what is counted: the figure's unit, else a noun in or just after it
  local subject
  if f.unit and f.unit ~= "" then
    local u = tostring(f.unit):lower()
    subject = M.SUBJECT[u] or M.SUBJECT[u:match("(%S+)$") or u]
  end
  if not subject and (not f.unit or f.unit == "") then
    for i = first, math.min(last + 3, #toks) do
      local c = M.SUBJECT[toks[i].w]
      if c then subject = c; break end
    end
  end
  if not subject and toks[last].w:find("%%$") then subject = "percent" end
  local unit_measure
  if not subject and f.unit and f.unit ~= "" then
    subject = tostring(f.unit):lower()
    -- "46 arrests", "12 deaths": the unit says what happened to people
    unit_measure = M.MEASURE[subject]
    if unit_measure then subject = "people" end
  end
  -- distances count content words: "residents of the lower town are
  -- still unable to return" puts "return" five words after the figure
  local cpos, c = {}, 0
  for i = wlo, whi do
    if not util.is_stop(toks[i].w) then c = c + 1 end
    cpos[i] = c
  end
  local measure, md
  -- "has risen to five", "rose to 10": the toll's verb may be anywhere before
  local risen = first > 2 and toks[first - 1].w == "to" and RISE_TO[toks[first - 2].w]
  for i = wlo, whi do
    local t = toks[i]
    local c = not t.part and M.MEASURE[t.w]
    if c and subject and not FITS[c](subject) then c = nil end
    if c and i > first and i <= last then
      -- the figure's own noun: "40,000 Palestinian lives"
      measure, md = c, 0
    elseif c and (i < first or i > last) then
      local d = i < first and (cpos[first] - cpos[i]) or (cpos[i] - cpos[last])
      local reach = i < first and M.REACH or M.REACH_AFTER
      if risen and i < first then d, reach = 1, d end
      -- ties go to the verb after the figure: "38 homes were evacuated"
      local better = not md or d < md or (d == md and i > last and i > 1 and AUX[toks[i - 1].w])
      if d <= reach and better and (risen or same_clause(sent.text, toks, i, first, last)) then
        measure, md = c, d
      end
    end
  end
  if unit_measure then measure, md = unit_measure, 0 end
  -- a toll counts people (or things named by a plural noun), not days or dollars
  if measure and not (TOLL_KINDS[f.kind or "count"] and (subject == nil or not NOT_TOLL[subject])) then
    measure = nil
  end
  -- a bare number ("59") is a toll only right next to its verb ("killed 59"),
  -- and "arrested four times" counts no people
  if measure and subject == nil and md > 2 then measure = nil end
  if measure and toks[last + 1] and NOT_TOLL[toks[last + 1].w] then measure = nil end
  if measure and subject == nil then subject = "people" end
  -- a sum, share or count that measures no toll ("an emergency fund of
  -- 4 million crowns") is matched by its unit and the words around it
  if not measure then
    if not f.unit or f.unit == "" or not CONTEXT_KINDS[f.kind or "count"] then return nil end
    if M.SUBJECT[tostring(f.unit):lower()] == "people" then return nil end
    local ctx, n = {}, 0
    -- up to four content words on each side
    local function take(i)
      local w = toks[i].w
      if not util.is_stop(w) and w:find("^%a") and #w > 2 and not M.MEASURE[w] then
        ctx[util.stem(w)] = true; n = n + 1
        return 1
      end
      return 0
    end
    local got = 0
    for i = first - 1, 1, -1 do
      got = got + take(i)
      if got >= 4 then break end
    end
    got = 0
    for i = last + 1, #toks do
      got = got + take(i)
      if got >= 4 then break end
    end
    if n == 0 then return nil end
    return { subject = tostring(f.unit):lower(), context = ctx }
  end
  local event, ed
  for i = wlo, whi do
    local t = toks[i]
    local c = M.EVENT[t.w]
    if c and (i < first or i > last) then
      local back = false
      for k = math.max(1, i - 3), i - 1 do
        if BACKREF[toks[k].w] then back = true end
      end
      if not back then
        -- events named before the figure weigh more than those after it
        local d = i < first and (first - i) or (i - last) * 2
        if not ed or d < ed then event, ed = c, d end
      end
    end
  end
  return { subject = subject, measure = measure, event = event }
end

local function about(d)
  local s = d.subject or "figure"
  if d.measure then s = s .. " " .. d.measure end
  if d.event then s = s .. (d.measure and " in the " or " in ") .. d.event end
  return s
end

-- the years (1900-2099) written in s
function years(s)
  local out = {}
  for y in s:gmatch("%f[%w](%d%d%d%d)%f[%W]") do
    local n = tonumber(y)
    if n >= 1900 and n <= 2099 then out[#out + 1] = n end
  end
  return out
end

local RANK = { consistent = 1, tension = 2, conflict = 3 }

-- Compare two mentions with newsc.compare; returns verdict, reason.
local function compare(a, b)
  local nc = util.nc()
  local ok, v, reason = pcall(nc.compare, a.fig, b.fig)
  if not ok then return "consistent", nil end
  if type(v) == "table" then v, reason = v.verdict, v.reason end
  return v or "consistent", reason
end

local RISE = {}
for w in ([[rose risen rises rising climbed climbs increased jumped new latest updated
  now revised]]):gmatch("%S+") do RISE[w] = true end

local function says_rise(m)
  local t = m.doc.text:sub(m.sentence.start, m.sentence.stop):lower()
  for w in t:gmatch("%a+") do if RISE[w] then return true end end
  return false
end

-- Is a's article later than b's? By publication time; without one, an
-- article that says its toll rose is the later one. nil when unknown.
local function later(a, b)
  local pa, pb = a.doc.published, b.doc.published
  if type(pa) == "string" and type(pb) == "string" and pa ~= pb then return pa > pb end
  local ra, rb = says_rise(a), says_rise(b)
  if ra ~= rb then return ra end
  return nil
end

--- Verdict of a group of mentions (of two or more articles).
local function verdict(ms)
  local worst, reason, pair = "consistent", nil, nil
  local update = true
  local any_bad = false
  for i = 1, #ms do
    for j = i + 1, #ms do
      local a, b = ms[i], ms[j]
      if a.doc ~= b.doc then
        local v, why = compare(a, b)
        if RANK[v] and RANK[v] > 1 then
          any_bad = true
          -- an update: the later article gives the higher figure
          local l = later(a, b)
          local va, vb = a.fig.value or a.fig.low or 0, b.fig.value or b.fig.low or 0
          if l == nil or va == vb or (l and va < vb) or (l == false and vb < va) then
            update = false
          end
        end
        -- a disagreement that rests on a figure deep in an article (often
        -- background: an earlier event) is a tension, not a conflict
        if v == "conflict" and (a.sent_index > M.LEAD or b.sent_index > M.LEAD) then
          v = "tension"
          why = (why or "the figures do not agree") .. "; one of them comes late in its article"
        end
        if RANK[v] and RANK[v] > RANK[worst] then worst, reason, pair = v, why, { a, b } end
      end
    end
  end
  if any_bad and update then
    return "update", "the later article gives a higher figure", pair
  end
  return worst, reason, pair
end

--- Find, describe and group the figures of prepared articles.
-- @return array of groups `{about=, verdict=, reason=, articles=, mentions=}`
function M.group(list)
  local groups, byabout, base, ctxgroups, ctxindex = {}, {}, {}, {}, {}
  local seq = 0
  -- the newest year the articles name: a sentence about a year two or more
  -- before it tells history ("the 2003 quake killed 31,000"), not this event
  local newest = 0
  for _, doc in ipairs(list) do
    for _, y in ipairs(years(doc.masked)) do if y > newest then newest = y end end
    local py = tonumber(tostring(doc.published or ""):match("^(%d%d%d%d)"))
    if py and py > newest then newest = py end
  end
  for _, doc in ipairs(list) do
    for _, f in ipairs(doc.figures) do
      local si = docs.sentence_at(doc, f.start)
      local sent = si and doc.sentences[si]
      local past = false
      if sent then
        local scope = sent.text
        -- "It killed 612 people": the sentence before says which quake
        if si > 1 and scope:match("^%s*[\"\226\128\156]?(%a+)") and
           PRONOUN[scope:match("^%s*[\"\226\128\156]?(%a+)")] then
          scope = doc.sentences[si - 1].text .. " " .. scope
        end
        for _, y in ipairs(years(scope)) do
          if newest - y >= 2 then past = true end
        end
      end
      if sent and not past and not SKIP_KINDS[f.kind or ""] then
        local d = describe(f, sent)
        if d then
          seq = seq + 1
          local src = attribution.find(sent.text, f.start - sent.start + 1)
          local m = {
            doc = doc, fig = f, seq = seq, article = doc.id, text = f.text, sent_index = si,
            value = f.value, low = f.low, high = f.high, hedge = f.hedge, unit = f.unit,
            start = f.start, stop = f.stop, desc = d,
            sentence = { start = sent.start, stop = sent.stop },
            attribution = src and { text = src.text, start = sent.start + src.start - 1,
                                    stop = sent.start + src.stop - 1 } or nil,
          }
          if d.context then
            -- join the group of this unit whose figures share a word around them
            -- candidates: figures of this unit sharing a word (index, capped)
            local g
            local tried = {}
            for w in pairs(d.context) do
              local l = ctxindex[d.subject .. "\0" .. w]
              if l and not g then
                for k = 1, math.min(#l, 20) do
                  local other = l[k]
                  if not tried[other] then
                    tried[other] = true
                    local common = {}
                    for w2 in pairs(d.context) do
                      if other.desc.context[w2] then common[#common + 1] = w2 end
                    end
                    if #common >= 2 then
                      g = other.group
                      for _, w3 in ipairs(common) do g.shared[w3] = true end
                      break
                    end
                  end
                end
              end
            end
            if not g then
              g = { unit = d.subject, words = {}, shared = {}, mentions = {}, first = seq,
                    desc = d, context = true }
              ctxgroups[#ctxgroups + 1] = g
            end
            for w in pairs(d.context) do
              g.words[w] = true
              local key = d.subject .. "\0" .. w
              local l = ctxindex[key]
              if not l then l = {}; ctxindex[key] = l end
              l[#l + 1] = m
            end
            m.group = g
            g.mentions[#g.mentions + 1] = m
          else
            local key = d.subject .. "|" .. d.measure
            local g = byabout[key]
            if not g then
              g = { mentions = {}, first = seq, desc = d }
              byabout[key] = g
              base[#base + 1] = g
            end
            g.mentions[#g.mentions + 1] = m
          end
        end
      end
    end
  end
  -- one quantity per event named: "killed in the strike" and "killed in the
  -- war" apart; mentions naming no event join the one event named, if one
  for _, b in ipairs(base) do
    local events, order = {}, {}
    for _, m in ipairs(b.mentions) do
      local e = m.desc.event
      if e and not events[e] then events[e] = {}; order[#order + 1] = e end
      if e then table.insert(events[e], m) end
    end
    local function add(ms, event)
      local d = { subject = b.desc.subject, measure = b.desc.measure, event = event }
      groups[#groups + 1] = { about = about(d), mentions = ms, first = ms[1].seq, desc = d }
    end
    if #order <= 1 then
      add(b.mentions, order[1])
    else
      local none = {}
      for _, m in ipairs(b.mentions) do if not m.desc.event then none[#none + 1] = m end end
      for _, e in ipairs(order) do add(events[e], e) end
      if #none > 0 then add(none, nil) end
    end
  end
  for _, g in ipairs(ctxgroups) do
    local seen, n = {}, 0
    for _, m in ipairs(g.mentions) do
      if not seen[m.doc] then seen[m.doc] = true; n = n + 1 end
    end
    -- a sum only one article gives is not worth a line
    if n >= 2 then
      local words = {}
      for w in pairs(g.shared) do words[#words + 1] = w end
      table.sort(words)
      g.about = g.unit .. " (" .. table.concat(words, ", ") .. ")"
      g.desc = { subject = g.unit }
      groups[#groups + 1] = g
    end
  end
  local out = {}
  for _, g in ipairs(groups) do
    local ids, seen = {}, {}
    for _, m in ipairs(g.mentions) do
      if not seen[m.article] then seen[m.article] = true; ids[#ids + 1] = m.article end
    end
    local v, reason, pair
    -- each article's first mention of the quantity (its lead figure) speaks
    -- for it; later mentions in the same article often count something else
    local primary, seenp = {}, {}
    for _, m in ipairs(g.mentions) do
      if not seenp[m.doc] then seenp[m.doc] = true; primary[#primary + 1] = m; m.primary = true end
    end
    if #ids < 2 then v = "single" else v, reason, pair = verdict(primary) end
    -- sums matched by the words around them only: too weak for a conflict
    if g.context and v == "conflict" then
      v = "tension"
      reason = (reason or "the figures do not agree") .. "; matched by the words around them only"
    end
    local mentions = {}
    for i, m in ipairs(g.mentions) do
      mentions[i] = {
        article = m.article, text = m.text, value = m.value, low = m.low, high = m.high,
        hedge = m.hedge, unit = m.unit, start = m.start, stop = m.stop,
        sentence = m.sentence, attribution = m.attribution,
        published = m.doc.published, primary = m.primary or false,
      }
    end
    out[#out + 1] = {
      about = g.about, subject = g.desc.subject, measure = g.desc.measure,
      event = g.desc.event, verdict = v, reason = reason, articles = ids,
      mentions = mentions, first = g.first,
      pair = pair and { pair[1].seq, pair[2].seq } or nil,
    }
  end
  table.sort(out, function(a, b)
    if #a.articles ~= #b.articles then return #a.articles > #b.articles end
    return a.first < b.first
  end)
  for i, g in ipairs(out) do g.id = "f" .. i; g.first = nil; g.pair = nil end
  return out
end

return M
