/*
** lua_sim.c: Lua binding of sim.h (similarity of texts).
**
** A "text" argument X below is a string, an array of token strings, or a
** token sequence from newsc.sim_tokens. Token options (table `opts`):
** stop = false (drop English news stop words), stem = false (Porter
** stemming), invalid = "error" | "replace".
**
**   newsc.sim_tokens(X [, opts])        -> tokens userdata (#t, t:span(i), t:list())
**   newsc.shingles(X [, k | opts])      -> shingle set (#s, s:jaccard(o), s:containment(o))
**   newsc.jaccard(A, B [, k | opts])    -> number   (A, B: shingle sets or texts)
**   newsc.containment(A, B [, k|opts])  -> number   (share of A's shingles in B)
**   newsc.minhash(X [, opts])           -> signature (opts n=128, k=1, seed=1)
**       sig:similarity(other) -> number; #sig; sig:values() -> array of integers
**   newsc.simhash(X [, opts])           -> fingerprint (opts k=1)
**       fp:distance(other) -> 0..64; fp:similarity(other); fp:hex() -> string
**   newsc.lsh{bands=, rows=} | newsc.lsh{threshold=, n=128} -> index
**       ix:add(id, sig); ix:query(sig) -> {id, ...}; ix:pairs([min]) -> {{id1, id2}, ...}
**   newsc.neardups(texts [, opts])      -> {{i, j, similarity}, ...}
**       opts threshold=0.8, k=1, n=128, seed=1; i < j positions in texts
**   newsc.tfidf([opts])                 -> model (opts stop=true, stem=false, sublinear=false,
**       smooth=true (idf + 1), top=0 (keep only the `top` heaviest terms of each vector))
**       m:add(X); m:fit(texts); #m; m:df(word); m:idf(word)
**       m:vector(X) -> vector (#v, v:cosine(other), v:terms())
**       m:cosine(A, B) -> number (texts or vectors)
**       m:bm25(query, doc [, {k1=1.2, b=0.75}]) -> number
**       m:pairs(texts_or_vectors [, {min=0.1}]) -> {{i, j, similarity}, ...}
**   newsc.align(A, B [, opts])          -> {distance=, similarity=, ops={...}} | nil, msg
**       each op {op="keep"|"change"|"insert"|"delete", a_first=, a_last=,
**       b_first=, b_last= (token positions), a_start=, a_stop=, b_start=, b_stop=
**       (bytes, when the side came from a string)}
**   newsc.edit_distance(A, B [, opts])  -> distance, similarity | nil, msg
*/
#include <math.h>
#include <string.h>

#include "lua_nc.h"
#include "sim.h"

#define T_TOKENS  "newsc.sim_tokens"
#define T_SET     "newsc.shingles"
#define T_MINHASH "newsc.minhash"
#define T_SIMHASH "newsc.simhash"
#define T_LSH     "newsc.lsh"
#define T_TFIDF   "newsc.tfidf"
#define T_VECTOR  "newsc.tfidf_vector"
#define T_SCRATCH "newsc.sim_scratch"

#if LUA_VERSION_NUM >= 502
#define set_uv(L, i) lua_setuservalue(L, (i))
#define get_uv(L, i) lua_getuservalue(L, (i))
#else
#define set_uv(L, i) lua_setfenv(L, (i))
#define get_uv(L, i) lua_getfenv(L, (i))
#endif

/* userdata without user values (Lua 5.4 would otherwise add one) */
#if LUA_VERSION_NUM >= 504
#define newud(L, sz) lua_newuserdatauv(L, (sz), 0)
#else
#define newud(L, sz) lua_newuserdata(L, (sz))
#endif

/* ---- userdata layouts ---- */

typedef struct tokseq {
  size_t n;
  int spans;            /* 1 when byte ranges are known */
  uint64_t *h;          /* n hashes (inside this block) */
  size_t *sp;           /* 2n offsets, or NULL */
} tokseq;

typedef struct sset {
  size_t n;
  uint64_t h[1];
} sset;

typedef struct msig {
  uint32_t n, k;
  uint64_t seed;
  uint32_t v[1];
} msig;

typedef struct shash {
  uint64_t h;
} shash;

typedef struct lsh_ud {
  nc_lsh x;
  int live;
  int have;            /* a signature was added: k and seed fixed */
  uint32_t k;
  uint64_t seed;
} lsh_ud;

typedef struct tfidf_ud {
  nc_tfidf m;
  nc_topts o;
  int live;
} tfidf_ud;

typedef struct svec {
  size_t n;
  nc_sterm t[1];
} svec;

/* ---- helpers ---- */

/* token options from the table at `arg` (0: no options table) */
static void topts(lua_State *L, int arg, nc_topts *o, int defstop, int defstem) {
  if (arg == 0) { o->stop = defstop; o->stem = defstem; o->inv = NC_INVALID_ERROR; return; }
  o->stop = lnc_optfield_boolean(L, arg, "stop", defstop);
  o->stem = lnc_optfield_boolean(L, arg, "stem", defstem);
  o->inv = lnc_optinvalid(L, arg);
}

/*
** Scratch space shared by the functions of one Lua state: one userdata in
** the registry (freed by its __gc), so that a call does not allocate its
** working buffers again. No function keeps pointers into it across a call
** that runs Lua code.
*/
typedef struct shared {
  nc_sim_scratch sc;
  nc_vec toks;       /* nc_stok */
  nc_vec h;          /* uint64_t token hashes */
  nc_vec sh;         /* uint64_t shingles */
  nc_vec ab;         /* MinHash parameters of (ab_n, ab_seed) */
  size_t ab_n;
  uint64_t ab_seed;
} shared;

/* its registry key: the address of this constant (a light userdata) */
static const char K_SHARED = 0;

static int scratch_gc(lua_State *L) {
  shared *x = (shared *)luaL_checkudata(L, 1, T_SCRATCH);
  nc_sim_scratch_free(&x->sc);
  nc_vec_free(&x->toks); nc_vec_free(&x->h); nc_vec_free(&x->sh); nc_vec_free(&x->ab);
  return 0;
}

static void newshared(lua_State *L) {
  shared *x = (shared *)lua_newuserdata(L, sizeof *x);
  nc_sim_scratch_init(&x->sc);
  nc_vec_init(&x->toks, sizeof(nc_stok));
  nc_vec_init(&x->h, sizeof(uint64_t));
  nc_vec_init(&x->sh, sizeof(uint64_t));
  nc_vec_init(&x->ab, sizeof(uint64_t));
  x->ab_n = 0; x->ab_seed = 0;
  luaL_getmetatable(L, T_SCRATCH);
  lua_setmetatable(L, -2);
  lua_pushlightuserdata(L, (void *)&K_SHARED);
  lua_insert(L, -2);
  lua_rawset(L, LUA_REGISTRYINDEX);
}

