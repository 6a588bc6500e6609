/*
** sim_align.c: Levenshtein distance between token sequences with the
** bit-parallel algorithm of Myers (1999) in the block form of Hyyro (2003),
** 64 rows a word, and an optimal edit script recovered from the stored
** vertical deltas of each column.
*/
#include <stdlib.h>
#include <string.h>

#include "sim.h"

typedef uint64_t word;
#define HIGH ((word)1 << 63)

/* One 64-row block of one column; hin/hout in {-1, 0, 1}. */
static inline int block(word *pv, word *mv, word eq, int hin) {
  word Pv = *pv, Mv = *mv;
  word hneg = (word)(hin < 0), hpos = (word)(hin > 0);
  word Xv = eq | Mv, Xh, Ph, Mh;
  int hout;
  eq |= hneg;
  Xh = (((eq & Pv) + Pv) ^ Pv) | eq;
  Ph = Mv | ~(Xh | Pv);
  Mh = Pv & Xh;
  hout = (int)((Ph & HIGH) >> 63) - (int)((Mh & HIGH) >> 63);
  Ph = (Ph << 1) | hpos;
  Mh = (Mh << 1) | hneg;
  *pv = Mh | ~(Xv | Ph);
  *mv = Ph & Xv;
  return hout;
}

/* Pattern equality masks: token -> W words. */
typedef struct peq {
  size_t W, slots;
  uint64_t *keys;   /* slots */
  uint32_t *row;    /* slots: row of masks + 1 */
  word *masks;      /* (distinct + 1) * W; row 0 all zero */
  size_t distinct;
} peq;

static void peq_free(peq *p) {
  free(p->keys); free(p->row); free(p->masks);
}

static int peq_build(peq *p, const uint64_t *a, size_t m) {
  size_t i;
  memset(p, 0, sizeof *p);
  p->W = (m + 63) / 64;
  p->slots = 16;
  while (p->slots < 2 * m) p->slots *= 2;
  p->keys = (uint64_t *)calloc(p->slots, sizeof *p->keys);
  p->row = (uint32_t *)calloc(p->slots, sizeof *p->row);
  p->masks = (word *)calloc((m + 1) * p->W, sizeof *p->masks);
  if (!p->keys || !p->row || !p->masks) { peq_free(p); return NC_ENOMEM; }
  for (i = 0; i < m; i++) {
    uint64_t k = a[i] ? a[i] : 1;
    size_t msk = p->slots - 1, s = (size_t)(k * 0x9E3779B97F4A7C15ULL >> 20) & msk;
    while (p->keys[s] != 0 && p->keys[s] != k) s = (s + 1) & msk;
    if (p->keys[s] == 0) { p->keys[s] = k; p->row[s] = (uint32_t)(++p->distinct); }
    p->masks[p->row[s] * p->W + i / 64] |= (word)1 << (i % 64);
  }
  return NC_OK;
}

static const word *peq_get(const peq *p, uint64_t k) {
  size_t msk = p->slots - 1, s;
  if (k == 0) k = 1;
  s = (size_t)(k * 0x9E3779B97F4A7C15ULL >> 20) & msk;
  while (p->keys[s] != 0) {
    if (p->keys[s] == k) return p->masks + p->row[s] * p->W;
    s = (s + 1) & msk;
  }
  return p->masks; /* all zero */
}

/* Tokens equal as the algorithm sees them (0 and 1 are one token). */
static int same(uint64_t x, uint64_t y) {
  return (x ? x : 1) == (y ? y : 1);
}

