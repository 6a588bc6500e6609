/*
** sim.h: the similarity engine of newsc (pure C99, no Lua types).
**
** Everything compares normalised word tokens: the word-like tokens of
** nc_words, each NFKC_Casefold-normalised (nc_normalize), optionally without
** English news stop words and optionally stemmed (Porter), reduced to a
** 64-bit hash. On top of those hashes:
**   - sim_tokens.c  tokens and their hashes, stop words, the stemmer;
**   - sim_set.c     k-shingle sets (sorted unique hashes), Jaccard, containment,
**                   MinHash signatures, SimHash fingerprints;
**   - sim_lsh.c     banded LSH index over MinHash signatures, near-duplicate
**                   pairs of a whole collection;
**   - sim_tfidf.c   document frequencies, TF-IDF vectors, cosine, BM25,
**                   all-pairs cosine through an inverted index;
**   - sim_align.c   token edit distance (bit-parallel, Myers/Hyyro) and the
**                   edit script of an optimal alignment.
** Conventions are those of nc_common.h (NC_OK or a negative nc_status).
*/
#ifndef NC_SIM_H
#define NC_SIM_H

#include "nc_common.h"

/* ---------------------------------------------------------------- tokens */

/* One normalised token: its byte range in the input and its hash. */
typedef struct nc_stok {
  size_t start, end;
  uint64_t h;
} nc_stok;

/* How texts become tokens. */
typedef struct nc_topts {
  int stop;        /* drop English news stop words */
  int stem;        /* Porter-stem ASCII words (and drop a final 's) */
  nc_invalid inv;  /* invalid UTF-8 policy */
} nc_topts;

/* Reusable scratch space of the tokenizer; zero-initialise, free with
   nc_sim_scratch_free. */
typedef struct nc_sim_scratch {
  nc_vec words;   /* nc_token */
  nc_vec norm;    /* char */
} nc_sim_scratch;

NC_INTERNAL void nc_sim_scratch_init(nc_sim_scratch *sc);
NC_INTERNAL void nc_sim_scratch_free(nc_sim_scratch *sc);

/* Append the normalised tokens (nc_stok) of s[0..n) to out. */
NC_INTERNAL int nc_sim_tokens(const char *s, size_t n, const nc_topts *o,
                              nc_sim_scratch *sc, nc_vec *out, size_t *bad);

/*
** Normalise one token given as a string (NFKC_Casefold, stop words,
** stemming). On NC_OK, *keep is 0 when it is a stop word or holds no
** character, otherwise *h is its hash; the normalised form is left in
** sc->norm.
*/
NC_INTERNAL int nc_sim_token1(const char *s, size_t n, const nc_topts *o,
                              nc_sim_scratch *sc, uint64_t *h, int *keep, size_t *bad);

/* 1 when the normalised word w[0..n) is an English news stop word. */
NC_INTERNAL int nc_sim_is_stop(const char *w, size_t n);

/* Porter stemmer on a lowercase ASCII word w[0..n) (modified in place);
   returns the new length. Words with other bytes are left alone. */
NC_INTERNAL size_t nc_sim_stem(char *w, size_t n);

/* The 64-bit hash of a byte string used for tokens. */
NC_INTERNAL uint64_t nc_sim_hash(const void *p, size_t n, uint64_t seed);

