/*
** fuzz_figures.c: nc_figures on any bytes (both invalid-UTF-8 policies),
** checking that spans lie inside the input and ranges are ordered, and
** comparing neighbouring figures.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "figures.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  nc_vec v;
  size_t bad = 0, i;
  char why[128];
  const char *s = (const char *)data;
  nc_vec_init(&v, sizeof(nc_figure));
  if (nc_figures(s, size, NC_INVALID_ERROR, &v, &bad) == NC_EUTF8 && bad >= size) abort();
  nc_vec_free(&v);
  nc_vec_init(&v, sizeof(nc_figure));
  if (nc_figures(s, size, NC_INVALID_REPLACE, &v, &bad) != NC_OK) abort();
  for (i = 0; i < v.len; i++) {
    const nc_figure *f = &NC_VEC_AT(&v, nc_figure, i);
    if (f->start >= f->end || f->end > size) abort();
    if (i > 0 && f->start < NC_VEC_AT(&v, nc_figure, i - 1).end) abort();
    if (!(f->low <= f->high)) abort();
    if (!f->unit_lit && (f->unit_start > f->unit_end || f->unit_end > size)) abort();
    if (i > 0) nc_fig_compare(f, &NC_VEC_AT(&v, nc_figure, i - 1), why, sizeof why);
  }
  nc_vec_free(&v);
  return 0;
}