/* Distance of a[0..m) against b[0..n), m in 1..64: one word, a small table. */
static size_t dist64(const uint64_t *a, size_t m, const uint64_t *b, size_t n) {
  uint64_t keys[128];
  word masks[128];
  size_t i, j;
  word pv = ~(word)0, mv = 0, last = (word)1 << (m - 1);
  size_t score = m;
  memset(keys, 0, sizeof keys);
  for (i = 0; i < m; i++) {
    uint64_t k = a[i] ? a[i] : 1;
    size_t s = (size_t)(k * 0x9E3779B97F4A7C15ULL >> 57);
    while (keys[s] != 0 && keys[s] != k) s = (s + 1) & 127;
    if (keys[s] == 0) { keys[s] = k; masks[s] = 0; }
    masks[s] |= (word)1 << i;
  }
  for (j = 0; j < n; j++) {
    uint64_t k = b[j] ? b[j] : 1;
    size_t s = (size_t)(k * 0x9E3779B97F4A7C15ULL >> 57);
    word eq = 0, xv, xh, ph, mh;
    while (keys[s] != 0) {
      if (keys[s] == k) { eq = masks[s]; break; }
      s = (s + 1) & 127;
    }
    /* Myers' step, top boundary +1 (global distance) */
    xv = eq | mv;
    xh = (((eq & pv) + pv) ^ pv) | eq;
    ph = mv | ~(xh | pv);
    mh = pv & xh;
    if (ph & last) score++;
    else if (mh & last) score--;
    ph = (ph << 1) | 1;
    mh <<= 1;
    pv = mh | ~(xv | ph);
    mv = ph & xv;
  }
  return score;
}

/* Trim the common prefix and suffix. */
static void trim(const uint64_t **a, size_t *m, const uint64_t **b, size_t *n, size_t *pre) {
  size_t p = 0, s = 0;
  while (p < *m && p < *n && same((*a)[p], (*b)[p])) p++;
  while (s < *m - p && s < *n - p && same((*a)[*m - 1 - s], (*b)[*n - 1 - s])) s++;
  *a += p; *b += p;
  *m -= p + s; *n -= p + s;
  *pre = p;
}

int nc_edit_distance(const uint64_t *a, size_t m, const uint64_t *b, size_t n, size_t *dist) {
  size_t pre, j, w;
  peq p;
  word *pv, *mv;
  size_t score;
  int st;
  trim(&a, &m, &b, &n, &pre);
  if (m > n) { const uint64_t *t = a; size_t tn = m; a = b; m = n; b = t; n = tn; }
  if (m == 0) { *dist = n; return NC_OK; }
  if (m <= 64) { *dist = dist64(a, m, b, n); return NC_OK; }
  if ((uint64_t)m * (uint64_t)n > NC_ALIGN_MAX_CELLS) return NC_ERANGE;
  if ((st = peq_build(&p, a, m)) != NC_OK) return st;
  pv = (word *)malloc(p.W * sizeof *pv);
  mv = (word *)malloc(p.W * sizeof *mv);
  if (!pv || !mv) { free(pv); free(mv); peq_free(&p); return NC_ENOMEM; }
  for (w = 0; w < p.W; w++) { pv[w] = ~(word)0; mv[w] = 0; }
  for (j = 0; j < n; j++) {
    const word *eq = peq_get(&p, b[j]);
    int h = 1;
    for (w = 0; w < p.W; w++) h = block(&pv[w], &mv[w], eq[w], h);
  }
  /* D[m][n] = n + sum of the vertical deltas of the last column */
  score = n;
  for (w = 0; w < p.W; w++) {
    word keep = (w + 1 < p.W || m % 64 == 0) ? ~(word)0 : (((word)1 << (m % 64)) - 1);
    score += (size_t)nc_popcount64(pv[w] & keep);
    score -= (size_t)nc_popcount64(mv[w] & keep);
  }
  *dist = score;
  free(pv); free(mv); peq_free(&p);
  return NC_OK;
}

/* ---- alignment ---- */

typedef struct tb {
  const word *pv, *mv; /* (n + 1) columns of W words; column 0 is D[i][0] = i */
  size_t W;
} tb;

/* D[i][j] from the stored column j */
static size_t dval(const tb *t, size_t i, size_t j) {
  const word *pv = t->pv + j * t->W, *mv = t->mv + j * t->W;
  size_t w, full = i / 64, v = j;
  for (w = 0; w < full; w++) v += (size_t)nc_popcount64(pv[w]) - (size_t)nc_popcount64(mv[w]);
  if (i % 64) {
    word keep = ((word)1 << (i % 64)) - 1;
    v += (size_t)nc_popcount64(pv[full] & keep) - (size_t)nc_popcount64(mv[full] & keep);
  }
  return v;
}

/* Δv[i][j] = D[i][j] - D[i-1][j], i >= 1 */
static int dv(const tb *t, size_t i, size_t j) {
  size_t r = i - 1;
  word bit = (word)1 << (r % 64);
  if (t->pv[j * t->W + r / 64] & bit) return 1;
  if (t->mv[j * t->W + r / 64] & bit) return -1;
  return 0;
}

