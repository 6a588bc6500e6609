/*
** sim_lsh.c: banded locality-sensitive hashing over MinHash signatures, and
** near-duplicate pairs of a whole collection (tokens, shingles, MinHash,
** LSH candidates, exact Jaccard).
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sim.h"

/* ---- choosing bands and rows ---- */

/* probability that a pair of similarity s shares a band: 1 - (1 - s^r)^b */
static double pcollide(double s, size_t b, size_t r) {
  return 1.0 - pow(1.0 - pow(s, (double)r), (double)b);
}

static double area(double lo, double hi, size_t b, size_t r, int fp) {
  const int steps = 200;
  double sum = 0, dx = (hi - lo) / steps;
  int i;
  for (i = 0; i < steps; i++) {
    double x = lo + (i + 0.5) * dx, p = pcollide(x, b, r);
    sum += (fp ? p : 1.0 - p) * dx;
  }
  return sum;
}

void nc_lsh_params(double t, size_t n, size_t *bands, size_t *rows) {
  size_t b, r, bb = 1, br = n ? n : 1;
  double best = 1e300;
  if (n == 0) n = 1;
  for (b = 1; b <= n; b++) {
    for (r = 1; b * r <= n; r++) {
      double e = area(0, t, b, r, 1) + NC_LSH_FN_WEIGHT * area(t, 1, b, r, 0);
      if (e < best) { best = e; bb = b; br = r; }
    }
  }
  *bands = bb;
  *rows = br;
}

/* ---- the index ---- */

typedef struct nc_lsh_entry {
  uint32_t item, next; /* next: following entry of the bucket + 1, 0 = end */
} nc_lsh_entry;

int nc_lsh_init(nc_lsh *x, size_t bands, size_t rows, size_t n) {
  memset(x, 0, sizeof *x);
  if (bands < 1 || rows < 1 || bands * rows > n || n > 1u << 20) return NC_EINVAL;
  x->bands = bands; x->rows = rows; x->n = n;
  nc_vec_init(&x->sigs, sizeof(uint32_t));
  nc_vec_init(&x->entries, sizeof(nc_lsh_entry));
  nc_vec_init(&x->marks, sizeof(uint32_t));
  return NC_OK;
}

void nc_lsh_free(nc_lsh *x) {
  nc_vec_free(&x->sigs);
  nc_vec_free(&x->entries);
  nc_vec_free(&x->marks);
  free(x->keys);
  free(x->heads);
  x->keys = NULL; x->heads = NULL;
  x->slots = x->used = 0;
}

static uint64_t bandkey(const nc_lsh *x, const uint32_t *sig, size_t band) {
  const uint32_t *p = sig + band * x->rows;
  uint64_t h = 0x9E3779B97F4A7C15ULL * (uint64_t)(band + 1);
  size_t i;
  for (i = 0; i < x->rows; i++) h = (h ^ p[i]) * 0xff51afd7ed558ccdULL + (h >> 29);
  h = nc_sim_mix(h);
  return h ? h : 1;
}

static size_t findslot(const uint64_t *keys, size_t slots, uint64_t k) {
  size_t m = slots - 1, i = (size_t)k & m;
  while (keys[i] != 0 && keys[i] != k) i = (i + 1) & m;
  return i;
}

static int grow(nc_lsh *x) {
  size_t ns = x->slots ? x->slots * 2 : 1024, i;
  uint64_t *nk = (uint64_t *)calloc(ns, sizeof *nk);
  uint32_t *nh = (uint32_t *)calloc(ns, sizeof *nh);
  if (!nk || !nh) { free(nk); free(nh); return NC_ENOMEM; }
  for (i = 0; i < x->slots; i++) {
    if (x->keys[i]) {
      size_t j = findslot(nk, ns, x->keys[i]);
      nk[j] = x->keys[i];
      nh[j] = x->heads[i];
    }
  }
  free(x->keys); free(x->heads);
  x->keys = nk; x->heads = nh; x->slots = ns;
  return NC_OK;
}