static shared *getshared(lua_State *L) {
  shared *x;
  lua_pushlightuserdata(L, (void *)&K_SHARED);
  lua_rawget(L, LUA_REGISTRYINDEX);
  x = (shared *)lua_touserdata(L, -1);
  lua_pop(L, 1); /* anchored in the registry */
  if (x == NULL) luaL_error(L, "newsc: similarity scratch space missing");
  return x;
}

static nc_sim_scratch *newscratch(lua_State *L) {
  return &getshared(L)->sc;
}

static tokseq *newtokseq(lua_State *L, size_t n, int spans) {
  size_t sz = sizeof(tokseq) + n * sizeof(uint64_t) + (spans ? 2 * n * sizeof(size_t) : 0);
  tokseq *t;
  if (n > ((size_t)-1 - sizeof(tokseq)) / 32) luaL_error(L, "too many tokens");
  t = (tokseq *)lua_newuserdata(L, sz);
  t->n = n;
  t->spans = spans;
  t->h = (uint64_t *)(void *)(t + 1);
  t->sp = spans ? (size_t *)(void *)(t->h + n) : NULL;
  luaL_getmetatable(L, T_TOKENS);
  lua_setmetatable(L, -2);
  return t;
}

/*
** Turn argument `arg` (string, array of strings, tokens userdata) into a
** token sequence; pushes one value (the tokseq) on success. Returns NULL
** and leaves nil, message on the stack (2 values) for invalid UTF-8.
*/
static tokseq *totokens(lua_State *L, int arg, const nc_topts *o) {
  int t = lua_type(L, arg);
  if (t == LUA_TUSERDATA) {
    tokseq *q = (tokseq *)luaL_testudata(L, arg, T_TOKENS);
    if (!q) luaL_argerror(L, arg, "expected a string, an array of strings or tokens");
    lua_pushvalue(L, arg);
    return q;
  }
  if (t == LUA_TSTRING) {
    size_t n, bad = 0, i;
    const char *s = lua_tolstring(L, arg, &n);
    shared *x = getshared(L);
    nc_vec *v = &x->toks;
    tokseq *q;
    int st;
    v->len = 0;
    st = nc_sim_tokens(s, n, o, &x->sc, v, &bad);
    if (st != NC_OK) {
      if (st == NC_EUTF8) { lnc_fail_utf8(L, bad); return NULL; }
      lnc_fail(L, st, bad);
    }
    q = newtokseq(L, v->len, 1);
    for (i = 0; i < v->len; i++) {
      nc_stok *k = &NC_VEC_AT(v, nc_stok, i);
      q->h[i] = k->h;
      q->sp[2 * i] = k->start;
      q->sp[2 * i + 1] = k->end;
    }
    return q;
  }
  if (t == LUA_TTABLE) {
    size_t len = (size_t)lua_rawlen(L, arg), i, kept = 0;
    nc_sim_scratch *sc = newscratch(L);
    tokseq *q = newtokseq(L, len, 0);
    for (i = 0; i < len; i++) {
      size_t n, bad = 0;
      const char *s;
      uint64_t h = 0;
      int keep = 0, st;
      lua_rawgeti(L, arg, (int)i + 1);
      if (lua_type(L, -1) != LUA_TSTRING)
        luaL_argerror(L, arg, lua_pushfstring(L, "token %d is not a string", (int)i + 1));
      s = lua_tolstring(L, -1, &n);
      st = nc_sim_token1(s, n, o, sc, &h, &keep, &bad);
      lua_pop(L, 1);
      if (st == NC_EUTF8) {
        lua_pushnil(L);
        lua_pushfstring(L, "invalid UTF-8 in token %d at byte %d", (int)i + 1, (int)bad + 1);
        return NULL;
      }
      if (st != NC_OK) lnc_fail(L, st, bad);
      if (keep) q->h[kept++] = h;
    }
    q->n = kept;
    return q;
  }
  luaL_argerror(L, arg, lua_pushfstring(L, "expected a string, an array of strings or tokens, got %s",
                                        luaL_typename(L, arg)));
  return NULL;
}

/*
** Token hashes of argument `arg`: a tokens userdata's own array, or for a
** string the shared buffer (valid until the next call into this module).
** Pushes nothing on success; NULL with nil, message pushed on invalid UTF-8.
** Tables go through totokens (their tokseq stays on the stack).
*/
static const uint64_t *hashes_of(lua_State *L, int arg, const nc_topts *o, size_t *n) {
  if (lua_type(L, arg) == LUA_TSTRING) {
    size_t len, bad = 0, i;
    const char *s = lua_tolstring(L, arg, &len);
    shared *x = getshared(L);
    uint64_t *h;
    int st;
    x->toks.len = 0;
    st = nc_sim_tokens(s, len, o, &x->sc, &x->toks, &bad);
    if (st != NC_OK) {
      if (st == NC_EUTF8) { lnc_fail_utf8(L, bad); return NULL; }
      lnc_fail(L, st, bad);
    }
    x->h.len = 0;
    if (nc_vec_reserve(&x->h, x->toks.len + 1) != NC_OK) lnc_fail(L, NC_ENOMEM, 0);
    h = (uint64_t *)x->h.data;
    for (i = 0; i < x->toks.len; i++) h[i] = NC_VEC_AT(&x->toks, nc_stok, i).h;
    x->h.len = x->toks.len;
    *n = x->toks.len;
    return h;
  } else {
    tokseq *q = totokens(L, arg, o);
    if (!q) return NULL;
    *n = q->n;
    return q->h;
  }
}

/*
** Text arguments first..last must be given (a nil is left to totokens), and
** the stack is set to `top` slots so that values pushed while reading one
** argument never take the place of a missing later one.
*/
static void needtexts(lua_State *L, int first, int last, int top) {
  int i;
  for (i = first; i <= last; i++)
    if (lua_isnone(L, i))
      luaL_argerror(L, i, "expected a string, an array of strings or tokens, got no value");
  lua_settop(L, top);
}

/* `k` given as a number or as opts.k; returns the options index (0: none). */
static size_t getk(lua_State *L, int arg, int *optarg) {
  lua_Integer k = 1;
  *optarg = 0;
  if (lua_type(L, arg) == LUA_TNUMBER) {
    k = luaL_checkinteger(L, arg);
  } else if (lnc_optopts(L, arg)) {
    *optarg = arg;
    k = lnc_optfield_integer(L, arg, "k", 1);
  }
  if (k < 1 || k > 1000) luaL_argerror(L, arg, "k must be between 1 and 1000");
  return (size_t)k;
}

