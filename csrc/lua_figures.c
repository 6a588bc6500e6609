/*
** lua_figures.c: the Lua binding of figures.c and dates.c:
** newsc.figures, newsc.dates, newsc.compare.
*/
#include <math.h>
#include <string.h>

#include "lua_nc.h"
#include "figures.h"
#include "dates.h"

/* integral values as Lua integers (64, not 64.0), others as floats */
static void set_num(lua_State *L, const char *k, double v) {
  double r = floor(v + 0.5);
  if (fabs(v - r) <= 1e-9 * fabs(v)) v = r;   /* 1500 * 1.1 -> 1650, not 1650.0000000000002 */
  if (v == floor(v) && fabs(v) < 9007199254740992.0) lnc_setinteger(L, k, (lua_Integer)v);
  else lnc_setnumber(L, k, v);
}

static void push_figure(lua_State *L, const char *s, const nc_figure *f) {
  lua_createtable(L, 0, 9);
  lnc_setlstring(L, "text", s + f->start, f->end - f->start);
  set_num(L, "value", f->value);
  set_num(L, "low", f->low);
  set_num(L, "high", f->high);
  lnc_setstring(L, "hedge", f->hedge ? f->hedge : "none");
  if (f->unit_lit) lnc_setstring(L, "unit", f->unit_lit);
  else if (f->unit_end > f->unit_start)
    lnc_setlstring(L, "unit", s + f->unit_start, f->unit_end - f->unit_start);
  lnc_setstring(L, "kind", nc_fkind_name(f->kind));
  lnc_setspan(L, f->start, f->end);
}

/*
** newsc.figures(s [, opts]) -> array of {text=, value=, low=, high=,
**   hedge=, unit=, kind=, start=, stop=}   | nil, "invalid UTF-8 at byte N"
** opts.invalid = "error" (default) | "replace". high is math.huge when the
** figure has no upper bound ("at least 93"); unit is nil when none is found.
*/
static int l_figures(lua_State *L) {
  size_t n, bad = 0, i;
  const char *s = luaL_checklstring(L, 1, &n);
  nc_invalid inv = lnc_optinvalid(L, 2);
  nc_vec *v = lnc_newvec(L, sizeof(nc_figure));
  int st = nc_figures(s, n, inv, v, &bad);
  if (st != NC_OK) return lnc_fail(L, st, bad);
  lua_createtable(L, (int)(v->len < 1000000 ? v->len : 1000000), 0);
  for (i = 0; i < v->len; i++) {
    push_figure(L, s, &NC_VEC_AT(v, nc_figure, i));
    lua_rawseti(L, -2, (int)i + 1);
  }
  return 1;
}

static void set_iso(lua_State *L, const char *k, long day) {
  char buf[16];
  nc_format_iso(day, buf, sizeof buf);
  lnc_setstring(L, k, buf);
}

/*
** newsc.dates(s [, opts]) -> array of {text=, start=, stop=, date=, low=,
**   high=, relative=, weekday=}   | nil, "invalid UTF-8 at byte N"
** opts.ref = "YYYY-MM-DD", optionally followed by "T" or a space and a time
** (the article's date; relative and year-less dates are resolved against
** it), opts.invalid = "error" | "replace".
** date (ISO) and weekday ("Tuesday") when the day is known; low and high
** (ISO) the days it may mean; without ref, year-less and relative dates
** have neither.
*/
static int l_dates(lua_State *L) {
  size_t n, bad = 0, i;
  const char *s = luaL_checklstring(L, 1, &n);
  const char *refs = lnc_optfield_string(L, 2, "ref", NULL);
  nc_invalid inv = lnc_optinvalid(L, 2);
  long ref = 0;
  int has_ref = 0, st;
  nc_vec *v;
  if (refs) {
    size_t rl = strlen(refs);
    /* a date, or a date and time ("2024-08-13T16:48", "2024-08-13 16:48") */
    if (rl > 10 && (refs[10] == 'T' || refs[10] == ' ')) rl = 10;
    if (!nc_parse_iso(refs, rl, &ref))
      return luaL_argerror(L, 2, lua_pushfstring(L,
          "option 'ref' must be a date \"YYYY-MM-DD\", got \"%s\"", refs));
    has_ref = 1;
  }
  v = lnc_newvec(L, sizeof(nc_date));
  st = nc_dates(s, n, has_ref, ref, inv, v, &bad);
  if (st != NC_OK) return lnc_fail(L, st, bad);
  lua_createtable(L, (int)(v->len < 1000000 ? v->len : 1000000), 0);
  for (i = 0; i < v->len; i++) {
    const nc_date *d = &NC_VEC_AT(v, nc_date, i);
    lua_createtable(L, 0, 8);
    lnc_setlstring(L, "text", s + d->start, d->end - d->start);
    lnc_setspan(L, d->start, d->end);
    if (d->has_date) {
      set_iso(L, "date", d->date);
      lnc_setstring(L, "weekday", nc_weekday_name(nc_weekday(d->date)));
    }
    if (d->has_range) { set_iso(L, "low", d->low); set_iso(L, "high", d->high); }
    lua_pushboolean(L, d->relative);
    lua_setfield(L, -2, "relative");
    lua_rawseti(L, -2, (int)i + 1);
  }
  return 1;
}

