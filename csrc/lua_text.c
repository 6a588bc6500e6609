/*
** lua_text.c: Lua binding of words.h (word segmentation, tokens, normalisation).
**
**   newsc.segments(s [, opts])         -> { {start=, stop=}, ... }  (cover s)
**   newsc.words(s [, opts])            -> { {text=, norm=, start=, stop=, kind=}, ... }
**   newsc.word_spans(s [, opts])       -> { start1, stop1, start2, stop2, ... }
**   newsc.count_words(s [, opts])      -> integer
**   newsc.normalize(s [, form [, opts]]) -> string   (form "NFC" | "NFKC" | "NFKC_Casefold")
**
** opts.invalid = "error" (default: return nil, "invalid UTF-8 at byte N") or
** "replace" (ill-formed bytes read as U+FFFD, offsets unchanged).
** Offsets are 1-based and inclusive, as string.sub takes them.
*/
#include <string.h>

#include "lua_nc.h"
#include "words.h"

static const char *const kind_names[] = {
  NULL, "word", "number", "url", "email", "hashtag", "mention", "emoji", "ideo"
};
#define NKINDS 8

/* newsc.segments(s [, opts]) -> array of {start=, stop=} */
static int l_segments(lua_State *L) {
  size_t n, bad = 0, i;
  const char *s = luaL_checklstring(L, 1, &n);
  nc_invalid inv = lnc_optinvalid(L, 2);
  nc_vec *v = lnc_newvec(L, sizeof(nc_span));
  int st = nc_segments(s, n, inv, v, &bad);
  if (st != NC_OK) return lnc_fail(L, st, bad);
  lua_createtable(L, (int)v->len, 0);
  for (i = 0; i < v->len; i++) {
    nc_span sp = NC_VEC_AT(v, nc_span, i);
    lua_createtable(L, 0, 2);
    lnc_setspan(L, sp.start, sp.end);
    lua_rawseti(L, -2, (int)i + 1);
  }
  return 1;
}

/* newsc.word_spans(s [, opts]) -> flat array {start1, stop1, ...} */
static int l_word_spans(lua_State *L) {
  size_t n, bad = 0, i;
  const char *s = luaL_checklstring(L, 1, &n);
  nc_invalid inv = lnc_optinvalid(L, 2);
  nc_vec *v = lnc_newvec(L, sizeof(nc_token));
  int st = nc_words(s, n, inv, v, &bad);
  if (st != NC_OK) return lnc_fail(L, st, bad);
  if (v->len > (size_t)0x3FFFFFFF) return luaL_error(L, "too many words");
  lua_createtable(L, (int)(v->len * 2), 0);
  for (i = 0; i < v->len; i++) {
    nc_token *t = &NC_VEC_AT(v, nc_token, i);
    lua_pushinteger(L, (lua_Integer)t->start + 1);
    lua_rawseti(L, -2, (int)(2 * i + 1));
    lua_pushinteger(L, (lua_Integer)t->end);
    lua_rawseti(L, -2, (int)(2 * i + 2));
  }
  return 1;
}

/* newsc.count_words(s [, opts]) -> integer */
static int l_count_words(lua_State *L) {
  size_t n, bad = 0, c = 0;
  const char *s = luaL_checklstring(L, 1, &n);
  nc_invalid inv = lnc_optinvalid(L, 2);
  int st = nc_count_words(s, n, inv, &c, &bad);
  if (st != NC_OK) return lnc_fail(L, st, bad);
  lua_pushinteger(L, (lua_Integer)c);
  return 1;
}