static void setmeta(lua_State *L, const char *t) {
  luaL_getmetatable(L, t);
  lua_setmetatable(L, -2);
}

/* ---- tokens ---- */

/* newsc.sim_tokens(X [, opts]) -> tokens | nil, msg */
static int l_sim_tokens(lua_State *L) {
  nc_topts o;
  topts(L, 2, &o, 0, 0);
  if (!totokens(L, 1, &o)) return 2;
  return 1;
}

static int tok_len(lua_State *L) {
  tokseq *q = (tokseq *)luaL_checkudata(L, 1, T_TOKENS);
  lua_pushinteger(L, (lua_Integer)q->n);
  return 1;
}

/* tokens:span(i) -> start, stop (1-based inclusive bytes) | nil */
static int tok_span(lua_State *L) {
  tokseq *q = (tokseq *)luaL_checkudata(L, 1, T_TOKENS);
  lua_Integer i = luaL_checkinteger(L, 2);
  if (!q->spans || i < 1 || (size_t)i > q->n) { lua_pushnil(L); return 1; }
  lua_pushinteger(L, (lua_Integer)q->sp[2 * (i - 1)] + 1);
  lua_pushinteger(L, (lua_Integer)q->sp[2 * (i - 1) + 1]);
  return 2;
}

/* tokens:spans() -> flat array {start1, stop1, ...} (empty without spans) */
static int tok_spans(lua_State *L) {
  tokseq *q = (tokseq *)luaL_checkudata(L, 1, T_TOKENS);
  size_t i;
  lua_createtable(L, q->spans ? (int)(2 * q->n) : 0, 0);
  if (!q->spans) return 1;
  for (i = 0; i < q->n; i++) {
    lua_pushinteger(L, (lua_Integer)q->sp[2 * i] + 1);
    lua_rawseti(L, -2, (int)(2 * i + 1));
    lua_pushinteger(L, (lua_Integer)q->sp[2 * i + 1]);
    lua_rawseti(L, -2, (int)(2 * i + 2));
  }
  return 1;
}

static int tok_tostring(lua_State *L) {
  tokseq *q = (tokseq *)luaL_checkudata(L, 1, T_TOKENS);
  lua_pushfstring(L, "newsc.sim_tokens (%d tokens)", (int)q->n);
  return 1;
}

/* ---- shingle sets ---- */

/* Shingles of argument `arg` into the shared buffer; NULL (nil, msg pushed) on
   invalid UTF-8. Leaves the stack as it was otherwise (the values stay valid
   until the next call into this module). */
static nc_vec *shingles_of(lua_State *L, int arg, size_t k, const nc_topts *o, int sorted) {
  int top = lua_gettop(L), st;
  size_t n;
  const uint64_t *h = hashes_of(L, arg, o, &n);
  shared *x;
  if (!h) return NULL;
  x = getshared(L);
  x->sh.len = 0;
  st = sorted ? nc_sim_shingles(h, n, k, &x->sh) : nc_sim_shingle_hashes(h, n, k, &x->sh);
  if (st != NC_OK) lnc_fail(L, st, 0);
  lua_settop(L, top);
  return &x->sh;
}

static sset *toset(lua_State *L, int arg, size_t k, int optarg) {
  sset *s = (sset *)luaL_testudata(L, arg, T_SET);
  nc_topts o;
  nc_vec *v;
  if (s) { lua_pushvalue(L, arg); return s; }
  topts(L, optarg, &o, 0, 0);
  if (!(v = shingles_of(L, arg, k, &o, 1))) return NULL;
  s = (sset *)newud(L, sizeof(sset) + (v->len ? v->len - 1 : 0) * sizeof(uint64_t));
  s->n = v->len;
  if (v->len) memcpy(s->h, v->data, v->len * sizeof(uint64_t));
  setmeta(L, T_SET);
  return s;
}

/* newsc.shingles(X [, k | opts]) -> set | nil, msg */
static int l_shingles(lua_State *L) {
  int optarg;
  size_t k = getk(L, 2, &optarg);
  if (!toset(L, 1, k, optarg)) return 2;
  return 1;
}

static int set_len(lua_State *L) {
  sset *s = (sset *)luaL_checkudata(L, 1, T_SET);
  lua_pushinteger(L, (lua_Integer)s->n);
  return 1;
}

static int set_tostring(lua_State *L) {
  sset *s = (sset *)luaL_checkudata(L, 1, T_SET);
  lua_pushfstring(L, "newsc.shingles (%d)", (int)s->n);
  return 1;
}

static int setpair(lua_State *L, int contain) {
  int optarg;
  size_t k;
  needtexts(L, 1, 2, 3);
  k = getk(L, 3, &optarg);
  sset *a, *b;
  if (!(a = toset(L, 1, k, optarg))) return 2;
  if (!(b = toset(L, 2, k, optarg))) return 2;
  lua_pushnumber(L, contain ? nc_sim_containment(a->h, a->n, b->h, b->n)
                            : nc_sim_jaccard(a->h, a->n, b->h, b->n));
  return 1;
}

/* newsc.jaccard(A, B [, k | opts]) -> number | nil, msg */
static int l_jaccard(lua_State *L) {
  /* fast path: two sets */
  sset *a = (sset *)luaL_testudata(L, 1, T_SET), *b = (sset *)luaL_testudata(L, 2, T_SET);
  if (a && b) { lua_pushnumber(L, nc_sim_jaccard(a->h, a->n, b->h, b->n)); return 1; }
  return setpair(L, 0);
}

/* newsc.containment(A, B [, k | opts]) -> number | nil, msg */
static int l_containment(lua_State *L) { return setpair(L, 1); }

/* set:jaccard(other) */
static int set_jaccard(lua_State *L) {
  sset *a = (sset *)luaL_checkudata(L, 1, T_SET), *b = (sset *)luaL_checkudata(L, 2, T_SET);
  lua_pushnumber(L, nc_sim_jaccard(a->h, a->n, b->h, b->n));
  return 1;
}

/* set:containment(other) */
static int set_containment(lua_State *L) {
  sset *a = (sset *)luaL_checkudata(L, 1, T_SET), *b = (sset *)luaL_checkudata(L, 2, T_SET);
  lua_pushnumber(L, nc_sim_containment(a->h, a->n, b->h, b->n));
  return 1;
}

/* ---- MinHash ---- */

