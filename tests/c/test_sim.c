/* test_sim.c: the similarity engine against brute force and known values. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ctest.h"
#include "sim.h"

static uint64_t rng = 88172645463325252ULL;
static uint64_t next(void) { rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17; return rng; }

static size_t brute_dist(const uint64_t *a, size_t m, const uint64_t *b, size_t n) {
  size_t *prev = malloc((n + 1) * sizeof *prev), *cur = malloc((n + 1) * sizeof *cur), i, j, d;
  for (j = 0; j <= n; j++) prev[j] = j;
  for (i = 1; i <= m; i++) {
    cur[0] = i;
    for (j = 1; j <= n; j++) {
      size_t x = prev[j - 1] + (a[i - 1] != b[j - 1]);
      if (prev[j] + 1 < x) x = prev[j] + 1;
      if (cur[j - 1] + 1 < x) x = cur[j - 1] + 1;
      cur[j] = x;
    }
    memcpy(prev, cur, (n + 1) * sizeof *prev);
  }
  d = prev[n];
  free(prev); free(cur);
  return d;
}

static void randseq(uint64_t *a, size_t n, unsigned alpha) {
  size_t i;
  for (i = 0; i < n; i++) a[i] = 1 + next() % alpha;
}

/* apply a script to a and compare with b; returns the script's cost or -1 */
static long check_script(const uint64_t *a, size_t m, const uint64_t *b, size_t n, const nc_vec *v) {
  size_t r, ai = 0, bi = 0;
  long cost = 0;
  for (r = 0; r < v->len; r++) {
    const nc_arun *x = &NC_VEC_AT(v, nc_arun, r);
    size_t t;
    if (x->a0 != ai || x->b0 != bi) return -1;
    switch (x->op) {
      case NC_KEEP:
        if (x->a1 - x->a0 != x->b1 - x->b0) return -1;
        for (t = 0; t < x->a1 - x->a0; t++) if (a[x->a0 + t] != b[x->b0 + t]) return -1;
        break;
      case NC_CHANGE:
        if (x->a1 - x->a0 != x->b1 - x->b0) return -1;
        cost += (long)(x->a1 - x->a0);
        break;
      case NC_INSERT: if (x->a1 != x->a0) return -1; cost += (long)(x->b1 - x->b0); break;
      case NC_DELETE: if (x->b1 != x->b0) return -1; cost += (long)(x->a1 - x->a0); break;
      default: return -1;
    }
    ai = x->a1; bi = x->b1;
  }
  if (ai != m || bi != n) return -1;
  return cost;
}

static void test_distance(void) {
  static const size_t sizes[] = { 0, 1, 2, 5, 20, 63, 64, 65, 100, 128, 129, 200, 300 };
  size_t ns = sizeof sizes / sizeof sizes[0], x, y;
  int round, bad = 0, badscript = 0, total = 0;
  for (round = 0; round < 3; round++) {
    for (x = 0; x < ns; x++) {
      for (y = 0; y < ns; y++) {
        size_t m = sizes[x], n = sizes[y], d1 = 0, d2 = 0, want;
        uint64_t *a = malloc((m + 1) * 8), *b = malloc((n + 1) * 8);
        unsigned alpha = round == 0 ? 3 : round == 1 ? 12 : 200;
        nc_vec v;
        randseq(a, m, alpha);
        randseq(b, n, alpha);
        if (round == 2 && m == n) { /* a near copy */
          memcpy(b, a, m * 8);
          if (n > 3) { b[n / 2] = 999; b[1] = 998; }
        }
        want = brute_dist(a, m, b, n);
        nc_vec_init(&v, sizeof(nc_arun));
        if (nc_edit_distance(a, m, b, n, &d1) != NC_OK || d1 != want) bad++;
        if (nc_align(a, m, b, n, &d2, &v) != NC_OK || d2 != want) bad++;
        if (check_script(a, m, b, n, &v) != (long)want) badscript++;
        total++;
        nc_vec_free(&v);
        free(a); free(b);
      }
    }
  }
  CHECK(bad == 0, "edit distance differs from brute force in %d of %d cases", bad, total);
  CHECK(badscript == 0, "edit script wrong in %d of %d cases", badscript, total);
}

