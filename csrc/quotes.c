/*
** quotes.c: quotation extraction with speaker attribution.
**
** Three steps, each linear in the input:
**   1. marks: one pass over the bytes pairs opening and closing marks with a
**      small stack per paragraph (apostrophes are told apart from single
**      marks by their neighbours); a quote left open at the end of a
**      paragraph continues only when the next paragraph re-opens it;
**   2. names: one pass collects the runs of capitalised words, keyed by
**      their last word, to give the fullest form of a name and the persons a
**      pronoun may refer to;
**   3. attribution: around each quote, within its sentence and never past
**      the neighbouring quotes, a few dozen words are read to find the
**      reporting verb (cue), the speaker's mention and the channel.
*/
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>
#ifdef NC_QUOTES_PROFILE
#include <stdio.h>
#include <time.h>
#endif

#include "quotes.h"

#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#define NC_Q_SSE2 1
#endif

/* ---- lexicon ---- */

enum { BC_OTHER, BC_ALNUM, BC_UPPER, BC_HIGH, BC_MARK, BC_NL, BC_BLANK };

enum {
  L_CUE = 1 << 0, L_PRONP = 1 << 1, L_PRONO = 1 << 2, L_DET = 1 << 3,
  L_TITLE = 1 << 4, L_STOP = 1 << 5, L_ADV = 1 << 6, L_AUX = 1 << 7,
  L_TIME = 1 << 8, L_PREP = 1 << 9, L_CHAN = 1 << 10, L_MEDIA = 1 << 11,
  L_LEAD = 1 << 12, L_NAT = 1 << 13, L_OF = 1 << 14, L_TRANS = 1 << 15
};

#include "quotes_lex.h"

#define NLEX (sizeof LEX / sizeof LEX[0])

/* Lexicon bits of the word s[0..n) after the quick refusal of lex_lookup: the
   hash reads the length and three bytes (| 0x20 lowers A-Z and leaves the
   lexicon's letters, dots and hyphens as they are), the comparison all of them. */
static unsigned lex_find(const char *s, size_t n) {
  size_t i, k;
  uint32_t h = ((uint32_t)n * 31 + ((unsigned char)s[0] | 0x20)) * 31;
  h = (h + (n > 1 ? ((unsigned char)s[1] | 0x20) : 0)) * 31 + ((unsigned char)s[n - 1] | 0x20);
  h = (uint32_t)(h * 2654435761u) >> 22;
  for (k = h & (LEXHASH_SIZE - 1);; k = (k + 1) & (LEXHASH_SIZE - 1)) {
    unsigned e = LEXHASH[k];
    const char *w;
    if (e == 0) return 0;
    if (LEX[e - 1].len != n) continue;
    w = LEX[e - 1].w;
    for (i = 0; i < n; i++) {
      unsigned char c = (unsigned char)s[i];
      if ((unsigned char)w[i] != (unsigned char)(c | ((c >= 'A' && c <= 'Z') ? 0x20 : 0))) break;
    }
    if (i == n) return LEX[e - 1].mask;
  }
}

/* Lexicon bits of the word s[0..n) (ASCII letters compared without case;
   a final dot ignored: "Sen." is "sen"). */
static inline unsigned lex_lookup(const char *s, size_t n) {
  unsigned char f, l;
  if (n > 0 && s[n - 1] == '.') n--;
  if (n == 0 || n >= 24) return 0;
  f = (unsigned char)(s[0] | 0x20);   /* lower case for letters */
  l = (unsigned char)(s[n - 1] | 0x20);
  if (f < 'a' || f > 'z' || l < 'a' || l > 'z' || !(LEXFL[(f - 'a') * 26 + (l - 'a')] & (1UL << n))) return 0;
  return lex_find(s, n);
}

/* 1 when the lexicon is sorted and every word of it is found by its hash, in
   lower and in upper case (checked by the C tests). */
NC_INTERNAL int nc_quotes_lexicon_ok(void);
int nc_quotes_lexicon_ok(void) {
  size_t i, k;
  for (i = 1; i < NLEX; i++)
    if (strcmp(LEX[i - 1].w, LEX[i].w) >= 0) return 0;
  for (i = 0; i < NLEX; i++) {
    char up[24];
    size_t l = strlen(LEX[i].w);
    if (l == 0 || l >= sizeof up || LEX[i].w[l - 1] == '.') return 0;
    for (k = 0; k < l; k++) {
      char c = LEX[i].w[k];
      up[k] = (char)(c >= 'a' && c <= 'z' ? c - 32 : c);
    }
    if (lex_lookup(LEX[i].w, l) != LEX[i].mask || lex_lookup(up, l) != LEX[i].mask) return 0;
  }
  return 1;
}

const char *nc_qkind_name(int kind) {
  switch (kind) {
    case NC_Q_PARTIAL: return "partial";
    case NC_Q_TITLE: return "title";
    default: return "direct";
  }
}

/* ---- vectors ---- */

/* A new element at the end of v, uninitialised (the caller sets every field); NULL without memory. */
static inline void *vec_push_raw(nc_vec *v) {
  if (v->len == v->cap && nc_vec_reserve(v, 1) != NC_OK) return NULL;
  return (char *)v->data + v->size * v->len++;
}

/* ---- skipping ---- */

/* Both skips read 64 bytes at a time into a bit mask kept in a cursor
   (bscan), so that the many short hops of a pass reuse one load: bit k of
   mask is set when byte base + k is one the skip stops at. The scalar path
   (no SSE2, nc_quotes_scalar, and the last bytes of the text) reads the same
   tables byte by byte; both return the first such byte at or after i, or n. */
typedef struct bscan {
  size_t base, lim;   /* the mask covers [base, lim) */
  uint64_t mask;
  int scalar;         /* 1: the scalar path only (nc_quotes_scalar) */
} bscan;

static void bscan_init(bscan *c, int scalar) { c->base = c->lim = 0; c->mask = 0; c->scalar = scalar; }

#ifdef NC_Q_SSE2
/* MSTOP bytes of s[0..16): newline " ' ` and the lead bytes 0xC2 0xE2 */
static inline unsigned mark_bits16(const char *s) {
  const __m128i nl = _mm_set1_epi8('\n'), dq = _mm_set1_epi8('"'), sq = _mm_set1_epi8('\''),
                bq = _mm_set1_epi8('`'), c2 = _mm_set1_epi8((char)0xC2), e2 = _mm_set1_epi8((char)0xE2);
  __m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
  __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, nl), _mm_cmpeq_epi8(v, dq)),
                           _mm_or_si128(_mm_cmpeq_epi8(v, sq), _mm_cmpeq_epi8(v, bq)));
  return (unsigned)_mm_movemask_epi8(_mm_or_si128(m, _mm_or_si128(_mm_cmpeq_epi8(v, c2), _mm_cmpeq_epi8(v, e2))));
}

/* CSTART bytes of s[0..16): A-Z and the lead bytes 0xC0-0xFF */
static inline unsigned cap_bits16(const char *s) {
  const __m128i a1 = _mm_set1_epi8('A' - 1), z1 = _mm_set1_epi8('Z' + 1), h1 = _mm_set1_epi8((char)0xBF),
                zero = _mm_setzero_si128();
  __m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
  /* signed bytes: A-Z is in ('A' - 1, 'Z' + 1), 0xC0-0xFF in (0xBF, 0) */
  __m128i up = _mm_and_si128(_mm_cmpgt_epi8(v, a1), _mm_cmplt_epi8(v, z1));
  __m128i hi = _mm_and_si128(_mm_cmpgt_epi8(v, h1), _mm_cmplt_epi8(v, zero));
  return (unsigned)_mm_movemask_epi8(_mm_or_si128(up, hi));
}

/* WORDCH bytes of s[0..16): 0-9 A-Z a-z (| 0x20 turns A-Z into a-z and no other byte into a-z) */
static inline unsigned word_bits16(const char *s) {
  const __m128i d0 = _mm_set1_epi8('0' - 1), d9 = _mm_set1_epi8('9' + 1), a0 = _mm_set1_epi8('a' - 1),
                z9 = _mm_set1_epi8('z' + 1), lc = _mm_set1_epi8(0x20);
  __m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
  __m128i l = _mm_or_si128(v, lc);
  __m128i dig = _mm_and_si128(_mm_cmpgt_epi8(v, d0), _mm_cmplt_epi8(v, d9));
  __m128i let = _mm_and_si128(_mm_cmpgt_epi8(l, a0), _mm_cmplt_epi8(l, z9));
  return (unsigned)_mm_movemask_epi8(_mm_or_si128(dig, let));
}

/* SEND bytes of s[0..16) (newline . ! ?), and with ascii, the bytes >= 0x80 too */
static inline unsigned send_bits16(const char *s, int ascii) {
  const __m128i nl = _mm_set1_epi8('\n'), dot = _mm_set1_epi8('.'), ex = _mm_set1_epi8('!'),
                qm = _mm_set1_epi8('?');
  __m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
  __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, nl), _mm_cmpeq_epi8(v, dot)),
                           _mm_or_si128(_mm_cmpeq_epi8(v, ex), _mm_cmpeq_epi8(v, qm)));
  return (unsigned)_mm_movemask_epi8(ascii ? _mm_or_si128(m, v) : m);
}
#endif

/* Slow part of bscan_next: fills the mask from i on (marks: MSTOP, else
   CSTART) and returns the first stop, or n. */
static size_t bscan_fill(bscan *c, const char *s, size_t i, size_t n, int marks) {
  const unsigned char *tab = marks ? MSTOP : CSTART;
#ifdef NC_Q_SSE2
  while (!c->scalar && i + 64 <= n) {
    c->base = i; c->lim = i + 64;
    if (marks)
      c->mask = (uint64_t)mark_bits16(s + i) | (uint64_t)mark_bits16(s + i + 16) << 16 |
                (uint64_t)mark_bits16(s + i + 32) << 32 | (uint64_t)mark_bits16(s + i + 48) << 48;
    else
      c->mask = (uint64_t)cap_bits16(s + i) | (uint64_t)cap_bits16(s + i + 16) << 16 |
                (uint64_t)cap_bits16(s + i + 32) << 32 | (uint64_t)cap_bits16(s + i + 48) << 48;
    if (c->mask) return i + (size_t)__builtin_ctzll(c->mask);
    i += 64;
  }
#else
  (void)c;
#endif
  while (i < n && !tab[(unsigned char)s[i]]) i++;
  return i;
}

/* First byte at or after i that the skip stops at (marks: MSTOP, else CSTART), or n. */
static inline size_t bscan_next(bscan *c, const char *s, size_t i, size_t n, int marks) {
#ifdef NC_Q_SSE2
  if (i >= c->base && i < c->lim) {
    uint64_t m = c->mask >> (i - c->base);
    if (m) return i + (size_t)__builtin_ctzll(m);
    i = c->lim;
  }
#endif
  return bscan_fill(c, s, i, n, marks);
}

/* ---- characters ---- */

enum { C_SPACE, C_NL, C_LOWER, C_UPPER, C_DIGIT, C_OPEN, C_DASH, C_MARK, C_PUNCT, C_OTHER };

static int cp_class_high(int32_t cp);

static inline int cp_class(int32_t cp) {
  if ((uint32_t)cp < 0x80) return ACLASS[cp];
  return cp_class_high(cp);
}

static int cp_class_high(int32_t cp) {
  if (cp < 0) return C_OTHER;
  switch (cp) {
    case 0xA0: case 0x3000: case 0x202F: case 0x205F: return C_SPACE;
    case 0x2028: case 0x2029: case 0x85: return C_NL;
    case 0x2013: case 0x2014: case 0x2012: case 0x2015: return C_DASH;
    case 0x2018: case 0x2019: case 0x201A: case 0x201C: case 0x201D: case 0x201E:
    case 0xAB: case 0xBB: case 0x2039: case 0x203A: return C_MARK;
    default: break;
  }
  if (cp >= 0x2000 && cp <= 0x200A) return C_SPACE;
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LT: return C_UPPER;
    case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
      return C_LOWER;
    case UTF8PROC_CATEGORY_ND: return C_DIGIT;
    case UTF8PROC_CATEGORY_PS: return C_OPEN;
    case UTF8PROC_CATEGORY_ZS: return C_SPACE;
    case UTF8PROC_CATEGORY_PD: return C_DASH;
    default: return C_PUNCT;
  }
}

