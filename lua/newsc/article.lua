--- Reading an article: the article's own text and its metadata, out of
-- scraped plain text or Markdown (HTML through pandoc where installed).
--
-- `newsc.article(text [, opts])` splits the input into lines, drops what is
-- not the article (navigation, share buttons, promos, captions, credits,
-- repeated lines, bylines, publication lines, the headline), finds the main
-- run of text, and keeps each paragraph as it stands in the input, so every
-- offset of the body maps back to the input byte that it came from.
--
-- Work is linear in the input: each line is read a bounded number of
-- times, and the long-line rules look only at a line's first and last few
-- hundred bytes. Bytes are taken as they come: NUL bytes and invalid UTF-8
-- pass through unchanged into `body` (best effort; offsets stay exact).
-- @module newsc.article
local M = {}

local MONTHS = {
  jan = 1, feb = 2, mar = 3, apr = 4, may = 5, jun = 6, jul = 7, aug = 8,
  sep = 9, sept = 9, oct = 10, nov = 11, dec = 12,
  january = 1, february = 2, march = 3, april = 4, june = 6, july = 7,
  august = 8, september = 9, october = 10, november = 11, december = 12,
}

local WEEKDAYS = {}
for w in ("mon tue tues wed thu thur thurs fri sat sun monday tuesday wednesday thursday "
    .. "friday saturday sunday"):gmatch("%a+") do WEEKDAYS[w] = true end

local SPACE = { [32] = true, [9] = true, [10] = true, [13] = true, [11] = true, [12] = true }

-- the byte range [i, j] of s without surrounding ASCII white space
-- (and U+00A0); returns i > j for a blank range.
local function trim_range(s, i, j)
  while i <= j do
    local b = s:byte(i)
    if SPACE[b] then i = i + 1
    elseif b == 194 and s:byte(i + 1) == 160 then i = i + 2
    else break end
  end
  while j >= i do
    local b = s:byte(j)
    if SPACE[b] then j = j - 1
    elseif b == 160 and j > i and s:byte(j - 1) == 194 then j = j - 2
    else break end
  end
  return i, j
end