int nc_lsh_add(nc_lsh *x, const uint32_t *sig) {
  size_t band;
  uint32_t item = (uint32_t)x->count;
  if (x->count >= 0xFFFFFFF0u || x->entries.len + x->bands >= 0xFFFFFFF0u) return NC_ERANGE;
  if (nc_vec_append(&x->sigs, sig, x->n) != NC_OK) return NC_ENOMEM;
  if (nc_vec_reserve(&x->entries, x->bands) != NC_OK) return NC_ENOMEM;
  if (nc_vec_push(&x->marks) == NULL) return NC_ENOMEM;
  for (band = 0; band < x->bands; band++) {
    uint64_t k = bandkey(x, sig, band);
    size_t s;
    nc_lsh_entry *e;
    if ((x->used + 1) * 2 > x->slots && grow(x) != NC_OK) return NC_ENOMEM;
    s = findslot(x->keys, x->slots, k);
    if (x->keys[s] == 0) { x->keys[s] = k; x->heads[s] = 0; x->used++; }
    e = &NC_VEC_AT(&x->entries, nc_lsh_entry, x->entries.len);
    e->item = item;
    e->next = x->heads[s];
    x->heads[s] = (uint32_t)x->entries.len + 1;
    x->entries.len++;
  }
  x->count++;
  return NC_OK;
}

int nc_lsh_query(nc_lsh *x, const uint32_t *sig, nc_vec *out) {
  size_t band;
  uint32_t *marks = (uint32_t *)x->marks.data;
  if (x->slots == 0) return NC_OK;
  if (++x->stamp == 0) { /* wrapped: clear the marks */
    memset(marks, 0, x->marks.len * sizeof *marks);
    x->stamp = 1;
  }
  for (band = 0; band < x->bands; band++) {
    uint64_t k = bandkey(x, sig, band);
    size_t s = findslot(x->keys, x->slots, k);
    uint32_t e;
    if (x->keys[s] == 0) continue;
    for (e = x->heads[s]; e; e = NC_VEC_AT(&x->entries, nc_lsh_entry, e - 1).next) {
      uint32_t it = NC_VEC_AT(&x->entries, nc_lsh_entry, e - 1).item;
      uint32_t *o;
      if (marks[it] == x->stamp) continue;
      marks[it] = x->stamp;
      o = (uint32_t *)nc_vec_push(out);
      if (!o) return NC_ENOMEM;
      *o = it;
    }
  }
  return NC_OK;
}

/* a set of pairs, open addressing on (i << 32 | j) + 1 */
typedef struct pairset {
  uint64_t *keys;
  size_t slots, used;
} pairset;

static size_t pairslot(const uint64_t *keys, size_t slots, uint64_t key) {
  size_t m = slots - 1, i = (size_t)nc_sim_mix(key) & m;
  while (keys[i] != 0 && keys[i] != key) i = (i + 1) & m;
  return i;
}

static int pairset_add(pairset *p, uint64_t key, int *added) {
  size_t i;
  *added = 0;
  if ((p->used + 1) * 2 > p->slots) {
    size_t ns = p->slots ? p->slots * 2 : 1024, j;
    uint64_t *nk = (uint64_t *)calloc(ns, sizeof *nk);
    if (!nk) return NC_ENOMEM;
    for (j = 0; j < p->slots; j++) {
      if (p->keys[j]) nk[pairslot(nk, ns, p->keys[j])] = p->keys[j];
    }
    free(p->keys);
    p->keys = nk; p->slots = ns;
  }
  i = pairslot(p->keys, p->slots, key);
  if (p->keys[i] == key) return NC_OK;
  p->keys[i] = key;
  p->used++;
  *added = 1;
  return NC_OK;
}

int nc_lsh_pairs(nc_lsh *x, double min, nc_vec *out) {
  size_t s;
  pairset ps = { NULL, 0, 0 };
  nc_vec items;
  int st = NC_OK;
  nc_vec_init(&items, sizeof(uint32_t));
  for (s = 0; s < x->slots && st == NC_OK; s++) {
    uint32_t e;
    size_t a, b;
    if (x->keys[s] == 0 || x->heads[s] == 0) continue;
    e = x->heads[s];
    if (NC_VEC_AT(&x->entries, nc_lsh_entry, e - 1).next == 0) continue; /* one item */
    items.len = 0;
    for (; e; e = NC_VEC_AT(&x->entries, nc_lsh_entry, e - 1).next) {
      uint32_t *o = (uint32_t *)nc_vec_push(&items);
      if (!o) { st = NC_ENOMEM; break; }
      *o = NC_VEC_AT(&x->entries, nc_lsh_entry, e - 1).item;
    }
    for (a = 0; a < items.len && st == NC_OK; a++) {
      for (b = a + 1; b < items.len; b++) {
        uint32_t i = NC_VEC_AT(&items, uint32_t, a), j = NC_VEC_AT(&items, uint32_t, b);
        uint64_t key;
        int added;
        if (i == j) continue;
        if (i > j) { uint32_t t = i; i = j; j = t; }
        key = (((uint64_t)i << 32) | j) + 1;
        if ((st = pairset_add(&ps, key, &added)) != NC_OK) break;
        if (!added) continue;
        if (min > 0) {
          const uint32_t *si = (const uint32_t *)x->sigs.data + (size_t)i * x->n;
          const uint32_t *sj = (const uint32_t *)x->sigs.data + (size_t)j * x->n;
          if (nc_minhash_similarity(si, sj, x->n) < min) continue;
        }
        if (nc_vec_reserve(out, 2) != NC_OK) { st = NC_ENOMEM; break; }
        NC_VEC_AT(out, uint32_t, out->len++) = i;
        NC_VEC_AT(out, uint32_t, out->len++) = j;
      }
    }
  }
  free(ps.keys);
  nc_vec_free(&items);
  return st;
}

