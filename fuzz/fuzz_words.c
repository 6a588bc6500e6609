/*
** fuzz_words.c: libFuzzer target for the word engine: nc_segments,
** nc_words, nc_count_words and nc_normalize in every form, under both
** invalid-UTF-8 policies. Invariants: segments cover the input in order;
** tokens lie inside the input, in order, not overlapping, with a known
** kind; the count equals the number of tokens; the error policy reports
** the first ill-formed byte; normalising twice changes nothing; the
** 64-byte fast path of nc_words agrees with its general path.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "words.h"

#define ASSERT(c) do { if (!(c)) abort(); } while (0)

static void check_segments(const char *s, size_t n, nc_invalid inv, size_t firstbad) {
  nc_vec v;
  size_t bad = 0, i, pos = 0;
  int st;
  nc_vec_init(&v, sizeof(nc_span));
  st = nc_segments(s, n, inv, &v, &bad);
  if (inv == NC_INVALID_ERROR && firstbad < n) {
    ASSERT(st == NC_EUTF8 && bad == firstbad);
  } else {
    ASSERT(st == NC_OK);
    for (i = 0; i < v.len; i++) {
      nc_span sp = NC_VEC_AT(&v, nc_span, i);
      ASSERT(sp.start == pos && sp.end > sp.start && sp.end <= n);
      pos = sp.end;
    }
    ASSERT(pos == n);
  }
  nc_vec_free(&v);
}

static void check_words(const char *s, size_t n, nc_invalid inv, size_t firstbad) {
  nc_vec v;
  size_t bad = 0, i, last = 0, count = 0;
  int st, st2;
  nc_vec_init(&v, sizeof(nc_token));
  st = nc_words(s, n, inv, &v, &bad);
  st2 = nc_count_words(s, n, inv, &count, &bad);
  ASSERT(st == st2);
  {  /* the 64-byte fast path gives what the general path gives */
    nc_vec w;
    size_t bad2 = 0;
    nc_vec_init(&w, sizeof(nc_token));
    st2 = nc_words_scalar(s, n, inv, &w, &bad2);
    ASSERT(st == st2 && w.len == v.len);
    for (i = 0; i < v.len; i++) {
      nc_token x = NC_VEC_AT(&v, nc_token, i), y = NC_VEC_AT(&w, nc_token, i);
      ASSERT(x.start == y.start && x.end == y.end && x.kind == y.kind);
    }
    nc_vec_free(&w);
    /* the compact form holds the same tokens */
    nc_vec_init(&w, sizeof(nc_wspan));
    st2 = nc_word_spans(s, n, inv, &w, &bad2);
    ASSERT(st == st2 && w.len == v.len);
    for (i = 0; i < v.len; i++) {
      nc_token x = NC_VEC_AT(&v, nc_token, i);
      nc_wspan y = NC_VEC_AT(&w, nc_wspan, i);
      ASSERT(x.start == y.start && x.end - x.start == (y.lenkind >> 4) && x.kind == (int)(y.lenkind & 15));
    }
    nc_vec_free(&w);
  }
  if (inv == NC_INVALID_ERROR && firstbad < n) {
    ASSERT(st == NC_EUTF8 && bad == firstbad && v.len == 0);
  } else {
    ASSERT(st == NC_OK && count == v.len);
    for (i = 0; i < v.len; i++) {
      nc_token t = NC_VEC_AT(&v, nc_token, i);
      ASSERT(t.start >= last && t.end > t.start && t.end <= n);
      ASSERT(t.kind >= NC_W_WORD && t.kind <= NC_W_IDEO);
      last = t.end;
    }
  }
  nc_vec_free(&v);
}

static void check_normalize(const char *s, size_t n, nc_invalid inv, size_t firstbad) {
  int f;
  for (f = NC_NFC; f <= NC_NFKC_CASEFOLD; f++) {
    nc_vec a, b;
    size_t bad = 0;
    int st;
    nc_vec_init(&a, 1);
    nc_vec_init(&b, 1);
    st = nc_normalize(s, n, (nc_nform)f, inv, &a, &bad);
    if (inv == NC_INVALID_ERROR && firstbad < n) {
      ASSERT(st == NC_EUTF8 && bad == firstbad);
    } else {
      ASSERT(st == NC_OK);
      ASSERT(nc_utf8_check((const char *)a.data, a.len) == a.len);
      /* stable: a normal form normalises to itself */
      st = nc_normalize((const char *)a.data, a.len, (nc_nform)f, NC_INVALID_ERROR, &b, &bad);
      ASSERT(st == NC_OK && b.len == a.len && (a.len == 0 || memcmp(a.data, b.data, a.len) == 0));
    }
    nc_vec_free(&a);
    nc_vec_free(&b);
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *s = (const char *)data;
  size_t firstbad = nc_utf8_check(s, size);
  int inv;
  for (inv = NC_INVALID_ERROR; inv <= NC_INVALID_REPLACE; inv++) {
    check_segments(s, size, (nc_invalid)inv, firstbad);
    check_words(s, size, (nc_invalid)inv, firstbad);
    check_normalize(s, size, (nc_invalid)inv, firstbad);
  }
  return 0;
}
