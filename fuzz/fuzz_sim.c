/*
** fuzz_sim.c: the similarity engine's entry points. The first byte picks
** the entry point and the options; the rest is split at the first 0xFE byte
** into two texts.
*/
#include <stdlib.h>
#include <string.h>

#include "sim.h"

static void hashes(const nc_vec *toks, nc_vec *h) {
  size_t i;
  h->len = 0;
  if (nc_vec_reserve(h, toks->len + 1) != NC_OK) return;
  for (i = 0; i < toks->len; i++) ((uint64_t *)h->data)[i] = NC_VEC_AT(toks, nc_stok, i).h;
  h->len = toks->len;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *a, *b;
  size_t na, nb = 0, bad = 0, d = 0, i;
  unsigned sel;
  nc_topts o;
  nc_sim_scratch sc;
  nc_vec ta, tb, ha, hb, out;
  const void *sep;
  if (size < 1) return 0;
  sel = data[0];
  o.stop = sel & 1; o.stem = (sel >> 1) & 1;
  o.inv = (sel >> 2) & 1 ? NC_INVALID_REPLACE : NC_INVALID_ERROR;
  a = (const char *)data + 1;
  na = size - 1;
  sep = memchr(a, 0xFE, na);
  if (sep) { b = (const char *)sep + 1; nb = na - (size_t)(b - a); na = (size_t)((const char *)sep - a); }
  else b = a + na;
  nc_sim_scratch_init(&sc);
  nc_vec_init(&ta, sizeof(nc_stok)); nc_vec_init(&tb, sizeof(nc_stok));
  nc_vec_init(&ha, sizeof(uint64_t)); nc_vec_init(&hb, sizeof(uint64_t));
  nc_vec_init(&out, sizeof(nc_arun));
  if (nc_sim_tokens(a, na, &o, &sc, &ta, &bad) != NC_OK) goto done;
  if (nc_sim_tokens(b, nb, &o, &sc, &tb, &bad) != NC_OK) goto done;
  for (i = 0; i < ta.len; i++) {
    const nc_stok *t = &NC_VEC_AT(&ta, nc_stok, i);
    if (t->start >= t->end || t->end > na) abort();
  }
  hashes(&ta, &ha);
  hashes(&tb, &hb);
  switch ((sel >> 3) % 5) {
    case 0: { /* alignment: distance agrees with the script */
      size_t d2 = 0;
      if (nc_align(ha.data, ha.len, hb.data, hb.len, &d, &out) == NC_OK &&
          nc_edit_distance(ha.data, ha.len, hb.data, hb.len, &d2) == NC_OK && d != d2) abort();
      break;
    }
    case 1: { /* shingles and Jaccard */
      nc_vec sa, sb;
      size_t k = 1 + (sel >> 6);
      double j1, j2;
      nc_vec_init(&sa, sizeof(uint64_t)); nc_vec_init(&sb, sizeof(uint64_t));
      if (nc_sim_shingles(ha.data, ha.len, k, &sa) == NC_OK && nc_sim_shingles(hb.data, hb.len, k, &sb) == NC_OK) {
        j1 = nc_sim_jaccard(sa.data, sa.len, sb.data, sb.len);
        j2 = nc_sim_jaccard(sb.data, sb.len, sa.data, sa.len);
        if (j1 != j2 || j1 < 0 || j1 > 1) abort();
        if (nc_sim_containment(sa.data, sa.len, sa.data, sa.len) != 1.0) abort();
      }
      nc_vec_free(&sa); nc_vec_free(&sb);
      break;
    }
    case 2: { /* MinHash, SimHash, LSH */
      uint64_t ab[64];
      uint32_t s1[32], s2[32];
      nc_lsh ix;
      nc_vec p;
      nc_minhash_params(sel, 32, ab);
      nc_minhash(ha.data, ha.len, ab, 32, s1);
      nc_minhash(hb.data, hb.len, ab, 32, s2);
      (void)nc_simhash(ha.data, NULL, ha.len);
      nc_vec_init(&p, sizeof(uint32_t));
      if (nc_lsh_init(&ix, 8, 4, 32) == NC_OK) {
        nc_lsh_add(&ix, s1); nc_lsh_add(&ix, s2); nc_lsh_add(&ix, s1);
        nc_lsh_pairs(&ix, 0, &p);
        if (p.len < 2) abort(); /* items 0 and 2 are identical */
        p.len = 0;
        nc_lsh_query(&ix, s2, &p);
      }
      nc_lsh_free(&ix);
      nc_vec_free(&p);
      break;
    }
    case 3: { /* TF-IDF */
      nc_tfidf m;
      nc_vec v1, v2, pr;
      const nc_sterm *vs[2];
      size_t ls[2];
      nc_tfidf_init(&m);
      nc_vec_init(&v1, sizeof(nc_sterm)); nc_vec_init(&v2, sizeof(nc_sterm));
      nc_vec_init(&pr, sizeof(nc_simpair));
      nc_tfidf_add(&m, ha.data, ha.len);
      nc_tfidf_add(&m, hb.data, hb.len);
      nc_tfidf_vector(&m, ha.data, ha.len, &v1);
      nc_tfidf_vector(&m, hb.data, hb.len, &v2);
      vs[0] = v1.data; vs[1] = v2.data; ls[0] = v1.len; ls[1] = v2.len;
      nc_sparse_allpairs(vs, ls, 2, 1e-9, &pr);
      (void)nc_tfidf_bm25(&m, ha.data, ha.len, hb.data, hb.len, 1.2, 0.75);
      nc_vec_free(&v1); nc_vec_free(&v2); nc_vec_free(&pr);
      nc_tfidf_free(&m);
      break;
    }
    default: { /* near-duplicates of the two texts and their halves */
      const char *tx[4];
      size_t lx[4], bt = 0;
      nc_vec pr;
      tx[0] = a; lx[0] = na; tx[1] = b; lx[1] = nb; tx[2] = a; lx[2] = na / 2; tx[3] = a; lx[3] = na;
      nc_vec_init(&pr, sizeof(nc_simpair));
      o.inv = NC_INVALID_REPLACE;
      nc_sim_neardups(tx, lx, 4, &o, 1 + (sel >> 6), 16, 3, 0.5, &pr, &bt, &bad);
      nc_vec_free(&pr);
      break;
    }
  }
done:
  nc_vec_free(&ta); nc_vec_free(&tb); nc_vec_free(&ha); nc_vec_free(&hb); nc_vec_free(&out);
  nc_sim_scratch_free(&sc);
  return 0;
}