/* ---- near-duplicates of a collection ---- */

int nc_sim_neardups(const char *const *texts, const size_t *lens, size_t count,
                    const nc_topts *o, size_t k, size_t n, uint64_t seed,
                    double threshold, nc_vec *out, size_t *bad_text, size_t *bad) {
  nc_sim_scratch sc;
  nc_vec toks, hs, sets, pairs;
  size_t *off = NULL, i, bands, rows;
  uint64_t *ab = NULL;
  uint32_t *sig = NULL;
  nc_lsh lsh;
  int st = NC_OK;
  if (k < 1 || n < 1 || n > 4096 || threshold <= 0 || threshold > 1) return NC_EINVAL;
  if (count >= 0xFFFFFFF0u) return NC_ERANGE;
  nc_sim_scratch_init(&sc);
  nc_vec_init(&toks, sizeof(nc_stok));
  nc_vec_init(&hs, sizeof(uint64_t));
  nc_vec_init(&sets, sizeof(uint64_t));
  nc_vec_init(&pairs, sizeof(uint32_t));
  nc_lsh_params(threshold, n, &bands, &rows);
  st = nc_lsh_init(&lsh, bands, rows, n);
  off = (size_t *)malloc((count + 1) * sizeof *off);
  ab = (uint64_t *)malloc(2 * n * sizeof *ab);
  sig = (uint32_t *)malloc(n * sizeof *sig);
  if (st == NC_OK && (!off || !ab || !sig)) st = NC_ENOMEM;
  if (st == NC_OK) nc_minhash_params(seed, n, ab);
  for (i = 0; i < count && st == NC_OK; i++) {
    size_t j;
    off[i] = sets.len;
    toks.len = 0;
    st = nc_sim_tokens(texts[i], lens[i], o, &sc, &toks, bad);
    if (st != NC_OK) { *bad_text = i; break; }
    hs.len = 0;
    if ((st = nc_vec_reserve(&hs, toks.len)) != NC_OK) break;
    for (j = 0; j < toks.len; j++) NC_VEC_AT(&hs, uint64_t, j) = NC_VEC_AT(&toks, nc_stok, j).h;
    hs.len = toks.len;
    if ((st = nc_sim_shingles((const uint64_t *)hs.data, hs.len, k, &sets)) != NC_OK) break;
    nc_minhash((const uint64_t *)sets.data + off[i], sets.len - off[i], ab, n, sig);
    if (sets.len == off[i]) { /* no token: a signature that matches nothing */
      for (j = 0; j < n; j++) sig[j] = (uint32_t)nc_sim_mix(((uint64_t)i << 16) ^ j);
    }
    st = nc_lsh_add(&lsh, sig);
  }
  if (st == NC_OK) {
    off[count] = sets.len;
    st = nc_lsh_pairs(&lsh, 0, &pairs);
  }
  for (i = 0; st == NC_OK && i + 1 < pairs.len; i += 2) {
    uint32_t a = NC_VEC_AT(&pairs, uint32_t, i), b = NC_VEC_AT(&pairs, uint32_t, i + 1);
    const uint64_t *sa = (const uint64_t *)sets.data + off[a];
    const uint64_t *sb = (const uint64_t *)sets.data + off[b];
    size_t na = off[a + 1] - off[a], nb = off[b + 1] - off[b];
    double jac;
    nc_simpair *p;
    if (na == 0 || nb == 0) continue;
    jac = nc_sim_jaccard(sa, na, sb, nb);
    if (jac < threshold) continue;
    if ((p = (nc_simpair *)nc_vec_push(out)) == NULL) { st = NC_ENOMEM; break; }
    p->i = a; p->j = b; p->sim = jac;
  }
  nc_lsh_free(&lsh);
  nc_sim_scratch_free(&sc);
  nc_vec_free(&toks); nc_vec_free(&hs); nc_vec_free(&sets); nc_vec_free(&pairs);
  free(off); free(ab); free(sig);
  return st;
}
