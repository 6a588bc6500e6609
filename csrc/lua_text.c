/*
** lua_text.c: Lua binding of words.h (word segmentation, tokens, normalisation).
**
**   newsc.segments(s [, opts])         -> { {start=, stop=}, ... }  (cover s)
**   newsc.words(s [, opts])            -> { {text=, norm=, start=, stop=, kind=}, ... }
**     (opts.fields = "text" or "norm": a plain array of strings instead)
**   newsc.word_spans(s [, opts])       -> { start1, stop1, start2, stop2, ... }
**   newsc.count_words(s [, opts])      -> integer
**   newsc.normalize(s [, form [, opts]]) -> string   (form "NFC" | "NFKC" | "NFKC_Casefold")
**
** opts.invalid = "error" (default: return nil, "invalid UTF-8 at byte N") or
** "replace" (each ill-formed byte read as U+FFFD, a letter for segmentation;
** token texts carry U+FFFD, offsets stay those of the input).
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
  if (v->len > (size_t)0x7FFFFFFF) return luaL_error(L, "too many segments");
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
  nc_vec *v = lnc_newvec(L, sizeof(nc_wspan));
  int st = nc_word_spans(s, n, inv, v, &bad);
  if (st == NC_ERANGE) {   /* 4 GiB of text or a token of 256 MiB: the wide form */
    v = lnc_newvec(L, sizeof(nc_token));
    st = nc_words(s, n, inv, v, &bad);
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
  if (st != NC_OK) return lnc_fail(L, st, bad);
  if (v->len > (size_t)0x3FFFFFFF) return luaL_error(L, "too many words");
  lua_createtable(L, (int)(v->len * 2), 0);
  for (i = 0; i < v->len; i++) {
    nc_wspan *t = &NC_VEC_AT(v, nc_wspan, i);
    lua_pushinteger(L, (lua_Integer)t->start + 1);
    lua_rawseti(L, -2, (int)(2 * i + 1));
    lua_pushinteger(L, (lua_Integer)t->start + (lua_Integer)(t->lenkind >> 4));
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

/*
** Push the token p[0..len) as text: as it stands, or under the "replace"
** policy with each ill-formed byte written as U+FFFD (offsets still count
** the input's bytes).
*/
static void push_text(lua_State *L, const char *p, size_t len, nc_invalid inv, nc_vec *buf) {
  size_t j, k;
  if (inv != NC_INVALID_REPLACE || (j = nc_utf8_check(p, len)) == len) {
    lua_pushlstring(L, p, len);
    return;
  }
  buf->len = 0;
  if (nc_vec_reserve(buf, len * 3) != NC_OK) luaL_error(L, "not enough memory");
  nc_vec_append(buf, p, j);
  while (j < len) {
    int32_t cp;
    k = nc_utf8_decode((const unsigned char *)p + j, len - j, &cp);
    if (cp < 0) nc_vec_append(buf, "\xEF\xBF\xBD", 3);
    else nc_vec_append(buf, p + j, k);
    j += k;
  }
  lua_pushlstring(L, (const char *)buf->data, buf->len);
}

/*
** Push the NFKC_Casefold form of the token p[0..len): when the token is
** ASCII without capitals, the string at index `same` (or p[0..len) itself
** when `same` is 0), else a new string.
*/
static void push_norm(lua_State *L, const char *p, size_t len, int same, nc_vec *norm,
                      size_t start) {
  size_t j;
  int upper = 0;
  for (j = 0; j < len; j++) {
    unsigned char b = (unsigned char)p[j];
    if (b >= 0x80) break;
    upper |= (b >= 'A' && b <= 'Z');
  }
  if (j == len && !upper) {
    if (same) lua_pushvalue(L, same);
    else lua_pushlstring(L, p, len);   /* ASCII: the text itself */
  } else if (j == len) {
    char small[64];
    char *d = small;
    if (len > sizeof small) {
      norm->len = 0;
      if (nc_vec_reserve(norm, len) != NC_OK) luaL_error(L, "not enough memory");
      d = (char *)norm->data;
    }
    for (j = 0; j < len; j++) {
      unsigned char b = (unsigned char)p[j];
      d[j] = (char)((b >= 'A' && b <= 'Z') ? b + 32 : b);
    }
    lua_pushlstring(L, d, len);
  } else {
    size_t nb = 0;
    int st;
    norm->len = 0;
    st = nc_normalize(p, len, NC_NFKC_CASEFOLD, NC_INVALID_REPLACE, norm, &nb);
    if (st != NC_OK) lnc_fail(L, st, start + nb);
    lua_pushlstring(L, (const char *)norm->data, norm->len);
  }
}

/* What build_words needs: the tokens of s and a scratch vector. */
typedef struct words_job {
  const char *s;
  nc_invalid inv;
  nc_vec *v, *norm;
  int which;   /* 0: tables, 1: text strings, 2: norm strings */
} words_job;

/* Push the result of newsc.words for the tokens of job (light userdata at 1). */
static int build_words(lua_State *L) {
  const words_job *job = (const words_job *)lua_touserdata(L, 1);
  const char *s = job->s;
  nc_invalid inv = job->inv;
  nc_vec *v = job->v, *norm = job->norm;
  size_t i;
  int k, base, res;
  luaL_checkstack(L, 32, "too many nested calls");
  if (job->which != 0) {
    lua_createtable(L, (int)v->len, 0);
    res = lua_gettop(L);
    for (i = 0; i < v->len; i++) {
      nc_token *t = &NC_VEC_AT(v, nc_token, i);
      if (job->which == 2) push_norm(L, s + t->start, t->end - t->start, 0, norm, t->start);
      else push_text(L, s + t->start, t->end - t->start, inv, norm);
      lua_rawseti(L, res, (int)i + 1);
    }
    return 1;
  }
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
    lua_createtable(L, 0, 5);
    lua_pushvalue(L, base + 1);
    push_text(L, s + t->start, t->end - t->start, inv, norm);
    lua_pushvalue(L, base + 2);
    push_norm(L, s + t->start, t->end - t->start, res + 3, norm, t->start);
    lua_rawset(L, res + 1);    /* norm */
    lua_rawset(L, res + 1);    /* text */
    lua_pushvalue(L, base + 3);
    lua_pushinteger(L, (lua_Integer)t->start + 1);
    lua_rawset(L, res + 1);
    lua_pushvalue(L, base + 4);
    lua_pushinteger(L, (lua_Integer)t->end);
    lua_rawset(L, res + 1);
    lua_pushvalue(L, base + 5);
    lua_pushvalue(L, base + 5 + (t->kind >= 1 && t->kind <= NKINDS ? t->kind : 1));
    lua_rawset(L, res + 1);
    lua_rawseti(L, res, (int)i + 1);
  }
  return 1;
}