static void test_sets(void) {
  int round, bad = 0;
  for (round = 0; round < 200; round++) {
    size_t na = next() % 60, nb = next() % 60, i, j, inter = 0, ua, ub;
    uint64_t a[60], b[60];
    for (i = 0; i < na; i++) a[i] = 1 + next() % 50;
    for (i = 0; i < nb; i++) b[i] = 1 + next() % 50;
    ua = nc_sim_sort_unique(a, na);
    ub = nc_sim_sort_unique(b, nb);
    for (i = 1; i < ua; i++) if (a[i - 1] >= a[i]) bad++;
    for (i = 0; i < ua; i++) for (j = 0; j < ub; j++) inter += a[i] == b[j];
    if (nc_sim_intersect(a, ua, b, ub) != inter) bad++;
    if (ua + ub > 0 && fabs(nc_sim_jaccard(a, ua, b, ub) - (double)inter / (double)(ua + ub - inter)) > 1e-12) bad++;
  }
  CHECK(bad == 0, "set operations wrong %d times", bad);
  {
    uint64_t big[5000];
    size_t i, u;
    for (i = 0; i < 5000; i++) big[i] = i % 7 == 0 ? 42 : 5000 - i;
    u = nc_sim_sort_unique(big, 5000);
    CHECK(u == 4285, "unique count %lu, want 4285", (unsigned long)u); /* 42 is also 5000 - 4958 */
    for (i = 1; i < u; i++) if (big[i - 1] >= big[i]) break;
    CHECK(i == u, "sorted unique output");
  }
}

static void test_shingles(void) {
  uint64_t t[] = { 5, 6, 7, 5, 6, 7 };
  nc_vec v;
  nc_vec_init(&v, sizeof(uint64_t));
  CHECK(nc_sim_shingles(t, 6, 3, &v) == NC_OK && v.len == 3, "3 distinct 3-shingles, got %lu", (unsigned long)v.len);
  v.len = 0;
  CHECK(nc_sim_shingles(t, 2, 3, &v) == NC_OK && v.len == 1, "a short text is one shingle");
  v.len = 0;
  CHECK(nc_sim_shingles(t, 0, 3, &v) == NC_OK && v.len == 0, "no tokens, no shingles");
  v.len = 0;
  CHECK(nc_sim_shingles(t, 6, 1, &v) == NC_OK && v.len == 3, "3 distinct words");
  nc_vec_free(&v);
}

static void test_stem(void) {
  static const char *const pairs[][2] = {
    { "caresses", "caress" }, { "ponies", "poni" }, { "cats", "cat" }, { "feed", "feed" },
    { "agreed", "agre" }, { "hopping", "hop" }, { "filing", "file" }, { "happy", "happi" },
    { "relational", "relat" }, { "conditional", "condit" }, { "generalization", "gener" },
    { "electrical", "electr" }, { "adjustment", "adjust" }, { "controlling", "control" },
    { "civilians", "civilian" }, { "moscow's", "moscow" }, { "talks", "talk" }, { "a", "a" },
  };
  size_t i;
  for (i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
    char buf[64];
    size_t n = strlen(pairs[i][0]);
    memcpy(buf, pairs[i][0], n);
    n = nc_sim_stem(buf, n);
    CHECK(n == strlen(pairs[i][1]) && memcmp(buf, pairs[i][1], n) == 0, "stem(%s) = %.*s, want %s",
          pairs[i][0], (int)n, buf, pairs[i][1]);
  }
  CHECK(nc_sim_is_stop("the", 3) && nc_sim_is_stop("said", 4) && !nc_sim_is_stop("not", 3) &&
        !nc_sim_is_stop("civilians", 9), "stop words");
}