#define IS_LETTER(c) ((c) == C_LOWER || (c) == C_UPPER)
#define IS_ALNUM(c) ((c) == C_LOWER || (c) == C_UPPER || (c) == C_DIGIT)
#define IS_BLANK(c) ((c) == C_SPACE || (c) == C_NL)

/* Code point at s[i] (n the input length); *len its byte length. */
static int32_t cp_at(const char *s, size_t n, size_t i, size_t *len) {
  int32_t cp;
  size_t l;
  if (i >= n) { if (len) *len = 0; return -2; }
  l = nc_utf8_decode((const unsigned char *)s + i, n - i, &cp);
  if (len) *len = l;
  return cp;
}

/* Start of the character before offset i (i > 0). */
static inline size_t prev_start(const char *s, size_t i) {
  size_t j = i - 1, k = 0;
  if ((unsigned char)s[j] < 0x80) return j;
  while (j > 0 && k < 3 && ((unsigned char)s[j] & 0xC0) == 0x80) { j--; k++; }
  return j;
}

/* Class of the character before i (C_NL at the start of the text). */
static inline int class_before(const char *s, size_t n, size_t i) {
  if (i == 0) return C_NL;
  if ((unsigned char)s[i - 1] < 0x80) return cp_class((unsigned char)s[i - 1]);
  return cp_class(cp_at(s, n, prev_start(s, i), NULL));
}

static inline int class_at(const char *s, size_t n, size_t i) {
  if (i >= n) return C_NL;
  if ((unsigned char)s[i] < 0x80) return cp_class((unsigned char)s[i]);
  return cp_class(cp_at(s, n, i, NULL));
}

/* ASCII letter or digit */
#define ASCII_ALNUM(b) (WORDCH[(unsigned char)(b)])

/* ---- step 1: marks ---- */

enum { FAM_D = 0, FAM_S = 1, FAM_G = 2, FAM_G1 = 3 };
enum { M_NONE, M_OPEN, M_CLOSE, M_TOGGLE };

typedef struct raw {
  size_t start, end, istart, iend;
  size_t para, pstart, pend;  /* paragraph index, and bounds of the paragraph of start / end */
  int fam, closed, contd, cont;
} raw;

typedef struct openm {
  size_t pos, after;
  int fam, low, contd;
} openm;

#define MAXDEPTH 8

typedef struct qscan {
  const char *s;
  size_t n;
  nc_vec raws;          /* raw */
  openm st[MAXDEPTH];
  int depth;
  size_t para, pstart;
  int seen;             /* a non-blank character seen in this paragraph */
  int pending;          /* a double quote left open at the end of the previous paragraph */
  openm pend;
  size_t pend_para, pend_pstart, pend_pend;
  int scalar;           /* no SSE2 (nc_quotes_scalar) */
} qscan;

static int st_find(const qscan *q, int fam) {
  int k;
  for (k = q->depth - 1; k >= 0; k--)
    if (q->st[k].fam == fam) return k;
  return -1;
}

/* Elisions written with a leading apostrophe: 'n', 'em, 'til, 'cause ... */
static int elision_after(const char *s, size_t n, size_t i) {
  static const char *const el[] = { "n ", "n'", "n\xE2\x80\x99", "em", "til", "cause", "tis", "twas", "bout", "round" };
  size_t k;
  for (k = 0; k < sizeof el / sizeof el[0]; k++) {
    size_t l = strlen(el[k]);
    if (i + l <= n && memcmp(s + i, el[k], l) == 0) {
      if (l >= 2 && el[k][0] == 'n' && (el[k][1] == ' ' || el[k][1] == '\'' || (unsigned char)el[k][1] == 0xE2))
        return 1;
      if (i + l == n || !IS_ALNUM(class_at(s, n, i + l))) return 1;
    }
  }
  return 0;
}

/*
** Read the mark at s[i] (its first byte is one of " ' ` 0xC2 0xE2).
** Returns M_* and sets *fam, *len (bytes), *low (a low opening mark „ ‚).
*/
static int read_mark(qscan *q, size_t i, int *fam, size_t *len, int *low) {
  const char *s = q->s;
  size_t n = q->n;
  unsigned char c = (unsigned char)s[i];
  int32_t cp;
  int pc, nc;
  *low = 0;
  if (c == '`') {
    if (i + 1 < n && s[i + 1] == '`') { *fam = FAM_D; *len = 2; return M_OPEN; }
    *len = 1; return M_NONE;
  }
  if (c == '\'' && i + 1 < n && s[i + 1] == '\'') {
    *fam = FAM_D; *len = 2;
    return st_find(q, FAM_D) >= 0 ? M_CLOSE : M_NONE;
  }
  cp = cp_at(s, n, i, len);
  pc = class_before(s, n, i);
  nc = class_at(s, n, i + *len);
  switch (cp) {
    case '"':
      *fam = FAM_D;
      if (i > 0 && s[i - 1] == '=') return M_NONE;
      {
        int opening = (IS_BLANK(pc) || pc == C_OPEN || pc == C_DASH || pc == C_MARK) && !IS_BLANK(nc);
        int closing = !IS_BLANK(pc) && pc != C_OPEN && (IS_BLANK(nc) || nc == C_PUNCT || nc == C_DASH || nc == C_MARK);
        if (closing && !opening) return st_find(q, FAM_D) >= 0 ? M_CLOSE : M_NONE;
        if (opening && !closing) return M_OPEN;
        return M_TOGGLE;
      }
    case '\'':
      *fam = FAM_S;
      if (IS_ALNUM(pc) && IS_ALNUM(nc)) return M_NONE;
      if (IS_BLANK(pc) || pc == C_OPEN || pc == C_DASH || pc == C_MARK) {
        if (nc == C_DIGIT || elision_after(s, n, i + 1)) return M_NONE;
        if (IS_LETTER(nc) || nc == C_MARK) return M_OPEN;
        return M_NONE;
      }
      return st_find(q, FAM_S) >= 0 ? M_CLOSE : M_NONE;
    case 0x201C: /* “ */
      *fam = FAM_D;
      {
        int k = st_find(q, FAM_D);
        if (k >= 0 && q->st[k].low) return M_CLOSE;
        if (k >= 0 && !IS_BLANK(pc) && pc != C_OPEN && (IS_BLANK(nc) || nc == C_PUNCT)) return M_CLOSE;
      }
      return M_OPEN;
    case 0x201D: /* ” */
      *fam = FAM_D;
      if (st_find(q, FAM_D) >= 0) return M_CLOSE;
      if (IS_BLANK(pc) && !IS_BLANK(nc)) return M_OPEN;
      return M_NONE;
    case 0x201E: /* „ */
      *fam = FAM_D; *low = 1;
      return M_OPEN;
    case 0x2018: /* ‘ */
      *fam = FAM_S;
      {
        int k = st_find(q, FAM_S);
        if (k >= 0 && q->st[k].low) return M_CLOSE;
      }
      if (IS_ALNUM(pc) || nc == C_DIGIT || IS_BLANK(nc)) return M_NONE;
      return M_OPEN;
    case 0x2019: /* ’ */
      *fam = FAM_S;
      if (IS_ALNUM(pc) && IS_ALNUM(nc)) return M_NONE;
      if (IS_BLANK(pc) || pc == C_OPEN || pc == C_DASH) return M_NONE;
      return st_find(q, FAM_S) >= 0 ? M_CLOSE : M_NONE;
    case 0x201A: /* ‚ */
      *fam = FAM_S; *low = 1;
      return (IS_BLANK(pc) || pc == C_OPEN) && IS_LETTER(nc) ? M_OPEN : M_NONE;
    case 0xAB: case 0xBB: /* « » */
    case 0x2039: case 0x203A: /* ‹ › */
      *fam = (cp == 0xAB || cp == 0xBB) ? FAM_G : FAM_G1;
      if (st_find(q, *fam) >= 0 && !IS_BLANK(pc)) return M_CLOSE;
      if (!IS_BLANK(nc)) return M_OPEN;
      return M_NONE;
    default:
      return M_NONE;
  }
}

static int emit_raw(qscan *q, const openm *o, size_t end, size_t iend, int closed,
                    size_t para, size_t pstart, size_t pend) {
  raw *r = (raw *)vec_push_raw(&q->raws);
  if (r == NULL) return NC_ENOMEM;
  r->start = o->pos; r->istart = o->after;
  r->end = end; r->iend = iend;
  r->para = para; r->pstart = pstart; r->pend = pend;
  r->fam = o->fam; r->closed = closed; r->contd = o->contd; r->cont = 0;
  return NC_OK;
}

/* End of the paragraph s[pstart..nl): keep a double quote left open there. */
static void end_paragraph(qscan *q, size_t nl) {
  size_t e = nl;
  while (e > q->pstart && IS_BLANK(class_before(q->s, q->n, e))) e = prev_start(q->s, e);
  if (q->depth > 0 && (q->st[0].fam == FAM_D || q->st[0].fam == FAM_G) && q->st[0].after < e) {
    q->pending = 1;
    q->pend = q->st[0];
    q->pend_para = q->para; q->pend_pstart = q->pstart; q->pend_pend = e;
  }
  q->depth = 0;
}

/* First non-blank character of a paragraph: does it continue a pending quote? */
static int settle_pending(qscan *q, int continued) {
  int rc = NC_OK;
  if (!q->pending) return NC_OK;
  q->pending = 0;
  /* a quote never closed is kept only as the end of a multi-paragraph run */
  if (continued || q->pend.contd) {
    rc = emit_raw(q, &q->pend, q->pend_pend, q->pend_pend, 0, q->pend_para, q->pend_pstart, q->pend_pend);
    if (rc == NC_OK && continued) NC_VEC_AT(&q->raws, raw, q->raws.len - 1).cont = 1;
  }
  return rc;
}

static int scan_marks(qscan *q) {
  const char *s = q->s;
  size_t n = q->n, i = 0;
  int rc;
  bscan bm;
  bscan_init(&bm, q->scalar);
  while (i < n) {
    unsigned char c = (unsigned char)s[i];
    if (c == '\n') {
      end_paragraph(q, i);
      i++;
      if (q->seen) q->para++;
      q->pstart = i; q->seen = 0;
      continue;
    }
    if (c != '"' && c != '\'' && c != '`' && c != 0xC2 && c != 0xE2) {
      if (!q->seen && c != ' ' && c != '\t' && c != '\r') {
        q->seen = 1;
        if ((rc = settle_pending(q, 0)) != NC_OK) return rc;
      }
      i++;
      if (q->seen) i = bscan_next(&bm, s, i, n, 1);
      continue;
    }
    if (q->seen && c == 0xE2 && i > 0 && i + 3 < n && (unsigned char)s[i + 1] == 0x80 &&
        (unsigned char)s[i + 2] == 0x99 && WORDCH[(unsigned char)s[i - 1]] && WORDCH[(unsigned char)s[i + 3]]) {
      /* ’ between two ASCII letters or digits: an apostrophe (Moscow’s) */
      i = bscan_next(&bm, s, i + 3, n, 1);
      continue;
    }
    {
      int fam, low, m, k;
      size_t len;
      int32_t cp = cp_at(s, n, i, &len);
      if (cp == 0x2028 || cp == 0x2029 || cp == 0x85) {
        end_paragraph(q, i);
        i += len;
        if (q->seen) q->para++;
        q->pstart = i; q->seen = 0;
        continue;
      }
      if (cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A)) { i += len; continue; }
      m = read_mark(q, i, &fam, &len, &low);
      if (!q->seen) {
        int cont = q->pending && (m == M_OPEN || m == M_TOGGLE) && fam == q->pend.fam;
        q->seen = 1;
        if ((rc = settle_pending(q, cont)) != NC_OK) return rc;
        if (cont) {
          openm *o = &q->st[0];
          o->pos = i; o->after = i + len; o->fam = fam; o->low = low; o->contd = 1;
          q->depth = 1;
          i += len;
          continue;
        }
      }
      if (m == M_TOGGLE) m = st_find(q, fam) >= 0 ? M_CLOSE : M_OPEN;
      if (m == M_OPEN) {
        if (q->depth < MAXDEPTH) {
          openm *o = &q->st[q->depth++];
          o->pos = i; o->after = i + len; o->fam = fam; o->low = low; o->contd = 0;
        }
      } else if (m == M_CLOSE && (k = st_find(q, fam)) >= 0) {
        if (k == 0) {
          rc = emit_raw(q, &q->st[0], i + len, i, 1, q->para, q->pstart, 0);
          if (rc != NC_OK) return rc;
        }
        q->depth = k;
      }
      i += len;
    }
  }
  end_paragraph(q, n);
  return settle_pending(q, 0);
}

