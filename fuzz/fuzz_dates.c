/*
** fuzz_dates.c: nc_dates on any bytes, with and without a reference day
** (taken from the first two bytes), checking spans and ranges.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dates.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  nc_vec v;
  size_t bad = 0, i;
  long ref = 19000;
  int pass;
  const char *s = (const char *)data;
  char buf[16];
  if (size >= 2) ref = 10000 + (long)data[0] * 97 + (long)data[1] * 13;
  for (pass = 0; pass < 2; pass++) {
    nc_vec_init(&v, sizeof(nc_date));
    if (nc_dates(s, size, pass, ref, NC_INVALID_REPLACE, &v, &bad) != NC_OK) abort();
    for (i = 0; i < v.len; i++) {
      const nc_date *d = &NC_VEC_AT(&v, nc_date, i);
      if (d->start >= d->end || d->end > size) abort();
      if (d->has_range && d->low > d->high) abort();
      if (d->has_date && (d->low != d->date || d->high != d->date)) abort();
      if (d->has_range) nc_format_iso(d->low, buf, sizeof buf);
    }
    nc_vec_free(&v);
  }
  nc_vec_init(&v, sizeof(nc_date));
  (void)nc_dates(s, size, 1, ref, NC_INVALID_ERROR, &v, &bad);
  nc_vec_free(&v);
  return 0;
}
