/*
** test_words.c: word tokens, their kinds, normalisation (checked against
** utf8proc's own mapping), invalid UTF-8, NUL bytes, empty input.
*/
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "ctest.h"
#include "words.h"

static const char *kind_name(int k) {
  static const char *const names[] = { "?", "word", "number", "url", "email", "hashtag",
                                       "mention", "emoji", "ideo" };
  return (k >= 1 && k <= 8) ? names[k] : "?";
}

/* Tokens of s as "text/kind text/kind ..." */
static char *tokens(const char *s, size_t n, nc_invalid inv, int *status) {
  nc_vec v;
  size_t bad = 0, i, cap = 16;
  char *res;
  nc_vec_init(&v, sizeof(nc_token));
  *status = nc_words(s, n, inv, &v, &bad);
  for (i = 0; i < v.len; i++) cap += NC_VEC_AT(&v, nc_token, i).end - NC_VEC_AT(&v, nc_token, i).start + 12;
  res = (char *)malloc(cap);
  res[0] = '\0';
  for (i = 0; i < v.len; i++) {
    nc_token t = NC_VEC_AT(&v, nc_token, i);
    if (i) strcat(res, " ");
    strncat(res, s + t.start, t.end - t.start);
    strcat(res, "/");
    strcat(res, kind_name(t.kind));
  }
  nc_vec_free(&v);
  return res;
}

static void check_tokens(const char *s, const char *want) {
  int st;
  char *got = tokens(s, strlen(s), NC_INVALID_ERROR, &st);
  size_t count = 0, bad = 0;
  CHECK(st == NC_OK && strcmp(got, want) == 0, "tokens of \"%s\"\n  got  %s\n  want %s", s, got, want);
  st = nc_count_words(s, strlen(s), NC_INVALID_ERROR, &count, &bad);
  {
    size_t spaces = 0, i;
    for (i = 0; want[i]; i++) spaces += want[i] == ' ';
    CHECK(st == NC_OK && count == (want[0] ? spaces + 1 : 0), "count of \"%s\": %lu", s,
          (unsigned long)count);
  }
  free(got);
}

static char *norm(const char *s, size_t n, nc_nform form, int *status) {
  nc_vec v;
  size_t bad = 0;
  char *res;
  nc_vec_init(&v, 1);
  *status = nc_normalize(s, n, form, NC_INVALID_REPLACE, &v, &bad);
  res = (char *)malloc(v.len + 1);
  if (v.len) memcpy(res, v.data, v.len);
  res[v.len] = '\0';
  nc_vec_free(&v);
  return res;
}

/* utf8proc's own result (whole string through utf8proc_map) */
static char *reference(const char *s, nc_nform form) {
  utf8proc_uint8_t *r = NULL;
  int o = UTF8PROC_STABLE | UTF8PROC_COMPOSE;
  if (form != NC_NFC) o |= UTF8PROC_COMPAT;
  if (form == NC_NFKC_CASEFOLD) o |= UTF8PROC_CASEFOLD | UTF8PROC_IGNORE;
  if (utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)strlen(s), &r,
                   (utf8proc_option_t)o) < 0) return NULL;
  if (form == NC_NFKC_CASEFOLD) {   /* U+2019 -> ' */
    char *p;
    while ((p = strstr((char *)r, "\xE2\x80\x99")) != NULL) {
      *p = '\'';
      memmove(p + 1, p + 3, strlen(p + 3) + 1);
    }
  }
  return (char *)r;
}

