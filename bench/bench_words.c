/*
** bench_words.c: throughput of the word engine on a text file (argv[1]),
** one core, best of several runs: memcpy (the limit), nc_count_words,
** nc_words (spans and kinds), nc_word_spans (compact), nc_segments, nc_normalize in each form.
** Prints "name  MB/s  ratio-to-memcpy".
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "words.h"
#include "bench_util.h"

static const char *text;
static size_t len;
static char *copy;
static volatile size_t sink;

static void run_memcpy(void) { memcpy(copy, text, len); sink += (unsigned char)copy[len / 2]; }
static void run_count(void) {
  size_t c = 0, bad;
  nc_count_words(text, len, NC_INVALID_ERROR, &c, &bad);
  sink += c;
}
static void run_count_replace(void) {
  size_t c = 0, bad;
  nc_count_words(text, len, NC_INVALID_REPLACE, &c, &bad);
  sink += c;
}
static void run_spans(void) {
  nc_vec v;
  size_t bad;
  nc_vec_init(&v, sizeof(nc_token));
  nc_words(text, len, NC_INVALID_ERROR, &v, &bad);
  sink += v.len;
  nc_vec_free(&v);
}
static void run_wspans(void) {
  nc_vec v;
  size_t bad;
  nc_vec_init(&v, sizeof(nc_wspan));
  nc_word_spans(text, len, NC_INVALID_ERROR, &v, &bad);
  sink += v.len;
  nc_vec_free(&v);
}
static nc_vec reused_w;
static void run_wspans_reused(void) {
  size_t bad;
  reused_w.len = 0;
  nc_word_spans(text, len, NC_INVALID_ERROR, &reused_w, &bad);
  sink += reused_w.len;
}
static nc_vec reused;   /* a caller that reuses its vector from text to text */
static void run_spans_reused(void) {
  size_t bad;
  reused.len = 0;
  nc_words(text, len, NC_INVALID_ERROR, &reused, &bad);
  sink += reused.len;
}
static void run_segments(void) {
  nc_vec v;
  size_t bad;
  nc_vec_init(&v, sizeof(nc_span));
  nc_segments(text, len, NC_INVALID_ERROR, &v, &bad);
  sink += v.len;
  nc_vec_free(&v);
}
static void run_norm(nc_nform f) {
  nc_vec v;
  size_t bad;
  nc_vec_init(&v, 1);
  nc_normalize(text, len, f, NC_INVALID_ERROR, &v, &bad);
  sink += v.len;
  nc_vec_free(&v);
}
static void run_nfc(void) { run_norm(NC_NFC); }
static void run_nfkc(void) { run_norm(NC_NFKC); }
static void run_cf(void) { run_norm(NC_NFKC_CASEFOLD); }

static double best(void (*f)(void)) {
  double b = 1e30;
  int i;
  for (i = 0; i < 7; i++) {
    double t0 = now(), t;
    f();
    t = now() - t0;
    if (t < b) b = t;
  }
  return (double)len / (1024.0 * 1024.0) / b;
}

int main(int argc, char **argv) {
  double lim;
  size_t words = 0, bad;
  static const struct { const char *name; void (*f)(void); } rows[] = {
    { "nc_count_words", run_count },
    { "nc_count_words (replace)", run_count_replace },
    { "nc_words (spans + kinds)", run_spans },
    { "nc_words, vector reused", run_spans_reused },
    { "nc_word_spans (8-byte tokens)", run_wspans },
    { "nc_word_spans, vector reused", run_wspans_reused },
    { "nc_segments (UAX #29)", run_segments },
    { "nc_normalize NFC", run_nfc },
    { "nc_normalize NFKC", run_nfkc },
    { "nc_normalize NFKC_Casefold", run_cf },
  };
  size_t i;
  if (argc < 2 || (text = slurp(argv[1], &len)) == NULL) {
    fprintf(stderr, "usage: bench_words TEXTFILE\n");
    return 2;
  }
  copy = (char *)malloc(len + 1);
  nc_vec_init(&reused, sizeof(nc_token));
  nc_vec_init(&reused_w, sizeof(nc_wspan));
  nc_count_words(text, len, NC_INVALID_ERROR, &words, &bad);
  printf("== words engine (C), %lu bytes, %lu words\n", (unsigned long)len, (unsigned long)words);
  lim = best(run_memcpy);
  printf("%-32s %9.1f MB/s  %6.3f\n", "memcpy (limit)", lim, 1.0);
  for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
    double r = best(rows[i].f);
    printf("%-32s %9.1f MB/s  %6.3f\n", rows[i].name, r, r / lim);
  }
  free(copy);
  nc_vec_free(&reused);
  nc_vec_free(&reused_w);
  free((void *)text);
  return 0;
}