static void test_tokens(void) {
  nc_sim_scratch sc;
  nc_vec v;
  size_t bad = 0;
  nc_topts o = { 1, 1, NC_INVALID_ERROR };
  const char *s = "The Kremlin’s envoy SAID: talks continue. Kremlin's talk";
  nc_sim_scratch_init(&sc);
  nc_vec_init(&v, sizeof(nc_stok));
  CHECK(nc_sim_tokens(s, strlen(s), &o, &sc, &v, &bad) == NC_OK, "tokens");
  CHECK(v.len == 6, "6 tokens without stop words, got %lu", (unsigned long)v.len);
  if (v.len == 6) {
    const nc_stok *t = (const nc_stok *)v.data;
    CHECK(t[0].h == t[4].h, "Kremlin’s and Kremlin's stem alike");
    CHECK(t[2].h == t[5].h, "talks and talk stem alike");
    CHECK(t[0].start == 4, "first token at byte 4");
  }
  v.len = 0;
  CHECK(nc_sim_tokens("ab\xff", 3, &o, &sc, &v, &bad) == NC_EUTF8 && bad == 2, "invalid UTF-8 reported");
  { /* the no-copy path (no stop words, no stems) hashes like the copying one */
    static const char *const words[] = { "Kremlin", "INTERNATIONALIZATION", "x", "Eightchr", "ninechars" };
    size_t i;
    for (i = 0; i < sizeof words / sizeof words[0]; i++) {
      nc_topts plain = { 0, 0, NC_INVALID_ERROR }, stop = { 1, 0, NC_INVALID_ERROR };
      uint64_t h1 = 0, h2 = 0;
      int k1 = 0, k2 = 0;
      char low[32];
      size_t n = strlen(words[i]), j;
      nc_sim_token1(words[i], n, &plain, &sc, &h1, &k1, &bad);
      nc_sim_token1(words[i], n, &stop, &sc, &h2, &k2, &bad);
      for (j = 0; j < n; j++) low[j] = (char)(words[i][j] >= 'A' && words[i][j] <= 'Z' ? words[i][j] + 32 : words[i][j]);
      CHECK(k1 && k2 && h1 == h2 && h1 == nc_sim_hash(low, n, 0), "hash paths agree for %s", words[i]);
    }
  }
  nc_vec_free(&v);
  nc_sim_scratch_free(&sc);
}

/* the vector kernels give the values of the formula (a y + b) >> 32, for
   every n (multiples of 16 and 8 and the scalar rest) and set size; SimHash's
   byte counters agree with counting each bit */
static void test_minhash_exact(void) {
  static uint64_t ab[2 * 300], x[700];
  static uint32_t sig[300];
  size_t ns[] = { 1, 7, 8, 15, 16, 24, 31, 128, 300 }, nxs[] = { 0, 1, 2, 3, 17, 255, 256, 700 };
  size_t a, c, i, j;
  int bad = 0, badsim = 0;
  for (a = 0; a < sizeof ns / sizeof ns[0]; a++) {
    for (c = 0; c < sizeof nxs / sizeof nxs[0]; c++) {
      size_t n = ns[a], nx = nxs[c];
      for (j = 0; j < nx; j++) x[j] = next();
      nc_minhash_params(next(), n, ab);
      nc_minhash(x, nx, ab, n, sig);
      for (i = 0; i < n; i++) {
        uint32_t m = 0xFFFFFFFFu;
        for (j = 0; j < nx; j++) {
          uint64_t y = (uint32_t)(x[j] ^ (x[j] >> 32));
          uint32_t h = (uint32_t)((ab[2 * i] * y + ab[2 * i + 1]) >> 32);
          if (h < m) m = h;
        }
        bad += sig[i] != m;
      }
      {
        uint64_t want = 0, got = nc_simhash(x, NULL, nx);
        int b;
        for (b = 0; b < 64; b++) {
          size_t ones = 0;
          for (j = 0; j < nx; j++) ones += (nc_sim_mix(x[j] ^ 0x5851F42D4C957F2DULL) >> b) & 1u;
          if (2 * ones > nx) want |= (uint64_t)1 << b;
        }
        badsim += got != want;
      }
    }
  }
  CHECK(bad == 0, "MinHash values differ from the formula %d times", bad);
  CHECK(badsim == 0, "SimHash differs from bit counting %d times", badsim);
}