static void test_tokens(void) {
  check_tokens("", "");
  check_tokens("   \n\t ", "");
  check_tokens("Moscow’s envoy met Russia's foreign minister.",
               "Moscow’s/word envoy/word met/word Russia's/word foreign/word minister/word");
  check_tokens("At least 39,929 people, or 90% of residents, left; 3.5 million stayed.",
               "At/word least/word 39,929/number people/word or/word 90%/number of/word "
               "residents/word left/word 3.5/number million/word stayed/word");
  check_tokens("The U.S. and the U.N. met at 10 a.m. in Washington, D.C., on Aug. 13.",
               "The/word U.S./word and/word the/word U.N./word met/word at/word 10/number "
               "a.m./word in/word Washington/word D.C./word on/word Aug/word 13/number");
  check_tokens("Read https://example.com/news/a?id=3&x=(1) or www.example.org.",
               "Read/word https://example.com/news/a?id=3&x=(1)/url or/word www.example.org/url");
  check_tokens("(see http://example.com/a).", "see/word http://example.com/a/url");
  check_tokens("Write to press.office@example.co.uk, or to jane-doe+news@example.org.",
               "Write/word to/word press.office@example.co.uk/email or/word to/word "
               "jane-doe+news@example.org/email");
  check_tokens("Follow @newsc_bot and #Election2024 but not user@host or a#b.",
               "Follow/word @newsc_bot/mention and/word #Election2024/hashtag but/word not/word "
               "user/word host/word or/word a/word b/word");
  check_tokens("“We will not stand by,” said José Álvarez in Zürich.",
               "We/word will/word not/word stand/word by/word said/word José/word "
               "Álvarez/word in/word Zürich/word");
  check_tokens("Флаг 🇺🇦 и 👍🏽 рядом ❤️ © 2024", "Флаг/word 🇺🇦/emoji и/word 👍🏽/emoji "
               "рядом/word ❤️/emoji 2024/number");
  check_tokens("東京で会議 カタカナ", "東/ideo 京/ideo で/ideo 会/ideo 議/ideo カタカナ/ideo");
  check_tokens("the 5th round, COVID-19 and rock'n'roll",
               "the/word 5th/number round/word COVID/word 19/number and/word rock'n'roll/word");
  check_tokens("e\xCC\x81" "tude and cafe\xCC\x81.", "e\xCC\x81tude/word and/word cafe\xCC\x81/word");
  check_tokens("officials’ plans", "officials/word plans/word");
}

static void test_invalid(void) {
  const char bad1[] = "good \xFF bad";
  size_t bad = 0, count = 0;
  nc_vec v;
  int st;
  char *got;
  nc_vec_init(&v, sizeof(nc_token));
  st = nc_words(bad1, sizeof bad1 - 1, NC_INVALID_ERROR, &v, &bad);
  CHECK(st == NC_EUTF8 && bad == 5, "invalid UTF-8 reported at 5: st=%d bad=%lu", st, (unsigned long)bad);
  nc_vec_free(&v);
  /* under "replace" an ill-formed byte is U+FFFD taken as a letter */
  got = tokens(bad1, sizeof bad1 - 1, NC_INVALID_REPLACE, &st);
  CHECK(st == NC_OK && strcmp(got, "good/word \xFF/word bad/word") == 0, "replace: %s", got);
  free(got);
  got = tokens("caf\xE9, na\xEFve", 11, NC_INVALID_REPLACE, &st);
  CHECK(st == NC_OK && strcmp(got, "caf\xE9/word na\xEFve/word") == 0, "Latin-1 words: %s", got);
  free(got);
  got = tokens("ab\xC3" "cd \xE2\x80\x9C\x80", 10, NC_INVALID_REPLACE, &st);
  CHECK(st == NC_OK && strcmp(got, "ab\xC3" "cd/word \x80/word") == 0, "truncated: %s", got);
  free(got);
  st = nc_count_words("\xED\xA0\x80", 3, NC_INVALID_ERROR, &count, &bad);
  CHECK(st == NC_EUTF8 && bad == 0, "surrogate rejected");
  /* NUL bytes are characters like others */
  got = tokens("one\0two", 7, NC_INVALID_ERROR, &st);
  CHECK(st == NC_OK && strcmp(got, "one/word two/word") == 0, "NUL: %s", got);
  free(got);
  nc_vec_init(&v, 1);
  st = nc_normalize("A\xFF" "B", 3, NC_NFKC_CASEFOLD, NC_INVALID_REPLACE, &v, &bad);
  CHECK(st == NC_OK && v.len == 5 && memcmp(v.data, "a\xEF\xBF\xBD" "b", 5) == 0, "normalize replace");
  v.len = 0;
  st = nc_normalize("A\xFF" "B", 3, NC_NFC, NC_INVALID_ERROR, &v, &bad);
  CHECK(st == NC_EUTF8 && bad == 1, "normalize error at 1");
  nc_vec_free(&v);
}