/* newsc.words(s [, opts]) -> array of {text=, norm=, start=, stop=, kind=} */
static int l_words(lua_State *L) {
  size_t n, bad = 0, i;
  const char *s = luaL_checklstring(L, 1, &n);
  nc_invalid inv = lnc_optinvalid(L, 2);
  nc_vec *v, *norm;
  int st, k, base, res;
  lua_settop(L, 2);
  v = lnc_newvec(L, sizeof(nc_token));       /* 3 */
  norm = lnc_newvec(L, 1);                   /* 4 */
  st = nc_words(s, n, inv, v, &bad);
  if (st != NC_OK) return lnc_fail(L, st, bad);
  /* keys and kind names on the stack, reused for every token */
  base = lua_gettop(L);
  lua_pushliteral(L, "text");    /* base+1 */
  lua_pushliteral(L, "norm");    /* base+2 */
  lua_pushliteral(L, "start");   /* base+3 */
  lua_pushliteral(L, "stop");    /* base+4 */
  lua_pushliteral(L, "kind");    /* base+5 */
  for (k = 1; k <= NKINDS; k++) lua_pushstring(L, kind_names[k]);  /* base+5+k */
  lua_createtable(L, (int)v->len, 0);
  res = lua_gettop(L);
  for (i = 0; i < v->len; i++) {
    nc_token *t = &NC_VEC_AT(v, nc_token, i);
    const char *p = s + t->start;
    size_t len = t->end - t->start, j;
    int upper = 0, ascii = 1;
    for (j = 0; j < len; j++) {
      unsigned char b = (unsigned char)p[j];
      if (b >= 0x80) { ascii = 0; break; }
      if (b >= 'A' && b <= 'Z') upper = 1;
    }
    lua_createtable(L, 0, 5);
    lua_pushvalue(L, base + 1);
    lua_pushlstring(L, p, len);
    lua_rawset(L, -3);
    lua_pushvalue(L, base + 2);
    if (ascii && !upper) {
      lua_pushvalue(L, base + 1);
      lua_rawget(L, -3);                     /* norm = text */
    } else if (ascii) {
      char small[64];
      char *d = small;
      if (len > sizeof small) {
        norm->len = 0;
        if (nc_vec_reserve(norm, len) != NC_OK) return luaL_error(L, "not enough memory");
        d = (char *)norm->data;
      }
      for (j = 0; j < len; j++) {
        unsigned char b = (unsigned char)p[j];
        d[j] = (char)((b >= 'A' && b <= 'Z') ? b + 32 : b);
      }
      lua_pushlstring(L, d, len);
    } else {
      size_t nb = 0;
      norm->len = 0;
      st = nc_normalize(p, len, NC_NFKC_CASEFOLD, NC_INVALID_REPLACE, norm, &nb);
      if (st != NC_OK) return lnc_fail(L, st, t->start + nb);
      lua_pushlstring(L, (const char *)norm->data, norm->len);
    }
    lua_rawset(L, -3);
    lua_pushvalue(L, base + 3);
    lua_pushinteger(L, (lua_Integer)t->start + 1);
    lua_rawset(L, -3);
    lua_pushvalue(L, base + 4);
    lua_pushinteger(L, (lua_Integer)t->end);
    lua_rawset(L, -3);
    lua_pushvalue(L, base + 5);
    lua_pushvalue(L, base + 5 + (t->kind >= 1 && t->kind <= NKINDS ? t->kind : 1));
    lua_rawset(L, -3);
    lua_rawseti(L, res, (int)i + 1);
  }
  return 1;
}

/* newsc.normalize(s [, form [, opts]]) -> string */
static int l_normalize(lua_State *L) {
  static const char *const forms[] = { "NFC", "NFKC", "NFKC_Casefold", NULL };
  size_t n, bad = 0;
  const char *s = luaL_checklstring(L, 1, &n);
  int form = luaL_checkoption(L, 2, "NFKC_Casefold", forms);
  nc_invalid inv = lnc_optinvalid(L, 3);
  nc_vec *v = lnc_newvec(L, 1);
  int st = nc_normalize(s, n, (nc_nform)form, inv, v, &bad);
  if (st != NC_OK) return lnc_fail(L, st, bad);
  lua_pushlstring(L, (const char *)v->data, v->len);
  return 1;
}

static const luaL_Reg funcs[] = {
  { "segments", l_segments },
  { "words", l_words },
  { "word_spans", l_word_spans },
  { "count_words", l_count_words },
  { "normalize", l_normalize },
  { NULL, NULL }
};

NC_OPEN(text) { luaL_setfuncs(L, funcs, 0); }