local function trim(s)
  local i, j = trim_range(s, 1, #s)
  return s:sub(i, j)
end

local EMPHASIS = { "***", "**", "__", "*", "_" }

-- Markdown decoration around a line: heading marks, quote marks, bullets,
-- emphasis. Returns the bare text and the kind of decoration.
local function bare(t)
  local kind
  local h = t:match("^(#+)%s")
  if h then kind = "heading"; t = t:sub(#h + 2) end
  local b = t:match("^[%*%-%+]%s+") or t:match("^\226\128\162%s*") or t:match("^>%s*")
  if b then kind = kind or "bullet"; t = t:sub(#b + 1) end
  t = trim(t)
  local n = #t
  local c = t:byte(1)
  if c ~= 42 and c ~= 95 then return t, kind end  -- no "*" or "_" around
  for _, m in ipairs(EMPHASIS) do
    local k = #m
    if n > 2 * k and t:sub(1, k) == m and t:sub(n - k + 1) == m then
      t = trim(t:sub(k + 1, n - k)); kind = kind or "emphasis"
      break
    end
  end
  return t, kind
end

local function count_words(t)
  local _, n = t:gsub("[%w\192-\255][%w\128-\191'’]*", "")
  return n
end

-- ends like a sentence (after closing quotes and brackets)
local END_BYTE = { [46] = true, [33] = true, [63] = true, [58] = true, [59] = true }
local function sentence_end(t)
  local c = t:byte(-1)
  if not c then return false end
  if END_BYTE[c] then return true end
  -- a letter or digit at the end: no sentence mark
  if (c >= 48 and c <= 57) or (c >= 65 and c <= 90) or (c >= 97 and c <= 122) then
    return false
  end
  local tail = t:sub(-12)
  tail = tail:gsub("[\"'%)%]]+$", ""):gsub("\226\128[\157\153]$", ""):gsub("[\"'%)%]]+$", "")
  return tail:match("[%.!%?:;]$") ~= nil or tail:match("\226\128\166$") ~= nil
end

----------------------------------------------------------------------------
-- Dates

local function hour24(h, ampm)
  h = tonumber(h)
  if ampm then
    local a = ampm:lower():sub(1, 1)
    if a == "p" and h < 12 then h = h + 12 elseif a == "a" and h == 12 then h = 0 end
  end
  return h
end

--- Read the first date (and time after it) in a short string.
-- Knows "2024-08-13[T10:00]", "13 Aug 2024", "Tue 13 Aug 2024, 4:48 PM",
-- "Aug. 13, 2024", "August 13, 2024 11:03 PM", and without a year
-- "August 13" / "13 August" (then `year` is nil).
-- @tparam string s
-- @treturn table|nil `{year=, month=, day=, hour=, min=, stop=}`
function M.parse_date(s)
  s = s:sub(1, 300)
  local best
  local function take(st, en, y, m, d)
    m = tonumber(m) or MONTHS[(m or ""):lower()]
    y, d = tonumber(y), tonumber(d)
    if not m or not d or d < 1 or d > 31 or m < 1 or m > 12 then return end
    if y and (y < 1800 or y > 2200) then return end
    if not best or st < best.start or (st == best.start and y and not best.year) then
      best = { year = y, month = m, day = d, start = st, stop = en }
    end
  end
  local st, en, y, m, d = s:find("(%d%d%d%d)%-(%d%d)%-(%d%d)")
  if st then take(st, en, y, m, d) end
  st, en, d, m, y = s:find("(%d%d?)%s+(%a+)%.?,?%s+(%d%d%d%d)")
  if st then take(st, en, y, m, d) end
  st, en, m, d, y = s:find("(%a+)%.?%s+(%d%d?)%a*,?%s+(%d%d%d%d)")
  if st then take(st, en, y, m, d) end
  if not best then
    st, en, m, d = s:find("(%a+)%.?%s+(%d%d?)%f[%D]")
    if st then take(st, en, nil, m, d) end
    st, en, d, m = s:find("(%d%d?)%s+(%a+)")
    if st then take(st, en, nil, m, d) end
  end
  if not best then return nil end
  local rest = s:sub(best.stop + 1, best.stop + 40)
  local hs, _, hh, mm, ap = rest:find("^[%sT,@|at%-]*(%d%d?)[:%.](%d%d)%s*([AaPp]%.?[Mm]%.?)%f[%W]")
  if not hs then
    hs, _, hh, mm = rest:find("^[%sT,@|at%-]*(%d%d?):(%d%d)")
  end
  if hs then
    best.hour = hour24(hh, ap); best.min = tonumber(mm)
    if best.hour > 23 or best.min > 59 then best.hour, best.min = nil, nil end
  end
  return best
end

--- ISO 8601 text for a date read by `parse_date`: "2024-08-13",
-- "2024-08-13T16:48", or "--08-13" when the year is not known.
function M.iso_date(d)
  if not d then return nil end
  local s = d.year and ("%04d-%02d-%02d"):format(d.year, d.month, d.day)
    or ("--%02d-%02d"):format(d.month, d.day)
  if d.year and d.hour then s = s .. ("T%02d:%02d"):format(d.hour, d.min) end
  return s
end

----------------------------------------------------------------------------
-- Line rules: each returns a reason for a line that is not article text.

local SHARE = {}
for w in ([[share|share this|share this article|share this story|share on facebook|
share on twitter|share on linkedin|share on whatsapp|share via email|tweet|email|e-mail|print|
facebook|twitter|x|whatsapp|telegram|linkedin|pinterest|reddit|flipboard|messenger|
google-news|google news|copy link|copy|link copied|comments|comment|follow us|follow us on|
share article|shares|save|bookmark|save article|mail|sms|instagram|youtube|rss|tumblr|
gift article|listen|listen to this article|print this page|email this|
compartilhe|compartilhar|compartir|comparte|teilen|partager|partagez|condividi|delen|
imprimir|drucken|imprimer|stampa]]):gmatch("[^|]+") do
  SHARE[trim(w)] = true
end

local NAV = {}
for w in ([[top stories|recent news|latest news|latest|trending|trending now|most read|
most popular|popular|related|related articles|related stories|related news|related posts|
you may also like|you might also like|more stories|more news|read next|up next|
advertisement|advertisements|sponsored|skip to content|skip to main content|menu|home|search|
sign in|log in|login|register|subscribe|subscribe now|newsletter|sign up|close|next|previous|
back to top|editor's picks|editors' picks|don't miss|must read|watch|video|videos|photos|
opinion|world|news|sports|business|more|tags|topics|loading|loading...|recommended|
also read|read more|see also|continue reading|show comments|view comments|leave a comment|
trending topics|in this article|contents|table of contents|sections|cookie settings|
advert|report|print article|no comments yet|ad|story continues below advertisement|
trending news|trending stories|top news|latest stories|most viewed|most shared|more videos|
popular stories|popular now|in case you missed it|more headlines|
now playing|autoplay|play video|watch video|replay|skip ad|video ad feedback|fullscreen|
mute|unmute|expand|collapse|show more|show less|load more|see more|view more|view all|
see all|hide caption|toggle caption|enlarge this image|click to expand|tap to expand|
create account|create an account|my account|log out|sign out|paid content|partner content|
promoted|sponsored links|sponsored stories|advertisement - continue reading below|
continue reading below|scroll to continue|scroll down|back to top of page|
publicidade|publicidad|anzeige|werbung|publicité|pubblicità|advertentie|
leia também|leia mais|veja também|lee también|lea también|ver más|lesen sie auch|mehr zum thema|
lire aussi|à lire aussi|voir aussi|leggi anche|vedi anche|lees ook|
notícias relacionadas|noticias relacionadas|artículos relacionados|artigos relacionados|
ähnliche artikel|articles similaires|articoli correlati|gerelateerde artikelen|
mais lidas|más leídas|más leído|meistgelesen|les plus lus|più letti|
últimas notícias|últimas noticias|dernières nouvelles|ultime notizie]]):gmatch("[^|]+") do
  NAV[trim(w)] = true
end

local PROMO_START = { "also read", "read also", "read more", "more:", "related:", "see also",
  "recommended:", "watch:", "watch |", "listen:", "must read", "don't miss", "read:",
  "also see", "read next", "also watch", "click here", "subscribe to", "sign up for",
  "sign up to", "download the", "follow us on", "follow our", "join our", "get the latest",
  "for the latest", "more from", "more news from", "more on this", "related story",
  "also on ", "like this story", "continue reading", "want more", "get breaking news",
  "let our news", "breaking news emails", "click to", "tap here", "to read more",
  "see more:", "have a tip", "got a tip", "no spam", "watch more", "read the full",
  "related article", "trending:", "suggested:", "you may like", "sign up:" }

local PROMO_STRONG = { "like this story", "like this article", "sign up for", "subscribe to",
  "follow us on", "start your day", "also:", "don't miss out", "get our", "download our",
  "there's plenty more where", "want more stories", "enjoyed this", "support our journalism",
  "support independent journalism", "become a member", "share this article", "share this story",
  "get breaking news", "get the best of", "get our newsletter", "get the news" }

-- news agencies, by the names bylines and datelines give them
local AGENCIES = {}
for w in ([[afp|agence france-presse|agence france presse|ap|associated press|the associated press|
reuters|reuters staff|thomson reuters|dpa|efe|ansa|tass|itar-tass|ria novosti|ria|xinhua|
xinhua news agency|anadolu|anadolu agency|aa|ians|pti|press trust of india|ani|upi|
united press international|bloomberg|bloomberg news|sputnik|kyodo|kyodo news|yonhap|wafa|
interfax|europa press|pa|pa media|press association|aap|australian associated press|
bernama|antara|apa|ntb|tt|sda|ctk|pap|mena|petra|spa|wam|kuna|qna|irna|rhc|prensa latina|
cna|cp|the canadian press|canadian press|nhk|jiji|jiji press]]):gmatch("[^|]+") do
  AGENCIES[trim(w)] = true
end

local CREDIT_END = { "afp", "ap", "reuters", "getty images", "getty", "epa", "afp via getty images",
  "ap photo", "file photo", "photo", "xinhua", "anadolu", "shutterstock", "istock", "ians",
  "pti", "ani", "bloomberg", "efe", "tass", "sputnik", "dpa", "upi", "alamy", "pool" }

local CREDIT_ANY = { "getty images", "shutterstock", "ap photo", "ap file", "/ ap ", "| ap ",
  "| reuters", "/ reuters", "| afp", "/ afp", "via reuters", "afp photo", "reuters photo",
  "photo credit", "image credit", "photograph:", "© " }

local CAPTION_START = { "above:", "photo:", "photo by", "photos:", "image:", "image credit",
  "picture:", "caption:", "file photo", "file:", "pictured:", "photograph:", "(photo",
  "[photo", "photo credit", "image courtesy", "courtesy:", "credit:", "illustration:",
  "video:", "graphic:", "source:", "image caption", "media caption", "image copyright",
  "image source", "caption " }

-- a list of prefixes indexed by their first two bytes
local function prefix_index(list)
  local idx = {}
  for _, p in ipairs(list) do
    local h = p:sub(1, 2)
    idx[h] = idx[h] or {}
    table.insert(idx[h], p)
  end
  return idx
end

-- the prefix of `idx` that `lower` starts with, or nil
local function starts_any(lower, idx)
  local cands = idx[lower:sub(1, 2)]
  if not cands then return nil end
  for _, p in ipairs(cands) do
    if lower:sub(1, #p) == p then return p end
  end
end

local PROMO_STRONG_IDX = prefix_index(PROMO_STRONG)
local PROMO_START_IDX = prefix_index(PROMO_START)
local CAPTION_START_IDX = prefix_index(CAPTION_START)

local function is_url(t)
  return t:match("^<?https?://%S+>?$") or t:match("^www%.%S+%.%a%a+%S*$")
end

-- a line made of a date, maybe with a short label or a name around it
local function metadata_line(t, lower, words)
  if words > 24 then return nil end
  -- "— Name (@handle) November 18, 2019": an embedded post's signature
  if t:find("(@", 1, true) then return nil end
  if lower:match("^published") or lower:match("^last updated") or lower:match("^updated")
      or lower:match("^first published") or lower:match("^posted") or lower:match("^modified")
      or lower:match("^date:") or lower:match("^last modified") then
    return "metadata"
  end
  if lower:match("^%d+%s*min%a*%s+read") or lower:match("^%d+%s*minutes? read")
      or lower:match("^reading time") then
    return "metadata"
  end
  if not sentence_end(t) or t:match("[AaPp]%.?[Mm]%.?$") then
    local d = M.parse_date(t)
    if d and (d.year or words <= 4) then return "metadata" end
  end
end

local TAIL = 160

local function classify(t, kind, words)
  local n = #t
  if n == 0 then return "separator" end
  if n > 400 then
    -- long lines: only the caption endings apply
    return nil
  end
  local lower = t:lower()
  local sent = sentence_end(t)
  -- the patterns anchored at the end look at the last bytes only
  local ltail = n > TAIL and lower:sub(-TAIL) or lower
  local ttail = n > TAIL and t:sub(-TAIL) or t
  if is_url(t) then return "url" end
  if t:match("^[%-=_%*#~%.·•|/\\ ]+$") then return "separator" end
  if t:match("^!%[.-%]%(.-%)$") then return "caption" end
  if t:match("^%[[^%]]*%]%([^%)]*%)$") then return "navigation" end
  local core = lower:gsub("^[%s%p]+", ""):gsub("[%s%p]+$", "")
  if SHARE[core] then return "share" end
  if NAV[core] then return "navigation" end
  if core:match("^share") and words <= 6 then return "share" end
  if core:match("^follow %S+ on") and words <= 8 then return "share" end
  if words <= 20 and core:match("^follow [%a%s']- on %a") and (lower:find("twitter", 1, true)
      or lower:find("facebook", 1, true) or lower:find("instagram", 1, true)) then
    return "share"
  end
  -- how to reach the author: "Ana Ruiz may be reached at ana@example.com"
  if words <= 50 and (lower:find("may be reached at", 1, true) or lower:find("can be reached at", 1, true)
      or lower:find("follow him on twitter", 1, true) or lower:find("follow her on twitter", 1, true)
      or lower:find("follow them on twitter", 1, true)) then
    return "credit"
  end
  if words <= 6 and ltail:match("%smore$") and not sent then return "navigation" end
  if lower:match("^more news from") or lower:match("^more from") and words <= 6 then
    return "navigation"
  end
  if words <= 30 and (starts_any(lower, PROMO_STRONG_IDX) or lower:find("click here", 1, true)
      or lower:find("clicking here", 1, true) or lower:find("share it with", 1, true)) then
    return "promo"
  end
  -- a photo credit "Name/Outlet" on its own line
  if words <= 5 and not sent and t:match("^%u[%w%.%-]*[%w%.%- ]*%s?/%s?%u[%w%.%- ]*$") then
    return "credit"
  end
  local p = starts_any(lower, PROMO_START_IDX)
  if p then
    if words <= 25 and (not sent or t:find("|", 1, true)
        or p:match("[:|]$")) then
      return "promo"
    end
  end
  if t:find("^[A-Z][%a ]+ |") or t:find("^[A-Z][%a ]+ %s*|") then
    local label = lower:match("^(.-)%s*|")
    if label and (label:match("read") or label:match("watch") or label:match("related")
        or label:match("listen") or label:match("opinion") or label:match("more")) then
      return "promo"
    end
  end
  if words <= 80 and (lower:find("cookie", 1, true) or lower:find("javascript", 1, true)
      or lower:find("privacy policy", 1, true) or lower:find("terms of use", 1, true)
      or lower:find("terms of service", 1, true) or lower:find("terms and conditions", 1, true)
      or lower:find("terms & conditions", 1, true) or lower:find("ad blocker", 1, true)) then
    return "boilerplate"
  end
  if words <= 15 and (lower:find("newsletter", 1, true) or lower:find("subscri", 1, true)
      or lower:match("^sign up") or lower:find("your inbox", 1, true)
      or lower:find("email address", 1, true)) then
    return "promo"
  end
  if words <= 8 and (core:match("^%d+ comments?$") or core:match("^comments? %d+$")
      or core:match("comments?%s*%(%d+%)$") or lower:match("^add a? ?comment")
      or lower:match("^leave a comment") or lower:match("^leave a reply") or lower:match("^post a comment")
      or lower:match("^show %a* ?comments") or lower:match("^view %a* ?comments")
      or lower:match("^all comments") or lower:match("^top rated comments") or lower:match("^reply$")
      or lower:match("^rating: %d+ votes?")
      or lower:match("^read all comments") or lower:match("^%[? ?%d+ comments? ?%]?$")
      or lower:match("^join the conversation") or lower:match("^discussion$")) then
    return "comments"
  end
  -- a menu or breadcrumb on one line: "Home | News | Sport | Weather",
  -- "Home > World > Europe"
  if words <= 60 then
    local _, bars = t:gsub("%s|%s", "")
    local _, dots = t:gsub("%s\194\183%s", "")
    local _, bullets = t:gsub("%s\226\128\162%s", "")
    bars = bars + dots + bullets
    local _, arrows = t:gsub("%s>%s", "")
    local _, guil = t:gsub("%s\194\187%s", "")
    local _, single = t:gsub("%s\226\128\186%s", "")
    arrows = arrows + guil + single
    if (bars >= 3 and words <= 4 * (bars + 1)) or (arrows >= 2 and words <= 3 * (arrows + 1)) then
      return "navigation"
    end
  end
  -- a link set apart with a guillemet ("» Autoracing Power Ranking"), or
  -- "click ..." in Portuguese, Spanish, French and Italian
  if words <= 10 and (t:match("^\194\187%s") or t:match("^>>%s")) and not sent then
    return "navigation"
  end
  if words <= 40 and (lower:match("^clique %a") or lower:match("^haga clic") or lower:match("^haz clic")
      or lower:match("^cliquez") or lower:match("^clicca")) then
    return "promo"
  end
  -- a gallery's counter ("3 / 12", "Photo 3 of 12") or a player's clock ("0:00 / 2:34")
  if words <= 4 and (core:match("^%d+ ?/ ?%d+$") or core:match("^%a* ?%d+ of %d+$")
      or core:match("^%d+:%d%d ?/ ?%d+:%d%d$") or core:match("^duration %d+:%d%d$")) then
    return "navigation"
  end
  -- hashtags only
  if words <= 12 and t:match("^#%w") and not t:gsub("#[%w_]+", ""):find("%w") then
    return "navigation"
  end
  if words <= 20 and (lower:find("your browser does not support", 1, true)
      or lower:find("this video is not available", 1, true)
      or lower:find("this content is not available", 1, true)
      or lower:find("please enable javascript", 1, true)) then
    return "boilerplate"
  end
  if words <= 12 and (lower:match("^comments are closed") or lower:match("^media playback is unsupported")
      or lower:match("^thanks for reading") or lower:match("^thank you for reading")) then
    return "boilerplate"
  end
  -- a comment form
  if words <= 40 and (lower:find("your email address will not be published", 1, true)
      or lower:find("required fields are marked", 1, true) or lower:match("^notify me of")
      or lower:find("save my name, email", 1, true) or lower:find("uses akismet", 1, true)
      or lower:match("^cancel reply") or lower:match("^you must be logged in to post")
      or lower:match("^post comment$") or lower:match("^submit comment$")) then
    return "comments"
  end
  -- a comment's header: "Ana Ruiz says:", "Ana Ruiz on November 19, 2019 at 3:45 pm"
  if words <= 6 and t:match("^%S.-%s[Ss]ays:?$") then return "comments" end
  if words <= 14 and lower:match("^%S.- on %a+%.? %d%d?, %d%d%d%d,? at %d%d?:%d%d ?[ap]%.?m%.?$") then
    return "comments"
  end
  if words <= 5 and (lower:match("^log in to reply") or lower:match("^login to reply")
      or lower:match("^like this:?$") or lower:match("^share this:?$")) then
    return "comments"
  end
  if words <= 10 and (lower:match("^%d+ %a+ ago") or lower:match("^%a+ %a+ ago$")) then
    return "comments"
  end
  -- a headline tagged as a link: "... [VIDEO]", "... [ INSIGHT]|"
  if words <= 25 and ttail:match("%[%s?%u%u+%s?%]%s*|?$") then return "promo" end
  if lower:match("^no comments") then return "comments" end
  -- a teaser of another story, cut short
  if (words >= 3 and ttail:match("[^%.]%.%.$")) or words >= 8 and (ttail:match("%.%.%.$") or ttail:match("\226\128\166$") or ttail:match("%[%.%.%.%]$")
      or ttail:match("%[\226\128\166%]$")) then
    return "teaser"
  end
  local md = metadata_line(t, lower, words)
  if md then return md end
  if words <= (t:find("|", 1, true) and 14 or 8) and not sent then
    if lower:match("^by%s+%S") or lower:match("^written by%s") or lower:match("^words by%s")
        or lower:match("^story by%s") or lower:match("^author:") then
      return "byline"
    end
  end
  if lower:match("^reporting by") or lower:match("^editing by") or lower:match("^additional reporting")
      or lower:match("^writing by") or lower:match("^compiled by") or lower:match("^edited by") then
    return "credit"
  end
  if lower:match("^%(?%s*reporting by") then return "credit" end
  if lower:match("^copyright") or lower:match("^©") or lower:match("^%(c%)%s") or
      lower:match("all rights reserved") then
    return "credit"
  end
  if starts_any(lower, CAPTION_START_IDX) and not (words > 25 and sent) then
    if lower:match("^image credit") or lower:match("^photo credit") or lower:match("^credit:")
        or lower:match("^image copyright") or lower:match("^image source")
        or lower:match("^source:") then
      return "credit"
    end
    return "caption"
  end
  -- a photo credit closing the line: "... on Tuesday. AFP", "[Name/ Agency via AP]"
  if ltail:match("%[[^%]]*photo[^%]]*%]$") or ltail:match("%[[^%]]*/[^%]]*%]$")
      or ltail:match("%(photo[^%)]*%)$") or ltail:match("%(image[^%)]*%)$")
      or ltail:match("photo credit:[^%.]*$") or ltail:match("| photo:[^%.]*$")
      or ltail:match("photo: [^%.]*$") or ltail:match("/ ?getty images$")
      or ltail:match("%(afp%)$") or ltail:match("/ ?afp$") or ltail:match("/ ?reuters$") then
    return "caption"
  end
  local ctail = #core > TAIL and core:sub(-TAIL) or core
  local tail = ctail:match("[%.%)]%s+([%a ]+)$") or ctail:match("%s([%a]+ via getty images)$")
  if tail and words >= 4 then
    for _, c in ipairs(CREDIT_END) do
      if tail == c or tail:match("^" .. c .. "%s") or tail:match("%s" .. c .. "$") then
        return "caption"
      end
    end
  end
  if (kind == "emphasis") and words >= 5 and lower:match("photo") then return "caption" end
  -- a picture described: "This illustration of ...", "An artist's impression of ..."
  if words <= 40 and (lower:match("^an? artist[’']s %a+ of") or lower:match("^this %a* ?illustration%f[%A]")
      or lower:match("^this %a* ?image shows") or lower:match("^this %a* ?photo shows")
      or lower:match("^in this %a* ?photo%f[%A]") or lower:match("^in this %a* ?image%f[%A]")
      or lower:match("^an? %a* ?screenshot of") or lower:match("^an? %a* ?illustration of")) then
    return "caption"
  end
  -- a caption closed by a credit in brackets: "... of Titan. (NASA/JPL-Caltech/ASU)"
  if words >= 3 and ttail:match("%([%w%.%-&' ]+/[%w%.%-&'/ ]+%)$") then return "caption" end
  if words <= 5 and t:match("^%([^%(%)]+%)$") and not sentence_end(t:sub(2, -2)) then
    return "credit"
  end
  if words <= 30 and lower:match("^get ") and (lower:find("newsletter", 1, true)
      or lower:find("inbox", 1, true) or lower:find("stories", 1, true)
      or lower:find("alerts", 1, true) or lower:find("email", 1, true)) then
    return "promo"
  end
  if words <= 5 and lower:match("^popular on %a") then return "navigation" end
  -- "... in La Paz, November 19, 2019. © Reuters/Name": a credit closing a caption
  if words >= 4 and ttail:match("©%s*[%w%s/%.,&'%-]*$") and #ttail:match("©%s*[%w%s/%.,&'%-]*$") <= 60 then
    return "caption"
  end
  if words <= 14 and not sent and (lower:find("ap ", 1, true) or lower:find("afp", 1, true)
      or lower:find("reuters", 1, true) or lower:find("getty", 1, true)
      or lower:find("shutterstock", 1, true) or lower:find("photo", 1, true)
      or lower:find("credit", 1, true) or lower:find("© ", 1, true)) then
    for _, c in ipairs(CREDIT_ANY) do
      if lower:find(c, 1, true) then return words <= 6 and "credit" or "caption" end
    end
  end
  if ltail:match("%([^%(]*photo[^%(]*%)$") or ltail:match("/ ap file$") or ltail:match("/ ap$")
      or ltail:match("%(ap%)$") or ltail:match("%(reuters%)$") then
    return "caption"
  end
  if words == 0 or (words <= 2 and not t:find("%a")) then return "navigation" end
  -- a photo credit: "Michael Conroy, AP", "Jane Doe/Reuters", "NASA via Getty Images"
  if words <= 6 and not sent then
    local last = ltail:match("[,/|]%s*([%a%.%s]-)%s*$") or ltail:match("%svia%s+([%a%.%s]-)%s*$")
    if last and (AGENCIES[last] or last == "getty images" or last == "getty") then
      return "credit"
    end
  end
  -- a headline in capitals ("SENATOR OPENS UP ABOUT HIS HEALTH"): another story
  if words >= 7 and words <= 25 and not sent and not t:find("%l")
      and #t:gsub("[^%u]", "") >= 0.6 * #t:gsub("[^%a\128-\255]", "")
      and not t:find("%d[%d%.,]*%s+%-?%d") then
    return "promo"
  end

  -- "... on Wednesday. Signal/Nils Berg": a credit "Agency/Name" closing the line
  if words >= 6 and not sent and ttail:match("[%.%)] %u[%w%.]*%s?/%s?%u[%a%.]*[%a ]*$") then
    return "caption"
  end
  if words <= 3 and (lower:match("^%d+ comments?$") or lower:match("^%d+ shares?$")) then
    return "share"
  end
  return nil
end

----------------------------------------------------------------------------
-- Datelines: "MOSCOW, Aug. 13 (Reuters) -", "Moscow, August 14 (RHC)--",
-- "Moscow: ", "(Reuters) - ". Returns the dateline's parts and the byte
-- length of the prefix it takes, or nil.

local NOT_PLACE = {}
for w in ([[published posted updated update by photo photos source note editor editors
read watch related image video caption credit advertisement warning disclaimer correction
breaking exclusive analysis opinion comment comments listen summary tags filed disclosure
disclaimer spoiler announcement important background context transcript sponsored]]):gmatch("%S+") do
  NOT_PLACE[w] = true
end

local DASHES = { "%-%-", "%-", "\226\128\148", "\226\128\147", ":" }

local function take_sep(t, pos)
  local sp = t:match("^%s*", pos)
  local at = pos + #sp
  for _, d in ipairs(DASHES) do
    local s, e = t:find("^" .. d, at)
    if s then
      local after = t:match("^%s*", e + 1)
      return e + #after + 1, d
    end
  end
end

local function read_dateline(t)
  local head = t:sub(1, 160)
  -- agency alone: "(Reuters) - "
  local a_s, a_e, agency = head:find("^%(([%a][%w%. ]-)%)")
  if a_s then
    local nxt = take_sep(head, a_e + 1)
    if nxt and head:find("^%u", nxt) then
      return { agency = agency }, nxt - 1
    end
    return nil
  end
  local place = head:match("^(%u[%a%.'’]*[%w%.]*)")
  if not place or NOT_PLACE[place:lower()] then return nil end
  -- up to four words of the place name, each capitalized
  local pos = #place + 1
  for _ = 1, 3 do
    local w = head:match("^ (%u[%a%.'’]*)", pos)
    if not w then break end
    place = place .. " " .. w; pos = pos + #w + 1
  end
  if place:match("%.$") and not place:match("%u%.$") then return nil end
  local upper = place == place:upper() and place:match("%u%u") ~= nil
  local res = { place = place }
  local p2 = pos
  local c = head:match("^%s*,%s*", p2)
  local date
  if c then
    local d = M.parse_date(head:sub(p2 + #c, p2 + #c + 40))
    if d and d.start == 1 then
      date = d; p2 = p2 + #c + d.stop
      -- the day of the week or a year may follow: ", 2024"
      local y = head:match("^,?%s*(%d%d%d%d)%f[%D]", p2)
      if y and not date.year then
        date.year = tonumber(y); p2 = p2 + #head:match("^,?%s*%d%d%d%d", p2)
      end
    elseif upper then
      -- "ATHENS, Greece -": a second place part
      local region = head:match("^(%u[%a%.]*[%a%.]?)", p2 + #c)
      if region then
        -- up to three words: "DUBAI, United Arab Emirates -"
        local q = p2 + #c + #region
        for _ = 1, 2 do
          local w = head:match("^ (%u[%a%.]*)", q)
          if not w then break end
          region = region .. " " .. w; q = q + #w + 1
        end
        p2 = q; res.place = place .. ", " .. region
      end
    end
  end
  local ag_s, ag_e, ag = head:find("^%s*%(([%a][%w%.& ]-)%)", p2)
  if ag_s then res.agency = ag; p2 = ag_e + 1 end
  local nxt, dash = take_sep(head, p2)
  if not nxt then return nil end
  if not head:find("^[%u\"“‘'%d]", nxt) and not head:find("^\226\128", nxt) then return nil end
  -- what makes it a dateline: capitals, a date, an agency, or a dash
  if not (upper or date or res.agency or dash ~= ":") then
    if #place:gsub("[^ ]", "") > 0 then return nil end
  end
  if dash == ":" and not (upper or date or res.agency) and place:find(" ") then return nil end
  res.date = date
  return res, nxt - 1
end

----------------------------------------------------------------------------
-- Language: the most frequent stop words among a few languages.

local STOP = {
  en = "the and of to in is that for was with on said as are by it from has have",
  fr = "le la les des et est une dans que pour qui sur du au pas avec il sont",
  de = "der die das und ist nicht ein eine mit den von zu sich auf dem des im",
  es = "el la los las y de que en un una por con para se del es al",
  it = "il la di che e un una per non sono del della gli con le nel",
  pt = "o a os as de que e um uma para com não do da em no na",
  nl = "de het een van en is dat niet op te met voor zijn aan er",
}
local STOPSET = {}
for lang, words in pairs(STOP) do
  STOPSET[lang] = {}
  for w in words:gmatch("%S+") do STOPSET[lang][w] = true end
end

local function detect_lang(text)
  local sample = text:sub(1, 4000):lower()
  local score, total = {}, 0
  for w in sample:gmatch("[%a\192-\255][%a\128-\191]*") do
    total = total + 1
    for lang, set in pairs(STOPSET) do
      if set[w] then score[lang] = (score[lang] or 0) + 1 end
    end
  end
  if total < 20 then return nil end
  local best, bn, second = nil, 0, 0
  for _, lang in ipairs({ "en", "fr", "de", "es", "it", "pt", "nl" }) do
    local n = score[lang] or 0
    if n > bn then best, second, bn = lang, bn, n elseif n > second then second = n end
  end
  if best and bn >= total * 0.12 and bn >= second * 1.3 then return best end
  return nil
end

----------------------------------------------------------------------------
-- The article

-- the cost of the k-th line in a run of lines that are not text
local RUN_BASE, RUN_STEP, RUN_MAX = 6, 4, 40
-- the cost of a line that usually ends an article (comments, related stories)
local END_COST = 40
-- the cost of a caption or photo credit
local INLINE_COST = 4
-- a run of text before the first end marker is preferred over a heavier one
-- after it when it has PRE_END_WORDS words and PRE_END_SHARE of its weight
local PRE_END_WORDS = 100
local PRE_END_SHARE = 0.3

local end_marker, agency_name, copyright_holder, closing_note

-- a short photo credit: "Michael Conroy, AP", "Jane Doe/Reuters",
-- "NASA via Getty Images", "Photo: Ana Ruiz"
local function photo_credit(t)
  if count_words(t) > 6 or sentence_end(t) then return false end
  local lower = t:lower()
  -- "Image copyright Getty Images" stands above its caption, not below
  if lower:find("image", 1, true) or lower:find("credit", 1, true)
      or lower:find("copyright", 1, true) or lower:find("©", 1, true) then
    return false
  end
  local last = lower:match("[,/|]%s*([%a%.%s]-)%s*$") or lower:match("%svia%s+([%a%.%s]-)%s*$")
  if last and (AGENCIES[last] or last:match("getty")) then return true end
  return t:find("%a/%s?%u") ~= nil
end

local Article = {}
Article.__index = Article

--- The input offset (1-based) of byte `i` of `art.body`.
-- Bytes of the blank lines between paragraphs map to the end of the
-- paragraph before them. Returns nil outside the body.
function Article:source_offset(i)
  local ps = self.paragraphs
  if type(i) ~= "number" or i < 1 or i > #self.body or #ps == 0 then return nil end
  local lo, hi = 1, #ps
  while lo < hi do
    local mid = math.floor((lo + hi + 1) / 2)
    if ps[mid].body_start <= i then lo = mid else hi = mid - 1 end
  end
  local p = ps[lo]
  local k = i - p.body_start
  if k > p.stop - p.start then return p.stop end
  return p.start + k
end

--- The body offset of input byte `j`, or nil when that byte is not in the body.
function Article:body_offset(j)
  local ps = self.paragraphs
  if type(j) ~= "number" or #ps == 0 then return nil end
  local lo, hi = 1, #ps
  while lo < hi do
    local mid = math.floor((lo + hi + 1) / 2)
    if ps[mid].start <= j then lo = mid else hi = mid - 1 end
  end
  local p = ps[lo]
  if j < p.start or j > p.stop then return nil end
  return p.body_start + (j - p.start)
end

-- the key under which repeated lines are found
local function dup_key(t)
  if #t > 2000 then return t end
  return (t:lower():gsub("[%s%p]+", " "))
end

-- The lines of the text: tables `{s=, e=}` (trimmed, 1-based inclusive)
-- whose metatable gives what depends on the line's text alone (`t`, `bare`,
-- `kind`, `words`, `sent`, `key`, `reason`), computed once per distinct text,
-- so a page that repeats one line a million times reads it once.
local function line_info(t, s, e)
  local b, kind
  if e - s < 2000 then b, kind = bare(t) else b = t end
  local words = count_words(b)
  local info = { t = t, bare = b, kind = kind, words = words, sent = sentence_end(b),
                 key = dup_key(b) }
  if words <= 4 then
    info.core = b:lower():gsub("^[%s%p]+", ""):gsub("[%s%p]+$", "")
  end
  info.reason = classify(b, kind, words)
  info.endm = end_marker(info) and true or false
  return info
end

-- the non-blank lines of the text as three flat arrays: starts, ends
-- (trimmed, 1-based inclusive) and gaps (true: a blank line before)
local function raw_lines(text)
  local S, E, G, k = {}, {}, {}, 0
  local pos, n, gap = 1, #text, true
  local find = string.find
  while pos <= n do
    local nl = find(text, "\n", pos, true)
    local le = nl and nl - 1 or n
    local s, e = trim_range(text, pos, le)
    if s <= e then
      k = k + 1
      S[k], E[k], G[k] = s, e, gap
      gap = false
    else
      gap = true
    end
    pos = le + 2
  end
  return S, E, G, k
end

-- Is the text hard-wrapped (paragraphs broken into lines of a set width)?
local function looks_wrapped(text, S, E, G, k)
  local maxlen = 0
  for i = 1, k do
    local len = E[i] - S[i] + 1
    if len > maxlen and not (len < 300 and text:find("://", S[i], true)
        and text:find("://", S[i], true) < E[i]) then
      maxlen = len
    end
  end
  if maxlen > 100 or maxlen < 40 then return false, maxlen end
  -- long lines followed by more of the same block, in at least two blocks
  -- separated by blank lines
  local pairs_n, wrapped, blocks, counted = 0, 0, 0, false
  for i = 1, k - 1 do
    if G[i] then counted = false end
    if not G[i + 1] then
      pairs_n = pairs_n + 1
      if E[i] - S[i] + 1 >= 0.6 * maxlen then
        wrapped = wrapped + 1
        if not counted then blocks = blocks + 1; counted = true end
      end
    end
  end
  return blocks >= 2 and wrapped >= 0.3 * pairs_n, maxlen
end

local function starts_item(text, s)
  return text:find("^[#%*%-%+>|]", s) or text:find("^\226\128\162", s)
    or text:find("^%d+[%.%)]%s", s)
end

-- The lines (or, for hard-wrapped text, the paragraphs) of the text:
-- tables `{s=, e=}` (trimmed, 1-based inclusive) whose metatable gives what
-- depends on the text alone (`t`, `bare`, `kind`, `words`, `sent`, `key`,
-- `reason`, `endm`), computed once per distinct text, so a page that
-- repeats one line a million times reads it once.
local function split_lines(text, wrap)
  local S, E, G, k = raw_lines(text)
  local maxlen
  if wrap == nil then wrap, maxlen = looks_wrapped(text, S, E, G, k)
  else local _; _, maxlen = looks_wrapped(text, S, E, G, k) end
  local lines, memo, n = {}, {}, 0
  local sub = string.sub
  local cs, ce, lastlen
  local function flush()
    local t = sub(text, cs, ce)
    local mt = memo[t]
    if not mt then
      mt = { __index = line_info(t, cs, ce) }
      memo[t] = mt
    end
    n = n + 1
    lines[n] = setmetatable({ s = cs, e = ce }, mt)
  end
  for i = 1, k do
    local s, e = S[i], E[i]
    if wrap and cs and not G[i] and lastlen >= 0.6 * maxlen
        and not starts_item(text, s) then
      ce = e
    else
      if cs then flush() end
      cs, ce = s, e
    end
    lastlen = e - s + 1
  end
  if cs then flush() end
  return lines
end

-- labels over a list of other stories' headlines
local PROMO_LABEL = {}
for w in ([[more|read more|also read|read also|see also|related|watch|watch more|more news|
more stories|recommended|also on|latest|latest news|top stories|popular|most read]]):gmatch("[^|]+") do
  PROMO_LABEL[trim(w)] = true
end

local ROLE = {}
for w in ([[writer|reporter|journalist|editor|correspondent|contributor|columnist|author|
producer|blogger|photographer|analyst|intern|freelancer|novelist|critic]]):gmatch("%a+") do
  ROLE[w] = true
end
local FIRM = {}
for w in ([[provider|company|firm|manufacturer|developer|supplier|maker|leader|organization|
organisation|platform|group|publisher|agency|operator|retailer|brand|corporation|pioneer|
specialist|producer|distributor|bank|insurer|network|nonprofit|charity]]):gmatch("%a+") do
  FIRM[w] = true
end

-- "Ana Ruiz is a freelance writer living in Lorven", "Acme is a global
-- provider of ...": a note that closes an article
function closing_note(t)
  local subj, rest = t:match("^(%u[%w%.&'’%-]*[%w%.&'’%- ]-) is an? (.*)$")
  if not subj or count_words(subj) > 5 then return false end
  local k = 0
  for w in rest:gmatch("[%a%-]+") do
    k = k + 1
    if k > 8 then break end
    local lw = w:lower()
    if ROLE[lw] or ROLE[lw:gsub("s$", "")] then return "author" end
    if FIRM[lw] then return "company" end
    if lw == "of" or lw == "who" or lw == "that" or lw == "which" then break end
  end
  return false
end

-- a line of a list or table: numbered, or holding two figures or more
-- (not a date or a time)
local function list_item(L)
  local t = L.bare
  if t:match("^%d+[%.%)]%s") or t:match("^%(?%d+%)%s") then return true end
  local _, nums = t:gsub("%f[%w]%d[%d%.,:/]*%f[^%w]", "")
  -- dated lines are lists of other stories, not the article's list
  return nums >= 2 and not M.parse_date(t) and not t:find("%d:%d%d")
end

-- the score of a line of a list or table introduced by a colon
local LIST_SCORE = 1

local function text_score(L, run)
  local w = L.words
  local sent = L.sent
  if not L.reason and L.kind ~= "heading" then
    if w >= 10 and sent then return w, true end
    if w >= 25 then return w * 0.5, true end
    if sent and w >= 5 then return 1, true end
  end
  return -math.min(RUN_BASE + RUN_STEP * run, RUN_MAX), false
end

-- lines after which the article has ended: comments, related stories, tags
local END_CORE = {}
for w in ([[post navigation|related|related articles|related posts|related stories|related news|
more stories|you may also like|you might also like|recommended|recommended for you|tags|
about the author|leave a reply|leave a comment|comments|top rated comments|more from|most popular|
most read|trending|trending now|also on|recent posts|popular posts|further reading|
tell us what you think|what do you think|more on this story|more on this topic|latest news|
read next|up next|you may be interested in|don't miss|more like this|related content|
related topics|related coverage|share this article|share this story|editor's picks|
sponsored content|around the web|from the web|promoted stories|recommended stories|
sponsored links|paid content|partner content|recommended by|by taboola|sponsored links by taboola|
comentários|comentarios|kommentare|commentaires|commenti|reacties|deixe um comentário|
deja un comentario|laisser un commentaire|lascia un commento|
notícias relacionadas|noticias relacionadas|artículos relacionados|artigos relacionados|
ähnliche artikel|articles similaires|articoli correlati|gerelateerde artikelen|
leia também|veja também|lee también|lesen sie auch|lire aussi|leggi anche|mais lidas|más leídas]]):gmatch("[^|]+") do
  END_CORE[trim(w)] = true
end

function end_marker(L)
  if L.words > 12 then return false end
  if L.reason == "comments" then return true end
  local lower = L.bare:lower()
  local core = lower:gsub("^[%s%p]+", ""):gsub("[%s%p]+$", "")
  if END_CORE[core] then return true end
  return lower:match("^related roundup") or lower:match("^tags?:") or lower:match("^filed under")
    or lower:match("^previous post") or lower:match("^next post") or lower:match("^previous article")
    or lower:match("^next article") or lower:match("^related:") or lower:match("^topics:")
    or lower:match("^more about") or lower:match("^more in ")
    or (L.words <= 5 and not L.sent and (L.bare:match("^About %u") or L.bare:match("^Sobre %u")
      or L.bare:match("^Acerca de %u") or L.bare:match("^À propos d") or L.bare:match("^Über %u")))
    or lower:match("^media contacts?:?$") or lower:match("^press contacts?:?$")
    or lower:match("^about the authors?") or lower:match("powered by disqus")
    or lower:match("^more %a+ news$") or lower:match("^more stories from")
    or lower:match("^categories:") or lower:match("^posted in")
end

-- the agency's name as written, when `s` is only that ("AFP", "Reuters
-- Staff", "The Associated Press"), or nil
function agency_name(s)
  local t = trim(s:gsub("^[Bb][Yy]%s+", ""))
  if AGENCIES[t:lower()] then return t end
  return nil
end

-- the holder named by a copyright line, or nil: "© 2024 The Valley
-- Courier. All rights reserved." gives "The Valley Courier"
function copyright_holder(t)
  local low = t:lower()
  local rest
  local p = low:find("©", 1, true)
  if p then rest = t:sub(p + 2)
  else
    p = low:find("copyright", 1, true) or low:find("%(c%)")
    if not p then return nil end
    rest = t:sub(p):gsub("^[Cc][Oo][Pp][Yy][Rr][Ii][Gg][Hh][Tt]", ""):gsub("^%([cC]%)", "")
  end
  rest = rest:gsub("^%s*©", ""):gsub("^%s*%([cC]%)", ""):gsub("^%s*[Cc]opyright", "")
  -- years: "2024", "2010-2024", "2010 – 2024", then maybe a comma
  rest = rest:gsub("^[%s,]*%d%d%d%d%s*[%-–—]?%s*%d*%d*%d*%d*[%s,]*", "")
  rest = rest:gsub("^[%s,]*", "")
  local name = rest:match("^(.-)%s*[%.|,;]%s") or rest:match("^(.-)%s*[%.|,;]?$")
    or rest:match("^(.-)%s+[Aa]ll [Rr]ights")
  if not name then return nil end
  name = trim(name:gsub("%s+[Aa]ll [Rr]ights.*$", ""):gsub("%s+[Tt]odos os direitos.*$", "")
    :gsub("[%s,]+%d%d%d%d$", ""))
  local w = count_words(name)
  if w < 1 or w > 6 or not name:match("^[%u%d]") or M.parse_date(name) then return nil end
  return name
end

local function strip_outlet(title)
  for _, sep in ipairs({ " | ", " - ", " – ", " — ", " :: " }) do
    local s = title:find(sep, 1, true)
    local last
    while s do last = s; s = title:find(sep, s + 1, true) end
    if last then
      local head, tail = title:sub(1, last - 1), title:sub(last + #sep)
      local w = count_words(tail)
      if w >= 1 and w <= 5 and #head >= 10 and not tail:match("[%.!?]$") then
        return trim(head), trim(tail)
      end
    end
  end
  return title
end

local function read_html(text)
  local src = os.tmpname()
  local f = io.open(src, "wb")
  if not f then return nil, "cannot write a temporary file" end
  f:write(text) f:close()
  local p = io.popen("pandoc -f html -t plain --wrap=none '" .. src .. "' 2>/dev/null")
  local out = p and p:read("*a")
  if p then p:close() end
  os.remove(src)
  if not out or out == "" then return nil, "HTML needs pandoc, which did not run" end
  return out
end

--- Read an article.
-- @tparam string text the article as scraped plain text or Markdown
--   (or HTML with `opts.format = "html"`)
-- @tparam[opt] table opts `format` ("text", "markdown" or "html"),
--   `outlet` (the outlet's name when the text does not give it),
--   `wrap` (true: lines of a paragraph are joined, as in hard-wrapped text;
--   false: every line is a paragraph; default: detected),
--   `year` (the year of a dateline that gives none)
-- @treturn table `{title=, outlet=, byline=, author=, published=, updated=,
--   dateline={place=, date=, agency=, text=}, url=, lang=, body=,
--   paragraphs={{text=, start=, stop=, body_start=}...},
--   dropped={{text=, start=, stop=, reason=}...}, input=}` with methods
--   `art:source_offset(i)` and `art:body_offset(j)`; or nil and a message.
function M.article(text, opts)
  if type(text) ~= "string" then
    error("bad argument #1 to 'article' (string expected, got " .. type(text) .. ")", 2)
  end
  if opts ~= nil and type(opts) ~= "table" then
    error("bad argument #2 to 'article' (table expected, got " .. type(opts) .. ")", 2)
  end
  opts = opts or {}
  local format = opts.format or "text"
  if format == "html" then
    local conv, err = read_html(text)
    if not conv then return nil, err end
    text = conv
  elseif format ~= "text" and format ~= "markdown" and format ~= "md" then
    error("bad argument #2 to 'article' (format must be text, markdown or html)", 2)
  end

  local art = setmetatable({ input = text, paragraphs = {}, dropped = {}, body = "" }, Article)
  local lines = split_lines(text, opts.wrap)
  local n = #lines
  if n == 0 then art.outlet = opts.outlet return art end

  -- 1. rules on each line: see split_lines

  -- 2. the title: a first heading, or a short first line
  local title_i
  for i = 1, math.min(n, 30) do
    local L = lines[i]
    if L.kind == "heading" and L.words >= 3 and not L.reason then title_i = i break end
  end
  if not title_i then
    local L = lines[1]
    if not L.reason and L.words >= 2 and L.words <= 30 and #L.bare <= 300
        and not read_dateline(L.bare) and (not sentence_end(L.bare) or L.bare:match("[%?!]$")) then
      title_i = 1
    end
  end
  if title_i then
    local t = lines[title_i].bare
    local head, outlet = strip_outlet(t)
    art.title = head
    if outlet then art.outlet = outlet end
    lines[title_i].reason = "title"
    -- the page's title line "Headline | Outlet" above a heading
    if title_i > 1 and not art.outlet and not lines[1].reason then
      local h1, o1 = strip_outlet(lines[1].bare)
      if o1 and dup_key(h1) == dup_key(head) then
        art.outlet = o1
        lines[1].reason = "title"
      end
    end
  end

  -- 3. repeated lines: the title again, captions again, whole blocks again
  local seen, rep = {}, {}   -- rep[i]: the first line that line i repeats
  local tkey = art.title and dup_key(art.title)
  for i, L in ipairs(lines) do
    local k = L.key
    if i ~= title_i and tkey and k == tkey then
      L.reason = "title"
    elseif seen[k] then
      local first = lines[seen[k]]
      if first.reason == "caption" or L.reason == "caption" then L.reason = "caption"
      elseif not L.reason then
        -- a repeated short line may be the article's own (a list, a
        -- refrain) when it stands among text; decided after the main run
        if L.words >= 10 or first.reason then L.reason = "duplicate" else rep[i] = seen[k] end
      end
    else
      seen[k] = i
    end
  end

  -- 4. the main run of text: the stretch of lines with the highest score
  -- (scores in an array of their own: no field added to each line)
  local score = {}
  local best, best_a, best_b = -math.huge, 1, 0
  local sum, a = 0, 1
  local run = 0
  -- a list or table introduced by a line that ends with a colon
  -- ("Final standings after 36 races:", "Ingredients:") counts as text
  local in_list = false
  for i, L in ipairs(lines) do
    local sc, texty = text_score(L, run)
    if not texty and in_list and not L.reason and L.kind ~= "heading" and L.words >= 1
        and list_item(L) then
      sc, texty = LIST_SCORE, true
    elseif not L.reason and L.bare:match(":$") and L.words >= 1 then
      in_list = true
    elseif L.reason ~= "caption" and L.reason ~= "credit" then
      in_list = false
    end
    if rep[i] then sc, texty = -math.min(RUN_BASE + RUN_STEP * run, RUN_MAX), false end
    if L.endm then sc = -END_COST end
    -- a caption between paragraphs costs little and does not lengthen a gap
    local inline = (L.reason == "caption" or L.reason == "credit") and not L.endm
    if inline then sc = -INLINE_COST
    elseif texty then run = 0 else run = run + 1 end
    score[i] = sc
    if sum <= 0 then sum, a = sc, i else sum = sum + sc end
    if sum > best then best, best_a, best_b = sum, a, i end
  end
  local A, B = best_a, best_b
  if best <= 0 then A, B = 1, 0 end
  -- comments and related stories can outweigh a short article: when a run
  -- of text ends at the first such marker and weighs a good share of the
  -- best run found after it, the article is that run
  local words_before, first_end = 0, nil
  for i = 1, n do
    local L = lines[i]
    if L.endm and words_before >= PRE_END_WORDS then first_end = i break end
    if score[i] > 0 then words_before = words_before + L.words end
  end
  if first_end and A >= first_end then
    local pb, pa2, pb2, sum2, a2 = -math.huge, 1, 0, 0, 1
    for i = 1, first_end - 1 do
      local sc = score[i]
      if sum2 <= 0 then sum2, a2 = sc, i else sum2 = sum2 + sc end
      if sum2 > pb then pb, pa2, pb2 = sum2, a2, i end
    end
    if pb > 0 and pb >= PRE_END_SHARE * best then A, B = pa2, pb2 end
  end

  -- a paragraph cut short ("...") right after the article's text is the
  -- article's own (a paywall's cut); elsewhere it is a teaser of another story
  if B >= A and B < n and lines[B + 1].reason == "teaser" and lines[B + 1].words >= 12 then
    B = B + 1
  end
  for i = 1, n do
    local L = lines[i]
    if L.reason == "teaser" then
      local prev = lines[i - 1]
      if i >= A and i <= B and prev and not prev.reason and prev.sent and prev.words >= 10 then
        L.reason = false
      else
        L.reason = "promo"
      end
    end
  end

  -- the close of the run: a note about the author or the company ("Ana Ruiz
  -- is a freelance writer ...", "Acme is a global provider of ...") ends the
  -- article; it and what follows it in the run are not the article's text
  local run_words, tail_words = 0, 0
  for i = A, B do if not lines[i].reason then run_words = run_words + lines[i].words end end
  for i = A + 1, B do
    local L = lines[i]
    if not lines[i - 1].reason then tail_words = tail_words + lines[i - 1].words end
    if tail_words >= 0.5 * run_words and ((L.endm and L.words <= 4 and not L.bare:find(":%s*%S")
          and tail_words >= 0.75 * run_words)
        or (not L.reason and L.words <= 120 and closing_note(L.bare))) then
      for j = i, B do lines[j].reason = lines[j].reason or "credit" end
      B = i - 1
      break
    end
  end

  -- a repeated short line stays in the body only if its first occurrence does
  for i = A, B do
    local L = lines[i]
    local r = rep[i]
    if r and (r < A or lines[r].reason) then L.reason = "duplicate" end
  end

  -- a caption: the line just above a photo credit ("Michael Conroy, AP")
  for i = math.max(A, 2), math.min(B + 1, n) do
    local L = lines[i]
    if L.reason == "credit" and photo_credit(L.bare) then
      local P = lines[i - 1]
      if not P.reason and P.words <= 60 and P.kind ~= "heading" then P.reason = "caption" end
    end
  end

  -- a label such as "More:" or "Related" inside the run, and the headlines
  -- of other stories under it (short lines that are not sentences)
  for i = A, B do
    local L = lines[i]
    if (L.reason == "navigation" or L.reason == "promo") and L.words <= 4
        and (L.endm or PROMO_LABEL[L.core] or L.bare:match(":$") or L.bare:match("%s[Mm]ore$")
          or (NAV[L.core] and not L.core:find("continue", 1, true)
            and not L.core:find("advert", 1, true) and not L.core:find("scroll", 1, true))) then
      local j = i + 1
      while j <= B and not lines[j].reason and lines[j].words <= 20
          and (not lines[j].sent or (lines[j].words <= 14
            and not lines[j].bare:match("%.[\"'”’]?$")))
          and lines[j].kind ~= "heading" do
        -- a short line right above a paragraph, after two headlines or
        -- more, is the article's subheading
        local nx = lines[j + 1]
        if j >= i + 3 and j < B and lines[j].words <= 6 and not nx.reason and nx.sent
            and nx.words >= 15 then
          break
        end
        lines[j].reason = "promo"
        j = j + 1
      end
    end
  end

  -- the header inside the run: a deck above a date or byline line at the
  -- start of the run is not the article's text
  if title_i and title_i < A then
    for k = A, math.min(B, A + 3) do
      local r = lines[k].reason
      if r == "metadata" or r == "byline" then
        for i = A, k - 1 do
          if not lines[i].reason then lines[i].reason = "standfirst" end
        end
        A = k + 1
        break
      end
    end
  end

  -- a dateline opens the body: find it at the start of the main run or
  -- just before it
  local d_i, dl, dlen
  for i = math.max(1, A - 8), math.min(B, A + 6) do
    local L = lines[i]
    if not L.reason and L.words >= 8 then
      local d, len = read_dateline(L.t)
      -- further into the run only a dateline in capitals, with a date or an
      -- agency, counts
      if d and i > A + 3 and not (d.date or d.agency or (d.place and d.place:match("^[^,]*"):match("^[%u%s%.]+$"))) then
        d = nil
      end
      if d and #L.t > len then
        d_i, dl, dlen = i, d, len
        break
      end
    end
  end
  if d_i then
    if d_i < A then
      -- take the lines between the dateline and the main run only when
      -- they hold little that is not text
      local cost = 0
      for i = d_i, A - 1 do if score[i] < 0 then cost = cost - score[i] end end
      if cost <= RUN_MAX then A = d_i else d_i = nil end
    elseif d_i > A then
      -- lines before the dateline are the standfirst and header
      for i = A, d_i - 1 do lines[i].reason = lines[i].reason or "standfirst" end
      A = d_i
    end
  end
  -- a lead before the main run: the sentences just before it, with no rule
  -- against them and no gap of boilerplate
  if not d_i and A <= B then
    local i = A - 1
    while i >= 1 and not lines[i].reason and lines[i].words >= 8
        and sentence_end(lines[i].bare) and lines[i].kind ~= "heading" do
      i = i - 1
    end
    A = i + 1
  end

  -- 5. metadata from the lines outside the body and from rule lines
  local header_end = A - 1
  for i, L in ipairs(lines) do
    local r = L.reason
    if r == "metadata" then
      local low = L.bare:lower()
      local d = M.parse_date(L.bare)
      local iso = M.iso_date(d)
      if iso and d.year then
        if low:match("updated") or low:match("modified") then
          art.updated = art.updated or iso
        elseif not art.published then
          art.published = iso
          -- "Reuters November 18, 2019 11:03 PM": a name before the date
          local name = trim(L.bare:sub(1, d.start - 1))
          if #name > 0 and not name:match("[:|]$") and count_words(name) <= 5
              and name:match("^%u") and not low:match("^published")
              and not low:match("^posted") and not MONTHS[name:lower():match("^(%a+)") or ""]
              and not WEEKDAYS[name:lower():match("^(%a+)") or ""] then
            art.byline = art.byline or name
          end
        end
      end
    elseif r == "byline" and not art.byline and (i <= header_end + 3 or i > B) then
      local name = L.bare:gsub("^[Bb][Yy]%s+", ""):gsub("^[Ww]ritten by%s+", "")
        :gsub("^[Ww]ords by%s+", ""):gsub("^[Ss]tory by%s+", ""):gsub("^[Aa]uthor:%s*", "")
      name = trim(name)
      local dd = M.parse_date(name)
      if dd and dd.year then
        art.published = art.published or M.iso_date(dd)
        name = trim(name:sub(1, dd.start - 1):gsub("[,|%-–—]%s*$", ""))
      end
      art.byline = name
    elseif r == "url" and not art.url then
      art.url = L.bare:match("https?://[^%s>]+") or L.bare:match("www%.%S+")
    end
  end
  -- an outlet named on the last line, set apart in bold after the body
  if not art.outlet then
    local L = lines[n]
    if n > B and L.kind == "emphasis" and L.words <= 6 and not sentence_end(L.bare)
        and not L.reason then
      art.outlet = L.bare
      L.reason = "outlet"
    end
  end
  -- a copyright line outside the body: "© 2024 The Valley Courier. All rights reserved."
  if not art.outlet then
    for i = n, 1, -1 do
      local L = lines[i]
      if (i < A or i > B) and L.reason == "credit" then
        local o = copyright_holder(L.bare)
        if o then art.outlet = o break end
      end
    end
  end
  -- wire copy: the agency of the dateline ("(Reuters) -") or of a byline
  -- that is only an agency's name ("By AFP")
  art.agency = dl and dl.agency and trim(dl.agency)
    or art.byline and agency_name(art.byline) or nil
  art.outlet = art.outlet or opts.outlet or art.agency
  art.author = art.byline

  -- 6. the body: the main run without its rule lines
  local parts, bpos = {}, 1
  local dropped, nd = art.dropped, #art.dropped
  for i, L in ipairs(lines) do
    local keep = i >= A and i <= B and not L.reason
    if keep then
      local s, e = L.s, L.e
      if i == d_i then
        local prefix = text:sub(s, s + dlen - 1)
        local ps, pe = trim_range(text, s, s + dlen - 1)
        nd = nd + 1
        dropped[nd] = { text = text:sub(ps, pe), start = ps, stop = pe, reason = "dateline" }
        dl.text = trim(prefix)
        s = s + dlen
      end
      local p = { text = text:sub(s, e), start = s, stop = e, body_start = bpos }
      art.paragraphs[#art.paragraphs + 1] = p
      parts[#parts + 1] = p.text
      bpos = bpos + (e - s + 1) + 2
    else
      local reason = L.reason
      if not reason and rep[i] then reason = "duplicate" end
      if not reason then
        if i < A then
          -- a line of text under the headline is its standfirst (the deck)
          reason = "navigation"
          if (title_i and i > title_i and i <= title_i + 2 and L.words >= 6)
              or (L.words >= 8 and L.sent) then
            reason = "standfirst"
          end
        else
          reason = "navigation"
          if L.words >= 10 and sentence_end(L.bare) then reason = "outside" end
        end
      end
      nd = nd + 1
      dropped[nd] = { text = L.t, start = L.s, stop = L.e, reason = reason }
    end
  end
  -- (dropped is in input order: lines are visited in order, a dateline
  -- just before the rest of its line)
  art.body = table.concat(parts, "\n\n")
  if dl then
    art.dateline = { place = dl.place, agency = dl.agency, text = dl.text }
    if dl.date then
      local d = dl.date
      if not d.year then
        local pub = art.published and tonumber(art.published:sub(1, 4))
        d.year = opts.year or pub
      end
      d.hour = nil
      art.dateline.date = M.iso_date(d)
    end
  end
  if not art.published and art.dateline and art.dateline.date
      and art.dateline.date:match("^%d") then
    art.published = art.dateline.date
  end
  art.lang = detect_lang(art.body)
  return art
end

return M