static int pushop(nc_vec *out, int op, size_t a0, size_t a1, size_t b0, size_t b1) {
  nc_arun *r;
  if (out->len > 0) {
    r = &NC_VEC_AT(out, nc_arun, out->len - 1);
    if (r->op == op && r->a1 == a0 && r->b1 == b0) { r->a1 = a1; r->b1 = b1; return NC_OK; }
  }
  r = (nc_arun *)nc_vec_push(out);
  if (!r) return NC_ENOMEM;
  r->op = op; r->a0 = a0; r->a1 = a1; r->b0 = b0; r->b1 = b1;
  return NC_OK;
}

/* single-token operations, from the end, later reversed and merged */
typedef struct step { unsigned char op; } step;

int nc_align(const uint64_t *a, size_t m, const uint64_t *b, size_t n, size_t *dist, nc_vec *out) {
  size_t pre, suf, i, j, w, d, nsteps = 0;
  size_t m0 = m, n0 = n;
  const uint64_t *a0 = a, *b0 = b;
  peq p;
  word *pv = NULL, *mv = NULL;
  unsigned char *ops = NULL;
  tb t;
  int st = NC_OK;
  memset(&p, 0, sizeof p);
  trim(&a, &m, &b, &n, &pre);
  suf = m0 - pre - m;
  (void)a0; (void)b0;
  if (pre > 0 && (st = pushop(out, NC_KEEP, 0, pre, 0, pre)) != NC_OK) return st;
  if (m == 0 || n == 0) {
    if (m > 0) st = pushop(out, NC_DELETE, pre, pre + m, pre, pre);
    if (n > 0) st = pushop(out, NC_INSERT, pre, pre, pre, pre + n);
    *dist = m + n;
  } else {
    if ((uint64_t)m * (uint64_t)n > NC_ALIGN_MAX_SCRIPT_CELLS) return NC_ERANGE;
    if ((st = peq_build(&p, a, m)) != NC_OK) return st;
    t.W = p.W;
    pv = (word *)malloc((n + 1) * p.W * sizeof *pv);
    mv = (word *)malloc((n + 1) * p.W * sizeof *mv);
    ops = (unsigned char *)malloc(m + n);
    if (!pv || !mv || !ops) { st = NC_ENOMEM; goto done; }
    for (w = 0; w < p.W; w++) { pv[w] = ~(word)0; mv[w] = 0; }
    for (j = 1; j <= n; j++) {
      const word *eq = peq_get(&p, b[j - 1]);
      word *cp = pv + j * p.W, *cm = mv + j * p.W;
      int h = 1;
      memcpy(cp, cp - p.W, p.W * sizeof *cp);
      memcpy(cm, cm - p.W, p.W * sizeof *cm);
      for (w = 0; w < p.W; w++) h = block(&cp[w], &cm[w], eq[w], h);
    }
    t.pv = pv; t.mv = mv;
    i = m; j = n;
    d = dval(&t, m, n);
    *dist = d;
    while (i > 0 || j > 0) {
      if (i > 0 && j > 0) {
        size_t diag = dval(&t, i - 1, j - 1);
        if (same(a[i - 1], b[j - 1]) && diag == d) { ops[nsteps++] = NC_KEEP; i--; j--; continue; }
        if (diag + 1 == d) { ops[nsteps++] = NC_CHANGE; i--; j--; d = diag; continue; }
      }
      if (i > 0 && dv(&t, i, j) == 1) { /* D[i-1][j] = d - 1 */
        ops[nsteps++] = NC_DELETE; i--; d--; continue;
      }
      ops[nsteps++] = NC_INSERT; j--; d--;
    }
    /* forward */
    i = 0; j = 0;
    while (nsteps > 0 && st == NC_OK) {
      int op = ops[--nsteps];
      size_t di = (op != NC_INSERT), dj = (op != NC_DELETE);
      st = pushop(out, op, pre + i, pre + i + di, pre + j, pre + j + dj);
      i += di; j += dj;
    }
  }
  if (st == NC_OK && suf > 0)
    st = pushop(out, NC_KEEP, m0 - suf, m0, n0 - suf, n0);
done:
  free(pv); free(mv); free(ops); peq_free(&p);
  return st;
}