/* newsc.minhash(X [, opts]) -> signature | nil, msg */
static int l_minhash(lua_State *L) {
  lua_Integer n = lnc_optfield_integer(L, 2, "n", 128);
  lua_Integer k = lnc_optfield_integer(L, 2, "k", 1);
  lua_Integer seed = lnc_optfield_integer(L, 2, "seed", 1);
  const uint64_t *set;
  size_t nset;
  shared *x;
  msig *g;
  nc_topts o;
  if (n < 1 || n > 4096) return luaL_argerror(L, 2, "option 'n' must be between 1 and 4096");
  if (k < 1 || k > 1000) return luaL_argerror(L, 2, "option 'k' must be between 1 and 1000");
  {
    sset *s = (sset *)luaL_testudata(L, 1, T_SET);
    if (s) { set = s->h; nset = s->n; }
    else {
      nc_vec *v;
      topts(L, 2, &o, 0, 0);
      if (!(v = shingles_of(L, 1, (size_t)k, &o, 0))) return 2;
      set = (const uint64_t *)v->data; nset = v->len;
    }
  }
  x = getshared(L);
  if (x->ab_n != (size_t)n || x->ab_seed != (uint64_t)seed) {
    x->ab.len = 0;
    if (nc_vec_reserve(&x->ab, 2 * (size_t)n) != NC_OK) return lnc_fail(L, NC_ENOMEM, 0);
    nc_minhash_params((uint64_t)seed, (size_t)n, (uint64_t *)x->ab.data);
    x->ab_n = (size_t)n; x->ab_seed = (uint64_t)seed;
  }
  g = (msig *)newud(L, sizeof(msig) + ((size_t)n - 1) * sizeof(uint32_t));
  g->n = (uint32_t)n; g->k = (uint32_t)k; g->seed = (uint64_t)seed;
  nc_minhash(set, nset, (const uint64_t *)x->ab.data, (size_t)n, g->v);
  setmeta(L, T_MINHASH);
  return 1;
}

static msig *checksig(lua_State *L, int arg) {
  return (msig *)luaL_checkudata(L, arg, T_MINHASH);
}

/* sig:similarity(other) -> estimated Jaccard */
static int sig_similarity(lua_State *L) {
  msig *a = checksig(L, 1), *b = checksig(L, 2);
  if (a->n != b->n || a->seed != b->seed || a->k != b->k)
    return luaL_argerror(L, 2, "signature made with other n, k or seed");
  lua_pushnumber(L, nc_minhash_similarity(a->v, b->v, a->n));
  return 1;
}

static int sig_len(lua_State *L) {
  lua_pushinteger(L, (lua_Integer)checksig(L, 1)->n);
  return 1;
}

/* sig:values() -> array of n integers */
static int sig_values(lua_State *L) {
  msig *a = checksig(L, 1);
  uint32_t i;
  lua_createtable(L, (int)a->n, 0);
  for (i = 0; i < a->n; i++) {
    lua_pushnumber(L, (lua_Number)a->v[i]);
    lua_rawseti(L, -2, (int)i + 1);
  }
  return 1;
}

static int sig_tostring(lua_State *L) {
  msig *a = checksig(L, 1);
  lua_pushfstring(L, "newsc.minhash (n=%d, k=%d)", (int)a->n, (int)a->k);
  return 1;
}

/* ---- SimHash ---- */

/* newsc.simhash(X [, opts]) -> fingerprint | nil, msg */
static int l_simhash(lua_State *L) {
  int optarg;
  size_t k = getk(L, 2, &optarg);
  nc_topts o;
  const uint64_t *h;
  size_t n;
  shared *x;
  shash *f;
  uint64_t fp;
  topts(L, optarg, &o, 0, 0);
  if (!(h = hashes_of(L, 1, &o, &n))) return 2;
  x = getshared(L);
  /* shingles with repeats: weight by frequency */
  if (k == 1 || n == 0) {
    fp = nc_simhash(h, NULL, n);
  } else {
    x->sh.len = 0;
    if (nc_sim_shingle_hashes(h, n, k, &x->sh) != NC_OK) return lnc_fail(L, NC_ENOMEM, 0);
    fp = nc_simhash((const uint64_t *)x->sh.data, NULL, x->sh.len);
  }
  f = (shash *)newud(L, sizeof *f);
  f->h = fp;
  setmeta(L, T_SIMHASH);
  return 1;
}

static int fp_distance(lua_State *L) {
  shash *a = (shash *)luaL_checkudata(L, 1, T_SIMHASH), *b = (shash *)luaL_checkudata(L, 2, T_SIMHASH);
  lua_pushinteger(L, nc_popcount64(a->h ^ b->h));
  return 1;
}

static int fp_similarity(lua_State *L) {
  shash *a = (shash *)luaL_checkudata(L, 1, T_SIMHASH), *b = (shash *)luaL_checkudata(L, 2, T_SIMHASH);
  lua_pushnumber(L, 1.0 - nc_popcount64(a->h ^ b->h) / 64.0);
  return 1;
}

static int fp_hex(lua_State *L) {
  shash *a = (shash *)luaL_checkudata(L, 1, T_SIMHASH);
  char buf[17];
  int i;
  for (i = 0; i < 16; i++) buf[i] = "0123456789abcdef"[(a->h >> (60 - 4 * i)) & 15];
  lua_pushlstring(L, buf, 16);
  return 1;
}

static int fp_tostring(lua_State *L) {
  lua_pushliteral(L, "newsc.simhash ");
  fp_hex(L);
  lua_concat(L, 2);
  return 1;
}

/* ---- LSH ---- */

/* newsc.lsh{bands=, rows=} or newsc.lsh{threshold=, n=128} -> index */
static int l_lsh(lua_State *L) {
  lua_Integer bands, rows, n;
  lua_Number t;
  lsh_ud *u;
  size_t b = 0, r = 0;
  luaL_checktype(L, 1, LUA_TTABLE);
  bands = lnc_optfield_integer(L, 1, "bands", 0);
  rows = lnc_optfield_integer(L, 1, "rows", 0);
  n = lnc_optfield_integer(L, 1, "n", 0);
  t = lnc_optfield_number(L, 1, "threshold", -1);
  if (bands > 0 || rows > 0) {
    if (bands < 1 || rows < 1 || bands * rows > 4096)
      return luaL_argerror(L, 1, "options 'bands' and 'rows' must be >= 1, bands * rows <= 4096");
    b = (size_t)bands; r = (size_t)rows;
    if (n == 0) n = bands * rows;
    if (n < bands * rows || n > 4096) return luaL_argerror(L, 1, "option 'n' must be >= bands * rows");
  } else {
    if (!(t > 0 && t <= 1)) return luaL_argerror(L, 1, "option 'threshold' (0 < t <= 1) or 'bands' and 'rows' expected");
    if (n == 0) n = 128;
    if (n < 1 || n > 4096) return luaL_argerror(L, 1, "option 'n' must be between 1 and 4096");
    nc_lsh_params(t, (size_t)n, &b, &r);
  }
  u = (lsh_ud *)lua_newuserdata(L, sizeof *u);
  memset(u, 0, sizeof *u);
  if (nc_lsh_init(&u->x, b, r, (size_t)n) != NC_OK) return luaL_error(L, "invalid LSH parameters");
  u->live = 1;
  setmeta(L, T_LSH);
  lua_newtable(L);  /* ids by item number */
  set_uv(L, -2);
  return 1;
}

