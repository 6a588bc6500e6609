/*
** bench_sentences.c: speed of nc_sentences on a text file, against memcpy.
** usage: bench_sentences FILE   (prints "name  MB/s  ratio" rows)
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sentences.h"
#include "bench_util.h"

int main(int argc, char **argv) {
  FILE *f;
  char *buf, *dst;
  long len;
  size_t n, bad, count = 0;
  double best_s = 1e9, best_m = 1e9, mb;
  int r;
  if (argc < 2 || (f = fopen(argv[1], "rb")) == NULL) {
    fprintf(stderr, "usage: bench_sentences FILE\n");
    return 2;
  }
  fseek(f, 0, SEEK_END);
  len = ftell(f);
  fseek(f, 0, SEEK_SET);
  n = len > 0 ? (size_t)len : 0;
  buf = (char *)malloc(n + 1);
  dst = (char *)malloc(n + 1);
  if (!buf || !dst || fread(buf, 1, n, f) != n) { fprintf(stderr, "cannot read %s\n", argv[1]); return 1; }
  fclose(f);
  mb = (double)n / (1024.0 * 1024.0);
  for (r = 0; r < 5; r++) {
    nc_vec v;
    double t0, t;
    int st;
    nc_vec_init(&v, sizeof(nc_span));
    t0 = now();
    st = nc_sentences(buf, n, NC_INVALID_ERROR, &v, &bad);
    t = now() - t0;
    if (st != NC_OK) { fprintf(stderr, "nc_sentences failed: %d at %lu\n", st, (unsigned long)bad); return 1; }
    if (t < best_s) best_s = t;
    count = v.len;
    nc_vec_free(&v);
    t0 = now();
    memcpy(dst, buf, n);
    t = now() - t0;
    if (t < best_m) best_m = t;
  }
  if (dst[n / 2] != buf[n / 2]) return 1;
  printf("sentences (C engine)   %.1f MB, %lu sentences\n", mb, (unsigned long)count);
  printf("  %-28s %10.1f MB/s  %6.3f x memcpy\n", "nc_sentences", mb / best_s, best_m / best_s);
  printf("  %-28s %10.1f MB/s  %6.3f x memcpy\n", "memcpy", mb / best_m, 1.0);
  free(buf);
  free(dst);
  return 0;
}
