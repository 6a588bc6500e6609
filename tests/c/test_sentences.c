/*
** test_sentences.c: unit tests of the sentence splitter engine.
*/
#include <stdlib.h>
#include <string.h>

#include "ctest.h"
#include "sentences.h"

/* Split s (length n) and join the sentences with " | ". */
static const char *splitn(const char *s, size_t n) {
  static char buf[4096];
  nc_vec v;
  size_t bad = 0, i, len = 0;
  int st;
  nc_vec_init(&v, sizeof(nc_span));
  st = nc_sentences(s, n, NC_INVALID_ERROR, &v, &bad);
  if (st != NC_OK) { nc_vec_free(&v); return "<error>"; }
  buf[0] = 0;
  for (i = 0; i < v.len; i++) {
    nc_span sp = NC_VEC_AT(&v, nc_span, i);
    size_t k = sp.end - sp.start;
    if (len + k + 4 >= sizeof buf) break;
    if (i) { memcpy(buf + len, " | ", 3); len += 3; }
    memcpy(buf + len, s + sp.start, k);
    len += k;
    buf[len] = 0;
  }
  nc_vec_free(&v);
  return buf;
}

static const char *split(const char *s) { return splitn(s, strlen(s)); }

#define SPLITS(text, want) do { const char *got_ = split(text); \
    CHECK(strcmp(got_, want) == 0, "split(%s)\n   got: %s\n  want: %s", text, got_, want); } while (0)

static void test_basic(void) {
  SPLITS("", "");
  SPLITS("   \n\t ", "");
  SPLITS("Hello World. My name is Jonas.", "Hello World. | My name is Jonas.");
  SPLITS("  What is it?  I see.  ", "What is it? | I see.");
  SPLITS("Hello?! Is that you?", "Hello?! | Is that you?");
  SPLITS("She works at Yahoo! in the accounting department.",
         "She works at Yahoo! in the accounting department.");
  SPLITS("no final stop", "no final stop");
  SPLITS("---", "");
}

static void test_abbreviations(void) {
  SPLITS("Gen. Tom Ríos met Sen. Maria Keller and Gov. Hale. They talked.",
         "Gen. Tom Ríos met Sen. Maria Keller and Gov. Hale. | They talked.");
  SPLITS("Dr. Haddad and Mr. and Mrs. Smith met Ms. Li and Prof. Ode.",
         "Dr. Haddad and Mr. and Mrs. Smith met Ms. Li and Prof. Ode.");
  SPLITS("Rep. Ann Cole and Lt. Col. Ray Shaw visited St. Louis and Mt. Fuji.",
         "Rep. Ann Cole and Lt. Col. Ray Shaw visited St. Louis and Mt. Fuji.");
  SPLITS("Sam Hill Jr. of Acme Co. and Bolt Inc. sued Dart Corp. and Kite Ltd. in court.",
         "Sam Hill Jr. of Acme Co. and Bolt Inc. sued Dart Corp. and Kite Ltd. in court.");
  SPLITS("He lives at No. 10 and the case is Roe vs. Wade.",
         "He lives at No. 10 and the case is Roe vs. Wade.");
  SPLITS("They sold fruit, bread, etc. The market closed.",
         "They sold fruit, bread, etc. | The market closed.");
  SPLITS("Talks began Jan. 5 and ended Sept. 30, before Dec. 1.",
         "Talks began Jan. 5 and ended Sept. 30, before Dec. 1.");
  SPLITS("The U.N. agency and the U.K. and E.U. envoys met U.S. President Biden.",
         "The U.N. agency and the U.K. and E.U. envoys met U.S. President Biden.");
  SPLITS("I live in the U.S. How about you?", "I live in the U.S. | How about you?");
  SPLITS("At 5 p.m. the talks ended. By 9 a.m. It was over.",
         "At 5 p.m. the talks ended. | By 9 a.m. | It was over.");
  SPLITS("Some states, i.e. Texas, and others, e.g. Ohio, agreed.",
         "Some states, i.e. Texas, and others, e.g. Ohio, agreed.");
  SPLITS("My name is Jonas E. Smith.", "My name is Jonas E. Smith.");
  SPLITS("You and I. Did you see Albert I. Jones?", "You and I. | Did you see Albert I. Jones?");
  SPLITS("\"No.\" Putin said it. He went to the U.N. \"Act now,\" he said.",
         "\"No.\" | Putin said it. | He went to the U.N. | \"Act now,\" he said.");
}

