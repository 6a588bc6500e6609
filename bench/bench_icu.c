/*
** bench_icu.c: ICU's word BreakIterator (ubrk_open UBRK_WORD over UTF-8
** through utext_openUTF8) against nc_words, nc_word_spans and
** nc_count_words on the same text (argv[1]),
** in one process, best of five rounds taken in turn. Prints MB/s and the ratio.
** Link flags in bench_icu.flags.
*/
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include "words.h"
#include "bench_util.h"

int main(int argc, char **argv) {
  FILE *f;
  char *text;
  long len;
  double best_icu = 1e30, best_nc = 1e30, best_count = 1e30, best_ws = 1e30, best_wr = 1e30, mb;
  nc_vec reused;   /* a caller that keeps its vector from text to text */
  size_t icu_words = 0, nc_count = 0;
  int r;
  if (argc < 2 || (f = fopen(argv[1], "rb")) == NULL) {
    fprintf(stderr, "usage: bench_icu TEXTFILE\n");
    return 2;
  }
  fseek(f, 0, SEEK_END);
  len = ftell(f);
  fseek(f, 0, SEEK_SET);
  text = (char *)malloc((size_t)len + 1);
  if (text == NULL || fread(text, 1, (size_t)len, f) != (size_t)len) return 2;
  fclose(f);
  mb = (double)len / (1024.0 * 1024.0);
  nc_vec_init(&reused, sizeof(nc_wspan));
  /* rounds of each in turn, so that a change of load on a shared machine
     hits all alike; best of the rounds */
  for (r = 0; r < 5; r++) {
    {
      UErrorCode err = U_ZERO_ERROR;
      UText *ut;
      UBreakIterator *bi;
      double t0 = now(), t;
      int32_t pos;
      size_t words = 0;
      ut = utext_openUTF8(NULL, text, len, &err);
      bi = ubrk_open(UBRK_WORD, "en", NULL, 0, &err);
      ubrk_setUText(bi, ut, &err);
      if (U_FAILURE(err)) { fprintf(stderr, "ICU: %s\n", u_errorName(err)); return 1; }
      for (pos = ubrk_first(bi); (pos = ubrk_next(bi)) != UBRK_DONE;)
        if (ubrk_getRuleStatus(bi) != UBRK_WORD_NONE) words++;
      ubrk_close(bi);
      utext_close(ut);
      t = now() - t0;
      if (t < best_icu) best_icu = t;
      icu_words = words;
    }
    {
      nc_vec v;
      size_t bad;
      double t0 = now(), t;
      nc_vec_init(&v, sizeof(nc_token));
      nc_words(text, (size_t)len, NC_INVALID_ERROR, &v, &bad);
      t = now() - t0;
      if (t < best_nc) best_nc = t;
      nc_count = v.len;
      nc_vec_free(&v);
    }
    {
      nc_vec v;
      size_t bad;
      double t0 = now(), t;
      nc_vec_init(&v, sizeof(nc_wspan));
      nc_word_spans(text, (size_t)len, NC_INVALID_ERROR, &v, &bad);
      t = now() - t0;
      if (t < best_ws) best_ws = t;
      nc_vec_free(&v);
    }
    {
      size_t bad;
      double t0 = now(), t;
      reused.len = 0;
      nc_word_spans(text, (size_t)len, NC_INVALID_ERROR, &reused, &bad);
      t = now() - t0;
      if (t < best_wr) best_wr = t;
    }
    {
      size_t c = 0, bad;
      double t0 = now(), t;
      nc_count_words(text, (size_t)len, NC_INVALID_ERROR, &c, &bad);
      t = now() - t0;
      if (t < best_count) best_count = t;
    }
  }
  printf("== word boundaries: ICU vs newsc, %ld bytes\n", len);
  printf("%-32s %9.1f MB/s  %6.3f  (%lu words)\n", "ICU ubrk UBRK_WORD (UTF-8)", mb / best_icu, 1.0,
         (unsigned long)icu_words);
  printf("%-32s %9.1f MB/s  %6.3f  (%lu words)\n", "nc_words (fresh vector)", mb / best_nc,
         best_icu / best_nc, (unsigned long)nc_count);
  printf("%-32s %9.1f MB/s  %6.3f\n", "nc_word_spans (fresh vector)", mb / best_ws, best_icu / best_ws);
  printf("%-32s %9.1f MB/s  %6.3f\n", "nc_word_spans, vector reused", mb / best_wr, best_icu / best_wr);
  printf("%-32s %9.1f MB/s  %6.3f\n", "nc_count_words", mb / best_count, best_icu / best_count);
  nc_vec_free(&reused);
  free(text);
  return 0;
}