static void test_minhash_lsh(void) {
  uint64_t ab[256], x[100], y[100];
  uint32_t s1[128], s2[128];
  size_t i;
  double est;
  nc_lsh ix;
  nc_vec out;
  size_t b, r;
  for (i = 0; i < 100; i++) { x[i] = i + 1; y[i] = i + 51; } /* J = 50 / 150 */
  nc_minhash_params(7, 128, ab);
  nc_minhash(x, 100, ab, 128, s1);
  nc_minhash(y, 100, ab, 128, s2);
  est = nc_minhash_similarity(s1, s2, 128);
  CHECK(fabs(est - 1.0 / 3) < 4 * sqrt((1.0 / 3) * (2.0 / 3) / 128), "MinHash estimate %.3f near 1/3", est);
  nc_lsh_params(0.8, 128, &b, &r);
  CHECK(b * r <= 128 && b > 1 && r > 1, "LSH parameters %lu x %lu", (unsigned long)b, (unsigned long)r);
  CHECK(nc_lsh_init(&ix, b, r, 128) == NC_OK, "LSH init");
  nc_lsh_add(&ix, s1);
  nc_lsh_add(&ix, s2);
  nc_lsh_add(&ix, s1);
  nc_vec_init(&out, sizeof(uint32_t));
  CHECK(nc_lsh_pairs(&ix, 0, &out) == NC_OK && out.len == 2 && ((uint32_t *)out.data)[0] == 0 &&
        ((uint32_t *)out.data)[1] == 2, "only the identical pair collides");
  out.len = 0;
  CHECK(nc_lsh_query(&ix, s2, &out) == NC_OK && out.len == 1 && ((uint32_t *)out.data)[0] == 1, "query");
  nc_vec_free(&out);
  nc_lsh_free(&ix);
  CHECK(nc_lsh_init(&ix, 10, 20, 128) == NC_EINVAL, "bands * rows > n refused");
  nc_lsh_free(&ix);
}

static void test_tfidf(void) {
  nc_tfidf m;
  uint64_t d1[] = { 1, 2, 3 }, d2[] = { 1, 4 }, d3[] = { 1, 2, 2 };
  nc_vec v1, v2;
  double c;
  nc_tfidf_init(&m);
  nc_tfidf_add(&m, d1, 3);
  nc_tfidf_add(&m, d2, 2);
  nc_tfidf_add(&m, d3, 3);
  CHECK(nc_tfidf_df(&m, 1) == 3 && nc_tfidf_df(&m, 2) == 2 && nc_tfidf_df(&m, 9) == 0, "document frequencies");
  CHECK(fabs(nc_tfidf_idf(&m, 2) - (log(4.0 / 3.0) + 1)) < 1e-12, "smoothed idf");
  nc_vec_init(&v1, sizeof(nc_sterm));
  nc_vec_init(&v2, sizeof(nc_sterm));
  nc_tfidf_vector(&m, d1, 3, &v1);
  nc_tfidf_vector(&m, d1, 3, &v2);
  c = nc_sparse_dot(v1.data, v1.len, v2.data, v2.len);
  CHECK(fabs(c - 1) < 1e-12, "cosine with itself is 1 (%.15f)", c);
  {
    /* d1 . d3 by hand: d1 = (i1, i2, i3), d3 = (i1, 2 i2) */
    double i1 = nc_tfidf_idf(&m, 1), i2 = nc_tfidf_idf(&m, 2), i3 = nc_tfidf_idf(&m, 3);
    double want = (i1 * i1 + 2 * i2 * i2) / sqrt(i1 * i1 + i2 * i2 + i3 * i3) / sqrt(i1 * i1 + 4 * i2 * i2);
    v2.len = 0;
    nc_tfidf_vector(&m, d3, 3, &v2);
    c = nc_sparse_dot(v1.data, v1.len, v2.data, v2.len);
    CHECK(fabs(c - want) < 1e-12, "cosine %.6f, want %.6f", c, want);
  }
  nc_vec_free(&v1);
  nc_vec_free(&v2);
  nc_tfidf_free(&m);
}

int main(void) {
  test_distance();
  test_sets();
  test_shingles();
  test_stem();
  test_tokens();
  test_minhash_exact();
  test_minhash_lsh();
  test_tfidf();
  return ctest_done();
}