static lsh_ud *checklsh(lua_State *L) {
  return (lsh_ud *)luaL_checkudata(L, 1, T_LSH);
}

static int lsh_gc(lua_State *L) {
  lsh_ud *u = checklsh(L);
  if (u->live) { nc_lsh_free(&u->x); u->live = 0; }
  return 0;
}

static msig *lshsig(lua_State *L, lsh_ud *u, int arg) {
  msig *g = checksig(L, arg);
  if (g->n != u->x.n)
    luaL_argerror(L, arg, lua_pushfstring(L, "signature of %d values, the index takes %d", (int)g->n, (int)u->x.n));
  if (u->have && (g->k != u->k || g->seed != u->seed))
    luaL_argerror(L, arg, "signature made with another k or seed than the indexed ones");
  return g;
}

/* ix:add(id, sig) */
static int lsh_add(lua_State *L) {
  lsh_ud *u = checklsh(L);
  msig *g;
  int st;
  luaL_checkany(L, 2);
  if (lua_isnil(L, 2)) return luaL_argerror(L, 2, "id must not be nil");
  g = lshsig(L, u, 3);
  if (u->x.count >= 0x7FFFFFF0u) return luaL_error(L, "LSH index full");
  st = nc_lsh_add(&u->x, g->v);
  if (st != NC_OK) return lnc_fail(L, st, 0);
  u->have = 1; u->k = g->k; u->seed = g->seed;
  get_uv(L, 1);
  lua_pushvalue(L, 2);
  lua_rawseti(L, -2, (int)u->x.count);
  return 0;
}

/* ix:query(sig) -> array of ids */
static int lsh_query(lua_State *L) {
  lsh_ud *u = checklsh(L);
  msig *g = lshsig(L, u, 2);
  nc_vec *v = lnc_newvec(L, sizeof(uint32_t));
  size_t i;
  int st = nc_lsh_query(&u->x, g->v, v);
  if (st != NC_OK) return lnc_fail(L, st, 0);
  get_uv(L, 1);
  lua_createtable(L, (int)v->len, 0);
  for (i = 0; i < v->len; i++) {
    lua_rawgeti(L, -2, (int)NC_VEC_AT(v, uint32_t, i) + 1);
    lua_rawseti(L, -2, (int)i + 1);
  }
  return 1;
}

/* ix:pairs([min]) -> array of {id1, id2} (estimated similarity >= min) */
static int lsh_pairs(lua_State *L) {
  lsh_ud *u = checklsh(L);
  lua_Number min = luaL_optnumber(L, 2, 0);
  nc_vec *v = lnc_newvec(L, sizeof(uint32_t));
  size_t i;
  int st = nc_lsh_pairs(&u->x, min, v);
  if (st != NC_OK) return lnc_fail(L, st, 0);
  get_uv(L, 1);
  lua_createtable(L, (int)(v->len / 2), 0);
  for (i = 0; i + 1 < v->len; i += 2) {
    lua_createtable(L, 2, 0);
    lua_rawgeti(L, -3, (int)NC_VEC_AT(v, uint32_t, i) + 1);
    lua_rawseti(L, -2, 1);
    lua_rawgeti(L, -3, (int)NC_VEC_AT(v, uint32_t, i + 1) + 1);
    lua_rawseti(L, -2, 2);
    lua_rawseti(L, -2, (int)(i / 2) + 1);
  }
  return 1;
}

static int lsh_len(lua_State *L) {
  lua_pushinteger(L, (lua_Integer)checklsh(L)->x.count);
  return 1;
}

/* ix:params() -> bands, rows, n */
static int lsh_params(lua_State *L) {
  lsh_ud *u = checklsh(L);
  lua_pushinteger(L, (lua_Integer)u->x.bands);
  lua_pushinteger(L, (lua_Integer)u->x.rows);
  lua_pushinteger(L, (lua_Integer)u->x.n);
  return 3;
}

static int lsh_tostring(lua_State *L) {
  lsh_ud *u = checklsh(L);
  lua_pushfstring(L, "newsc.lsh (%d items, %d bands x %d rows)", (int)u->x.count,
                  (int)u->x.bands, (int)u->x.rows);
  return 1;
}

/* ---- near-duplicates of a collection ---- */

static void pushpairs(lua_State *L, const nc_vec *v) {
  size_t i;
  lua_createtable(L, (int)v->len, 0);
  for (i = 0; i < v->len; i++) {
    const nc_simpair *p = &NC_VEC_AT(v, nc_simpair, i);
    lua_createtable(L, 3, 0);
    lua_pushinteger(L, (lua_Integer)p->i + 1);
    lua_rawseti(L, -2, 1);
    lua_pushinteger(L, (lua_Integer)p->j + 1);
    lua_rawseti(L, -2, 2);
    lua_pushnumber(L, p->sim);
    lua_rawseti(L, -2, 3);
    lua_rawseti(L, -2, (int)i + 1);
  }
}

