/*
** sim_tfidf.c: document frequencies, TF-IDF vectors (smoothed idf, L2
** norm, as scikit-learn's TfidfVectorizer), cosine, Okapi BM25, and
** all-pairs cosine through an inverted index.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sim.h"

void nc_tfidf_init(nc_tfidf *m) {
  memset(m, 0, sizeof *m);
}

void nc_tfidf_free(nc_tfidf *m) {
  free(m->keys);
  free(m->df);
  m->keys = NULL; m->df = NULL;
  m->slots = m->used = 0;
}

static size_t slot(const uint64_t *keys, size_t slots, uint64_t k) {
  size_t msk = slots - 1, i = (size_t)nc_sim_mix(k) & msk;
  while (keys[i] != 0 && keys[i] != k) i = (i + 1) & msk;
  return i;
}

static int grow(nc_tfidf *m) {
  size_t ns = m->slots ? m->slots * 2 : 1024, i;
  uint64_t *nk = (uint64_t *)calloc(ns, sizeof *nk);
  uint32_t *nd = (uint32_t *)calloc(ns, sizeof *nd);
  if (!nk || !nd) { free(nk); free(nd); return NC_ENOMEM; }
  for (i = 0; i < m->slots; i++) {
    if (m->keys[i]) {
      size_t j = slot(nk, ns, m->keys[i]);
      nk[j] = m->keys[i];
      nd[j] = m->df[i];
    }
  }
  free(m->keys); free(m->df);
  m->keys = nk; m->df = nd; m->slots = ns;
  return NC_OK;
}

int nc_sim_counts(const uint64_t *t, size_t n, nc_vec *out) {
  uint64_t *tmp;
  size_t i;
  if (n == 0) return NC_OK;
  tmp = (uint64_t *)malloc(n * sizeof *tmp);
  if (!tmp) return NC_ENOMEM;
  memcpy(tmp, t, n * sizeof *tmp);
  nc_sim_sort(tmp, n);
  for (i = 0; i < n;) {
    size_t j = i;
    nc_sterm *o;
    while (j < n && tmp[j] == tmp[i]) j++;
    if ((o = (nc_sterm *)nc_vec_push(out)) == NULL) { free(tmp); return NC_ENOMEM; }
    o->key = tmp[i];
    o->w = (double)(j - i);
    i = j;
  }
  free(tmp);
  return NC_OK;
}

int nc_tfidf_add(nc_tfidf *m, const uint64_t *t, size_t n) {
  nc_vec c;
  size_t i;
  int st;
  nc_vec_init(&c, sizeof(nc_sterm));
  st = nc_sim_counts(t, n, &c);
  for (i = 0; st == NC_OK && i < c.len; i++) {
    uint64_t k = NC_VEC_AT(&c, nc_sterm, i).key;
    size_t s;
    if ((m->used + 1) * 2 > m->slots && (st = grow(m)) != NC_OK) break;
    s = slot(m->keys, m->slots, k);
    if (m->keys[s] == 0) { m->keys[s] = k; m->df[s] = 0; m->used++; }
    if (m->df[s] < 0xFFFFFFFFu) m->df[s]++;
  }
  nc_vec_free(&c);
  if (st == NC_OK) { m->ndocs++; m->ntokens += (double)n; }
  return st;
}

size_t nc_tfidf_df(const nc_tfidf *m, uint64_t key) {
  size_t s;
  if (m->slots == 0 || key == 0) return 0;
  s = slot(m->keys, m->slots, key);
  return m->keys[s] ? m->df[s] : 0;
}

double nc_tfidf_idf(const nc_tfidf *m, uint64_t key) {
  return log((1.0 + (double)m->ndocs) / (1.0 + (double)nc_tfidf_df(m, key))) + (m->plain_idf ? 0.0 : 1.0);
}

static int byweight(const void *x, const void *y) {
  const nc_sterm *a = (const nc_sterm *)x, *b = (const nc_sterm *)y;
  if (a->w != b->w) return a->w > b->w ? -1 : 1;
  return a->key < b->key ? -1 : a->key > b->key;
}

static int bykey(const void *x, const void *y) {
  const nc_sterm *a = (const nc_sterm *)x, *b = (const nc_sterm *)y;
  return a->key < b->key ? -1 : a->key > b->key;
}

int nc_tfidf_vector(const nc_tfidf *m, const uint64_t *t, size_t n, nc_vec *out) {
  size_t base = out->len, i;
  double norm = 0;
  nc_sterm *o;
  int st = nc_sim_counts(t, n, out);
  if (st != NC_OK) return st;
  o = (nc_sterm *)out->data + base;
  for (i = 0; i < out->len - base; i++) {
    double tf = m->sublinear ? 1.0 + log(o[i].w) : o[i].w;
    o[i].w = tf * nc_tfidf_idf(m, o[i].key);
  }
  if (m->top > 0 && out->len - base > m->top) {
    qsort(o, out->len - base, sizeof *o, byweight);
    out->len = base + m->top;
    qsort(o, m->top, sizeof *o, bykey);
  }
  /* terms of weight 0 (in every document, plain idf) are dropped */
  {
    size_t k = 0;
    for (i = 0; i < out->len - base; i++) if (o[i].w > 0) o[k++] = o[i];
    out->len = base + k;
  }
  for (i = 0; i < out->len - base; i++) norm += o[i].w * o[i].w;
  if (norm > 0) {
    norm = 1.0 / sqrt(norm);
    for (i = 0; i < out->len - base; i++) o[i].w *= norm;
  }
  return NC_OK;
}