/* A 64-bit finaliser (splitmix64). */
static inline uint64_t nc_sim_mix(uint64_t x) {
  x ^= x >> 30; x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27; x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

/* ------------------------------------------------------------ sets etc. */

/* Sort a[0..n) ascending. */
NC_INTERNAL void nc_sim_sort(uint64_t *a, size_t n);
/* Sort a[0..n) ascending and drop repeats; returns the new length. */
NC_INTERNAL size_t nc_sim_sort_unique(uint64_t *a, size_t n);

/*
** Append to out (uint64_t) the k-shingle hashes of the token hashes
** t[0..n), sorted and unique. A sequence shorter than k (but not empty)
** gives one shingle of all its tokens. k >= 1.
*/
NC_INTERNAL int nc_sim_shingles(const uint64_t *t, size_t n, size_t k, nc_vec *out);

/* The same k-shingle hashes in text order, with repeats (what MinHash and
   SimHash need: a minimum or a count does not need a sorted set). */
NC_INTERNAL int nc_sim_shingle_hashes(const uint64_t *t, size_t n, size_t k, nc_vec *out);

/* Size of the intersection of two sorted unique arrays. */
NC_INTERNAL size_t nc_sim_intersect(const uint64_t *a, size_t na, const uint64_t *b, size_t nb);

/* |A & B| / |A | B|; two empty sets give 1. */
NC_INTERNAL double nc_sim_jaccard(const uint64_t *a, size_t na, const uint64_t *b, size_t nb);

/* |A & B| / |A| (how much of A lies in B); an empty A gives 1. */
NC_INTERNAL double nc_sim_containment(const uint64_t *a, size_t na, const uint64_t *b, size_t nb);

/* The n hash functions of a MinHash signature: 2n words from `seed`. */
NC_INTERNAL void nc_minhash_params(uint64_t seed, size_t n, uint64_t *ab);

/* MinHash signature sig[0..n) of the set x[0..nx) (repeats allowed; empty:
   all 0xFFFFFFFF). Uses AVX2 where the processor has it (same values). */
NC_INTERNAL void nc_minhash(const uint64_t *x, size_t nx, const uint64_t *ab, size_t n,
                            uint32_t *sig);

/* Share of equal positions of two signatures. */
NC_INTERNAL double nc_minhash_similarity(const uint32_t *a, const uint32_t *b, size_t n);

/* 64-bit SimHash of the feature hashes x[0..nx) (weights w, or 1 each when NULL). */
NC_INTERNAL uint64_t nc_simhash(const uint64_t *x, const double *w, size_t nx);

static inline int nc_popcount64(uint64_t x) {
#if defined(__GNUC__)
  return __builtin_popcountll(x);
#else
  int c = 0;
  while (x) { x &= x - 1; c++; }
  return c;
#endif
}

/* ------------------------------------------------------------------ LSH */

/* Bands and rows for a Jaccard threshold t with at most n hash values,
   minimising the area of false positives plus NC_LSH_FN_WEIGHT times the
   area of false negatives (recall first: candidates are verified). */
#define NC_LSH_FN_WEIGHT 9.0
NC_INTERNAL void nc_lsh_params(double t, size_t n, size_t *bands, size_t *rows);

typedef struct nc_lsh {
  size_t bands, rows, n;   /* n: signature length stored (>= bands*rows) */
  size_t count;            /* items added */
  nc_vec sigs;             /* uint32_t, count * n */
  nc_vec entries;          /* nc_lsh_entry */
  uint64_t *keys;          /* open addressing: bucket key (0 = empty slot) */
  uint32_t *heads;         /* first entry of the bucket, + 1 */
  size_t slots, used;
  nc_vec marks;            /* uint32_t per item, for queries */
  uint32_t stamp;
} nc_lsh;

NC_INTERNAL int nc_lsh_init(nc_lsh *x, size_t bands, size_t rows, size_t n);
NC_INTERNAL void nc_lsh_free(nc_lsh *x);
/* Add a signature; the item number is x->count before the call. */
NC_INTERNAL int nc_lsh_add(nc_lsh *x, const uint32_t *sig);
/* Items (uint32_t) sharing a band with sig, each once, in no given order. */
NC_INTERNAL int nc_lsh_query(nc_lsh *x, const uint32_t *sig, nc_vec *out);
/* Candidate pairs (uint32_t i < j, flattened) sharing a band, each once,
   kept when their estimated similarity is >= min. */
NC_INTERNAL int nc_lsh_pairs(nc_lsh *x, double min, nc_vec *out);

/* A verified near-duplicate pair of a collection. */
typedef struct nc_simpair {
  uint32_t i, j;
  double sim;
} nc_simpair;

/*
** Near-duplicate pairs among texts: tokens, k-shingles, MinHash-n, LSH at
** `threshold`, then exact Jaccard >= threshold on the candidates. Texts
** are given as pointers and lengths. *bad_text tells which text held
** invalid UTF-8 (with NC_EUTF8).
*/
NC_INTERNAL int nc_sim_neardups(const char *const *texts, const size_t *lens, size_t count,
                                const nc_topts *o, size_t k, size_t n, uint64_t seed,
                                double threshold, nc_vec *out, size_t *bad_text, size_t *bad);

/* ---------------------------------------------------------------- TF-IDF */

/* A sparse vector: sorted unique term keys with weights. */
typedef struct nc_sterm {
  uint64_t key;
  double w;
} nc_sterm;

typedef struct nc_tfidf {
  size_t ndocs;
  double ntokens;          /* tokens seen in fit, for BM25's average length */
  uint64_t *keys;          /* term -> df, open addressing (0 = empty) */
  uint32_t *df;
  size_t slots, used;
  int sublinear;           /* 1 + log(tf) instead of tf */
  int plain_idf;           /* ln((1 + N) / (1 + df)), without the + 1 */
  size_t top;              /* keep the `top` heaviest terms of a vector (0: all) */
} nc_tfidf;

NC_INTERNAL void nc_tfidf_init(nc_tfidf *m);
NC_INTERNAL void nc_tfidf_free(nc_tfidf *m);
/* Count the distinct terms of one document (token hashes t[0..n)). */
NC_INTERNAL int nc_tfidf_add(nc_tfidf *m, const uint64_t *t, size_t n);
/* Document frequency of a term. */
NC_INTERNAL size_t nc_tfidf_df(const nc_tfidf *m, uint64_t key);
/* idf = ln((1 + N) / (1 + df)) + 1 (without the + 1 when plain_idf) */
NC_INTERNAL double nc_tfidf_idf(const nc_tfidf *m, uint64_t key);
/* Term counts of t[0..n) as a sparse vector (w = count); appended to out. */
NC_INTERNAL int nc_sim_counts(const uint64_t *t, size_t n, nc_vec *out);
/* The L2-normalised TF-IDF vector of t[0..n), appended to out (nc_sterm). */
NC_INTERNAL int nc_tfidf_vector(const nc_tfidf *m, const uint64_t *t, size_t n, nc_vec *out);
/* Dot product of two sparse vectors (cosine when both are normalised). */
NC_INTERNAL double nc_sparse_dot(const nc_sterm *a, size_t na, const nc_sterm *b, size_t nb);
/* Okapi BM25 of a document (token hashes d[0..nd)) for a query q[0..nq). */
NC_INTERNAL double nc_tfidf_bm25(const nc_tfidf *m, const uint64_t *q, size_t nq,
                                 const uint64_t *d, size_t nd, double k1, double b);
/*
** All pairs i < j of the vectors vecs[i] (nc_sterm arrays of lens[i]) with
** a dot product >= min (> 0), through an inverted index: appended to out
** as nc_simpair.
*/
NC_INTERNAL int nc_sparse_allpairs(const nc_sterm *const *vecs, const size_t *lens, size_t count,
                                   double min, nc_vec *out);

/* ------------------------------------------------------------- alignment */

typedef enum nc_aop { NC_KEEP = 0, NC_CHANGE = 1, NC_INSERT = 2, NC_DELETE = 3 } nc_aop;

/* One run of an edit script: tokens a[a0..a1) and b[b0..b1). */
typedef struct nc_arun {
  int op;
  size_t a0, a1, b0, b1;
} nc_arun;

/* Largest number of DP cells (m * n after trimming the common ends) that
   nc_align and nc_edit_distance take on. */
#define NC_ALIGN_MAX_CELLS ((uint64_t)1 << 34)
#define NC_ALIGN_MAX_SCRIPT_CELLS ((uint64_t)1 << 31)

/* Levenshtein distance between token sequences a[0..m) and b[0..n)
   (NC_ERANGE when too large). */
NC_INTERNAL int nc_edit_distance(const uint64_t *a, size_t m, const uint64_t *b, size_t n,
                                 size_t *dist);

/* Distance and an optimal edit script (runs appended to out, nc_arun). */
NC_INTERNAL int nc_align(const uint64_t *a, size_t m, const uint64_t *b, size_t n,
                         size_t *dist, nc_vec *out);

#endif