/* newsc.neardups(texts [, opts]) -> array of {i, j, similarity} | nil, msg */
static int l_neardups(lua_State *L) {
  size_t count, i, bt = 0, bad = 0;
  nc_topts o;
  lua_Number t;
  lua_Integer k, n, seed;
  nc_vec *ptrs, *lens, *out;
  int st;
  luaL_checktype(L, 1, LUA_TTABLE);
  topts(L, 2, &o, 0, 0);
  t = lnc_optfield_number(L, 2, "threshold", 0.8);
  k = lnc_optfield_integer(L, 2, "k", 1);
  n = lnc_optfield_integer(L, 2, "n", 128);
  seed = lnc_optfield_integer(L, 2, "seed", 1);
  if (!(t > 0 && t <= 1)) return luaL_argerror(L, 2, "option 'threshold' must be in (0, 1]");
  if (k < 1 || k > 1000) return luaL_argerror(L, 2, "option 'k' must be between 1 and 1000");
  if (n < 1 || n > 4096) return luaL_argerror(L, 2, "option 'n' must be between 1 and 4096");
  count = (size_t)lua_rawlen(L, 1);
  ptrs = lnc_newvec(L, sizeof(const char *));
  lens = lnc_newvec(L, sizeof(size_t));
  if (nc_vec_reserve(ptrs, count) != NC_OK || nc_vec_reserve(lens, count) != NC_OK)
    return lnc_fail(L, NC_ENOMEM, 0);
  for (i = 0; i < count; i++) {
    size_t len;
    const char *s;
    lua_rawgeti(L, 1, (int)i + 1);
    if (lua_type(L, -1) != LUA_TSTRING)
      return luaL_argerror(L, 1, lua_pushfstring(L, "item %d is not a string", (int)i + 1));
    s = lua_tolstring(L, -1, &len);
    lua_pop(L, 1); /* still referenced by the table */
    NC_VEC_AT(ptrs, const char *, i) = s;
    NC_VEC_AT(lens, size_t, i) = len;
  }
  out = lnc_newvec(L, sizeof(nc_simpair));
  st = nc_sim_neardups((const char *const *)ptrs->data, (const size_t *)lens->data, count, &o,
                       (size_t)k, (size_t)n, (uint64_t)seed, t, out, &bt, &bad);
  if (st == NC_EUTF8) {
    lua_pushnil(L);
    lua_pushfstring(L, "text %d: invalid UTF-8 at byte %d", (int)bt + 1, (int)bad + 1);
    return 2;
  }
  if (st != NC_OK) return lnc_fail(L, st, bad);
  pushpairs(L, out);
  return 1;
}

/* ---- TF-IDF ---- */

/* newsc.tfidf([opts]) -> model */
static int l_tfidf(lua_State *L) {
  tfidf_ud *u;
  nc_topts o;
  int sub, plain;
  lua_Integer top;
  topts(L, 1, &o, 1, 0);
  sub = lnc_optfield_boolean(L, 1, "sublinear", 0);
  plain = !lnc_optfield_boolean(L, 1, "smooth", 1);
  top = lnc_optfield_integer(L, 1, "top", 0);
  if (top < 0) return luaL_argerror(L, 1, "option 'top' must be >= 0");
  u = (tfidf_ud *)lua_newuserdata(L, sizeof *u);
  nc_tfidf_init(&u->m);
  u->m.sublinear = sub;
  u->m.plain_idf = plain;
  u->m.top = (size_t)top;
  u->o = o;
  u->live = 1;
  setmeta(L, T_TFIDF);
  return 1;
}

static tfidf_ud *checktf(lua_State *L) {
  return (tfidf_ud *)luaL_checkudata(L, 1, T_TFIDF);
}

static int tf_gc(lua_State *L) {
  tfidf_ud *u = checktf(L);
  if (u->live) { nc_tfidf_free(&u->m); u->live = 0; }
  return 0;
}

/* model:add(X) -> model | nil, msg (learns the document frequencies of one document) */
static int tf_add(lua_State *L) {
  tfidf_ud *u = checktf(L);
  tokseq *q = totokens(L, 2, &u->o);
  int st;
  if (!q) return 2;
  st = nc_tfidf_add(&u->m, q->h, q->n);
  if (st != NC_OK) return lnc_fail(L, st, 0);
  lua_settop(L, 1);
  return 1;
}

/* model:fit(texts) -> model | nil, msg */
static int tf_fit(lua_State *L) {
  tfidf_ud *u = checktf(L);
  size_t i, count;
  luaL_checktype(L, 2, LUA_TTABLE);
  count = (size_t)lua_rawlen(L, 2);
  for (i = 0; i < count; i++) {
    tokseq *q;
    int st;
    lua_rawgeti(L, 2, (int)i + 1);
    q = totokens(L, lua_gettop(L), &u->o);
    if (!q) {
      const char *m = lua_tostring(L, -1);
      lua_pushnil(L);
      lua_pushfstring(L, "text %d: %s", (int)i + 1, m);
      return 2;
    }
    st = nc_tfidf_add(&u->m, q->h, q->n);
    if (st != NC_OK) return lnc_fail(L, st, 0);
    lua_pop(L, 2);
  }
  lua_settop(L, 1);
  return 1;
}

static int tf_len(lua_State *L) {
  lua_pushinteger(L, (lua_Integer)checktf(L)->m.ndocs);
  return 1;
}

/* hash of one word through the model's options, or 0 for a stop word */
static uint64_t wordkey(lua_State *L, tfidf_ud *u, int arg) {
  size_t n, bad = 0;
  const char *s = luaL_checklstring(L, arg, &n);
  nc_sim_scratch *sc = newscratch(L);
  uint64_t h = 0;
  int keep = 0, st = nc_sim_token1(s, n, &u->o, sc, &h, &keep, &bad);
  if (st == NC_EUTF8) luaL_argerror(L, arg, "invalid UTF-8");
  if (st != NC_OK) lnc_fail(L, st, bad);
  return keep ? h : 0;
}

/* model:df(word) -> integer */
static int tf_df(lua_State *L) {
  tfidf_ud *u = checktf(L);
  lua_pushinteger(L, (lua_Integer)nc_tfidf_df(&u->m, wordkey(L, u, 2)));
  return 1;
}

/* model:idf(word) -> number */
static int tf_idf(lua_State *L) {
  tfidf_ud *u = checktf(L);
  lua_pushnumber(L, nc_tfidf_idf(&u->m, wordkey(L, u, 2)));
  return 1;
}

static svec *tovec(lua_State *L, tfidf_ud *u, int arg) {
  svec *v = (svec *)luaL_testudata(L, arg, T_VECTOR);
  tokseq *q;
  nc_vec *tmp;
  int st;
  if (v) { lua_pushvalue(L, arg); return v; }
  if (!(q = totokens(L, arg, &u->o))) return NULL;
  tmp = lnc_newvec(L, sizeof(nc_sterm));
  st = nc_tfidf_vector(&u->m, q->h, q->n, tmp);
  if (st != NC_OK) lnc_fail(L, st, 0);
  v = (svec *)lua_newuserdata(L, sizeof(svec) + (tmp->len ? tmp->len - 1 : 0) * sizeof(nc_sterm));
  v->n = tmp->len;
  if (tmp->len) memcpy(v->t, tmp->data, tmp->len * sizeof(nc_sterm));
  setmeta(L, T_VECTOR);
  lua_replace(L, -3);
  lua_pop(L, 1);
  return v;
}

