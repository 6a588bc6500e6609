/*
** fuzz_sentences.c: libFuzzer target for nc_sentences.
** Invariants: with NC_INVALID_REPLACE every input succeeds; spans are in
** order, do not overlap, lie inside the input, are non-empty and have no
** white space at either end. With NC_INVALID_ERROR, valid UTF-8 gives the
** same spans and invalid UTF-8 reports the first bad byte.
*/
#include <stdlib.h>
#include <string.h>

#include "sentences.h"

static int ws_at(const unsigned char *s, size_t i, size_t n) {
  unsigned c = s[i];
  if (c == ' ' || (c >= 9 && c <= 13)) return 1;
  if (c == 0xC2 && i + 1 < n && (s[i + 1] == 0xA0 || s[i + 1] == 0x85)) return 1;
  return 0;
}

static int ws_before(const unsigned char *s, size_t i) {
  unsigned c = s[i - 1];
  if (c == ' ' || (c >= 9 && c <= 13)) return 1;
  if (i >= 2 && s[i - 2] == 0xC2 && (c == 0xA0 || c == 0x85)) return 1;
  return 0;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t n) {
  const char *s = (const char *)data;
  nc_vec v, w;
  size_t bad = 0, i, prev = 0, first_bad = nc_utf8_check(s, n);
  int st;
  nc_vec_init(&v, sizeof(nc_span));
  st = nc_sentences(s, n, NC_INVALID_REPLACE, &v, &bad);
  if (st != NC_OK) abort();
  for (i = 0; i < v.len; i++) {
    nc_span sp = NC_VEC_AT(&v, nc_span, i);
    if (sp.start >= sp.end || sp.end > n) abort();
    if (sp.start < prev) abort();
    if (ws_at(data, sp.start, n) || ws_before(data, sp.end)) abort();
    prev = sp.end;
  }
  nc_vec_init(&w, sizeof(nc_span));
  st = nc_sentences(s, n, NC_INVALID_ERROR, &w, &bad);
  if (first_bad < n) {
    if (st != NC_EUTF8 || bad != first_bad) abort();
  } else {
    if (st != NC_OK || w.len != v.len) abort();
    if (v.len && memcmp(v.data, w.data, v.len * sizeof(nc_span)) != 0) abort();
  }
  nc_vec_free(&v);
  nc_vec_free(&w);
  return 0;
}