static void test_numbers_and_ellipses(void) {
  SPLITS("She has $100.00. It grew 3.5 percent.", "She has $100.00. | It grew 3.5 percent.");
  SPLITS("It ended in 2024. 15 people died.", "It ended in 2024. | 15 people died.");
  SPLITS("Turn to p. 55 now.", "Turn to p. 55 now.");
  SPLITS("We are doing everything ... to help.", "We are doing everything ... to help.");
  SPLITS("We waited\xe2\x80\xa6 Then it came.", "We waited\xe2\x80\xa6 | Then it came.");
  SPLITS("I never meant that.... She left.", "I never meant that.... | She left.");
  SPLITS("the thing is . . . I did not.", "the thing is . . . I did not.");
  SPLITS("it ended. . . . The next began.", "it ended. | . . . The next began.");
  SPLITS("Visit example.com. Mail jane.doe@example.org today.",
         "Visit example.com. | Mail jane.doe@example.org today.");
}

static void test_quotes_and_brackets(void) {
  SPLITS("\xe2\x80\x9cWe will win,\xe2\x80\x9d he added. Then he left.",
         "\xe2\x80\x9cWe will win,\xe2\x80\x9d he added. | Then he left.");
  SPLITS("\xe2\x80\x9cWe will win.\xe2\x80\x9d He left.",
         "\xe2\x80\x9cWe will win.\xe2\x80\x9d | He left.");
  SPLITS("\xe2\x80\x9cWhy?\xe2\x80\x9d he asked.", "\xe2\x80\x9cWhy?\xe2\x80\x9d he asked.");
  SPLITS("He said \"no.\" She agreed.", "He said \"no.\" | She agreed.");
  SPLITS("He teaches (he worked as an engineer.) at the school.",
         "He teaches (he worked as an engineer.) at the school.");
  SPLITS("It rose (by 5%.) Then it fell.", "It rose (by 5%.) | Then it fell.");
  SPLITS("That is JFK Jr.'s book.", "That is JFK Jr.'s book.");
}

static void test_lines(void) {
  SPLITS("Putin meets Abbas\n\nMOSCOW: Putin said it. He left.",
         "Putin meets Abbas | MOSCOW: Putin said it. | He left.");
  SPLITS("Headline here\nThe story starts.", "Headline here | The story starts.");
  SPLITS("a wrapped line of\nprose goes on.", "a wrapped line of\nprose goes on.");
  SPLITS("a line ending in a comma,\nThen more.", "a line ending in a comma,\nThen more.");
  SPLITS("It was the\nPresident who spoke.", "It was the\nPresident who spoke.");
  SPLITS("Said it.\r\n\r\nnext para", "Said it. | next para");
  SPLITS("one paragraph without stop\n\nanother", "one paragraph without stop | another");
  SPLITS("By AFP\n  \xe2\x80\xa2 Follow us\n  \xe2\x80\xa2 share\n",
         "By AFP | \xe2\x80\xa2 Follow us | \xe2\x80\xa2 share");
  SPLITS("Photo caption here [AP]\nMoscow, August 14 -- Putin spoke.",
         "Photo caption here [AP] | Moscow, August 14 -- Putin spoke.");
  SPLITS("---\n\nText.\n\n---", "Text.");
  SPLITS("first\xe2\x80\xa9second", "first | second");
  /* full-width stops: 。 and ？ with a closing 」 */
  SPLITS("\xe4\xbc\x9a\xe8\xb0\x88\xe3\x80\x82\xe3\x80\x8c\xe5\xa5\xbd\xef\xbc\x9f\xe3\x80\x8d\xe4\xbb\x96\xe8\xaf\xb4",
         "\xe4\xbc\x9a\xe8\xb0\x88\xe3\x80\x82 | \xe3\x80\x8c\xe5\xa5\xbd\xef\xbc\x9f\xe3\x80\x8d | \xe4\xbb\x96\xe8\xaf\xb4");
}