/* ---- words ---- */

enum { T_WORD, T_COMMA, T_COLON, T_END, T_DASH, T_MARK, T_OPEN, T_CLOSE, T_OTHER };

typedef struct tok {
  size_t s, e;       /* bytes [s, e) */
  unsigned lex;
  unsigned char type, cap, lowerly, ing, digit;
} tok;

/* End of the word starting at i (a letter or digit there): letters, digits,
   and inner ' ’ . - & followed by a letter or digit. */
static size_t word_end_slow(const char *s, size_t n, size_t i);

/* First byte at or after i that is not an ASCII letter or digit (WORDCH), or n. */
static inline size_t word_run(const char *s, size_t n, size_t i) {
#ifdef NC_Q_SSE2
  while (i + 16 <= n) {
    unsigned m = word_bits16(s + i) ^ 0xFFFFu;
    if (m) return i + (size_t)__builtin_ctz(m);
    i += 16;
  }
#endif
  while (i < n && WORDCH[(unsigned char)s[i]]) i++;
  return i;
}

/* 1 when word_run agrees with the byte-by-byte reading of WORDCH at every
   offset of s[0..n) (checked by the C tests; the same without SSE2). */
NC_INTERNAL int nc_quotes_word_run_ok(const char *s, size_t n);
int nc_quotes_word_run_ok(const char *s, size_t n) {
  size_t i, j;
  for (i = 0; i <= n; i++) {
    j = i;
    while (j < n && WORDCH[(unsigned char)s[j]]) j++;
    if (word_run(s, n, i) != j) return 0;
  }
  return 1;
}

static inline size_t word_end(const char *s, size_t n, size_t i) {
  unsigned char b;
  i = word_run(s, n, i);
  if (i >= n) return i;
  b = (unsigned char)s[i];
  if (b < 0x80 && b != '\'' && b != '.' && b != '-' && b != '&') return i;
  return word_end_slow(s, n, i);
}

static size_t word_end_slow(const char *s, size_t n, size_t i) {
  size_t len;
  while (i < n) {
    int32_t cp;
    unsigned char b = (unsigned char)s[i];
    if (ASCII_ALNUM(b)) { i++; continue; }
    if (b < 0x80 && b != '\'' && b != '.' && b != '-' && b != '&') break;
    /* U+00C0-U+024F: Latin letters but for × and ÷ */
    if (b >= 0xC3 && b <= 0xC9 && i + 1 < n && ((unsigned char)s[i + 1] & 0xC0) == 0x80 &&
        !(b == 0xC3 && ((unsigned char)s[i + 1] == 0x97 || (unsigned char)s[i + 1] == 0xB7))) {
      i += 2;
      continue;
    }
    if (b == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x99) {
      cp = 0x2019; len = 3;   /* ’ */
    } else {
      cp = cp_at(s, n, i, &len);
    }
    int c = cp_class(cp);
    if (IS_ALNUM(c)) { i += len; continue; }
    if (cp == '\'' || cp == 0x2019 || cp == '.' || cp == '-' || cp == '&') {
      if (IS_ALNUM(class_at(s, n, i + len))) { i += len; continue; }
      /* keep the dot of a short abbreviation: "Sen." "U.S." "Jr." */
      if (cp == '.' && i > 0) break;
    }
    break;
  }
  return i;
}

static int is_abbrev(const char *s, size_t ws, size_t we) {
  size_t l = we - ws;
  unsigned m;
  size_t i;
  if (l == 1) return ((unsigned char)s[ws] >= 'A' && (unsigned char)s[ws] <= 'Z');
  for (i = ws; i < we; i++) if (s[i] == '.') return 1;  /* U.S */
  if (l > 4) return 0;
  m = lex_lookup(s + ws, l);
  if (m & L_TITLE) return 1;                             /* Sen Gov Mr Dr Rep Gen Lt */
  if (l == 2 && s[ws] == 'J' && s[ws + 1] == 'r') return 1;
  if (l == 2 && s[ws] == 'S' && s[ws + 1] == 't') return 1;
  return 0;
}

/* Tokens of s[a..b), at most max; returns their number. */
static size_t lex_window(const char *s, size_t n, size_t a, size_t b, tok *t, size_t max) {
  size_t i = a, k = 0, len;
  while (i < b && k < max) {
    unsigned char b0 = (unsigned char)s[i];
    int32_t cp;
    int c;
    if (b0 == ' ') { i++; continue; }
    if (b0 < 0x80) { cp = b0; len = 1; } else cp = cp_at(s, n, i, &len);
    c = cp_class(cp);
    if (IS_BLANK(c)) { i += len; continue; }
    t[k].s = i; t[k].lex = 0; t[k].cap = 0; t[k].lowerly = 0; t[k].ing = 0; t[k].digit = 0;
    if (IS_ALNUM(c)) {
      size_t e = word_end(s, n, i);
      size_t l;
      if (e > b) e = b;
      if (e < b && s[e] == '.' && is_abbrev(s, i, e)) e++;
      /* a possessive apostrophe after the word: "Sanders’ campaign" */
      if (e < b && (s[e] == '\'' || (e + 2 < b && (unsigned char)s[e] == 0xE2 && (unsigned char)s[e + 1] == 0x80 &&
                                       (unsigned char)s[e + 2] == 0x99)) && s[e - 1] == 's') {
        size_t a2 = e + (s[e] == '\'' ? 1 : 3);
        if (a2 >= b || IS_BLANK(class_at(s, n, a2))) e = a2;
      }
      l = e - i;
      t[k].e = e; t[k].type = T_WORD;
      t[k].cap = (unsigned char)(c == C_UPPER);
      t[k].digit = (unsigned char)(c == C_DIGIT);
      {
        size_t le = e;
        /* possessive: Israel's -> look up "israel" */
        if (le - i > 2 && (s[le - 2] == '\'' ) && s[le - 1] == 's') le -= 2;
        t[k].lex = lex_lookup(s + i, le - i);
        /* "United States", "Will": a capitalised word is a name, not a verb */
        if (t[k].cap && !(t[k].lex & L_LEAD)) {
          /* "Continued Stone:" opens a window with its cue */
          t[k].lex &= ~(unsigned)(k == 0 ? (L_AUX | L_STOP) : (L_CUE | L_AUX | L_STOP));
        }
      }
      if (!t[k].cap && l > 4 && s[e - 2] == 'l' && s[e - 1] == 'y') t[k].lowerly = 1;
      if (l > 4 && s[e - 3] == 'i' && s[e - 2] == 'n' && s[e - 1] == 'g') t[k].ing = 1;
      k++; i = e;
      continue;
    }
    t[k].e = i + len;
    switch (cp) {
      case ',': t[k].type = T_COMMA; break;
      case ':': case ';': t[k].type = T_COLON; break;
      case '.':
        t[k].type = (unsigned char)(i + 1 < b && (s[i + 1] == ',' || IS_ALNUM(class_at(s, n, i + 1))) ? T_OTHER : T_END);
        break;
      case '!': case '?': t[k].type = T_END; break;
      case '(': case '[': t[k].type = T_OPEN; break;
      case ')': case ']': t[k].type = T_CLOSE; break;
      default:
        t[k].type = (unsigned char)(c == C_DASH ? T_DASH : c == C_MARK ? T_MARK : T_OTHER);
    }
    k++; i += len;
  }
  return k;
}

/* tok_is(s, t, "word"): is token t that word (ASCII, without case)? w a string literal. */
#define tok_is(s, t, w) tok_is_l((s), (t), (w), sizeof(w) - 1)

/* A cue word after a preposition or a determiner is a noun: "in states", "his claims" */
#define NOUN_CUE(t, c) ((c) > 0 && (t)[(c) - 1].type == T_WORD && ((t)[(c) - 1].lex & (L_PREP | L_DET | L_OF)) && \
                        !((t)[(c) - 1].lex & (L_PRONP | L_PRONO)) && !tok_is(s, &(t)[(c) - 1], "another") && \
                        !tok_is(s, &(t)[(c) - 1], "one"))

static int tok_is_l(const char *s, const tok *t, const char *w, size_t l) {
  size_t i;
  if (t->type != T_WORD || t->e - t->s != l) return 0;
  for (i = 0; i < l; i++) {
    unsigned char c = (unsigned char)s[t->s + i];
    if (c >= 'A' && c <= 'Z') c = (unsigned char)(c + 32);
    if (c != (unsigned char)w[i]) return 0;
  }
  return 1;
}

/* ---- step 2: names ---- */

typedef struct name {
  size_t start;          /* the run of capitalised words */
  unsigned key;          /* index of its key in names.keys, NOKEY when too long */
  unsigned char ntok, inquote;
} name;

#define NOKEY 0xFFFFFFFFu

/* A key (the last word of a name, without a possessive) and what is known of it. */
typedef struct nslot {
  size_t ks, bs, be;     /* key start; fullest name */
  uint64_t pre;          /* its first bytes (key_prefix) */
  unsigned kl, hash;     /* key length, hash */
  unsigned char btok, person;
} nslot;

typedef struct names {
  nc_vec list;           /* name, in text order */
  nc_vec keys;           /* nslot */
  unsigned *tab;         /* open addressing: key index + 1, 0 empty */
  size_t cap;            /* a power of two, kept at least twice the keys */
  const raw *R;          /* the quotes found by step 1, to mark the names inside them */
  size_t nr, r;          /* their number; the first that does not end before the last name */
  int scalar;            /* no SSE2 (nc_quotes_scalar) */
  size_t n;              /* the text's length */
} names;

/* KEYMASK[l]: l bytes 0xFF, then zeros (as a uint64_t in memory order) */
static const unsigned char KEYMASK[9][8] = {
  {0, 0, 0, 0, 0, 0, 0, 0}, {255, 0, 0, 0, 0, 0, 0, 0}, {255, 255, 0, 0, 0, 0, 0, 0},
  {255, 255, 255, 0, 0, 0, 0, 0}, {255, 255, 255, 255, 0, 0, 0, 0}, {255, 255, 255, 255, 255, 0, 0, 0},
  {255, 255, 255, 255, 255, 255, 0, 0}, {255, 255, 255, 255, 255, 255, 255, 0},
  {255, 255, 255, 255, 255, 255, 255, 255}
};

/* The first min(kl, 8) bytes of the key s[ks..ks+kl), the rest zero: equal
   prefixes and lengths leave only the bytes past 8 to compare. */
static inline uint64_t key_prefix(const char *s, size_t n, size_t ks, size_t kl) {
  uint64_t x = 0, m;
  size_t l = kl < 8 ? kl : 8;
  if (ks + 8 <= n) memcpy(&x, s + ks, 8);
  else memcpy(&x, s + ks, l);
  memcpy(&m, KEYMASK[l], 8);
  return x & m;
}

/* Hash of a key (1..255 bytes): its length and five of its bytes. */
static unsigned hash_bytes(const char *s, size_t l) {
  const unsigned char *u = (const unsigned char *)s;
  uint32_t h = (uint32_t)l * 0x9E3779B1u;
  h = (h ^ u[0]) * 0x01000193u;
  h = (h ^ u[l > 1 ? 1 : 0]) * 0x01000193u;
  h = (h ^ u[l / 2]) * 0x01000193u;
  h = (h ^ u[l > 1 ? l - 2 : 0]) * 0x01000193u;
  h = (h ^ u[l - 1]) * 0x01000193u;
  return h ^ (h >> 15);
}

