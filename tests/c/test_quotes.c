/*
** test_quotes.c: C tests of the quote extractor (engine only).
*/
#include <stdlib.h>
#include <string.h>

#include "ctest.h"
#include "quotes.h"

NC_INTERNAL int nc_quotes_lexicon_ok(void);
NC_INTERNAL int nc_quotes_word_run_ok(const char *s, size_t n);

typedef struct res {
  nc_vec q, p;
  int rc;
  size_t bad;
} res;

static void run(res *r, const char *s, size_t n, nc_invalid inv) {
  nc_vec_init(&r->q, sizeof(nc_quote));
  nc_vec_init(&r->p, sizeof(nc_qpart));
  r->bad = 0;
  r->rc = nc_quotes(s, n, inv, &r->q, &r->p, &r->bad);
}

static void done(res *r) { nc_vec_free(&r->q); nc_vec_free(&r->p); }

static nc_quote *Q(res *r, size_t i) { return &NC_VEC_AT(&r->q, nc_quote, i); }

static int span_is(const char *s, nc_span sp, const char *want) {
  size_t l = strlen(want);
  return sp.end - sp.start == l && memcmp(s + sp.start, want, l) == 0;
}

static void test_basic(void) {
  const char *s = "\xE2\x80\x9CWe are concerned,\xE2\x80\x9D Putin said, according to a Kremlin transcript.";
  res r;
  run(&r, s, strlen(s), NC_INVALID_ERROR);
  CHECK(r.rc == NC_OK, "rc %d", r.rc);
  CHECK(r.q.len == 1, "quotes %lu", (unsigned long)r.q.len);
  if (r.q.len == 1) {
    nc_quote *q = Q(&r, 0);
    nc_qpart *p = &NC_VEC_AT(&r.p, nc_qpart, q->part);
    CHECK(q->start == 0 && q->end == 23, "range %lu-%lu", (unsigned long)q->start, (unsigned long)q->end);
    CHECK(q->nparts == 1 && p->istart == 3 && p->iend == 20, "inner %lu-%lu", (unsigned long)p->istart, (unsigned long)p->iend);
    CHECK(span_is(s, q->speaker, "Putin"), "speaker");
    CHECK(span_is(s, q->mention, "Putin"), "mention");
    CHECK(span_is(s, q->cue, "said"), "cue");
    CHECK(span_is(s, q->via, "according to a Kremlin transcript"), "via");
    CHECK(q->kind == NC_Q_DIRECT, "kind %d", q->kind);
    CHECK(strcmp(nc_qkind_name(q->kind), "direct") == 0, "kind name");
  }
  done(&r);
}

static void test_split_and_pronoun(void) {
  const char *s = "Russian President Vladimir Putin met Abbas.\n\n"
                  "\xE2\x80\x9CThe economy,\xE2\x80\x9D he said, \xE2\x80\x9Cis strong.\xE2\x80\x9D";
  res r;
  run(&r, s, strlen(s), NC_INVALID_ERROR);
  CHECK(r.rc == NC_OK && r.q.len == 1, "one quote, rc %d", r.rc);
  if (r.q.len == 1) {
    nc_quote *q = Q(&r, 0);
    CHECK(q->nparts == 2, "parts %lu", (unsigned long)q->nparts);
    CHECK(span_is(s, q->mention, "he"), "mention he");
    CHECK(span_is(s, q->speaker, "Vladimir Putin"), "speaker resolved");
  }
  done(&r);
}

static void test_apostrophes(void) {
  const char *s = "Moscow\xE2\x80\x99s workers\xE2\x80\x99 rights in the \xE2\x80\x99" "90s, rock \xE2\x80\x99n\xE2\x80\x99 roll, o\xE2\x80\x99" "clock, Russia's '90s.";
  res r;
  run(&r, s, strlen(s), NC_INVALID_ERROR);
  CHECK(r.rc == NC_OK && r.q.len == 0, "no quotes, got %lu", (unsigned long)r.q.len);
  done(&r);
}