/* model:vector(X) -> vector | nil, msg */
static int tf_vector(lua_State *L) {
  tfidf_ud *u = checktf(L);
  if (!tovec(L, u, 2)) return 2;
  return 1;
}

/* model:cosine(A, B) -> number | nil, msg */
static int tf_cosine(lua_State *L) {
  tfidf_ud *u = checktf(L);
  svec *a, *b;
  needtexts(L, 2, 3, 3);
  if (!(a = tovec(L, u, 2))) return 2;
  if (!(b = tovec(L, u, 3))) return 2;
  lua_pushnumber(L, nc_sparse_dot(a->t, a->n, b->t, b->n));
  return 1;
}

/* model:bm25(query, doc [, {k1=1.2, b=0.75}]) -> number | nil, msg */
static int tf_bm25(lua_State *L) {
  tfidf_ud *u = checktf(L);
  lua_Number k1, b;
  needtexts(L, 2, 3, 4);
  k1 = lnc_optfield_number(L, 4, "k1", 1.2);
  b = lnc_optfield_number(L, 4, "b", 0.75);
  tokseq *q, *d;
  double s;
  if (!(q = totokens(L, 2, &u->o))) return 2;
  if (!(d = totokens(L, 3, &u->o))) return 2;
  s = nc_tfidf_bm25(&u->m, q->h, q->n, d->h, d->n, k1, b);
  if (s != s) return lnc_fail(L, NC_ENOMEM, 0);
  lua_pushnumber(L, s);
  return 1;
}

/* model:pairs(texts_or_vectors [, {min=0.1}]) -> array of {i, j, similarity} | nil, msg */
static int tf_pairs(lua_State *L) {
  tfidf_ud *u = checktf(L);
  lua_Number min = lnc_optfield_number(L, 3, "min", 0.1);
  size_t count, i;
  nc_vec *ptrs, *lens, *out;
  int base, st;
  luaL_checktype(L, 2, LUA_TTABLE);
  if (!(min > 0)) return luaL_argerror(L, 3, "option 'min' must be > 0");
  count = (size_t)lua_rawlen(L, 2);
  ptrs = lnc_newvec(L, sizeof(const nc_sterm *));
  lens = lnc_newvec(L, sizeof(size_t));
  if (nc_vec_reserve(ptrs, count) != NC_OK || nc_vec_reserve(lens, count) != NC_OK)
    return lnc_fail(L, NC_ENOMEM, 0);
  lua_createtable(L, (int)count, 0); /* keeps the vectors alive */
  base = lua_gettop(L);
  for (i = 0; i < count; i++) {
    svec *v;
    lua_rawgeti(L, 2, (int)i + 1);
    v = tovec(L, u, lua_gettop(L));
    if (!v) {
      const char *m = lua_tostring(L, -1);
      lua_pushnil(L);
      lua_pushfstring(L, "text %d: %s", (int)i + 1, m);
      return 2;
    }
    lua_rawseti(L, base, (int)i + 1);
    lua_pop(L, 1);
    NC_VEC_AT(ptrs, const nc_sterm *, i) = v->t;
    NC_VEC_AT(lens, size_t, i) = v->n;
  }
  out = lnc_newvec(L, sizeof(nc_simpair));
  st = nc_sparse_allpairs((const nc_sterm *const *)ptrs->data, (const size_t *)lens->data, count,
                          min, out);
  if (st != NC_OK) return lnc_fail(L, st, 0);
  pushpairs(L, out);
  return 1;
}

static int tf_tostring(lua_State *L) {
  tfidf_ud *u = checktf(L);
  lua_pushfstring(L, "newsc.tfidf (%d documents, %d terms)", (int)u->m.ndocs, (int)u->m.used);
  return 1;
}

static int vec_len(lua_State *L) {
  svec *v = (svec *)luaL_checkudata(L, 1, T_VECTOR);
  lua_pushinteger(L, (lua_Integer)v->n);
  return 1;
}

/* vector:cosine(other) -> number */
static int vec_cosine(lua_State *L) {
  svec *a = (svec *)luaL_checkudata(L, 1, T_VECTOR), *b = (svec *)luaL_checkudata(L, 2, T_VECTOR);
  lua_pushnumber(L, nc_sparse_dot(a->t, a->n, b->t, b->n));
  return 1;
}

/* vector:weights() -> array of the weights, in term order */
static int vec_weights(lua_State *L) {
  svec *a = (svec *)luaL_checkudata(L, 1, T_VECTOR);
  size_t i;
  lua_createtable(L, (int)a->n, 0);
  for (i = 0; i < a->n; i++) {
    lua_pushnumber(L, a->t[i].w);
    lua_rawseti(L, -2, (int)i + 1);
  }
  return 1;
}

static int vec_tostring(lua_State *L) {
  svec *v = (svec *)luaL_checkudata(L, 1, T_VECTOR);
  lua_pushfstring(L, "newsc.tfidf_vector (%d terms)", (int)v->n);
  return 1;
}

/* ---- alignment ---- */

static const char *const opnames[] = { "keep", "change", "insert", "delete" };

/* newsc.align(A, B [, opts]) -> {distance=, similarity=, ops={...}} | nil, msg */
static int l_align(lua_State *L) {
  nc_topts o;
  tokseq *a, *b;
  nc_vec *v;
  size_t dist = 0, i, mx;
  int st;
  needtexts(L, 1, 2, 3);
  topts(L, 3, &o, 0, 0);
  if (!(a = totokens(L, 1, &o))) return 2;
  if (!(b = totokens(L, 2, &o))) return 2;
  v = lnc_newvec(L, sizeof(nc_arun));
  st = nc_align(a->h, a->n, b->h, b->n, &dist, v);
  if (st == NC_ERANGE) {
    lua_pushnil(L);
    lua_pushfstring(L, "texts too long to align (%d x %d tokens)", (int)a->n, (int)b->n);
    return 2;
  }
  if (st != NC_OK) return lnc_fail(L, st, 0);
  mx = a->n > b->n ? a->n : b->n;
  lua_createtable(L, 0, 3);
  lnc_setinteger(L, "distance", (lua_Integer)dist);
  lnc_setnumber(L, "similarity", mx ? 1.0 - (double)dist / (double)mx : 1.0);
  lua_createtable(L, (int)v->len, 0);
  for (i = 0; i < v->len; i++) {
    const nc_arun *r = &NC_VEC_AT(v, nc_arun, i);
    lua_createtable(L, 0, 9);
    lnc_setstring(L, "op", opnames[r->op]);
    lnc_setinteger(L, "a_first", (lua_Integer)r->a0 + 1);
    lnc_setinteger(L, "a_last", (lua_Integer)r->a1);
    lnc_setinteger(L, "b_first", (lua_Integer)r->b0 + 1);
    lnc_setinteger(L, "b_last", (lua_Integer)r->b1);
    if (a->spans) { /* empty side: start after the previous token, stop = start - 1 */
      size_t s0 = r->a1 > r->a0 ? a->sp[2 * r->a0] : (r->a0 > 0 ? a->sp[2 * r->a0 - 1] : 0);
      size_t s1 = r->a1 > r->a0 ? a->sp[2 * r->a1 - 1] : s0;
      lnc_setinteger(L, "a_start", (lua_Integer)s0 + 1);
      lnc_setinteger(L, "a_stop", (lua_Integer)s1);
    }
    if (b->spans) {
      size_t s0 = r->b1 > r->b0 ? b->sp[2 * r->b0] : (r->b0 > 0 ? b->sp[2 * r->b0 - 1] : 0);
      size_t s1 = r->b1 > r->b0 ? b->sp[2 * r->b1 - 1] : s0;
      lnc_setinteger(L, "b_start", (lua_Integer)s0 + 1);
      lnc_setinteger(L, "b_stop", (lua_Integer)s1);
    }
    lua_rawseti(L, -2, (int)i + 1);
  }
  lua_setfield(L, -2, "ops");
  return 1;
}