/* Index of the key s[ks..ks+kl) in nm->keys (added when `add`), or NOKEY. */
static unsigned key_index(names *nm, const char *s, size_t ks, size_t kl, int add) {
  unsigned h;
  size_t i;
  uint64_t pre;
  if (kl > 255 || kl == 0) return NOKEY;
  h = hash_bytes(s + ks, kl);
  pre = key_prefix(s, nm->n, ks, kl);
  if (nm->cap > 0) {
    for (i = h & (nm->cap - 1);; i = (i + 1) & (nm->cap - 1)) {
      unsigned e = nm->tab[i];
      const nslot *k;
      if (e == 0) break;
      k = &NC_VEC_AT(&nm->keys, nslot, e - 1);
      if (k->hash == h && k->kl == kl && k->pre == pre && (kl <= 8 || memcmp(s + k->ks + 8, s + ks + 8, kl - 8) == 0))
        return e - 1;
    }
  }
  if (!add || nm->keys.len >= NOKEY - 1) return NOKEY;
  if (2 * (nm->keys.len + 1) > nm->cap) {
    size_t nc = nm->cap ? nm->cap * 2 : 256, j;
    unsigned *t = (unsigned *)calloc(nc, sizeof(unsigned));
    if (t == NULL) return NOKEY;
    for (j = 0; j < nm->keys.len; j++) {
      size_t p = NC_VEC_AT(&nm->keys, nslot, j).hash & (nc - 1);
      while (t[p] != 0) p = (p + 1) & (nc - 1);
      t[p] = (unsigned)j + 1;
    }
    free(nm->tab);
    nm->tab = t; nm->cap = nc;
  }
  {
    nslot *k = (nslot *)vec_push_raw(&nm->keys);
    if (k == NULL) return NOKEY;
    k->ks = ks; k->kl = (unsigned)kl; k->hash = h; k->pre = pre; k->bs = k->be = 0; k->btok = 0; k->person = 0;
    for (i = h & (nm->cap - 1); nm->tab[i] != 0; i = (i + 1) & (nm->cap - 1)) {}
    nm->tab[i] = (unsigned)nm->keys.len;
    return (unsigned)nm->keys.len - 1;
  }
}

static nslot *key_at(const names *nm, unsigned k) {
  return k == NOKEY ? NULL : &NC_VEC_AT(&nm->keys, nslot, k);
}

/* The key record of s[ks..ks+kl), or NULL. */
static nslot *name_slot(const names *nm, const char *s, size_t ks, size_t kl) {
  return key_at(nm, key_index((names *)nm, s, ks, kl, 0));
}

/* Key span of a word (without a possessive 's / ’s). */
static inline void word_key(const char *s, size_t ws, size_t we, size_t *ks, size_t *ke) {
  *ks = ws; *ke = we;
  if (we - ws > 2 && s[we - 1] == 's' && s[we - 2] == '\'') *ke = we - 2;
  else if (we - ws > 4 && s[we - 1] == 's' && (unsigned char)s[we - 2] == 0x99 &&
           (unsigned char)s[we - 3] == 0x80 && (unsigned char)s[we - 4] == 0xE2) *ke = we - 4;
}

#define MAXRUN 8

static int flush_run(const char *s, names *nm, size_t *ws, size_t *we, int k) {
  int j, first, titled = 0, broke = 0;
  name *r;
  if (k == 0) return NC_OK;
  /* the name is the trailing run of words that are not titles or lead words */
  first = k;
  for (j = k - 1; j >= 0 && k - j <= 4; j--) {
    unsigned m = lex_lookup(s + ws[j], we[j] - ws[j]);
    if (m & (L_TITLE | L_LEAD | L_NAT | L_TIME | L_CUE)) { if (m & L_TITLE) titled = 1; broke = 1; break; }
    first = j;
  }
  if (j >= 0 && !titled && !broke) {
    /* "President Joe Biden": a title just before the run counts too */
    unsigned m = lex_lookup(s + ws[j], we[j] - ws[j]);
    if (m & L_TITLE) titled = 1;
  }
  if (first == k) return NC_OK;
  r = (name *)vec_push_raw(&nm->list);
  if (r == NULL) return NC_ENOMEM;
  r->start = ws[0];
  r->ntok = (unsigned char)(k - first);
  /* names inside quotes are not candidates for pronouns (names come in text order) */
  while (nm->r < nm->nr && nm->R[nm->r].end <= r->start) nm->r++;
  r->inquote = (unsigned char)(nm->r < nm->nr && nm->R[nm->r].start <= r->start && r->start < nm->R[nm->r].end);
  {
    /* the key: fullest name (the first with the most words), person or not */
    size_t ks, ke;
    nslot *e;
    word_key(s, ws[k - 1], we[k - 1], &ks, &ke);
    r->key = key_index(nm, s, ks, ke - ks, 1);
    if (r->key == NOKEY && ke - ks <= 255 && ke > ks) return NC_ENOMEM;
    e = key_at(nm, r->key);
    if (e) {
      if (r->ntok > e->btok) { e->btok = r->ntok; e->bs = ws[first]; e->be = ke; }
      if (titled) e->person = 1;
    }
  }
  return NC_OK;
}

/* Is the character before i (skipping blanks) one that starts a clause? */
static int clause_before(const char *s, size_t n, size_t i, size_t lo) {
  size_t j = i;
  while (j > lo) {
    size_t p = prev_start(s, j);
    int32_t cp = cp_at(s, n, p, NULL);
    int c = cp_class(cp);
    if (c == C_NL) return 1;
    if (c == C_SPACE) { j = p; continue; }
    if (cp == '.' || cp == '!' || cp == '?' || cp == ':' || cp == ',' || cp == ';' || c == C_MARK || c == C_OPEN || c == C_DASH) return 1;
    if (IS_ALNUM(c)) {
      size_t ws = p;
      while (ws > lo && IS_ALNUM(class_before(s, n, ws)) && p - ws < 16) ws = prev_start(s, ws);
      {
        unsigned m = lex_lookup(s + ws, j - ws);
        tok w;
        memset(&w, 0, sizeof w);
        w.s = ws; w.e = j; w.type = T_WORD;
        return (m & L_STOP) && !(m & L_AUX) && !tok_is(s, &w, "to") && !tok_is(s, &w, "by") &&
               !tok_is(s, &w, "with");
      }
    }
    return 0;
  }
  return 1;
}

static int scan_names(const char *s, size_t n, names *nm) {
  size_t i = 0, len, ws[MAXRUN], we[MAXRUN], lastend = 0;
  int k = 0, rc;
  bscan bc;
#ifdef NC_QUOTES_PROFILE
  clock_t nc_prof_t0 = clock();
#endif
  bscan_init(&bc, nm->scalar);
  while (i < n) {
    unsigned char b = (unsigned char)s[i];
    int32_t cp;
    int c;
    /* only capitalised words matter: a lower-case word or a number between
       two of them shows as a gap of more than one space */
    if (!CSTART[b]) {
      i = bscan_next(&bc, s, i + 1, n, 0);
      continue;
    }
    if (b < 0x80) {
      cp = b; len = 1;
    } else {
      /* quick refusals: U+2000-U+203F (punctuation, marks), U+00E0-U+00FF (lower case, ÷) */
      if (i + 2 < n && ((b == 0xE2 && (unsigned char)s[i + 1] == 0x80) ||
                        (b == 0xC3 && (unsigned char)s[i + 1] >= 0xA0 && (unsigned char)s[i + 1] <= 0xBF))) {
        i = bscan_next(&bc, s, i + 1, n, 0);
        continue;
      }
      cp = cp_at(s, n, i, &len);
    }
    c = cp_class(cp);
    if (c != C_UPPER) { i += len; continue; }
    if (i > 0 && IS_ALNUM(class_before(s, n, i))) { i = word_end(s, n, i); continue; }  /* iPhone */
    {
      size_t e = word_end(s, n, i);
      int joined;
      if (e < n && s[e] == '.' && is_abbrev(s, i, e) && e + 1 < n && s[e + 1] == ' ' &&
          e + 2 < n && (unsigned char)s[e + 2] >= 'A' && (unsigned char)s[e + 2] <= 'Z') e++;
      /* joined to the run when only one space (or none) lies between */
      joined = k > 0 && k < MAXRUN && (i == lastend + 1 && s[lastend] == ' ');
      if (k > 0 && we[k - 1] - ws[k - 1] > 2 && s[we[k - 1] - 1] == 's' &&
          (s[we[k - 1] - 2] == '\'' || (unsigned char)s[we[k - 1] - 2] == 0x99)) joined = 0;
      if (!joined) {
        if ((rc = flush_run(s, nm, ws, we, k)) != NC_OK) return rc;
        k = 0;
      }
      ws[k] = i; we[k] = e; k++;
      lastend = e;
      i = e;
    }
  }
  if ((rc = flush_run(s, nm, ws, we, k)) != NC_OK) return rc;
#ifdef NC_QUOTES_PROFILE
  fprintf(stderr, "  names scan %.1f ms; ", (clock() - nc_prof_t0) * 1e3 / CLOCKS_PER_SEC);
#endif
  return NC_OK;
}

/* ---- step 3: attribution ---- */

#define MAXTOK 64
#define WINDOW 400

typedef struct attr {
  nc_span mention, cue, via;
  size_t hs, he;   /* the head word of the mention */
  int found, pron; /* pron: 1 he/she, 2 other pronoun */
  int weak;        /* the subject of the sentence, no cue */
} attr;

static nc_span span(size_t a, size_t b) { nc_span x; x.start = a; x.end = b; return x; }

/* Noun phrase ending just before token c (tokens lo..c-1); sets *m0, *h. */
#define NAMECAP(w) ((w).cap && !((w).lex & (L_DET | L_LEAD | L_PREP)))

static int np_before(const tok *t, int lo, int c, int *m0, int *h) {
  int j = c - 1, k, nw;
  int rounds;
  /* "Harry M. Reid (D-Nev.) said": skip the parenthesis */
  if (j >= lo && t[j].type == T_CLOSE) {
    int o = j - 1;
    while (o >= lo && t[o].type != T_OPEN && j - o < 8) o--;
    if (o >= lo && t[o].type == T_OPEN) j = o - 1;
  }
  for (rounds = 0; rounds < 3; rounds++) {
    while (j >= lo && t[j].type == T_WORD && ((t[j].lex & (L_ADV | L_AUX)) || t[j].lowerly)) j--;
    if (j >= lo && t[j].type == T_WORD && (t[j].lex & L_TIME)) {
      j--;
      /* "on 3 March said": a date only after a preposition */
      if (j >= lo && t[j].digit) {
        if (!(j > lo && t[j - 1].type == T_WORD && (t[j - 1].lex & L_PREP))) return 0;
        j--;
      }
      if (j >= lo && t[j].type == T_WORD && (t[j].lex & L_PREP)) j--;
    } else if (j > lo && t[j].digit && t[j - 1].type == T_WORD && (t[j - 1].lex & L_TIME)) {
      /* "on March 3 said" */
      if (!(j > lo + 1 && t[j - 2].type == T_WORD && (t[j - 2].lex & L_PREP))) return 0;
      j -= 3;
    }
  }
  if (j < lo || t[j].type != T_WORD) return 0;
  /* a determiner, a preposition or a date is never the head: "dated 14 January said" */
  if (t[j].lex & (L_STOP | L_CUE | L_PREP | L_OF | L_DET | L_TIME)) return 0;
  if (t[j].digit && ((j > lo && t[j - 1].type == T_WORD && (t[j - 1].lex & L_TIME)) ||
                     (j + 1 < c && t[j + 1].type == T_WORD && (t[j + 1].lex & L_TIME))))
    return 0;
  *h = j;
  if (t[j].lex & (L_PRONP | L_PRONO)) { *m0 = j; return 1; }
  k = j; nw = 1;
  while (k - 1 >= lo && t[k - 1].type == T_WORD && nw < 8) {
    const tok *w = &t[k - 1];
    if (w->lex & (L_STOP | L_CUE | L_PRONP | L_PRONO | L_AUX)) break;
    if (!(w->cap || (w->lex & (L_DET | L_OF)) || nw < 3)) break;
    k--; nw++;
    if (w->lex & L_DET) break;
  }
  while (k < j && (t[k].lex & L_OF)) k++;
  /* a lower-case head needs a determiner, a capitalised word or a title */
  if (!t[j].cap && k == j && !(t[j].lex & (L_TITLE | L_MEDIA))) {
    /* "officials said": a plural noun alone is accepted */
    if (!(t[j].e - t[j].s > 3)) return 0;
  }
  *m0 = k;
  return 1;
}