static void test_normalize_examples(void) {
  int st;
  const char *in = "Moscow’s ＡＢＣ ﬁ Ⅻ Straße e\xCC\x81";
  char *r = norm(in, strlen(in), NC_NFKC_CASEFOLD, &st);
  CHECK(st == NC_OK && strcmp(r, "moscow's abc fi xii strasse \xC3\xA9") == 0, "casefold: %s", r);
  free(r);
  r = norm("ﬁ e\xCC\x81 ＡＢＣ", strlen("ﬁ e\xCC\x81 ＡＢＣ"), NC_NFC, &st);
  CHECK(st == NC_OK && strcmp(r, "ﬁ \xC3\xA9 ＡＢＣ") == 0, "NFC: %s", r);
  free(r);
  r = norm("ﬁ Moscow’s", strlen("ﬁ Moscow’s"), NC_NFKC, &st);
  CHECK(st == NC_OK && strcmp(r, "fi Moscow’s") == 0, "NFKC keeps U+2019: %s", r);
  free(r);
  /* a second of a composition pair that is a starter (U+0CBF U+0CD5 -> U+0CC0),
     and a starter without decomposition before a mark (U+00C6 U+0301 -> U+01FC) */
  r = norm("\xE0\xB2\xBF\xE0\xB3\x95 \xC3\x86\xCC\x81", 11, NC_NFC, &st);
  CHECK(st == NC_OK && strcmp(r, "\xE0\xB3\x80 \xC7\xBC") == 0, "NFC compositions: %s", r);
  free(r);
  r = norm("", 0, NC_NFC, &st);
  CHECK(st == NC_OK && r[0] == '\0', "empty");
  free(r);
}

/* Every code point in a few contexts, each form, against utf8proc_map. */
static void test_normalize_all(void) {
  static const char *const before[] = { "", "A", "e", "\xE1\x84\x80" /* U+1100 */, "\xCC\x81" };
  static const char *const after[] = { "", "b", "\xCC\x81", "\xE1\x85\xA1" /* U+1161 */, "\xCC\xA3" };
  int f;
  long mismatches[3] = { 0, 0, 0 }, tried = 0;
  uint32_t cp;
  for (cp = 0x80; cp <= 0x10FFFF; cp++) {
    unsigned char enc[4];
    char buf[32];
    size_t k, b;
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    if (utf8proc_get_property((utf8proc_int32_t)cp)->category == UTF8PROC_CATEGORY_CN &&
        (cp & 0xFF) != 0) continue;
    k = nc_utf8_encode(cp, enc);
    for (b = 0; b < 5; b++) {
      size_t len = strlen(before[b]);
      memcpy(buf, before[b], len);
      memcpy(buf + len, enc, k);
      len += k;
      strcpy(buf + len, after[b]);
      len += strlen(after[b]);
      for (f = 0; f < 3; f++) {
        int st;
        char *want = reference(buf, (nc_nform)f);
        char *got = norm(buf, len, (nc_nform)f, &st);
        if (st != NC_OK || want == NULL || strcmp(got, want) != 0) {
          if (mismatches[f]++ < 5) printf("  form %d U+%04lX context %lu: got %s want %s\n", f,
                                          (unsigned long)cp, (unsigned long)b, got, want);
        }
        free(want);
        free(got);
      }
      tried++;
    }
  }
  printf("normalize: %ld strings compared with utf8proc_map in each form\n", tried);
  for (f = 0; f < 3; f++)
    CHECK(mismatches[f] == 0, "form %d: %ld mismatches against utf8proc_map in %ld strings", f,
          mismatches[f], tried);
}

static void test_segments_cover(void) {
  const char *s = "“Yes,” she said.\r\nNo 🇫🇷🇩🇪 a\xCC\x81" "b\xE2\x80\x8D\xF0\x9F\x9B\x91" " end";
  nc_vec v;
  size_t bad = 0, i, pos = 0;
  int st, ok = 1;
  nc_vec_init(&v, sizeof(nc_span));
  st = nc_segments(s, strlen(s), NC_INVALID_ERROR, &v, &bad);
  for (i = 0; i < v.len; i++) {
    nc_span sp = NC_VEC_AT(&v, nc_span, i);
    if (sp.start != pos || sp.end <= sp.start) ok = 0;
    pos = sp.end;
  }
  CHECK(st == NC_OK && ok && pos == strlen(s), "segments cover the input in order");
  nc_vec_free(&v);
}

/* Random strings of news-like pieces: the 64-byte fast path of nc_words
   must give exactly what its general path gives. */