/* newsc.edit_distance(A, B [, opts]) -> distance, similarity | nil, msg */
static int l_edit_distance(lua_State *L) {
  tokseq *a = (tokseq *)luaL_testudata(L, 1, T_TOKENS), *b = (tokseq *)luaL_testudata(L, 2, T_TOKENS);
  size_t dist = 0, mx;
  int st;
  if (!a || !b) {
    nc_topts o;
    needtexts(L, 1, 2, 3);
    topts(L, 3, &o, 0, 0);
    if (!(a = totokens(L, 1, &o))) return 2;
    if (!(b = totokens(L, 2, &o))) return 2;
  }
  st = nc_edit_distance(a->h, a->n, b->h, b->n, &dist);
  if (st == NC_ERANGE) {
    lua_pushnil(L);
    lua_pushfstring(L, "texts too long to compare (%d x %d tokens)", (int)a->n, (int)b->n);
    return 2;
  }
  if (st != NC_OK) return lnc_fail(L, st, 0);
  mx = a->n > b->n ? a->n : b->n;
  lua_pushinteger(L, (lua_Integer)dist);
  lua_pushnumber(L, mx ? 1.0 - (double)dist / (double)mx : 1.0);
  return 2;
}

/* ---- registration ---- */

static void newtype(lua_State *L, const char *name, const luaL_Reg *meta, const luaL_Reg *methods) {
  luaL_newmetatable(L, name);
  luaL_setfuncs(L, meta, 0);
  if (methods) {
    lua_newtable(L);
    luaL_setfuncs(L, methods, 0);
    lua_setfield(L, -2, "__index");
  }
  lua_pop(L, 1);
}

NC_OPEN(sim) {
  static const luaL_Reg funcs[] = {
    { "sim_tokens", l_sim_tokens },
    { "shingles", l_shingles },
    { "jaccard", l_jaccard },
    { "containment", l_containment },
    { "minhash", l_minhash },
    { "simhash", l_simhash },
    { "lsh", l_lsh },
    { "neardups", l_neardups },
    { "tfidf", l_tfidf },
    { "align", l_align },
    { "edit_distance", l_edit_distance },
    { NULL, NULL }
  };
  static const luaL_Reg scratch_meta[] = { { "__gc", scratch_gc }, { NULL, NULL } };
  static const luaL_Reg tok_meta[] = { { "__len", tok_len }, { "__tostring", tok_tostring }, { NULL, NULL } };
  static const luaL_Reg tok_m[] = { { "span", tok_span }, { "spans", tok_spans }, { NULL, NULL } };
  static const luaL_Reg set_meta[] = { { "__len", set_len }, { "__tostring", set_tostring }, { NULL, NULL } };
  static const luaL_Reg set_m[] = { { "jaccard", set_jaccard }, { "containment", set_containment }, { NULL, NULL } };
  static const luaL_Reg sig_meta[] = { { "__len", sig_len }, { "__tostring", sig_tostring }, { NULL, NULL } };
  static const luaL_Reg sig_m[] = { { "similarity", sig_similarity }, { "values", sig_values }, { NULL, NULL } };
  static const luaL_Reg fp_meta[] = { { "__tostring", fp_tostring }, { NULL, NULL } };
  static const luaL_Reg fp_m[] = { { "distance", fp_distance }, { "similarity", fp_similarity },
                                   { "hex", fp_hex }, { NULL, NULL } };
  static const luaL_Reg lsh_meta[] = { { "__gc", lsh_gc }, { "__len", lsh_len }, { "__tostring", lsh_tostring },
                                       { NULL, NULL } };
  static const luaL_Reg lsh_m[] = { { "add", lsh_add }, { "query", lsh_query }, { "pairs", lsh_pairs },
                                    { "params", lsh_params }, { NULL, NULL } };
  static const luaL_Reg tf_meta[] = { { "__gc", tf_gc }, { "__len", tf_len }, { "__tostring", tf_tostring },
                                      { NULL, NULL } };
  static const luaL_Reg tf_m[] = { { "add", tf_add }, { "fit", tf_fit }, { "df", tf_df }, { "idf", tf_idf },
                                   { "vector", tf_vector }, { "cosine", tf_cosine }, { "bm25", tf_bm25 },
                                   { "pairs", tf_pairs }, { NULL, NULL } };
  static const luaL_Reg vec_meta[] = { { "__len", vec_len }, { "__tostring", vec_tostring }, { NULL, NULL } };
  static const luaL_Reg vec_m[] = { { "cosine", vec_cosine }, { "weights", vec_weights }, { NULL, NULL } };
  newtype(L, T_SCRATCH, scratch_meta, NULL);
  newtype(L, T_TOKENS, tok_meta, tok_m);
  newtype(L, T_SET, set_meta, set_m);
  newtype(L, T_MINHASH, sig_meta, sig_m);
  newtype(L, T_SIMHASH, fp_meta, fp_m);
  newtype(L, T_LSH, lsh_meta, lsh_m);
  newtype(L, T_TFIDF, tf_meta, tf_m);
  newtype(L, T_VECTOR, vec_meta, vec_m);
  newshared(L);
  luaL_setfuncs(L, funcs, 0);
}