/* The same, with an appositive skipped: "X, a spokeswoman for Y, said". */
static int np_before_app(const char *s, const tok *t, int lo, int c, int *m0, int *h) {
  /* "Clinton, exasperated, famously responded" */
  while (c - 1 >= lo && t[c - 1].type == T_WORD && ((t[c - 1].lex & L_ADV) || t[c - 1].lowerly)) c--;
  if (c - 1 >= lo && t[c - 1].type == T_COMMA) {
    int p = c - 2;
    while (p >= lo && t[p].type != T_COMMA && c - p < 20) p--;
    if (p >= lo && t[p].type == T_COMMA && p + 1 < c - 1) {
      const tok *f = &t[p + 1];
      int q, names = 1;
      /* "Florida's attorney general, Pam Bondi, vowed": the name between the commas */
      for (q = p + 1; q < c - 1; q++) if (!(t[q].type == T_WORD && NAMECAP(t[q]))) names = 0;
      if (names && c - 1 - (p + 1) <= 4) { *m0 = p + 1; *h = c - 2; return 1; }
      if (f->type == T_WORD && ((f->lex & (L_DET | L_NAT | L_TITLE)) || tok_is(s, f, "who") ||
                                (p + 2 == c - 1 && !f->cap && !(f->lex & (L_STOP | L_CUE))) ||
                                (s[f->s] >= '0' && s[f->s] <= '9') || (!f->cap && (f->lex & L_OF))))
        return np_before(t, lo, p, m0, h);
    }
    return 0;
  }
  return np_before(t, lo, c, m0, h);
}

/* Noun phrase starting at token j (inverted "said Putin"); sets *h to its head. */
static int np_after(const tok *t, int j, int hi, int *h) {
  int k, nw = 0, last = -1, lastcap = -1;
  if (j >= hi || t[j].type != T_WORD) return 0;
  if (t[j].lex & (L_PRONP | L_PRONO)) { *h = j; return j + 1; }
  if (t[j].lex & (L_STOP | L_CUE)) return 0;
  if (!(t[j].cap || (t[j].lex & (L_DET | L_NAT | L_TITLE)))) {
    for (k = j + 1; k < hi && k < j + 4 && t[k].type == T_WORD && !(t[k].lex & (L_STOP | L_CUE | L_AUX)); k++)
      if (t[k].cap) break;
    if (!(k < hi && k < j + 4 && t[k].type == T_WORD && t[k].cap)) return 0;
  }
  for (k = j; k < hi && t[k].type == T_WORD && nw < 8; k++, nw++) {
    if (k > j && (t[k].lex & (L_STOP | L_CUE | L_AUX))) break;
    if (k > j && !t[k].cap && !(t[k].lex & (L_OF | L_DET)) && nw > 3) break;
    last = k;
    if (t[k].cap) lastcap = k;
  }
  if (last < 0) return 0;
  while (last > j && (t[last].lex & (L_OF | L_DET | L_PREP))) last--;
  *h = lastcap >= 0 ? lastcap : last;
  if (!t[*h].cap) *h = last;
  return last + 1;
}

static void set_mention(attr *a, const tok *t, int m0, int mlast, int h) {
  a->mention = span(t[m0].s, t[mlast].e);
  a->hs = t[h].s; a->he = t[h].e;
  a->pron = (t[h].lex & L_PRONP) ? 1 : (t[h].lex & L_PRONO) ? 2 : 0;
  a->found = 1;
}

/* A channel after the speaker: "according to a Kremlin transcript", "on state television". */
static void find_via(attr *a, const char *s, const tok *t, int j, int hi) {
  int k, chan = 0;
  if (a->via.end > a->via.start) return;
  while (j < hi && t[j].type == T_COMMA) j++;
  if (j >= hi || t[j].type != T_WORD) return;
  if (tok_is(s, &t[j], "according") && j + 1 < hi && tok_is(s, &t[j + 1], "to")) chan = 1;
  else if (!(t[j].lex & (L_PREP | L_OF)) && !tok_is(s, &t[j], "via") && !tok_is(s, &t[j], "to")) return;
  for (k = j + 1; k < hi && t[k].type == T_WORD && k - j < 10; k++)
    if (t[k].lex & (L_CHAN | L_MEDIA)) chan = 1;
  if (chan && k > j + 1) a->via = span(t[j].s, t[k - 1].e);
}

/* A verb in the past tense or the third person, not in the lexicon: "fumed". */
static int loose_cue(const char *s, const tok *w) {
  size_t l = w->e - w->s;
  if (w->type != T_WORD || w->cap || l < 4) return 0;
  if (w->lex & (L_DET | L_OF | L_STOP | L_PREP | L_AUX | L_ADV | L_PRONP | L_PRONO | L_TIME)) return 0;
  if (s[w->e - 2] == 'e' && s[w->e - 1] == 'd') return 1;
  return 0;
}

/* Attribution after a quote: ", Putin said", ", said Putin", ", he added".
   loose: a quote that ends with a comma takes an unknown verb as its cue. */
static int attr_after(attr *a, const char *s, tok *t, int nt, int loose) {
  int i = 0, c, m0, h, words = 0;
  if (loose) {
    for (c = 0; c < nt && c < 12; c++) {
      if (t[c].type == T_END || t[c].type == T_COLON || t[c].type == T_MARK) break;
      if (t[c].lex & L_CUE) break;
      if (loose_cue(s, &t[c])) { t[c].lex |= L_CUE; break; }
    }
    /* "“...,” Bozell points out", "“...,” he answers": a verb in -s right after the speaker */
    for (c = 0; c < nt && t[c].type != T_WORD; c++) {
      if (t[c].type != T_COMMA) { c = nt; break; }
    }
    if (c < nt && t[c].type == T_WORD && ((t[c].lex & L_PRONP) || NAMECAP(t[c]))) {
      int v = c + 1;
      if (!(t[c].lex & L_PRONP)) while (v < nt && v < c + 4 && t[v].type == T_WORD && NAMECAP(t[v])) v++;
      if (v < nt && t[v].type == T_WORD && !t[v].cap && !(t[v].lex & L_CUE) && t[v].e - t[v].s >= 4 &&
          s[t[v].e - 1] == 's' && s[t[v].e - 2] != 's' && s[t[v].e - 2] != '\'' && !t[v].lowerly &&
          !(t[v].lex & (L_DET | L_OF | L_STOP | L_PREP | L_AUX | L_ADV | L_PRONP | L_PRONO | L_TIME)) &&
          (v + 1 >= nt || t[v + 1].type != T_WORD || !(t[v + 1].lex & (L_DET | L_PRONO))))
        t[v].lex |= L_CUE;
    }
  }
  while (i < nt && t[i].type != T_WORD) {
    if (t[i].type == T_END || t[i].type == T_COLON) return 0;
    i++;
  }
  for (c = i; c < nt && words < 30; c++) {
    if (t[c].type == T_END || t[c].type == T_COLON || t[c].type == T_MARK) return 0;
    if (t[c].type != T_WORD) continue;
    words++;
    if (!(t[c].lex & L_CUE) || NOUN_CUE(t, c)) continue;
    if (tok_is(s, &t[c], "according")) {
      if (c + 1 < nt && tok_is(s, &t[c + 1], "to") && c == i) {
        int e = np_after(t, c + 2, nt, &h);
        if (e) {
          set_mention(a, t, c + 2, e - 1, h);
          a->cue = span(t[c].s, t[c + 1].e);
          return 1;
        }
      }
      continue;
    }
    if (np_before_app(s, t, i, c, &m0, &h)) {
      set_mention(a, t, m0, h, h);
      a->cue = span(t[c].s, t[c].e);
      if (t[c].lex & L_TRANS) {
        int h2, e2 = np_after(t, c + 1, nt, &h2);
        if (e2 && (t[h2].lex & L_MEDIA)) { a->via = span(t[c].s, t[e2 - 1].e); find_via(a, s, t, e2, nt); }
        else if (e2) find_via(a, s, t, e2, nt);
      } else {
        find_via(a, s, t, c + 1, nt);
      }
      return 1;
    }
    /* "said Putin", but not "citing an instance" */
    if (c == i && !(t[c].lex & L_TRANS) && !t[c].ing) {
      int e = np_after(t, c + 1, nt, &h);
      if (e) {
        set_mention(a, t, c + 1, e - 1, h);
        a->cue = span(t[c].s, t[c].e);
        find_via(a, s, t, e, nt);
        return 1;
      }
    }
    if (c > i && t[c - 1].type == T_COMMA && !(t[c].lex & L_TRANS) && !t[c].ing) {
      /* "“...” about the decision, said Jane Roe": an inverted cue after a comma */
      int e = c + 1 < nt && !(t[c + 1].lex & (L_PREP | L_OF | L_STOP)) ? np_after(t, c + 1, nt, &h) : 0;
      if (e && NAMECAP(t[h])) {
        set_mention(a, t, c + 1, e - 1, h);
        a->cue = span(t[c].s, t[c].e);
        find_via(a, s, t, e, nt);
        return 1;
      }
    }
    if (c > i && t[c - 1].type == T_COMMA) {
      /* "Harry Bond, 30, of Raleigh, N.C., who was polled, said" */
      int e = np_after(t, i, c, &h);
      if (e && e < c && t[e].type == T_COMMA) {
        set_mention(a, t, i, e - 1, h);
        a->cue = span(t[c].s, t[c].e);
        find_via(a, s, t, c + 1, nt);
        return 1;
      }
    }
    if (words > 12) return 0;
    continue;
  }
  return 0;
}

#define s_is_digit(w) ((w).digit)

/* A lower-case word ending in -ed: "dated", "reported". */
static int ends_ed(const char *s, const tok *w) {
  return w->type == T_WORD && !w->cap && w->e - w->s > 3 && s[w->e - 2] == 'e' && s[w->e - 1] == 'd';
}

/* A lower-case word that may continue a noun phrase: "internal memo". */
static int plain_word(const char *s, const tok *w) {
  return w->type == T_WORD && !w->cap && !w->ing && !w->digit && !w->lowerly && !ends_ed(s, w) &&
         !(w->lex & (L_STOP | L_AUX | L_CUE | L_ADV | L_PREP | L_OF | L_DET | L_TIME | L_PRONP | L_PRONO));
}