static void test_fast_path_agrees(void) {
  static const char *const pieces[] = {
    "a", "Z", "word", "U", "S", "7", "39", "_", ".", ",", ";", ":", "'", "%", "#", "@", "-", "+",
    " ", " ", " ", "\n", "\r\n", "\"", "(", ")", "/", "http://", "https://", "www.", "x.org",
    "e\xCC\x81", "\xC3\xA9", "\xE2\x80\x99", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x94",
    "\xE2\x80\x8D", "\xF0\x9F\x91\x8D", "\xF0\x9F\x87\xBA", "\xE6\x9D\xB1", "\xE3\x82\xAB",
    "\xD7\x90", "\xC2\xA0", "\xEF\xBC\x8E", "\xFF", "\xC3", "\x80", "\x00", "\xD9\xA3",
    "\xC3\x97", "\xC3\xB7", "\xC5\x81", "\xC4\xB1", "\xC4", "\xC2\xB7", "\xC3\xBC", "\xC5\xBF",
    /* dashes and quotes U+2010..U+201F, U+2026, a cut one; abbreviations, times, figures */
    "\xE2\x80\x90", "\xE2\x80\x93", "\xE2\x80\x97", "\xE2\x80\x98", "\xE2\x80\x9B",
    "\xE2\x80\x9F", "\xE2\x80\xA6", "\xE2\x80", ",\xE2\x80\x9D", ".\xE2\x80\x9D", "U.S.", "a.m.",
    "Ph.D.", "4:48", "90%", "a@b.co", " x.y@news.org ",
  };
  const size_t np = sizeof pieces / sizeof pieces[0];
  unsigned long seed = 12345;
  int iter, bad_runs = 0, bad_compact = 0, bad_count = 0;
  char buf[1024];
  for (iter = 0; iter < 20000; iter++) {
    size_t len = 0, target, i;
    int inv;
    target = 64 + (ctest_next(&seed) >> 33) % 400;
    len = ctest_soup(buf, sizeof buf, pieces, np, target, &seed);
    for (inv = 0; inv < 2; inv++) {
      nc_vec v, w, c;
      size_t b1 = 0, b2 = 0, b3 = 0, b4 = 0, count = 0;
      int s1, s2, s3, s4, same;
      nc_vec_init(&v, sizeof(nc_token));
      nc_vec_init(&w, sizeof(nc_token));
      nc_vec_init(&c, sizeof(nc_wspan));
      s1 = nc_words(buf, len, (nc_invalid)inv, &v, &b1);
      s2 = nc_words_scalar(buf, len, (nc_invalid)inv, &w, &b2);
      s3 = nc_word_spans(buf, len, (nc_invalid)inv, &c, &b3);
      s4 = nc_count_words(buf, len, (nc_invalid)inv, &count, &b4);
      if (!(s4 == s1 && b4 == b1 && (s4 != NC_OK || count == v.len)) && bad_count++ < 3)
        printf("  nc_count_words differs on: %.*s\n", (int)len, buf);
      same = s1 == s2 && b1 == b2 && v.len == w.len;
      for (i = 0; same && i < v.len; i++) {
        nc_token x = NC_VEC_AT(&v, nc_token, i), y = NC_VEC_AT(&w, nc_token, i);
        same = x.start == y.start && x.end == y.end && x.kind == y.kind;
      }
      if (!same && bad_runs++ < 3) printf("  fast path differs on: %.*s\n", (int)len, buf);
      /* the compact form holds the same tokens */
      same = s3 == s1 && b3 == b1 && c.len == v.len;
      for (i = 0; same && i < v.len; i++) {
        nc_token x = NC_VEC_AT(&v, nc_token, i);
        nc_wspan y = NC_VEC_AT(&c, nc_wspan, i);
        same = x.start == y.start && x.end - x.start == (y.lenkind >> 4) &&
               x.kind == (int)(y.lenkind & 15);
      }
      if (!same && bad_compact++ < 3) printf("  compact spans differ on: %.*s\n", (int)len, buf);
      nc_vec_free(&v);
      nc_vec_free(&w);
      nc_vec_free(&c);
    }
  }
  CHECK(bad_runs == 0, "fast path and general path differ on %d of 40000 texts", bad_runs);
  CHECK(bad_compact == 0, "nc_word_spans and nc_words differ on %d of 40000 texts", bad_compact);
  CHECK(bad_count == 0, "nc_count_words and nc_words differ on %d of 40000 texts", bad_count);
}

int main(void) {
  test_fast_path_agrees();
  test_tokens();
  test_invalid();
  test_normalize_examples();
  test_segments_cover();
  test_normalize_all();
  return ctest_done();
}