static void test_lists(void) {
  SPLITS("1. The first item 2. The second item", "1. The first item | 2. The second item");
  SPLITS("1.) The first item. 2.) The second item.", "1.) The first item. | 2.) The second item.");
  SPLITS("a. The first item b. The second item c. The third",
         "a. The first item | b. The second item | c. The third");
  SPLITS("\xe2\x80\xa2 9. One \xe2\x80\xa2 10. Two", "\xe2\x80\xa2 9. One | \xe2\x80\xa2 10. Two");
  SPLITS("1) He has 2 dogs 3) no", "1) He has 2 dogs 3) no");
}

static void test_invalid_and_nul(void) {
  nc_vec v;
  size_t bad = 0;
  int st;
  const char bytes[] = "Good. Bad \xff here. End.";
  nc_vec_init(&v, sizeof(nc_span));
  st = nc_sentences(bytes, sizeof bytes - 1, NC_INVALID_ERROR, &v, &bad);
  CHECK(st == NC_EUTF8 && bad == 10, "invalid UTF-8: status %d at %lu", st, (unsigned long)bad);
  CHECK(v.len == 0, "no output on error, got %lu", (unsigned long)v.len);
  st = nc_sentences(bytes, sizeof bytes - 1, NC_INVALID_REPLACE, &v, &bad);
  CHECK(st == NC_OK && v.len == 3, "replace: status %d, %lu sentences", st, (unsigned long)v.len);
  if (v.len == 3)
    CHECK(NC_VEC_AT(&v, nc_span, 1).start == 6 && NC_VEC_AT(&v, nc_span, 1).end == 17,
          "replace: second span %lu..%lu", (unsigned long)NC_VEC_AT(&v, nc_span, 1).start,
          (unsigned long)NC_VEC_AT(&v, nc_span, 1).end);
  nc_vec_free(&v);
  {
    const char nul[] = "One\0two. Three.";
    const char *got = splitn(nul, sizeof nul - 1);
    CHECK(memcmp(got, "One\0two. | Three.", 17) == 0, "NUL bytes kept inside a sentence");
  }
  nc_vec_init(&v, sizeof(int));
  CHECK(nc_sentences("a", 1, NC_INVALID_ERROR, &v, &bad) == NC_EINVAL, "wrong vector size");
  nc_vec_free(&v);
}

/* A long single line: linear time, sentences found throughout. */
static void test_long_line(void) {
  const char *unit = "The talks went on while Gen. Ríos waited... ";
  size_t ul = strlen(unit), reps = 200000, i, n = ul * reps;
  char *s = (char *)malloc(n);
  nc_vec v;
  size_t bad;
  int st;
  if (s == NULL) { CHECK(0, "malloc"); return; }
  for (i = 0; i < reps; i++) memcpy(s + i * ul, unit, ul);
  nc_vec_init(&v, sizeof(nc_span));
  st = nc_sentences(s, n, NC_INVALID_ERROR, &v, &bad);
  CHECK(st == NC_OK && v.len == reps, "long line: %lu sentences", (unsigned long)v.len);
  if (v.len == reps)
    CHECK(NC_VEC_AT(&v, nc_span, reps - 1).end == n - 1, "long line: last span ends at the end");
  nc_vec_free(&v);
  /* no white space at all */
  memset(s, 'a', n);
  nc_vec_init(&v, sizeof(nc_span));
  st = nc_sentences(s, n, NC_INVALID_ERROR, &v, &bad);
  CHECK(st == NC_OK && v.len == 1, "one long word is one sentence");
  nc_vec_free(&v);
  /* only periods and spaces */
  for (i = 0; i < n; i++) s[i] = (i % 2) ? ' ' : '.';
  nc_vec_init(&v, sizeof(nc_span));
  st = nc_sentences(s, n, NC_INVALID_ERROR, &v, &bad);
  CHECK(st == NC_OK && v.len == 0, "dots and spaces: no sentence");
  nc_vec_free(&v);
  free(s);
}

int main(void) {
  test_basic();
  test_abbreviations();
  test_numbers_and_ellipses();
  test_quotes_and_brackets();
  test_lines();
  test_lists();
  test_invalid_and_nul();
  test_long_line();
  return ctest_done();
}
