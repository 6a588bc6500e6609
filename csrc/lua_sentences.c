/*
** lua_sentences.c: Lua binding of the sentence splitter (csrc/sentences.c).
*/
#include <limits.h>

#include "lua_nc.h"
#include "sentences.h"

/* Run the engine on argument 1 with the options at 2; leaves the result
   vector on the stack. Returns it, or NULL after pushing nil, message. */
static nc_vec *split(lua_State *L) {
  size_t n, bad = 0;
  const char *s;
  nc_invalid inv;
  nc_vec *v;
  int st;
  luaL_checktype(L, 1, LUA_TSTRING);
  s = lua_tolstring(L, 1, &n);
  inv = lnc_optinvalid(L, 2);
  v = lnc_newvec(L, sizeof(nc_span));
  st = nc_sentences(s, n, inv, v, &bad);
  if (st != NC_OK) {
    lnc_fail(L, st, bad);
    return NULL;
  }
  return v;
}

static int sizehint(size_t n) { return n > (size_t)INT_MAX ? INT_MAX : (int)n; }

/*
** newsc.sentences(s [, opts]) -> { {start=, stop=}, ... }
**   | nil, "invalid UTF-8 at byte N"
** opts.invalid = "error" (default) | "replace". Spans are 1-based inclusive.
*/
static int l_sentences(lua_State *L) {
  nc_vec *v = split(L);
  size_t i;
  if (v == NULL) return 2;
  lua_createtable(L, sizehint(v->len), 0);
  for (i = 0; i < v->len; i++) {
    const nc_span *sp = &NC_VEC_AT(v, nc_span, i);
    lua_createtable(L, 0, 2);
    lnc_setspan(L, sp->start, sp->end);
    lua_rawseti(L, -2, (int)(i + 1));
  }
  return 1;
}

/*
** newsc.sentence_spans(s [, opts]) -> { start1, stop1, start2, stop2, ... }
**   | nil, "invalid UTF-8 at byte N"
** The same spans as newsc.sentences, flat (no table per sentence).
*/
static int l_sentence_spans(lua_State *L) {
  nc_vec *v = split(L);
  size_t i;
  if (v == NULL) return 2;
  lua_createtable(L, sizehint(2 * v->len), 0);
  for (i = 0; i < v->len; i++) {
    const nc_span *sp = &NC_VEC_AT(v, nc_span, i);
    lua_pushinteger(L, (lua_Integer)sp->start + 1);
    lua_rawseti(L, -2, (int)(2 * i + 1));
    lua_pushinteger(L, (lua_Integer)sp->end);
    lua_rawseti(L, -2, (int)(2 * i + 2));
  }
  return 1;
}

static const luaL_Reg funcs[] = {
  { "sentences", l_sentences },
  { "sentence_spans", l_sentence_spans },
  { NULL, NULL }
};

NC_OPEN(sentences) { luaL_setfuncs(L, funcs, 0); }