/* The subject of the sentence tokens t[0..upto): "Veteran leader Abbas". */
static int sentence_subject(const char *s, const tok *t, int upto, int *m0, int *mlast, int *h) {
  int i = 0, k, lastcap = -1, skips = 0;
  if (upto <= 0 || t[0].type != T_WORD) return 0;
  /* a dateline: "PHILADELPHIA, July 25 (UPI) —", "MOSCOW:" */
  for (k = 0; k < upto && k < 10; k++) {
    if (t[k].type == T_DASH || (t[k].type == T_COLON && k > 0)) { i = k + 1; break; }
    if (!(t[k].type == T_COMMA || t[k].type == T_OPEN || t[k].type == T_CLOSE ||
          (t[k].type == T_WORD && (t[k].cap || (s_is_digit(t[k]))))))
      break;
  }
  if (i >= upto || t[i].type != T_WORD) return 0;
  /* "And Florida's attorney general ...", "But Cruz ..." */
  if (tok_is(s, &t[i], "and") || tok_is(s, &t[i], "but") || tok_is(s, &t[i], "or") || tok_is(s, &t[i], "so") ||
      tok_is(s, &t[i], "yet") || tok_is(s, &t[i], "still") || tok_is(s, &t[i], "then"))
    i++;
  if (i >= upto || t[i].type != T_WORD) return 0;
  if (((t[i].lex & (L_LEAD | L_PREP)) && !(t[i].lex & (L_DET | L_PRONP | L_PRONO))) || t[i].ing) {
    /* an opening phrase: "Speaking in Salem, New Hampshire, Trump went ..." */
    for (;;) {
      while (i < upto && t[i].type != T_COMMA) i++;
      i++;
      if (i >= upto || skips++ > 3) break;
      for (k = i; k < upto && t[k].type == T_WORD && NAMECAP(t[k]); k++) {}
      if (!(k > i && k < upto && t[k].type == T_COMMA)) break;
    }
  }
  if (i >= upto || t[i].type != T_WORD) return 0;
  if (t[i].lex & (L_PRONP | L_PRONO)) { *m0 = *mlast = *h = i; return 1; }
  if (!(t[i].cap || (t[i].lex & L_DET))) return 0;
  for (k = i; k < upto && t[k].type == T_WORD && k - i < 8; k++) {
    if (k > i && (t[k].lex & (L_STOP | L_CUE | L_AUX | L_ADV))) break;
    if (NAMECAP(t[k])) lastcap = k;
    else if (!(t[k].lex & (L_DET | L_OF | L_TITLE | L_NAT)) && (lastcap >= 0 || k - i > 2)) break;
  }
  if (lastcap < 0) {
    /* "the ministry", "The campaign": a determiner and a noun or two */
    int e = i + 1;
    if (!(t[i].lex & L_DET) || e >= upto || t[e].type != T_WORD || t[e].cap) return 0;
    /* "the foreign ministry": an adjective of the lexicon before the noun */
    if ((t[e].lex & (L_TITLE | L_NAT)) && e + 1 < upto && t[e + 1].type == T_WORD && !t[e + 1].cap) e++;
    /* "Another intelligence source speaking ...", "An internal memo dated ...":
       a noun or two more before a verb form, a participle or a preposition */
    else {
      int f = e;
      while (f + 1 < upto && f - e < 2 && plain_word(s, &t[f + 1])) f++;
      if (f > e && (f + 1 >= upto || t[f + 1].type != T_WORD || t[f + 1].ing || ends_ed(s, &t[f + 1]) ||
                    (t[f + 1].lex & (L_AUX | L_CUE))))
        e = f;
    }
    *m0 = i; *mlast = *h = e;
    return 1;
  }
  *m0 = i; *mlast = *h = lastcap;
  return 1;
}

/* Attribution before a quote, from the start of its sentence: "Abbas told Putin:". */
static int attr_before(attr *a, const char *s, const tok *t, int nt, int subject_ok) {
  int c, m0, h, ml;
  for (c = nt - 1; c >= 0; c--) {
    if (t[c].type == T_WORD && (t[c].lex & L_CUE)) {
      if (tok_is(s, &t[c], "according") && !(c + 1 < nt && tok_is(s, &t[c + 1], "to"))) continue;
      if (NOUN_CUE(t, c)) continue;
      break;
    }
  }
  if (c < 0) {
    /* "Bush: “The mission is ...”" */
    if (nt >= 2 && t[nt - 1].type == T_COLON && t[nt - 2].type == T_WORD && NAMECAP(t[nt - 2]) &&
        np_before(t, 0, nt - 1, &m0, &h)) {
      set_mention(a, t, m0, h, h);
      return 1;
    }
    if (subject_ok && sentence_subject(s, t, nt, &m0, &ml, &h)) {
      set_mention(a, t, m0, ml, h);
      a->weak = 1;
      return 1;
    }
    return 0;
  }
  a->cue = span(t[c].s, t[c].e);
  if (tok_is(s, &t[c], "according")) {
    int e = np_after(t, c + 2, nt, &h);
    a->cue = span(t[c].s, t[c + 1].e);
    if (e) { set_mention(a, t, c + 2, e - 1, h); return 1; }
    return 0;
  }
  /* "TASS quoted X as saying" */
  if (tok_is(s, &t[c], "saying") && c >= 2 && tok_is(s, &t[c - 1], "as")) {
    int q, h2;
    for (q = c - 2; q >= 0 && c - q < 10; q--) if (tok_is(s, &t[q], "quoted")) break;
    if (q >= 0 && c - q < 10 && q + 1 < c - 1) {
      int e = np_after(t, q + 1, c - 1, &h);
      if (e) {
        set_mention(a, t, q + 1, e - 1, h);
        if (sentence_subject(s, t, q, &m0, &ml, &h2)) a->via = span(t[m0].s, t[q - 1].e);
        return 1;
      }
    }
  }
  if (t[c].ing && c > 0 && t[c - 1].type == T_COMMA) {
    /* "..., Spicer said, adding, “...”": the cue before the participle */
    int c2;
    for (c2 = c - 2; c2 >= 0; c2--) {
      if (t[c2].type == T_WORD && (t[c2].lex & L_CUE) && !t[c2].ing) {
        int e2;
        /* "made an unprompted call for ..., calling": a noun */
        if (NOUN_CUE(t, c2) || (c2 > 1 && t[c2 - 1].type == T_WORD && !t[c2 - 1].cap && NOUN_CUE(t, c2 - 1)))
          continue;
        if (np_before_app(s, t, 0, c2, &m0, &h)) { set_mention(a, t, m0, h, h); return 1; }
        if (!(t[c2].lex & L_TRANS) && (e2 = np_after(t, c2 + 1, c, &h)) != 0) {
          set_mention(a, t, c2 + 1, e2 - 1, h);
          return 1;
        }
        break;
      }
    }
    if (sentence_subject(s, t, c, &m0, &ml, &h)) {
      set_mention(a, t, m0, ml, h);
      return 1;
    }
  }
  if (np_before_app(s, t, 0, c, &m0, &h)) {
    int sm0, sml, sh;
    /* "Trump in his announcement speech called": the name before a prepositional phrase */
    if (m0 > 1 && t[m0 - 1].type == T_WORD && (t[m0 - 1].lex & L_PREP) && !(t[m0 - 1].lex & L_OF) &&
        np_before(t, 0, m0 - 1, &sm0, &sh) && (NAMECAP(t[sh]) || (t[sh].lex & L_PRONP))) {
      set_mention(a, t, sm0, sh, sh);
      return 1;
    }
    /* "she released a statement saying", "a source speaking to Fox News said":
       the words before the cue are a channel or an object; the speaker is the subject */
    if (((t[h].lex & L_CHAN) || (m0 > 0 && t[m0 - 1].type == T_WORD &&
                                 (tok_is(s, &t[m0 - 1], "to") || tok_is(s, &t[m0 - 1], "with") ||
                                  tok_is(s, &t[m0 - 1], "by") || (t[m0 - 1].lex & (L_PREP | L_OF))))) &&
        sentence_subject(s, t, m0, &sm0, &sml, &sh) && sh < m0) {
      /* "A statement from the ministry said": the statement is the channel */
      if ((t[sh].lex & L_CHAN) && !(t[h].lex & L_CHAN) && sml == m0 - 2 && (t[m0 - 1].lex & L_OF)) {
        set_mention(a, t, m0, h, h);
        a->via = span(t[sm0].s, t[sml].e);
        return 1;
      }
      set_mention(a, t, sm0, sml, sh);
      if (t[h].lex & L_CHAN) a->via = span(t[m0].s, t[h].e);
      return 1;
    }
    set_mention(a, t, m0, h, h);
    if ((t[c].lex & L_TRANS)) {
      int h2, e2 = np_after(t, c + 1, nt, &h2);
      if (e2 && (t[h2].lex & L_MEDIA)) a->via = span(t[c].s, t[e2 - 1].e);
    } else {
      find_via(a, s, t, c + 1, nt);
    }
    return 1;
  }
  /* "he supported Obama and said": the subject of the clause */
  if (c >= 2 && (tok_is(s, &t[c - 1], "and") || tok_is(s, &t[c - 1], "but"))) {
    int k0 = c - 2;
    while (k0 >= 0 && t[k0].type != T_COMMA && t[k0].type != T_COLON) k0--;
    if (sentence_subject(s, t + k0 + 1, c - 1 - (k0 + 1), &m0, &ml, &h)) {
      set_mention(a, t, k0 + 1 + m0, k0 + 1 + ml, k0 + 1 + h);
      return 1;
    }
  }
  if (!(t[c].lex & L_TRANS) && c + 1 < nt) {
    int e = np_after(t, c + 1, nt, &h);
    if (e && e < nt && (t[e].type == T_COLON || t[e].type == T_COMMA || t[e].type == T_MARK)) {
      set_mention(a, t, c + 1, e - 1, h);
      return 1;
    }
  }
  if (sentence_subject(s, t, c, &m0, &ml, &h)) {
    set_mention(a, t, m0, ml, h);
    return 1;
  }
  return 0;
}

/* Start of the sentence holding offset i, not before lo. */
static size_t sentence_start(const char *s, size_t n, size_t i, size_t lo, int scalar) {
  size_t j = i;
  if (i > lo + WINDOW) lo = i - WINDOW;
  (void)scalar;
  while (j > lo) {
    size_t p;
#ifdef NC_Q_SSE2
    /* 16 ASCII bytes, none of them . ! ? or newline: the walk steps over each */
    if (!scalar && j >= lo + 16 && send_bits16(s + j - 16, 1) == 0) { j -= 16; continue; }
#endif
    p = prev_start(s, j);
    unsigned char b = (unsigned char)s[p];
    if ((b == '.' || b == '!' || b == '?') && j < i && IS_BLANK(class_at(s, n, j))) {
      /* not after an abbreviation: "Sen." "U.S." "Mr." */
      size_t ws = p;
      while (ws > lo && IS_ALNUM(class_before(s, n, ws)) && p - ws < 8) ws = prev_start(s, ws);
      if (!(ws < p && is_abbrev(s, ws, p))) return j;
    }
    if (b == '\n') return j;
    j = p;
  }
  return lo;
}

/* End of the sentence that goes on at i, not after hi. */
static size_t sentence_end(const char *s, size_t n, size_t i, size_t hi, int scalar) {
  size_t j = i;
  if (hi > i + WINDOW) hi = i + WINDOW;
  (void)scalar;
  while (j < hi) {
    unsigned char b;
#ifdef NC_Q_SSE2
    /* 16 bytes, none of them . ! ? or newline */
    if (!scalar && j + 16 <= hi && send_bits16(s + j, 0) == 0) { j += 16; continue; }
#endif
    b = (unsigned char)s[j];
    if (!SEND[b]) { j++; continue; }
    if (b == '\n') return j;
    if (j + 1 >= n || IS_BLANK(class_at(s, n, j + 1))) {
      size_t ws = j;
      while (ws > i && IS_ALNUM(class_before(s, n, ws)) && j - ws < 8) ws = prev_start(s, ws);
      if (!(ws < j && is_abbrev(s, ws, j))) return j + 1;
    }
    j++;
  }
  return hi;
}

/* A headline or caption: a short paragraph without final punctuation. */
static int is_headline(const char *s, size_t n, size_t ps, size_t pe) {
  size_t e = pe;
  int32_t cp;
  if (pe <= ps || pe - ps > 200) return 0;
  while (e > ps && IS_BLANK(class_before(s, n, e))) e = prev_start(s, e);
  if (e == ps) return 0;
  cp = cp_at(s, n, prev_start(s, e), NULL);
  if (cp == '*' || cp == '_') return 1;      /* **markdown** headline */
  return !(cp == '.' || cp == '!' || cp == '?' || cp == ':' || cp == ',' ||
           cp_class(cp) == C_MARK || cp == ')');
}

/* Quoted words all capitalised (beyond short function words): a title.
   loose: a final comma or full stop inside the marks is allowed. */
static int title_like(const char *s, size_t n, size_t a, size_t b, int loose, size_t *nwords) {
  tok t[12];
  size_t k = lex_window(s, n, a, b, t, 12), i, words = 0;
  if (loose && k > 1 && (t[k - 1].type == T_COMMA || t[k - 1].type == T_END)) k--;
  if (k == 0 || k >= 12) return 0;
  for (i = 0; i < k; i++) {
    if (t[i].type == T_WORD) {
      words++;
      if (!t[i].cap && !(i > 0 && t[i].e - t[i].s <= 4 && (t[i].lex & (L_OF | L_DET | L_PREP | L_LEAD))) &&
          !(t[i].type == T_WORD && s[t[i].s] >= '0' && s[t[i].s] <= '9'))
        return 0;
    } else if (t[i].type == T_END || t[i].type == T_COMMA) {
      return 0;
    }
  }
  if (nwords) *nwords = words;
  return words > 0 && t[0].type == T_WORD && t[0].cap;
}

