/*
** fuzz_quotes.c: libFuzzer target of nc_quotes (both invalid-UTF-8 policies).
** Checks that every range lies inside the input and parts are in order.
*/
#include <stdint.h>
#include <stdlib.h>

#include "quotes.h"

static void check(const nc_vec *q, const nc_vec *p, size_t n) {
  size_t i, k;
  for (i = 0; i < q->len; i++) {
    const nc_quote *x = &NC_VEC_AT(q, nc_quote, i);
    if (x->start >= x->end || x->end > n) abort();
    if (x->part + x->nparts > p->len || x->nparts == 0) abort();
    if (x->speaker.end > n || x->mention.end > n || x->cue.end > n || x->via.end > n) abort();
    for (k = 0; k < x->nparts; k++) {
      const nc_qpart *y = &NC_VEC_AT(p, nc_qpart, x->part + k);
      if (y->start < x->start || y->end > x->end || y->istart < y->start || y->iend > y->end || y->istart > y->iend)
        abort();
    }
    if (i > 0 && NC_VEC_AT(q, nc_quote, i - 1).end > x->start) abort();
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  nc_vec q, p;
  size_t bad = 0;
  int inv;
  for (inv = 0; inv < 2; inv++) {
    nc_vec_init(&q, sizeof(nc_quote));
    nc_vec_init(&p, sizeof(nc_qpart));
    if (nc_quotes((const char *)data, size, (nc_invalid)inv, &q, &p, &bad) == NC_OK) check(&q, &p, size);
    nc_vec_free(&q);
    nc_vec_free(&p);
  }
  return 0;
}
