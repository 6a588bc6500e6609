/*
** sim_set.c: k-shingle sets of token hashes, exact Jaccard and containment,
** MinHash signatures and SimHash fingerprints.
*/
#include <string.h>

#include "sim.h"

/* ---- sorting 64-bit keys (introsort: quicksort, heapsort past a depth) ---- */

static void isort(uint64_t *a, size_t n) {
  size_t i, j;
  for (i = 1; i < n; i++) {
    uint64_t x = a[i];
    for (j = i; j > 0 && a[j - 1] > x; j--) a[j] = a[j - 1];
    a[j] = x;
  }
}

static void sift(uint64_t *a, size_t i, size_t n) {
  uint64_t x = a[i];
  for (;;) {
    size_t c = 2 * i + 1;
    if (c >= n) break;
    if (c + 1 < n && a[c + 1] > a[c]) c++;
    if (a[c] <= x) break;
    a[i] = a[c];
    i = c;
  }
  a[i] = x;
}

static void hsort(uint64_t *a, size_t n) {
  size_t i;
  for (i = n / 2; i-- > 0;) sift(a, i, n);
  for (i = n; i-- > 1;) {
    uint64_t t = a[0]; a[0] = a[i]; a[i] = t;
    sift(a, 0, i);
  }
}

static void qsort64(uint64_t *a, size_t n, int depth) {
  while (n > 16) {
    uint64_t p, t;
    size_t i, j;
    if (depth-- <= 0) { hsort(a, n); return; }
    { /* median of three */
      uint64_t x = a[0], y = a[n / 2], z = a[n - 1];
      p = x < y ? (y < z ? y : (x < z ? z : x)) : (x < z ? x : (y < z ? z : y));
    }
    i = 0; j = n - 1;
    for (;;) { /* Hoare partition */
      while (a[i] < p) i++;
      while (a[j] > p) j--;
      if (i >= j) break;
      t = a[i]; a[i] = a[j]; a[j] = t;
      i++; j--;
    }
    /* [0, j] <= p <= [j+1, n) ; recurse on the smaller side */
    if (j + 1 < n - j - 1) { qsort64(a, j + 1, depth); a += j + 1; n -= j + 1; }
    else { qsort64(a + j + 1, n - j - 1, depth); n = j + 1; }
  }
  isort(a, n);
}

void nc_sim_sort(uint64_t *a, size_t n) {
  int depth = 0;
  size_t x;
  for (x = n; x; x >>= 1) depth += 2;
  qsort64(a, n, depth);
}

size_t nc_sim_sort_unique(uint64_t *a, size_t n) {
  size_t i, m;
  if (n < 2) return n;
  nc_sim_sort(a, n);
  for (i = 1, m = 1; i < n; i++) if (a[i] != a[m - 1]) a[m++] = a[i];
  return m;
}

/* ---- shingles ---- */

int nc_sim_shingles(const uint64_t *t, size_t n, size_t k, nc_vec *out) {
  size_t i, r, cnt, base;
  uint64_t *o;
  if (n == 0) return NC_OK;
  if (k < 1) return NC_EINVAL;
  if (k > n) k = n;
  cnt = n - k + 1;
  if (nc_vec_reserve(out, cnt) != NC_OK) return NC_ENOMEM;
  base = out->len;
  o = (uint64_t *)out->data + base;
  if (k == 1) {
    memcpy(o, t, cnt * sizeof(uint64_t));
  } else {
    for (i = 0; i < cnt; i++) {
      uint64_t h = 0x243F6A8885A308D3ULL ^ (uint64_t)k;
      for (r = 0; r < k; r++) h = (h ^ t[i + r]) * 0x9E3779B97F4A7C15ULL + (h >> 31);
      h = nc_sim_mix(h);
      o[i] = h ? h : 1;
    }
  }
  out->len = base + nc_sim_sort_unique(o, cnt);
  return NC_OK;
}

