/*
** bench_figures.c: throughput of the figure and date engines on a text file
** (argv[1]), one core, best of several runs: memcpy (the limit),
** nc_figures, nc_dates with a reference day, and both with the UTF-8 check
** skipped (invalid = replace). Times are process CPU time. Prints
** "name  MB/s  ratio-to-memcpy".
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dates.h"
#include "figures.h"
#include "bench_util.h"

typedef struct bench { const char *text; size_t len; char *copy; size_t sink; } bench;

static void run_memcpy(bench *b) { memcpy(b->copy, b->text, b->len); b->sink += (unsigned char)b->copy[b->len / 2]; }
static void run_figures(bench *b, nc_invalid inv) {
  nc_vec v;
  size_t bad;
  nc_vec_init(&v, sizeof(nc_figure));
  nc_figures(b->text, b->len, inv, &v, &bad);
  b->sink += v.len;
  nc_vec_free(&v);
}
static void run_dates(bench *b, nc_invalid inv) {
  nc_vec v;
  size_t bad;
  nc_vec_init(&v, sizeof(nc_date));
  nc_dates(b->text, b->len, 1, nc_days_from_civil(2024, 8, 14), inv, &v, &bad);
  b->sink += v.len;
  nc_vec_free(&v);
}

static double best(bench *b, int which) {
  double t_best = 1e30;
  int k;
  for (k = 0; k < 3; k++) {
    double t0 = now(), t;
    switch (which) {
      case 0: run_memcpy(b); break;
      case 1: run_figures(b, NC_INVALID_ERROR); break;
      case 2: run_figures(b, NC_INVALID_REPLACE); break;
      case 3: run_dates(b, NC_INVALID_ERROR); break;
      default: run_dates(b, NC_INVALID_REPLACE); break;
    }
    t = now() - t0;
    if (t < t_best) t_best = t;
  }
  return t_best;
}

int main(int argc, char **argv) {
  static const char *const names[] = {
    "memcpy", "nc_figures", "nc_figures (replace)", "nc_dates", "nc_dates (replace)" };
  bench b;
  double base, mb;
  int k;
  if (argc < 2) { fprintf(stderr, "usage: bench_figures FILE\n"); return 2; }
  b.text = slurp(argv[1], &b.len);
  if (!b.text) { fprintf(stderr, "bench_figures: cannot read %s\n", argv[1]); return 1; }
  b.copy = (char *)malloc(b.len + 1);
  b.sink = 0;
  if (!b.copy) return 1;
  mb = (double)b.len / (1024.0 * 1024.0);
  base = best(&b, 0);
  printf("%-24s %10s %8s\n", "figures/dates", "MB/s", "ratio");
  for (k = 0; k < 5; k++) {
    double t = k == 0 ? base : best(&b, k);
    printf("%-24s %10.1f %8.3f\n", names[k], mb / t, base / t);
  }
  if (b.sink == 42) printf("\n");
  free(b.copy);
  free((void *)b.text);
  return 0;
}
