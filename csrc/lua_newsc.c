/*
** lua_newsc.c: luaopen_newsc_core and the helpers every binding file uses.
** The module table gathers the functions of each csrc/lua_*.c file; the
** Makefile passes their names in NC_MODULE_LIST.
*/
#include <stdio.h>
#include <string.h>

#include "lua_nc.h"

#define LNC_VEC "newsc.vec"

#ifdef NC_NEED_COMPAT_51
void luaL_setfuncs(lua_State *L, const luaL_Reg *l, int nup) {
  luaL_checkstack(L, nup + 1, "too many upvalues");
  for (; l->name != NULL; l++) {
    int i;
    for (i = 0; i < nup; i++) lua_pushvalue(L, -nup);
    lua_pushcclosure(L, l->func, nup);
    lua_setfield(L, -(nup + 2), l->name);
  }
  lua_pop(L, nup);
}

void *luaL_testudata(lua_State *L, int ud, const char *tname) {
  void *p = lua_touserdata(L, ud);
  if (p != NULL && lua_getmetatable(L, ud)) {
    luaL_getmetatable(L, tname);
    if (!lua_rawequal(L, -1, -2)) p = NULL;
    lua_pop(L, 2);
    return p;
  }
  return NULL;
}

void luaL_setmetatable(lua_State *L, const char *tname) {
  luaL_getmetatable(L, tname);
  lua_setmetatable(L, -2);
}
#endif

static int vec_gc(lua_State *L) {
  nc_vec *v = (nc_vec *)luaL_checkudata(L, 1, LNC_VEC);
  nc_vec_free(v);
  return 0;
}

nc_vec *lnc_newvec(lua_State *L, size_t elsize) {
  nc_vec *v = (nc_vec *)lua_newuserdata(L, sizeof(nc_vec));
  nc_vec_init(v, elsize);
  if (luaL_newmetatable(L, LNC_VEC)) {
    lua_pushcfunction(L, vec_gc);
    lua_setfield(L, -2, "__gc");
  }
  lua_setmetatable(L, -2);
  return v;
}

int lnc_optopts(lua_State *L, int arg) {
  if (lua_isnoneornil(L, arg)) return 0;
  luaL_checktype(L, arg, LUA_TTABLE);
  return 1;
}

static int getopt(lua_State *L, int arg, const char *name) {
  if (!lnc_optopts(L, arg)) return 0;
  lua_getfield(L, arg, name);
  if (lua_isnil(L, -1)) { lua_pop(L, 1); return 0; }
  return 1;
}

static int badopt(lua_State *L, int arg, const char *name, const char *want) {
  const char *msg = lua_pushfstring(L, "option '%s' must be %s, got %s", name, want,
                                    luaL_typename(L, -1));
  return luaL_argerror(L, arg, msg);
}

const char *lnc_optfield_string(lua_State *L, int arg, const char *name, const char *def) {
  const char *s;
  if (!getopt(L, arg, name)) return def;
  if (lua_type(L, -1) != LUA_TSTRING) badopt(L, arg, name, "a string");
  s = lua_tostring(L, -1);
  lua_pop(L, 1); /* still anchored in the options table */
  return s;
}

lua_Integer lnc_optfield_integer(lua_State *L, int arg, const char *name, lua_Integer def) {
  lua_Integer v;
  if (!getopt(L, arg, name)) return def;
  if (!lnc_isinteger(L, -1)) badopt(L, arg, name, "an integer");
  v = lua_tointeger(L, -1);
  lua_pop(L, 1);
  return v;
}

lua_Number lnc_optfield_number(lua_State *L, int arg, const char *name, lua_Number def) {
  lua_Number v;
  if (!getopt(L, arg, name)) return def;
  if (lua_type(L, -1) != LUA_TNUMBER) badopt(L, arg, name, "a number");
  v = lua_tonumber(L, -1);
  lua_pop(L, 1);
  return v;
}

int lnc_optfield_boolean(lua_State *L, int arg, const char *name, int def) {
  int v;
  if (!getopt(L, arg, name)) return def;
  if (lua_type(L, -1) != LUA_TBOOLEAN) badopt(L, arg, name, "a boolean");
  v = lua_toboolean(L, -1);
  lua_pop(L, 1);
  return v;
}

nc_invalid lnc_optinvalid(lua_State *L, int arg) {
  const char *s = lnc_optfield_string(L, arg, "invalid", "error");
  if (strcmp(s, "error") == 0) return NC_INVALID_ERROR;
  if (strcmp(s, "replace") == 0) return NC_INVALID_REPLACE;
  return (nc_invalid)luaL_argerror(L, arg,
      lua_pushfstring(L, "option 'invalid' must be \"error\" or \"replace\", got \"%s\"", s));
}

int lnc_fail_utf8(lua_State *L, size_t offset) {
  char buf[64];
  snprintf(buf, sizeof buf, "invalid UTF-8 at byte %lu", (unsigned long)offset + 1);
  lua_pushnil(L);
  lua_pushstring(L, buf);
  return 2;
}

int lnc_fail(lua_State *L, int status, size_t offset) {
  switch (status) {
    case NC_EUTF8: return lnc_fail_utf8(L, offset);
    case NC_ENOMEM: return luaL_error(L, "not enough memory");
    case NC_ERANGE: return luaL_error(L, "input too large");
    default: return luaL_error(L, "invalid argument");
  }
}

void lnc_setspan(lua_State *L, size_t start, size_t end) {
  lnc_setinteger(L, "start", (lua_Integer)start + 1);
  lnc_setinteger(L, "stop", (lua_Integer)end);
}

void lnc_setinteger(lua_State *L, const char *k, lua_Integer v) {
  lua_pushinteger(L, v);
  lua_setfield(L, -2, k);
}

void lnc_setnumber(lua_State *L, const char *k, lua_Number v) {
  lua_pushnumber(L, v);
  lua_setfield(L, -2, k);
}

void lnc_setstring(lua_State *L, const char *k, const char *s) {
  lua_pushstring(L, s);
  lua_setfield(L, -2, k);
}

void lnc_setlstring(lua_State *L, const char *k, const char *s, size_t n) {
  lua_pushlstring(L, s, n);
  lua_setfield(L, -2, k);
}

/* declarations and calls of every nc_open_<name>, from the Makefile */
#ifndef NC_MODULE_LIST
#define NC_MODULE_LIST
#endif
#define X(name) NC_OPEN(name);
NC_MODULE_LIST
#undef X

NC_EXPORT int luaopen_newsc_core(lua_State *L) {
  lua_newtable(L);
#define X(name) nc_open_##name(L);
  NC_MODULE_LIST
#undef X
  lua_pushliteral(L, NEWSC_VERSION);
  lua_setfield(L, -2, "_VERSION");
  return 1;
}