static void test_invalid(void) {
  const char *s = "\"a\xFF" "b,\" Smith said.";
  res r;
  run(&r, s, strlen(s), NC_INVALID_ERROR);
  CHECK(r.rc == NC_EUTF8 && r.bad == 2, "rc %d bad %lu", r.rc, (unsigned long)r.bad);
  done(&r);
  run(&r, s, strlen(s), NC_INVALID_REPLACE);
  CHECK(r.rc == NC_OK && r.q.len == 1, "replace: rc %d, %lu quotes", r.rc, (unsigned long)r.q.len);
  if (r.q.len == 1) CHECK(span_is(s, Q(&r, 0)->speaker, "Smith"), "speaker after a bad byte");
  done(&r);
  run(&r, "", 0, NC_INVALID_ERROR);
  CHECK(r.rc == NC_OK && r.q.len == 0, "empty");
  done(&r);
  CHECK(nc_quotes(NULL, 3, NC_INVALID_ERROR, &r.q, &r.p, NULL) == NC_EINVAL, "NULL text");
}

static void test_nul_and_unbalanced(void) {
  const char s[] = "x\0y \"open and never closed\n\nThen \"We won,\" Smith\0 said.";
  res r;
  run(&r, s, sizeof s - 1, NC_INVALID_ERROR);
  CHECK(r.rc == NC_OK && r.q.len == 1, "rc %d, %lu quotes", r.rc, (unsigned long)r.q.len);
  if (r.q.len == 1) CHECK(Q(&r, 0)->start == 33, "start %lu", (unsigned long)Q(&r, 0)->start);
  done(&r);
}

static void test_marks_flood(void) {
  static const char *const marks[] = { "\"", "\xE2\x80\x9C", "\xE2\x80\x9D", "'", "\xC2\xAB", "\" ", "\"a\" " };
  size_t k;
  for (k = 0; k < sizeof marks / sizeof marks[0]; k++) {
    size_t l = strlen(marks[k]), n = (1u << 20) / l * l, i;
    char *s = (char *)malloc(n);
    res r;
    if (s == NULL) return;
    for (i = 0; i < n; i += l) memcpy(s + i, marks[k], l);
    run(&r, s, n, NC_INVALID_ERROR);
    CHECK(r.rc == NC_OK, "flood %lu rc %d", (unsigned long)k, r.rc);
    CHECK(r.q.len <= n / 2 + 1, "flood %lu: %lu quotes", (unsigned long)k, (unsigned long)r.q.len);
    done(&r);
    free(s);
  }
}

static void test_noun_phrase_subjects(void) {
  /* a determiner, a month or a number is never the head of a speaker */
  static const struct { const char *s, *speaker, *via; } C[] = {
    {"An internal memo dated 14 January reported \"new cracking\" of the weir.", "An internal memo", NULL},
    {"An internal memo dated 14 January, also seen by the Ledger, reported \"new cracking\".", "An internal memo", NULL},
    {"The mayor on March 3 said \"the bridge is safe\" to reporters.", "The mayor", NULL},
    {"A statement from the ministry said \"all is well\" in the region.", "the ministry", "A statement"},
  };
  size_t i;
  for (i = 0; i < sizeof C / sizeof C[0]; i++) {
    res r;
    run(&r, C[i].s, strlen(C[i].s), NC_INVALID_ERROR);
    CHECK(r.rc == NC_OK && r.q.len == 1, "case %lu: one quote", (unsigned long)i);
    if (r.q.len == 1) {
      nc_quote *q = Q(&r, 0);
      CHECK(span_is(C[i].s, q->speaker, C[i].speaker), "case %lu: speaker", (unsigned long)i);
      CHECK(span_is(C[i].s, q->mention, C[i].speaker), "case %lu: mention", (unsigned long)i);
      if (C[i].via) { CHECK(span_is(C[i].s, q->via, C[i].via), "case %lu: via", (unsigned long)i); }
    }
    done(&r);
  }
}

/* The SSE2 skips and the scalar path give the same records on random texts
   of words, capitals, marks, apostrophes, newlines and broken UTF-8, long
   enough to cross many 64-byte blocks. */
