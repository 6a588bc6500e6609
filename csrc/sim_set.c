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

int nc_sim_shingle_hashes(const uint64_t *t, size_t n, size_t k, nc_vec *out) {
  size_t i, r, cnt;
  uint64_t *o;
  if (n == 0) return NC_OK;
  if (k < 1) return NC_EINVAL;
  if (k > n) k = n;
  cnt = n - k + 1;
  if (nc_vec_reserve(out, cnt) != NC_OK) return NC_ENOMEM;
  o = (uint64_t *)out->data + out->len;
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
  out->len += cnt;
  return NC_OK;
}

int nc_sim_shingles(const uint64_t *t, size_t n, size_t k, nc_vec *out) {
  size_t base = out->len;
  int st = nc_sim_shingle_hashes(t, n, k, out);
  if (st != NC_OK) return st;
  out->len = base + nc_sim_sort_unique((uint64_t *)out->data + base, out->len - base);
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

/*
** ---- MinHash: h_i(x) = high 32 bits of (a_i * y + b_i) mod 2^64, a_i odd,
** y = the two halves of the 64-bit shingle hash x xor-ed (32 bits): the
** multiply-add-shift scheme of Dietzfelbinger (1996), 2-independent on
** 32-bit keys; two 32 x 32-bit multiplications per value in the vector
** kernels. ----
*/
#define FOLD(x) ((uint64_t)(uint32_t)((x) ^ ((x) >> 32)))

void nc_minhash_params(uint64_t seed, size_t n, uint64_t *ab) {
  size_t i;
  uint64_t s = seed;
  for (i = 0; i < n; i++) {
    s += 0x9E3779B97F4A7C15ULL; ab[2 * i] = nc_sim_mix(s) | 1u;
    s += 0x9E3779B97F4A7C15ULL; ab[2 * i + 1] = nc_sim_mix(s);
  }
}

/* hash functions i0..n of the scalar kernel */
static void minhash_scalar(const uint64_t *x, size_t nx, const uint64_t *ab, size_t i0, size_t n,
                           uint32_t *sig) {
  size_t i, j;
  /* one hash function at a time over the whole (small, cached) set: the
     multiplications are independent and pipeline well */
  for (i = i0; i < n; i++) {
    uint64_t a = ab[2 * i], b = ab[2 * i + 1];
    uint32_t m0 = 0xFFFFFFFFu, m1 = 0xFFFFFFFFu;
    for (j = 0; j + 1 < nx; j += 2) {
      uint32_t h0 = (uint32_t)((a * FOLD(x[j]) + b) >> 32);
      uint32_t h1 = (uint32_t)((a * FOLD(x[j + 1]) + b) >> 32);
      m0 = h0 < m0 ? h0 : m0;
      m1 = h1 < m1 ? h1 : m1;
    }
    if (j < nx) {
      uint32_t h0 = (uint32_t)((a * FOLD(x[j]) + b) >> 32);
      m0 = h0 < m0 ? h0 : m0;
    }
    sig[i] = m0 < m1 ? m0 : m1;
  }
}

#if defined(__x86_64__) && defined(__GNUC__) && !defined(NC_NO_SIMD)
#define NC_MINHASH_AVX2 1
#include <immintrin.h>

/*
** The same values with AVX2, eight hash functions at a time (two vectors of
** four): the low 64 bits of a * y are a_lo y + ((a_hi y) << 32), two
** 32 x 32 -> 64-bit multiplications per lane. Bit-identical to the scalar
** kernel. Returns the number of functions done (a multiple of 8).
*/
__attribute__((target("avx2")))
static size_t minhash_avx2(const uint64_t *x, size_t nx, const uint64_t *ab, size_t n,
                           uint32_t *sig) {
  size_t i, j, done = n - n % 8;
  for (i = 0; i < done; i += 8) {
    uint64_t av[8], bv[8];
    __m256i a0, a1, ah0, ah1, b0, b1, m0, m1;
    size_t t;
    for (t = 0; t < 8; t++) { av[t] = ab[2 * (i + t)]; bv[t] = ab[2 * (i + t) + 1]; }
    a0 = _mm256_loadu_si256((const __m256i *)(const void *)av);
    a1 = _mm256_loadu_si256((const __m256i *)(const void *)(av + 4));
    b0 = _mm256_loadu_si256((const __m256i *)(const void *)bv);
    b1 = _mm256_loadu_si256((const __m256i *)(const void *)(bv + 4));
    ah0 = _mm256_srli_epi64(a0, 32);
    ah1 = _mm256_srli_epi64(a1, 32);
    m0 = _mm256_set1_epi64x(-1LL);
    m1 = m0;
    for (j = 0; j < nx; j++) {
      __m256i xl = _mm256_set1_epi64x((long long)FOLD(x[j]));
      __m256i p0 = _mm256_add_epi64(_mm256_mul_epu32(a0, xl), _mm256_slli_epi64(_mm256_mul_epu32(ah0, xl), 32));
      __m256i p1 = _mm256_add_epi64(_mm256_mul_epu32(a1, xl), _mm256_slli_epi64(_mm256_mul_epu32(ah1, xl), 32));
      /* the high halves of the 64-bit lanes are the hash values: an
         unsigned 32-bit minimum keeps them right (the low halves are unused) */
      m0 = _mm256_min_epu32(m0, _mm256_add_epi64(p0, b0));
      m1 = _mm256_min_epu32(m1, _mm256_add_epi64(p1, b1));
    }
    {
      uint64_t o[8];
      _mm256_storeu_si256((__m256i *)(void *)o, m0);
      _mm256_storeu_si256((__m256i *)(void *)(o + 4), m1);
      for (t = 0; t < 8; t++) sig[i + t] = (uint32_t)(o[t] >> 32);
    }
  }
  return done;
}
/* The same with AVX-512F, sixteen hash functions at a time. */
__attribute__((target("avx512f")))
static size_t minhash_avx512(const uint64_t *x, size_t nx, const uint64_t *ab, size_t n,
                             uint32_t *sig) {
  size_t i, j, done = n - n % 16;
  for (i = 0; i < done; i += 16) {
    uint64_t av[16], bv[16], o[16];
    __m512i a0, a1, ah0, ah1, b0, b1, m0, m1;
    size_t t;
    for (t = 0; t < 16; t++) { av[t] = ab[2 * (i + t)]; bv[t] = ab[2 * (i + t) + 1]; }
    a0 = _mm512_loadu_si512((const void *)av);
    a1 = _mm512_loadu_si512((const void *)(av + 8));
    b0 = _mm512_loadu_si512((const void *)bv);
    b1 = _mm512_loadu_si512((const void *)(bv + 8));
    ah0 = _mm512_srli_epi64(a0, 32);
    ah1 = _mm512_srli_epi64(a1, 32);
    m0 = _mm512_set1_epi64(-1LL);
    m1 = m0;
    for (j = 0; j < nx; j++) {
      __m512i xl = _mm512_set1_epi64((long long)FOLD(x[j]));
      __m512i p0 = _mm512_add_epi64(_mm512_mul_epu32(a0, xl), _mm512_slli_epi64(_mm512_mul_epu32(ah0, xl), 32));
      __m512i p1 = _mm512_add_epi64(_mm512_mul_epu32(a1, xl), _mm512_slli_epi64(_mm512_mul_epu32(ah1, xl), 32));
      m0 = _mm512_min_epu32(m0, _mm512_add_epi64(p0, b0));
      m1 = _mm512_min_epu32(m1, _mm512_add_epi64(p1, b1));
    }
    _mm512_storeu_si512((void *)o, m0);
    _mm512_storeu_si512((void *)(o + 8), m1);
    for (t = 0; t < 16; t++) sig[i + t] = (uint32_t)(o[t] >> 32);
  }
  return done;
}
#endif

void nc_minhash(const uint64_t *x, size_t nx, const uint64_t *ab, size_t n, uint32_t *sig) {
  size_t done = 0;
#ifdef NC_MINHASH_AVX2
  if (nx > 0 && n >= 16 && __builtin_cpu_supports("avx512f")) done = minhash_avx512(x, nx, ab, n, sig);
  if (nx > 0 && n - done >= 8 && __builtin_cpu_supports("avx2"))
    done += minhash_avx2(x, nx, ab + 2 * done, n - done, sig + done);
#endif
  minhash_scalar(x, nx, ab, done, n, sig);
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
    /* eight counters of eight bytes: byte m of c8[r] counts bit 8m + r, and
       is added to cnt before it can overflow (every 255 features) */
    int32_t cnt[64];
    uint64_t c8[8];
    size_t left = 0;
    for (b = 0; b < 64; b++) cnt[b] = 0;
    for (b = 0; b < 8; b++) c8[b] = 0;
    for (j = 0; j < nx; j++) {
      uint64_t h = nc_sim_mix(x[j] ^ 0x5851F42D4C957F2DULL);
      for (b = 0; b < 8; b++) c8[b] += (h >> b) & 0x0101010101010101ULL;
      if (++left == 255 || j + 1 == nx) {
        int r, m;
        for (r = 0; r < 8; r++) {
          for (m = 0; m < 8; m++) cnt[8 * m + r] += (int32_t)((c8[r] >> (8 * m)) & 0xFF);
          c8[r] = 0;
        }
        left = 0;
      }
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