/* a figure from argument `arg`: a figure table, or a string whose first
   figure is taken; 0 (with a message pushed) when a string has none */
static int get_figure(lua_State *L, int arg, nc_figure *f) {
  memset(f, 0, sizeof *f);
  if (lua_type(L, arg) == LUA_TSTRING) {
    size_t n, bad = 0;
    const char *s = lua_tolstring(L, arg, &n);
    nc_vec *v = lnc_newvec(L, sizeof(nc_figure));
    int st = nc_figures(s, n, NC_INVALID_REPLACE, v, &bad);
    if (st != NC_OK) { lnc_fail(L, st, bad); return 0; }
    if (v->len == 0) {
      lua_pop(L, 1);
      lua_pushfstring(L, "no figure in argument #%d", arg);
      return 0;
    }
    *f = NC_VEC_AT(v, nc_figure, 0);
    lua_pop(L, 1);   /* the figure was copied; hedge and unit_lit are static */
    f->unit_lit = NULL;
    return 1;
  }
  if (lua_type(L, arg) != LUA_TTABLE)
    return luaL_argerror(L, arg, "a figure table or a string expected");
  lua_getfield(L, arg, "value");
  if (lua_type(L, -1) != LUA_TNUMBER)
    return luaL_argerror(L, arg, "field 'value' must be a number");
  f->value = lua_tonumber(L, -1);
  lua_pop(L, 1);
  lua_getfield(L, arg, "low");
  f->low = lua_type(L, -1) == LUA_TNUMBER ? lua_tonumber(L, -1) : f->value;
  lua_pop(L, 1);
  lua_getfield(L, arg, "high");
  f->high = lua_type(L, -1) == LUA_TNUMBER ? lua_tonumber(L, -1) : f->value;
  lua_pop(L, 1);
  if (f->low > f->high)
    return luaL_argerror(L, arg, "field 'low' is greater than field 'high'");
  lua_getfield(L, arg, "hedge");
  f->hclass = lua_type(L, -1) == LUA_TSTRING ? nc_hedge_class(lua_tostring(L, -1)) : NC_H_NONE;
  lua_pop(L, 1);
  lua_getfield(L, arg, "kind");
  if (lua_type(L, -1) == LUA_TSTRING && strcmp(lua_tostring(L, -1), "percent") == 0)
    f->kind = NC_FK_PERCENT;
  lua_pop(L, 1);
  return 1;
}

/*
** newsc.compare(a, b) -> verdict, reason | nil, message
** a, b: figure tables (as newsc.figures gives them; value required, low,
** high, hedge, kind used when present) or strings ("about 2,000"), of which
** the first figure is taken. verdict is "consistent", "tension" or
** "conflict"; reason says which ranges were compared.
*/
static int l_compare(lua_State *L) {
  nc_figure a, b;
  char why[256];
  int v;
  if (lua_type(L, 1) != LUA_TSTRING && lua_type(L, 1) != LUA_TTABLE)
    return luaL_argerror(L, 1, "a figure table or a string expected");
  if (lua_type(L, 2) != LUA_TSTRING && lua_type(L, 2) != LUA_TTABLE)
    return luaL_argerror(L, 2, "a figure table or a string expected");
  if (!get_figure(L, 1, &a)) { lua_pushnil(L); lua_insert(L, -2); return 2; }
  if (!get_figure(L, 2, &b)) { lua_pushnil(L); lua_insert(L, -2); return 2; }
  v = nc_fig_compare(&a, &b, why, sizeof why);
  lua_pushstring(L, v == NC_CONFLICT ? "conflict" : v == NC_TENSION ? "tension" : "consistent");
  lua_pushstring(L, why);
  return 2;
}

static const luaL_Reg funcs[] = {
  { "figures", l_figures },
  { "dates", l_dates },
  { "compare", l_compare },
  { NULL, NULL }
};

NC_OPEN(figures) { luaL_setfuncs(L, funcs, 0); }