size_t nc_sim_intersect(const uint64_t *a, size_t na, const uint64_t *b, size_t nb) {
  size_t i = 0, j = 0, c = 0;
  while (i < na && j < nb) {
    uint64_t x = a[i], y = b[j];
    c += (x == y);
    i += (x <= y);
    j += (y <= x);
  }
  return c;
}

double nc_sim_jaccard(const uint64_t *a, size_t na, const uint64_t *b, size_t nb) {
  size_t c;
  if (na == 0 && nb == 0) return 1.0;
  c = nc_sim_intersect(a, na, b, nb);
  return (double)c / (double)(na + nb - c);
}

double nc_sim_containment(const uint64_t *a, size_t na, const uint64_t *b, size_t nb) {
  if (na == 0) return 1.0;
  return (double)nc_sim_intersect(a, na, b, nb) / (double)na;
}

/* ---- MinHash: h_i(x) = high 32 bits of (a_i * x + b_i) mod 2^64, a_i odd ---- */

void nc_minhash_params(uint64_t seed, size_t n, uint64_t *ab) {
  size_t i;
  uint64_t s = seed;
  for (i = 0; i < n; i++) {
    s += 0x9E3779B97F4A7C15ULL; ab[2 * i] = nc_sim_mix(s) | 1u;
    s += 0x9E3779B97F4A7C15ULL; ab[2 * i + 1] = nc_sim_mix(s);
  }
}

void nc_minhash(const uint64_t *x, size_t nx, const uint64_t *ab, size_t n, uint32_t *sig) {
  size_t i, j;
  /* one hash function at a time over the whole (small, cached) set: the
     multiplications are independent and pipeline well */
  for (i = 0; i < n; i++) {
    uint64_t a = ab[2 * i], b = ab[2 * i + 1];
    uint32_t m0 = 0xFFFFFFFFu, m1 = 0xFFFFFFFFu;
    for (j = 0; j + 1 < nx; j += 2) {
      uint32_t h0 = (uint32_t)((a * x[j] + b) >> 32);
      uint32_t h1 = (uint32_t)((a * x[j + 1] + b) >> 32);
      m0 = h0 < m0 ? h0 : m0;
      m1 = h1 < m1 ? h1 : m1;
    }
    if (j < nx) {
      uint32_t h0 = (uint32_t)((a * x[j] + b) >> 32);
      m0 = h0 < m0 ? h0 : m0;
    }
    sig[i] = m0 < m1 ? m0 : m1;
  }
}

double nc_minhash_similarity(const uint32_t *a, const uint32_t *b, size_t n) {
  size_t i, c = 0;
  if (n == 0) return 1.0;
  for (i = 0; i < n; i++) c += (a[i] == b[i]);
  return (double)c / (double)n;
}

/* ---- SimHash ---- */

uint64_t nc_simhash(const uint64_t *x, const double *w, size_t nx) {
  double acc[64];
  size_t j;
  int b;
  uint64_t out = 0;
  if (w == NULL && nx < ((size_t)1 << 30)) { /* unit weights: integer counts of set bits */
    int32_t cnt[64];
    for (b = 0; b < 64; b++) cnt[b] = 0;
    for (j = 0; j < nx; j++) {
      uint64_t h = nc_sim_mix(x[j] ^ 0x5851F42D4C957F2DULL);
      for (b = 0; b < 64; b++) cnt[b] += (int32_t)((h >> b) & 1u);
    }
    for (b = 0; b < 64; b++) if (2 * (int64_t)cnt[b] > (int64_t)nx) out |= (uint64_t)1 << b;
    return out;
  }
  for (b = 0; b < 64; b++) acc[b] = 0;
  for (j = 0; j < nx; j++) {
    uint64_t h = nc_sim_mix(x[j] ^ 0x5851F42D4C957F2DULL);
    double wt = w ? w[j] : 1.0;
    for (b = 0; b < 64; b++) acc[b] += ((h >> b) & 1u) ? wt : -wt;
  }
  for (b = 0; b < 64; b++) if (acc[b] > 0) out |= (uint64_t)1 << b;
  return out;
}