/* First letter inside the quote is upper case? */
static int starts_upper(const char *s, size_t n, size_t a, size_t b) {
  size_t i = a, len;
  while (i < b) {
    int c = cp_class(cp_at(s, n, i, &len));
    if (IS_LETTER(c)) return c == C_UPPER;
    if (c == C_DIGIT) return 1;
    i += len;
  }
  return 0;
}

/* Last non-blank character before i, from lo (-1 if none). */
static int32_t char_before(const char *s, size_t n, size_t i, size_t lo) {
  while (i > lo) {
    unsigned char b = (unsigned char)s[i - 1];
    size_t p;
    int32_t cp;
    if (b < 0x80) {   /* ASCII: the byte itself */
      if (!IS_BLANK(ACLASS[b])) return b;
      i--;
      continue;
    }
    p = prev_start(s, i);
    cp = cp_at(s, n, p, NULL);
    if (!IS_BLANK(cp_class(cp))) return cp;
    i = p;
  }
  return -1;
}

typedef struct group {
  size_t r0, r1;  /* raws [r0, r1) */
  attr a;
  unsigned char kind, headline, direct_alone, same_sentence;
} group;

/* Does the name at `start` follow a reporting verb, titles aside ("said Dr Holm")? */
static int after_cue(const char *s, size_t n, size_t start) {
  tok w[48];
  int k = (int)lex_window(s, n, start > 40 ? start - 40 : 0, start, w, 48);
  while (k > 0 && w[k - 1].type == T_WORD && (w[k - 1].lex & L_TITLE)) k--;
  return k > 0 && w[k - 1].type == T_WORD && (w[k - 1].lex & L_CUE) && !(w[k - 1].lex & L_TRANS);
}

/* Resolve he/she at offset pos to the nearest person named before it. */
static const nslot *resolve_pronoun(const char *s, size_t n, const names *nm, size_t pos) {
  size_t lo = 0, hi = nm->list.len, steps = 0;
  const nslot *any = NULL, *multi = NULL;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (NC_VEC_AT(&nm->list, name, mid).start < pos) lo = mid + 1; else hi = mid;
  }
  while (lo > 0 && steps < 200) {
    const name *r = &NC_VEC_AT(&nm->list, name, lo - 1);
    lo--; steps++;
    if (r->start + 3000 < pos) break;
    if (r->inquote) continue;
    {
      const nslot *e = key_at(nm, r->key);
      if (e && e->person) {
        if (clause_before(s, n, r->start, r->start > 200 ? r->start - 200 : 0)) return e;
        /* the speaker of an inverted attribution in the pronoun's own paragraph
           ("“...,” said Dr Sanne Holm, an engineer. “...,” she said") */
        if (!any && memchr(s + r->start, '\n', pos - r->start) == NULL && after_cue(s, n, r->start)) return e;
        if (!any) any = e;
      }
      /* a full name in subject position ("Tomas Brevik, chief engineer ..., said ...")
         nearer than any known speaker: the pronoun refers to it */
      if (e && !multi && r->ntok >= 2 && clause_before(s, n, r->start, r->start > 200 ? r->start - 200 : 0)) {
        multi = e;
        if (!any && r->start + 600 >= pos) return e;
      }
    }
  }
  return any ? any : multi;
}

/* A last resort for a quote opening a paragraph, with no cue and no previous speaker:
   a person or he/she that is the subject of the sentence before it (after prev_end),
   "Viguerie is upbeat about ... |“Not only ...”". */
static void subject_before(const char *s, size_t n, size_t start, size_t prev_end, tok *t, attr *a,
                           int scalar) {
  size_t pe = start, pend2, ps2;
  int nt, m0, ml, h;
  while (pe > prev_end && IS_BLANK(class_before(s, n, pe))) pe = prev_start(s, pe);
  if (pe <= prev_end) return;
  pend2 = pe;
  pe = prev_start(s, pe);
  ps2 = sentence_start(s, n, pe, prev_end, scalar);
  if (!(ps2 >= prev_end && !(ps2 == prev_end && prev_end > 0))) return;
  nt = (int)lex_window(s, n, ps2, pend2, t, MAXTOK);
  if (sentence_subject(s, t, nt, &m0, &ml, &h) && (NAMECAP(t[h]) || (t[h].lex & L_PRONP)))
    set_mention(a, t, m0, ml, h);
}

