/*
** lua_quotes.c: Lua binding of the quote extractor (csrc/quotes.c).
*/
#include <utf8proc.h>

#include "lua_nc.h"
#include "quotes.h"

static void set_sub(lua_State *L, const char *key, nc_span sp) {
  lua_createtable(L, 0, 2);
  lnc_setspan(L, sp.start, sp.end);
  lua_setfield(L, -2, key);
}

static int isblank_(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

/* The part k of q without its marks and the blanks around them: [*a, *e). */
static void part_text(const char *s, const nc_quote *q, const nc_qpart *parts, size_t k,
                      size_t *a, size_t *e) {
  const nc_qpart *p = &parts[q->part + k];
  *a = p->istart; *e = p->iend;
  while (*a < *e && isblank_(s[*a])) (*a)++;
  while (*e > *a && isblank_(s[*e - 1])) (*e)--;
}

/* 1 when s[a..e) starts with a lower-case letter (Ll), as a sentence goes on. */
static int starts_lower(const char *s, size_t a, size_t e) {
  utf8proc_int32_t cp;
  utf8proc_ssize_t k;
  if (a >= e) return 0;
  k = utf8proc_iterate((const utf8proc_uint8_t *)s + a, (utf8proc_ssize_t)(e - a), &cp);
  return k > 0 && utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

/*
** Push the quoted words of q: each part without its marks, joined by a space
** (a newline between paragraphs). A part that ends with a comma where the
** next goes on in lower case ("The water," said X, "came in minutes.") loses
** the comma: the remark reads "The water came in minutes."
*/
static void push_text(lua_State *L, const char *s, const nc_quote *q, const nc_qpart *parts) {
  luaL_Buffer b;
  size_t k, a, e;
  luaL_buffinit(L, &b);
  for (k = 0; k < q->nparts; k++) {
    const nc_qpart *p = &parts[q->part + k];
    part_text(s, q, parts, k, &a, &e);
    if (k + 1 < q->nparts && e > a && s[e - 1] == ',') {
      size_t na, ne;
      part_text(s, q, parts, k + 1, &na, &ne);
      if (starts_lower(s, na, ne)) {
        e--;
        while (e > a && isblank_(s[e - 1])) e--;
      }
    }
    if (k > 0 && e > a) luaL_addchar(&b, q->nparts > 1 && parts[q->part + k - 1].end < p->start &&
                                      s[p->start - 1] == '\n' ? '\n' : ' ');
    luaL_addlstring(&b, s + a, e - a);
  }
  luaL_pushresult(&b);
}

/*
** newsc.quotes(s [, opts]) -> array of
**   {text=, start=, stop=, parts={{start=, stop=}, ...}, kind="direct"|"partial"|"title",
**    speaker=string|nil, mention={start=, stop=}|nil, cue={text=, start=, stop=}|nil,
**    via={text=, start=, stop=}|nil, closed=boolean}
** or nil, "invalid UTF-8 at byte N". opts.invalid = "error" (default) | "replace".
** Offsets are 1-based inclusive, as string.sub takes them.
*/
static int l_quotes(lua_State *L) {
  size_t n, i, bad = 0;
  const char *s = luaL_checklstring(L, 1, &n);
  nc_invalid inv;
  nc_vec *qv, *pv;
  int rc;
  lnc_optopts(L, 2);
  inv = lnc_optinvalid(L, 2);
  qv = lnc_newvec(L, sizeof(nc_quote));
  pv = lnc_newvec(L, sizeof(nc_qpart));
  rc = nc_quotes(s, n, inv, qv, pv, &bad);
  if (rc != NC_OK) return lnc_fail(L, rc, bad);
  lua_createtable(L, (int)qv->len, 0);
  for (i = 0; i < qv->len; i++) {
    const nc_quote *q = &NC_VEC_AT(qv, nc_quote, i);
    const nc_qpart *parts = (const nc_qpart *)pv->data;
    size_t k;
    lua_createtable(L, 0, 10);
    push_text(L, s, q, parts);
    lua_setfield(L, -2, "text");
    lnc_setspan(L, q->start, q->end);
    lua_createtable(L, (int)q->nparts, 0);
    for (k = 0; k < q->nparts; k++) {
      lua_createtable(L, 0, 2);
      lnc_setspan(L, parts[q->part + k].start, parts[q->part + k].end);
      lua_rawseti(L, -2, (int)k + 1);
    }
    lua_setfield(L, -2, "parts");
    lnc_setstring(L, "kind", nc_qkind_name(q->kind));
    lua_pushboolean(L, q->closed);
    lua_setfield(L, -2, "closed");
    if (q->speaker.end > q->speaker.start)
      lnc_setlstring(L, "speaker", s + q->speaker.start, q->speaker.end - q->speaker.start);
    if (q->mention.end > q->mention.start) set_sub(L, "mention", q->mention);
    if (q->cue.end > q->cue.start) {
      set_sub(L, "cue", q->cue);
      lua_getfield(L, -1, "cue");
      lnc_setlstring(L, "text", s + q->cue.start, q->cue.end - q->cue.start);
      lua_pop(L, 1);
    }
    if (q->via.end > q->via.start) {
      set_sub(L, "via", q->via);
      lua_getfield(L, -1, "via");
      lnc_setlstring(L, "text", s + q->via.start, q->via.end - q->via.start);
      lua_pop(L, 1);
    }
    lua_rawseti(L, -2, (int)i + 1);
  }
  return 1;
}

static const luaL_Reg funcs[] = {
  { "quotes", l_quotes },
  { NULL, NULL }
};

NC_OPEN(quotes) { luaL_setfuncs(L, funcs, 0); }