static void test_scalar_agrees(void) {
  static const char *const pieces[] = {
    " ", " ", " ", "  ", "\n", "\n\n", "the ", "said ", "told ", "he ", "she added ", "a spokeswoman for ",
    "Putin ", "Mahmoud Abbas ", "Sen. ", "Dr ", "U.S. ", "Ana \xC5\x81ukasiewicz ", "J\xC3\xBCrgen ", "Z\xC3\xBCrich",
    "\"", "\"", "'", "`", "``", "''", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x98", "\xE2\x80\x99",
    "Moscow\xE2\x80\x99s ", "Russia's ", "\xC2\xAB", "\xC2\xBB", "\xE2\x80\x9E", "\xE2\x80\x94", ", ", ". ", ": ",
    "\xC2\xA0", "\xE2\x80\xA8", "\xFF", "\xC3", "\x80", "\x00", "\xC3\x97", "is strong", "The ", "ministry ",
  };
  const size_t np = sizeof pieces / sizeof pieces[0];
  unsigned long seed = 2024;
  int iter, bad_runs = 0;
  static char buf[4096];
  for (iter = 0; iter < 3000; iter++) {
    size_t len = 0, target, i;
    int inv;
    target = 1 + (ctest_next(&seed) >> 33) % 3000;
    len = ctest_soup(buf, sizeof buf, pieces, np, target, &seed);
    for (inv = 0; inv < 2; inv++) {
      res a, b;
      int same;
      run(&a, buf, len, (nc_invalid)inv);
      nc_vec_init(&b.q, sizeof(nc_quote));
      nc_vec_init(&b.p, sizeof(nc_qpart));
      b.bad = 0;
      b.rc = nc_quotes_scalar(buf, len, (nc_invalid)inv, &b.q, &b.p, &b.bad);
      same = a.rc == b.rc && a.bad == b.bad && a.q.len == b.q.len && a.p.len == b.p.len;
      for (i = 0; same && i < a.q.len; i++) {
        const nc_quote *x = Q(&a, i), *y = Q(&b, i);
        same = x->start == y->start && x->end == y->end && x->part == y->part && x->nparts == y->nparts &&
               x->speaker.start == y->speaker.start && x->speaker.end == y->speaker.end &&
               x->mention.start == y->mention.start && x->mention.end == y->mention.end &&
               x->cue.start == y->cue.start && x->cue.end == y->cue.end &&
               x->via.start == y->via.start && x->via.end == y->via.end &&
               x->kind == y->kind && x->closed == y->closed;
      }
      for (i = 0; same && i < a.p.len; i++) {
        const nc_qpart *x = &NC_VEC_AT(&a.p, nc_qpart, i), *y = &NC_VEC_AT(&b.p, nc_qpart, i);
        same = x->start == y->start && x->end == y->end && x->istart == y->istart && x->iend == y->iend;
      }
      if (!same && bad_runs++ < 3) printf("  scalar path differs on: %.*s\n", (int)len, buf);
      if (inv == 1 && iter == 0) CHECK(a.q.len > 0, "the first random text has quotes");
      done(&a);
      done(&b);
    }
  }
  CHECK(bad_runs == 0, "SSE2 and scalar paths differ on %d of 6000 texts", bad_runs);
}

/* The 16-byte word scanner stops where the byte-by-byte one does, at every
   offset of random bytes, of words with every byte value at their end, and of
   the empty text. */
static void test_word_run(void) {
  static char buf[600];
  unsigned long seed = 77;
  size_t i;
  int b, bad = 0;
  for (i = 0; i < sizeof buf; i++) {
    seed = seed * 6364136223846793005ul + 1442695040888963407ul;
    buf[i] = (char)(seed >> 56);
  }
  CHECK(nc_quotes_word_run_ok(buf, sizeof buf), "random bytes");
  for (b = 0; b < 256; b++) {
    /* a word of 1..40 letters and digits, then byte b */
    size_t len = 1 + (size_t)b % 40;
    for (i = 0; i < len; i++) buf[i] = "aZ09mQ"[i % 6];
    buf[len] = (char)b;
    for (i = len + 1; i < 64; i++) buf[i] = 'x';
    if (!nc_quotes_word_run_ok(buf, 64) || !nc_quotes_word_run_ok(buf, len + 1)) bad++;
  }
  CHECK(bad == 0, "word ends: %d of 256 byte values differ", bad);
  CHECK(nc_quotes_word_run_ok(buf, 0), "empty text");
}

int main(void) {
  CHECK(nc_quotes_lexicon_ok(), "lexicon sorted, every word found by its hash");
  test_basic();
  test_split_and_pronoun();
  test_noun_phrase_subjects();
  test_apostrophes();
  test_invalid();
  test_nul_and_unbalanced();
  test_marks_flood();
  test_scalar_agrees();
  test_word_run();
  return ctest_done();
}