static int analyse(const char *s, size_t n, qscan *q, names *nm, nc_vec *quotes, nc_vec *parts) {
  size_t nr = q->raws.len, i, ng = 0;
  raw *R = (raw *)q->raws.data;
  group *G;
  tok t[MAXTOK], tl[MAXTOK];
  int rc = NC_OK, hl = 0;
  size_t hl_para = (size_t)-1;
  if (nr == 0) return NC_OK;
  G = (group *)malloc(nr * sizeof(group));
  if (G == NULL) return NC_ENOMEM;
  /* quotes made of several raw pieces: paragraphs of one quote, or one quote split by its attribution */
  for (i = 0; i < nr; ) {
    size_t j = i + 1;
    group *g = &G[ng++];
    memset(g, 0, sizeof *g);
    g->r0 = i;
    while (j < nr) {
      if (R[j - 1].cont && R[j].contd) { j++; continue; }
      if (R[j - 1].closed && R[j].para == R[j - 1].para && R[j].start - R[j - 1].end < 120 &&
          R[j].fam == R[j - 1].fam) {
        /* “The economy,” she said, “is strong.” */
        int32_t inner_last = char_before(s, n, R[j - 1].iend, R[j - 1].istart);
        int32_t gap_last = char_before(s, n, R[j].start, R[j - 1].end);
        size_t k;
        int has_end = 0;
        if (inner_last == ',' && gap_last == ',')
          for (k = R[j - 1].end; k < R[j].start; k++)
            if (s[k] == '.' || s[k] == '!' || s[k] == '?' || s[k] == '\n') has_end = 1;
        if (inner_last == ',' && gap_last == ',' && !has_end) {
          int nt = (int)lex_window(s, n, R[j - 1].end, R[j].start, t, MAXTOK), c, cue = 0, other = 0;
          for (c = 0; c < nt; c++) {
            /* "said Ada Kerr, a baker whose shop ...,": an apposition after the cue */
            if (t[c].type == T_COMMA && cue && c > 0 && t[c - 1].type == T_WORD && t[c - 1].cap) break;
            if (t[c].type != T_WORD) continue;
            if (t[c].lex & L_CUE) cue = 1;
            else if ((t[c].lex & L_STOP) && !tok_is(s, &t[c], "who")) other = 1;
          }
          if (cue && !other && nt <= 24) { j++; continue; }
        }
      }
      break;
    }
    g->r1 = j;
    i = j;
  }
  /* explicit attribution of each group */
  for (i = 0; i < ng; i++) {
    group *g = &G[i];
    raw *f = &R[g->r0], *l = &R[g->r1 - 1];
    size_t prev_end = i > 0 ? R[G[i - 1].r1 - 1].end : 0;
    size_t next_start = i + 1 < ng ? R[G[i + 1].r0].start : n;
    size_t pend = l->pend ? l->pend : n;
    size_t lo = f->pstart > prev_end ? f->pstart : prev_end;
    size_t ss = sentence_start(s, n, f->start, lo, q->scalar);
    int32_t pc = char_before(s, n, f->start, f->pstart);
    int nt, nl, upper, lead_cue = 0;
    int32_t inner_last = char_before(s, n, l->iend, l->istart);
    attr *a = &g->a;
    if (l->pend == 0) {
      /* a closed quote: its paragraph is read up to the window; the next
         newline, when nearer, ends the sentence there anyway (sentence_end) */
      pend = l->end + (n - l->end < WINDOW ? n - l->end : WINDOW);
    }
    if (f->pstart != hl_para) {
      /* once per paragraph */
      size_t lim = n - f->pstart < 210 ? n - f->pstart : 210;
      const char *nl = (const char *)memchr(s + f->pstart, '\n', lim);
      hl_para = f->pstart;
      hl = is_headline(s, n, f->pstart, nl ? (size_t)(nl - s) : f->pstart + lim);
    }
    g->headline = hl;
    /* leader tokens */
    nt = nl = (int)lex_window(s, n, ss, f->start, tl, MAXTOK);
    if (nt > 0 && tl[nt - 1].type == T_WORD && (tl[nt - 1].lex & L_CUE)) lead_cue = 1;
    if (nt > 1 && (tl[nt - 1].type == T_COMMA || tl[nt - 1].type == T_COLON) && tl[nt - 2].type == T_WORD)
      lead_cue = 1;
    upper = starts_upper(s, n, f->istart, f->iend);
    g->direct_alone = (pc < 0 || pc == '.' || pc == '!' || pc == '?' || pc == '\n' || pc == '*');
    if (g->direct_alone || pc == ':' || ((pc == ',' || lead_cue) && (upper || lead_cue)) ||
        ((pc == 0x2014 || pc == 0x2013 || pc == '-') && upper) || (pc == '(' && upper))
      g->kind = NC_Q_DIRECT;
    else if (!g->headline && g->r1 - g->r0 == 1 && title_like(s, n, f->istart, f->iend, 0, NULL))
      g->kind = NC_Q_TITLE;
    else
      g->kind = NC_Q_PARTIAL;
    if (g->kind == NC_Q_DIRECT && !upper && !lead_cue && !(pc == ':' || pc == ','))
      g->kind = NC_Q_PARTIAL;
    if (g->kind == NC_Q_TITLE) continue;
    /* attribution between the parts of a split quote */
    if (g->r1 - g->r0 > 1) {
      size_t r;
      for (r = g->r0 + 1; r < g->r1 && !a->found; r++) {
        if (R[r].contd) continue;
        {
          int gt = (int)lex_window(s, n, R[r - 1].end, R[r].start, t, MAXTOK);
          attr_after(a, s, t, gt, 1);
        }
      }
    }
    if (!a->found && nl > 1 && tl[nl - 1].type == T_WORD && (tl[nl - 1].lex & L_CUE) &&
        !tl[nl - 1].ing && !tok_is(s, &tl[nl - 1], "according")) {
      /* "Obama said “it gets me mad” every time he ...": the cue right before the quote */
      attr_before(a, s, tl, nl, 0);
    } else if (!a->found && nl > 2 && (tl[nl - 1].type == T_COMMA || tl[nl - 1].type == T_COLON) &&
               tl[nl - 2].type == T_WORD && (tl[nl - 2].lex & L_CUE) && !NOUN_CUE(tl, nl - 2) &&
               !tok_is(s, &tl[nl - 2], "according")) {
      /* "He said, “...” - at which point the crowd chanted": the cue and its comma before the quote */
      attr_before(a, s, tl, nl, 0);
    }
    /* after the quote, then before it */
    if (!a->found && g->kind != NC_Q_PARTIAL && inner_last != '.') {
      size_t te = sentence_end(s, n, l->end, next_start < pend ? next_start : pend, q->scalar);
      int tt = (int)lex_window(s, n, l->end, te, t, MAXTOK);
      attr_after(a, s, t, tt, inner_last == ',' || inner_last == '?' || inner_last == '!');
    } else if (!a->found && g->kind != NC_Q_PARTIAL) {
      /* "“... missing.” Trump said.": a bare speaker and cue make up the sentence after */
      size_t te = sentence_end(s, n, l->end, next_start < pend ? next_start : pend, q->scalar);
      int tt = (int)lex_window(s, n, l->end, te, t, 8), v = 1;
      if (tt >= 3 && t[0].type == T_WORD && ((t[0].lex & L_PRONP) || NAMECAP(t[0]))) {
        if (!(t[0].lex & L_PRONP)) while (v < tt && v < 4 && t[v].type == T_WORD && NAMECAP(t[v])) v++;
        if (v + 1 < tt && t[v].type == T_WORD && (t[v].lex & L_CUE) && !(t[v].lex & L_TRANS) && !t[v].ing &&
            !tok_is(s, &t[v], "according") && t[v + 1].type == T_END) {
          set_mention(a, t, 0, v - 1, v - 1);
          a->cue = span(t[v].s, t[v].e);
        }
      }
    }
    if (!a->found) attr_before(a, s, tl, nt, g->headline || (g->kind != NC_Q_PARTIAL && !g->direct_alone));
    g->same_sentence = (ss == lo && lo == prev_end && prev_end > 0 && f->para == R[G[i - 1].r1 - 1].para);
    {
      /* a show or a book named in a sentence, no reporting verb: “Meet the Press.” */
      size_t words = 0;
      int named = 0;
      if (nt > 0 && tl[nt - 1].type == T_WORD) {
        const tok *w = &tl[nt - 1];
        size_t wl = w->e - w->s;
        /* "on NBC's “Meet the Press.”", "a show titled “...”" */
        named = (wl > 2 && s[w->e - 1] == 's' && (s[w->e - 2] == '\'' || (unsigned char)s[w->e - 2] == 0x99)) ||
                tok_is(s, w, "titled") || tok_is(s, w, "show") || tok_is(s, w, "program") ||
                tok_is(s, w, "podcast") || tok_is(s, w, "series") || tok_is(s, w, "film") ||
                tok_is(s, w, "book") || tok_is(s, w, "movie") || tok_is(s, w, "newspaper");
      }
      if (((!a->found || a->cue.end == a->cue.start) || named) && !g->direct_alone && !g->headline && pc != ':' &&
          g->r1 - g->r0 == 1 && title_like(s, n, f->istart, f->iend, 1, &words) && (words >= 2 || named)) {
        g->kind = NC_Q_TITLE;
        memset(a, 0, sizeof *a);
        continue;
      }
    }
    if (!a->found && g->kind == NC_Q_PARTIAL) {
      size_t te = sentence_end(s, n, l->end, next_start < pend ? next_start : pend, q->scalar);
      int tt = inner_last == '.' ? 0 : (int)lex_window(s, n, l->end, te, t, MAXTOK);
      attr_after(a, s, t, tt, inner_last == ',');
      if (!a->found) {
        /* the subject of the whole sentence, before any earlier quote in it */
        size_t sf = sentence_start(s, n, f->start, f->pstart, q->scalar);
        if (sf == ss) {
          attr_before(a, s, tl, nl, 1);
        } else {
          int ns = (int)lex_window(s, n, sf, f->start, t, MAXTOK);
          attr_before(a, s, t, ns, 1);
        }
      }
    }
    if (!a->found && g->direct_alone && f->start > prev_end) {
      /* the sentence before has the cue: "Cruz continued:", "Sami recalled how ..." */
      size_t pe = f->start, ps2;
      while (pe > prev_end && IS_BLANK(class_before(s, n, pe))) pe = prev_start(s, pe);
      if (pe > prev_end) {
        size_t pend2 = pe;
        pe = prev_start(s, pe);
        ps2 = sentence_start(s, n, pe, prev_end, q->scalar);
        if (ps2 >= prev_end && !(ps2 == prev_end && prev_end > 0)) {
          nt = (int)lex_window(s, n, ps2, pend2, t, MAXTOK);
          /* "Trump issued the following statement:" */
          attr_before(a, s, t, nt, s[pe] == ':');
        }
      }
    }
    if (!a->found && g->kind == NC_Q_DIRECT) {
      /* a credit line below the quote: "— Bernie Sanders." */
      size_t k = l->end, nl = 0;
      while (k < n && k < l->end + 8 && IS_BLANK(class_at(s, n, k))) { if (s[k] == '\n') nl++; k++; }
      if (nl > 0 && k < n && (s[k] == '-' || (k + 2 < n && (unsigned char)s[k] == 0xE2 && (unsigned char)s[k + 1] == 0x80 &&
                                              ((unsigned char)s[k + 2] == 0x94 || (unsigned char)s[k + 2] == 0x93)))) {
        size_t e = k;
        int ct, h, ne;
        while (e < n && s[e] != '\n' && e < k + 120) e++;
        ct = (int)lex_window(s, n, k, e, t, MAXTOK);
        if (ct > 1 && t[0].type == T_DASH && (ne = np_after(t, 1, ct, &h)) != 0 && t[1].cap)
          set_mention(a, t, 1, ne - 1, h);
      }
    }
    if (a->found && a->pron == 0) {
      nslot *e = NULL;
      size_t ks, ke;
      word_key(s, a->hs, a->he, &ks, &ke);
      e = name_slot(nm, s, ks, ke - ks);
      if (e && (unsigned char)s[a->hs] >= 'A' && (unsigned char)s[a->hs] <= 'Z') e->person = 1;
    }
  }
  /* speakers, inheritance, output: room for every record at once */
  if (nc_vec_reserve(quotes, ng) != NC_OK || nc_vec_reserve(parts, nr) != NC_OK) {
    free(G);
    return NC_ENOMEM;
  }
  {
    const group *prev = NULL;
    for (i = 0; i < ng && rc == NC_OK; i++) {
      group *g = &G[i];
      raw *f = &R[g->r0], *l = &R[g->r1 - 1];
      nc_quote *o;
      size_t r;
      if (!g->a.found && g->kind == NC_Q_DIRECT && prev && f->para <= R[prev->r1 - 1].para + 2) {
        g->a = prev->a;
      }
      if (!g->a.found && g->direct_alone && g->kind != NC_Q_TITLE && i > 0 && f->start > R[G[i - 1].r1 - 1].end)
        subject_before(s, n, f->start, R[G[i - 1].r1 - 1].end, t, &g->a, q->scalar);
      else if (!g->a.found && g->direct_alone && g->kind != NC_Q_TITLE && i == 0 && f->start > 0)
        subject_before(s, n, f->start, 0, t, &g->a, q->scalar);
      if (!g->a.found && g->kind == NC_Q_PARTIAL && g->same_sentence && i > 0 && G[i - 1].a.found)
        g->a = G[i - 1].a;
      /* a fragment with no reading of its own in the paragraph of the quote before */
      if (!g->a.found && g->kind == NC_Q_PARTIAL && !g->headline && i > 0 && G[i - 1].a.found &&
          !G[i - 1].a.weak && G[i - 1].kind != NC_Q_TITLE && R[G[i - 1].r1 - 1].para == f->para)
        g->a = G[i - 1].a;
      /* "The only way to create “...” is ... the “...,” he added." */
      if ((!g->a.found || g->a.weak) && g->kind == NC_Q_PARTIAL && i + 1 < ng && G[i + 1].same_sentence &&
          G[i + 1].a.found && !G[i + 1].a.weak && G[i + 1].kind != NC_Q_TITLE)
        g->a = G[i + 1].a;
      /* a title-case headline: "Putin Expresses ‘Great Pain’" names the person first */
      if (g->a.found && g->headline && g->a.pron == 0 && g->a.mention.end - g->a.mention.start > g->a.he - g->a.hs) {
        size_t w = g->a.mention.start;
        while (w < g->a.mention.end) {
          size_t we = word_end(s, n, w), ks, ke;
          const nslot *e;
          word_key(s, w, we, &ks, &ke);
          e = name_slot(nm, s, ks, ke - ks);
          if (e && e->person) { g->a.mention = span(w, we); g->a.hs = w; g->a.he = we; break; }
          w = we;
          while (w < g->a.mention.end && !IS_ALNUM(class_at(s, n, w))) w++;
        }
      }
      if (g->a.found) prev = g;
      o = (nc_quote *)nc_vec_push(quotes);
      if (o == NULL) { rc = NC_ENOMEM; break; }
      o->start = f->start; o->end = l->end;
      o->kind = g->kind; o->closed = l->closed;
      o->part = parts->len; o->nparts = g->r1 - g->r0;
      for (r = g->r0; r < g->r1; r++) {
        nc_qpart *p = (nc_qpart *)nc_vec_push(parts);
        if (p == NULL) { rc = NC_ENOMEM; break; }
        p->start = R[r].start; p->end = R[r].end; p->istart = R[r].istart; p->iend = R[r].iend;
      }
      if (!g->a.found) continue;
      o->mention = g->a.mention; o->cue = g->a.cue; o->via = g->a.via;
      if (g->a.pron == 1) {
        const nslot *e = resolve_pronoun(s, n, nm, g->a.hs);
        if (e) o->speaker = span(e->bs, e->be);
      } else if (g->a.pron == 0) {
        size_t ks, ke;
        const nslot *e;
        word_key(s, g->a.hs, g->a.he, &ks, &ke);
        e = name_slot(nm, s, ks, ke - ks);
        if (e && e->be > e->bs && class_at(s, n, g->a.hs) == C_UPPER &&
            g->a.mention.end == g->a.he) {
          o->speaker = span(e->bs, e->be);
          /* a possessive in the mention ("Israel's military") keeps the mention */
          if (o->speaker.start < g->a.mention.start || o->speaker.end > g->a.mention.end) {
            if (!(e->bs >= g->a.mention.start)) { /* fullest name found elsewhere */ }
          }
        } else {
          o->speaker = g->a.mention;
        }
      }
    }
  }
  free(G);
  return rc;
}

static int quotes_run(const char *s, size_t n, nc_invalid inv, nc_vec *quotes, nc_vec *parts, size_t *bad,
                      int scalar) {
  qscan q;
  names nm;
  int rc;
  if (quotes == NULL || parts == NULL || (s == NULL && n > 0)) return NC_EINVAL;
  if (inv == NC_INVALID_ERROR) {
    size_t b = nc_utf8_check(s, n);
    if (b < n) { if (bad) *bad = b; return NC_EUTF8; }
  }
  if (n == 0) return NC_OK;
  memset(&q, 0, sizeof q);
  q.s = s; q.n = n; q.scalar = scalar;
  nc_vec_init(&q.raws, sizeof(raw));
  memset(&nm, 0, sizeof nm);
  nm.scalar = scalar;
  nm.n = n;
  nc_vec_init(&nm.list, sizeof(name));
  nc_vec_init(&nm.keys, sizeof(nslot));
  /* room for the usual density of news text at once (untouched room costs
     nothing), so that the vectors rarely move while they grow */
  if (nc_vec_reserve(&q.raws, n / 128 + 16) != NC_OK || nc_vec_reserve(&nm.list, n / 32 + 16) != NC_OK) {
    nc_vec_free(&q.raws);
    nc_vec_free(&nm.list);
    return NC_ENOMEM;
  }
#ifdef NC_QUOTES_PROFILE
  {
    clock_t t0 = clock(), t1, t2;
    rc = scan_marks(&q);
    t1 = clock();
    nm.R = (const raw *)q.raws.data; nm.nr = q.raws.len;
    if (rc == NC_OK && q.raws.len > 0) rc = scan_names(s, n, &nm);
    t2 = clock();
    if (rc == NC_OK) rc = analyse(s, n, &q, &nm, quotes, parts);
    fprintf(stderr, "marks %.1f ms, names %.1f ms (%lu), analyse %.1f ms\n", (t1 - t0) * 1e3 / CLOCKS_PER_SEC,
            (t2 - t1) * 1e3 / CLOCKS_PER_SEC, (unsigned long)nm.list.len, (clock() - t2) * 1e3 / CLOCKS_PER_SEC);
  }
#else
  rc = scan_marks(&q);
  nm.R = (const raw *)q.raws.data; nm.nr = q.raws.len;
  if (rc == NC_OK && q.raws.len > 0) rc = scan_names(s, n, &nm);
  if (rc == NC_OK) rc = analyse(s, n, &q, &nm, quotes, parts);
#endif
  nc_vec_free(&q.raws);
  nc_vec_free(&nm.list);
  nc_vec_free(&nm.keys);
  free(nm.tab);
  return rc;
}

int nc_quotes(const char *s, size_t n, nc_invalid inv, nc_vec *quotes, nc_vec *parts, size_t *bad) {
  return quotes_run(s, n, inv, quotes, parts, bad, 0);
}

int nc_quotes_scalar(const char *s, size_t n, nc_invalid inv, nc_vec *quotes, nc_vec *parts, size_t *bad) {
  return quotes_run(s, n, inv, quotes, parts, bad, 1);
}
