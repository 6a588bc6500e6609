/*
** bench_quotes.c: throughput of nc_quotes inside C on a news text.
** usage: bench_quotes FILE   (prints "quotes  MB/s  ratio")
*/
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "quotes.h"
#include "bench_util.h"

int main(int argc, char **argv) {
  FILE *f;
  char *s;
  long n;
  double best = 1e30;
  size_t found = 0;
  int r;
  if (argc < 2 || (f = fopen(argv[1], "rb")) == NULL) { fprintf(stderr, "usage: bench_quotes FILE\n"); return 2; }
  fseek(f, 0, SEEK_END);
  n = ftell(f);
  fseek(f, 0, SEEK_SET);
  s = (char *)malloc((size_t)n + 1);
  if (s == NULL || fread(s, 1, (size_t)n, f) != (size_t)n) { fclose(f); return 1; }
  fclose(f);
  for (r = 0; r < 3; r++) {
    nc_vec q, p;
    size_t bad;
    double t0, t;
    nc_vec_init(&q, sizeof(nc_quote));
    nc_vec_init(&p, sizeof(nc_qpart));
    t0 = now();
    if (nc_quotes(s, (size_t)n, NC_INVALID_REPLACE, &q, &p, &bad) != NC_OK) return 1;
    t = now() - t0;
    if (t < best) best = t;
    found = q.len;
    nc_vec_free(&q);
    nc_vec_free(&p);
  }
  printf("quotes (C, %lu found)  %.1f MB/s  1.00\n", (unsigned long)found, (double)n / 1048576.0 / best);
  free(s);
  return 0;
}
