/*
** lua_nc.h: shared pieces of the Lua binding (compatibility with Lua 5.1-5.4
** and LuaJIT, result vectors kept in userdata, option reading).
** Only the binding files (csrc/lua_*.c) include this; the engine never does.
*/
#ifndef LUA_NC_H
#define LUA_NC_H

#include "lua.h"
#include "lauxlib.h"

#include "nc_common.h"

/* ---- compatibility ---- */
#if LUA_VERSION_NUM < 502
#if !defined(LUAJIT_VERSION_NUM) && !defined(luaL_newlibtable)
/* plain Lua 5.1 lacks these three; LuaJIT 2.1 has them */
#define NC_NEED_COMPAT_51 1
NC_INTERNAL void luaL_setfuncs(lua_State *L, const luaL_Reg *l, int nup);
NC_INTERNAL void *luaL_testudata(lua_State *L, int ud, const char *tname);
NC_INTERNAL void luaL_setmetatable(lua_State *L, const char *tname);
#endif
#define lua_rawlen(L, i) lua_objlen(L, (i))
#endif

#if LUA_VERSION_NUM < 503
#define lnc_isinteger(L, i) (lua_type(L, (i)) == LUA_TNUMBER && \
  (lua_Number)(lua_Integer)lua_tonumber(L, (i)) == lua_tonumber(L, (i)))
#else
#define lnc_isinteger(L, i) lua_isinteger(L, (i))
#endif

/* Each binding file registers its functions into the table at the top. */
#define NC_OPEN(name) NC_INTERNAL void nc_open_##name(lua_State *L)

/* ---- result vectors ---- */

/*
** Push a userdata holding an empty nc_vec of `elsize`-byte elements and
** return it. Its __gc frees the data, so a Lua error raised while results
** are turned into tables cannot leak it. Keep it on the stack while in use.
*/
NC_INTERNAL nc_vec *lnc_newvec(lua_State *L, size_t elsize);

/* ---- arguments and results ---- */

/* Check that argument `arg` is a table or absent/nil; returns 1 if a table. */
NC_INTERNAL int lnc_optopts(lua_State *L, int arg);
/* Field `name` of the options table at `arg` (absent: def). */
NC_INTERNAL const char *lnc_optfield_string(lua_State *L, int arg, const char *name, const char *def);
NC_INTERNAL lua_Integer lnc_optfield_integer(lua_State *L, int arg, const char *name, lua_Integer def);
NC_INTERNAL lua_Number lnc_optfield_number(lua_State *L, int arg, const char *name, lua_Number def);
NC_INTERNAL int lnc_optfield_boolean(lua_State *L, int arg, const char *name, int def);
/* The `invalid` option: "error" (default) or "replace". */
NC_INTERNAL nc_invalid lnc_optinvalid(lua_State *L, int arg);

/* Push nil and "invalid UTF-8 at byte N" (N 1-based); returns 2. */
NC_INTERNAL int lnc_fail_utf8(lua_State *L, size_t offset);
/* Raise or return for a failed engine call: NC_EUTF8 -> nil, msg (returns 2);
   other statuses raise an error. */
NC_INTERNAL int lnc_fail(lua_State *L, int status, size_t offset);

/* t.start = start + 1; t.stop = end (1-based inclusive) for the table at top */
NC_INTERNAL void lnc_setspan(lua_State *L, size_t start, size_t end);
NC_INTERNAL void lnc_setinteger(lua_State *L, const char *k, lua_Integer v);
NC_INTERNAL void lnc_setnumber(lua_State *L, const char *k, lua_Number v);
NC_INTERNAL void lnc_setstring(lua_State *L, const char *k, const char *s);
NC_INTERNAL void lnc_setlstring(lua_State *L, const char *k, const char *s, size_t n);

#endif