/*
** newsc.words(s [, opts]) -> array of {text=, norm=, start=, stop=, kind=}
**   opts.fields = "text": an array of the token strings only;
**   opts.fields = "norm": an array of their normal forms only.
** Every table and string made here is part of the result, so the collector
** is paused while they are made (its marks would all be redone later) and
** restarted even when an allocation fails (Lua 5.2 and later).
*/
static int l_words(lua_State *L) {
  static const char *const fields[] = { "all", "text", "norm", NULL };
  size_t n, bad = 0;
  const char *s = luaL_checklstring(L, 1, &n);
  nc_invalid inv = lnc_optinvalid(L, 2);
  const char *fs = lnc_optfield_string(L, 2, "fields", "all");
  words_job job;
  int st, which;
  for (which = 0; fields[which] && strcmp(fields[which], fs) != 0; which++) {}
  if (fields[which] == NULL)
    return luaL_argerror(L, 2, lua_pushfstring(L,
        "option 'fields' must be \"all\", \"text\" or \"norm\", got \"%s\"", fs));
  lua_settop(L, 2);
  job.s = s;
  job.inv = inv;
  job.which = which;
  job.v = lnc_newvec(L, sizeof(nc_token));   /* 3 */
  job.norm = lnc_newvec(L, 1);               /* 4 */
  st = nc_words(s, n, inv, job.v, &bad);
  if (st != NC_OK) return lnc_fail(L, st, bad);
  if (job.v->len > (size_t)0x7FFFFFFF) return luaL_error(L, "too many words");
#if LUA_VERSION_NUM >= 502
  if (job.v->len > 64 && lua_gc(L, LUA_GCISRUNNING, 0)) {
    lua_pushcfunction(L, build_words);
    lua_pushlightuserdata(L, &job);
    lua_gc(L, LUA_GCSTOP, 0);
    st = lua_pcall(L, 1, 1, 0);
    lua_gc(L, LUA_GCRESTART, 0);
    if (st != LUA_OK) return lua_error(L);
    return 1;
  }
#endif
  lua_pushcfunction(L, build_words);
  lua_pushlightuserdata(L, &job);
  lua_call(L, 1, 1);
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