double nc_sparse_dot(const nc_sterm *a, size_t na, const nc_sterm *b, size_t nb) {
  size_t i = 0, j = 0;
  double s = 0;
  while (i < na && j < nb) {
    if (a[i].key == b[j].key) { s += a[i].w * b[j].w; i++; j++; }
    else if (a[i].key < b[j].key) i++;
    else j++;
  }
  return s;
}

double nc_tfidf_bm25(const nc_tfidf *m, const uint64_t *q, size_t nq,
                     const uint64_t *d, size_t nd, double k1, double b) {
  nc_vec qc, dc;
  double score = 0, avgdl = m->ndocs ? m->ntokens / (double)m->ndocs : (double)nd;
  size_t i = 0, j = 0;
  nc_vec_init(&qc, sizeof(nc_sterm));
  nc_vec_init(&dc, sizeof(nc_sterm));
  if (avgdl <= 0) avgdl = 1;
  if (nc_sim_counts(q, nq, &qc) == NC_OK && nc_sim_counts(d, nd, &dc) == NC_OK) {
    const nc_sterm *a = (const nc_sterm *)qc.data, *c = (const nc_sterm *)dc.data;
    while (i < qc.len && j < dc.len) {
      if (a[i].key == c[j].key) {
        double df = (double)nc_tfidf_df(m, a[i].key), N = (double)m->ndocs;
        double idf = log(1.0 + (N - df + 0.5) / (df + 0.5));
        double tf = c[j].w;
        score += idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * (double)nd / avgdl));
        i++; j++;
      } else if (a[i].key < c[j].key) i++;
      else j++;
    }
  } else {
    score = NAN;
  }
  nc_vec_free(&qc);
  nc_vec_free(&dc);
  return score;
}

/* ---- all pairs ---- */

typedef struct posting {
  uint32_t doc;
  double w;
} posting;

int nc_sparse_allpairs(const nc_sterm *const *vecs, const size_t *lens, size_t count,
                       double min, nc_vec *out) {
  uint64_t *keys = NULL;
  uint32_t *ids = NULL, *start = NULL, *fill = NULL, *touched = NULL;
  posting *post = NULL;
  double *acc = NULL;
  size_t slots = 16, nterms = 0, total = 0, i, j;
  int st = NC_OK;
  if (count >= 0xFFFFFFF0u) return NC_ERANGE;
  for (i = 0; i < count; i++) total += lens[i];
  if (total >= 0xFFFFFFF0u) return NC_ERANGE;
  while (slots < 2 * total + 2) slots *= 2;
  keys = (uint64_t *)calloc(slots, sizeof *keys);
  ids = (uint32_t *)malloc(slots * sizeof *ids);
  if (!keys || !ids) { st = NC_ENOMEM; goto done; }
  /* term ids */
  for (i = 0; i < count; i++) {
    for (j = 0; j < lens[i]; j++) {
      size_t s = slot(keys, slots, vecs[i][j].key);
      if (keys[s] == 0) { keys[s] = vecs[i][j].key; ids[s] = (uint32_t)nterms++; }
    }
  }
  start = (uint32_t *)calloc(nterms + 1, sizeof *start);
  fill = (uint32_t *)calloc(nterms + 1, sizeof *fill);
  post = (posting *)malloc((total + 1) * sizeof *post);
  acc = (double *)calloc(count + 1, sizeof *acc);
  touched = (uint32_t *)malloc((count + 1) * sizeof *touched);
  if (!start || !fill || !post || !acc || !touched) { st = NC_ENOMEM; goto done; }
  /* postings, in document order */
  for (i = 0; i < count; i++)
    for (j = 0; j < lens[i]; j++) start[ids[slot(keys, slots, vecs[i][j].key)] + 1]++;
  for (i = 0; i < nterms; i++) start[i + 1] += start[i];
  for (i = 0; i < nterms; i++) fill[i] = start[i];
  for (i = 0; i < count; i++) {
    for (j = 0; j < lens[i]; j++) {
      uint32_t t = ids[slot(keys, slots, vecs[i][j].key)];
      post[fill[t]].doc = (uint32_t)i;
      post[fill[t]].w = vecs[i][j].w;
      fill[t]++;
    }
  }
  /* fill[] now serves as a cursor: past the documents already done */
  for (i = 0; i < nterms; i++) fill[i] = start[i];
  for (i = 0; i < count && st == NC_OK; i++) {
    size_t nt = 0, x;
    for (j = 0; j < lens[i]; j++) {
      uint32_t t = ids[slot(keys, slots, vecs[i][j].key)], p;
      double w = vecs[i][j].w;
      while (fill[t] < start[t + 1] && post[fill[t]].doc <= i) fill[t]++;
      for (p = fill[t]; p < start[t + 1]; p++) {
        uint32_t d = post[p].doc;
        if (acc[d] == 0) touched[nt++] = d; /* weights are > 0 */
        acc[d] += w * post[p].w;
      }
    }
    for (x = 0; x < nt; x++) {
      uint32_t d = touched[x];
      if (acc[d] >= min) {
        nc_simpair *pr = (nc_simpair *)nc_vec_push(out);
        if (!pr) { st = NC_ENOMEM; break; }
        pr->i = (uint32_t)i; pr->j = d;
        pr->sim = acc[d] > 1.0 ? 1.0 : acc[d];
      }
      acc[d] = 0;
    }
  }
done:
  free(keys); free(ids); free(start); free(fill); free(post); free(acc); free(touched);
  return st;
}
