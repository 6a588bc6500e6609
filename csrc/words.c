/*
** words.c: UAX #29 word boundaries (Unicode 15.0) and word-like tokens with
** news rules on top (numbers with separators and %, URLs, e-mail addresses,
** hashtags, mentions, "U.S.", emoji).
**
** Segmentation restarts at each boundary: wb_next(p) gives the next
** boundary after a boundary p. The tokenizer has an ASCII fast path for runs
** of [A-Za-z0-9_] with inner . ' : , ; and falls back to wb_next as soon as
** a non-ASCII byte could change the answer.
*/
#include <string.h>

#include <utf8proc.h>

#include "words.h"
#include "wbprop.h"

/* ---- decoding ---- */

/*
** The text being read. Every non-ASCII byte of the text is decoded at least
** once by a scan from left to right; an ill-formed byte reads as U+FFFD and
** the smallest such offset is kept in `bad`, so that no separate validation
** pass is needed.
*/
typedef struct wtext {
  const unsigned char *s;
  size_t n;
  size_t bad;   /* first ill-formed byte seen, or (size_t)-1 */
} wtext;

#define NOBAD ((size_t)-1)

static size_t dec_slow(wtext *x, size_t i, uint32_t *cp) {
  int32_t c;
  size_t k = nc_utf8_decode(x->s + i, x->n - i, &c);
  if (c < 0) {
    if (i < x->bad) x->bad = i;
    *cp = NC_REPLACEMENT;
  } else {
    *cp = (uint32_t)c;
  }
  return k;
}

static inline size_t dec(wtext *x, size_t i, uint32_t *cp) {
  if (x->s[i] < 0x80) { *cp = x->s[i]; return 1; }
  return dec_slow(x, i, cp);
}

#define IGN(c)   ((c) == NC_WB_EXTEND || (c) == NC_WB_FORMAT || (c) == NC_WB_ZWJ)
#define AHL(c)   ((c) == NC_WB_ALETTER || (c) == NC_WB_HL)
#define MIDL(c)  ((c) == NC_WB_MIDLETTER || (c) == NC_WB_MIDNUMLET || (c) == NC_WB_SQ)
#define MIDN(c)  ((c) == NC_WB_MIDNUM || (c) == NC_WB_MIDNUMLET || (c) == NC_WB_SQ)

/* Word_Break class of the next character at or after i that WB4 does not
   ignore; its offset in *pos. -1 at the end of the text. */
static int peek(wtext *x, size_t i, size_t *pos) {
  while (i < x->n) {
    uint32_t cp;
    size_t k = dec(x, i, &cp);
    unsigned c = nc_wb_prop(cp) & NC_WB_MASK;
    if (!IGN(c)) { *pos = i; return (int)c; }
    i += k;
  }
  return -1;
}

/* The boundary after the segment starting at the boundary p < n. */
static size_t wb_next(wtext *x, size_t p) {
  const unsigned char *s = x->s;
  size_t n = x->n;
  uint32_t cp;
  size_t i = p, k, q;
  unsigned raw, prev, pr, c, ri;
  int nx;
  k = dec(x, i, &cp);
  raw = nc_wb_prop(cp);
  prev = raw & NC_WB_MASK;
  i += k;
  if (prev == NC_WB_CR) return (i < n && s[i] == '\n') ? i + 1 : i;   /* WB3, WB3a */
  if (prev == NC_WB_LF || prev == NC_WB_NEWLINE) return i;             /* WB3a */
  ri = prev == NC_WB_RI;
  while (i < n) {
    k = dec(x, i, &cp);
    pr = nc_wb_prop(cp);
    c = pr & NC_WB_MASK;
    if (c == NC_WB_CR || c == NC_WB_LF || c == NC_WB_NEWLINE) break;   /* WB3b */
    if ((raw & NC_WB_MASK) == NC_WB_ZWJ && (pr & NC_WB_EXTPICT)) goto join; /* WB3c */
    if ((raw & NC_WB_MASK) == NC_WB_WSEGSPACE && c == NC_WB_WSEGSPACE) goto join; /* WB3d */
    if (IGN(c)) { raw = pr; i += k; continue; }                        /* WB4 */
    if (AHL(prev)) {
      if (AHL(c)) goto join;                                           /* WB5 */
      if (MIDL(c)) {                                                   /* WB6, WB7 */
        nx = peek(x, i + k, &q);
        if (nx >= 0 && AHL((unsigned)nx)) goto join2;
      }
      if (prev == NC_WB_HL && c == NC_WB_SQ) goto join;                /* WB7a */
      if (prev == NC_WB_HL && c == NC_WB_DQ) {                         /* WB7b, WB7c */
        nx = peek(x, i + k, &q);
        if (nx == NC_WB_HL) goto join2;
      }
      if (c == NC_WB_NUMERIC) goto join;                               /* WB9 */
    } else if (prev == NC_WB_NUMERIC) {
      if (c == NC_WB_NUMERIC || AHL(c)) goto join;                     /* WB8, WB10 */
      if (MIDN(c)) {                                                   /* WB11, WB12 */
        nx = peek(x, i + k, &q);
        if (nx == NC_WB_NUMERIC) goto join2;
      }
    } else if (prev == NC_WB_KATAKANA) {
      if (c == NC_WB_KATAKANA) goto join;                              /* WB13 */
    } else if (prev == NC_WB_EXTENDNUMLET) {
      if (AHL(c) || c == NC_WB_NUMERIC || c == NC_WB_KATAKANA) goto join; /* WB13b */
    } else if (prev == NC_WB_RI) {
      if (c == NC_WB_RI && (ri & 1)) { ri++; goto join; }              /* WB15, WB16 */
    }
    if (c == NC_WB_EXTENDNUMLET &&                                     /* WB13a */
        (AHL(prev) || prev == NC_WB_NUMERIC || prev == NC_WB_KATAKANA || prev == NC_WB_EXTENDNUMLET))
      goto join;
    break;                                                             /* WB999 */
  join2:  /* a middle character and the letter or digit after it */
    i = q;
    k = dec(x, i, &cp);
    pr = nc_wb_prop(cp);
    c = pr & NC_WB_MASK;
  join:
    raw = pr;
    prev = c;
    i += k;
  }
  return i;
}

/* Status of a scan over the whole text under the policy `inv`. */
static int scan_status(const wtext *x, nc_invalid inv, size_t *bad) {
  if (inv == NC_INVALID_ERROR && x->bad != NOBAD) {
    if (bad) *bad = x->bad;
    return NC_EUTF8;
  }
  return NC_OK;
}

int nc_segments(const char *s, size_t n, nc_invalid inv, nc_vec *out, size_t *bad) {
  wtext x;
  size_t p = 0, len0 = out->len;
  int st;
  x.s = (const unsigned char *)s;
  x.n = n;
  x.bad = NOBAD;
  while (p < n) {
    size_t q = wb_next(&x, p);
    nc_span *sp;
    if (inv == NC_INVALID_ERROR && x.bad != NOBAD) break;
    sp = (nc_span *)nc_vec_push(out);
    if (sp == NULL) { out->len = len0; return NC_ENOMEM; }
    sp->start = p;
    sp->end = q;
    p = q;
  }
  st = scan_status(&x, inv, bad);
  if (st != NC_OK) out->len = len0;
  return st;
}

/* ---- tokens ---- */

/* ASCII classes for the fast path */
enum { A_OTHER = 0, A_LETTER = 1, A_DIGIT = 2, A_USCORE = 3, A_HASH = 4, A_AT = 5 };
/* middle characters: bit 1 joins letters (WB6/7), bit 2 joins digits (WB11/12) */
static const unsigned char amid[256] = {
  ['.'] = 3, ['\''] = 3, [':'] = 1, [','] = 2, [';'] = 2
};
static const unsigned char acls[256] = {
  ['0'] = 2, ['1'] = 2, ['2'] = 2, ['3'] = 2, ['4'] = 2, ['5'] = 2, ['6'] = 2, ['7'] = 2,
  ['8'] = 2, ['9'] = 2, ['_'] = 3, ['#'] = 4, ['@'] = 5,
  ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1, ['H'] = 1,
  ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1,
  ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1,
  ['Y'] = 1, ['Z'] = 1,
  ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1,
  ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1,
  ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
  ['y'] = 1, ['z'] = 1
};

#define ISALNUM(b) (acls[b] >= A_LETTER && acls[b] <= A_USCORE)

/*
** Eight bytes at a time (little-endian machines with GCC or clang): masks
** with the high bit of each byte set where the byte is a word character
** [A-Za-z0-9_] (never for bytes >= 0x80).
*/
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define NC_SWAR 1
#define L8 0x0101010101010101ull
#define H8 0x8080808080808080ull
#define INRANGE(v, lo, hi) (((v) + (0x80 - (lo)) * L8) & ~((v) + (0x7F - (hi)) * L8) & H8)
static inline uint64_t load8(const unsigned char *p) {
  uint64_t w;
  memcpy(&w, p, 8);
  return w;
}
static inline uint64_t word_mask(uint64_t w) {
  uint64_t x = w & ~H8;
  uint64_t m = INRANGE(x | 0x20 * L8, 'a', 'z') | INRANGE(x, '0', '9') | INRANGE(x, '_', '_');
  return m & ~w;
}
#define FIRSTBYTE(m) ((size_t)__builtin_ctzll(m) >> 3)
#endif

/* End of the run of [A-Za-z0-9_] at j. */
static inline size_t word_run(const unsigned char *s, size_t n, size_t j) {
#ifdef NC_SWAR
  while (j + 8 <= n) {
    uint64_t stop = ~word_mask(load8(s + j)) & H8;
    if (stop) return j + FIRSTBYTE(stop);
    j += 8;
  }
#endif
  while (j < n && ISALNUM(s[j])) j++;
  return j;
}

/* The first byte at or after j that is a word character, '#', '@' or >= 0x80. */
static inline size_t skip_other(const unsigned char *s, size_t n, size_t j) {
#ifdef NC_SWAR
  while (j + 8 <= n) {
    uint64_t w = load8(s + j), x = w & ~H8;
    uint64_t go = word_mask(w) | (w & H8) | (INRANGE(x, '#', '#') & ~w) | (INRANGE(x, '@', '@') & ~w);
    if (go) return j + FIRSTBYTE(go);
    j += 8;
  }
#endif
  while (j < n && s[j] < 0x80 && acls[s[j]] == A_OTHER) j++;
  return j;
}

typedef struct tok_state {
  wtext x;
  nc_vec *out;          /* NULL when only counting */
  size_t count;
  size_t last_end;      /* end of the last token */
  size_t no_email_before; /* e-mail scans from a start below this fail */
} tok_state;

/*
** The ASCII segment at p (s[p] is a letter, digit or '_'): its end, or 0
** when a non-ASCII character could take part (the caller then uses wb_next).
** *kind gets NC_W_WORD, NC_W_NUMBER or 0 (only underscores).
*/
static size_t ascii_word(wtext *x, size_t p, int *kind) {
  const unsigned char *s = x->s;
  size_t n = x->n, j = p;
  unsigned first = acls[s[p]];
  for (;;) {
    unsigned b, b2, last;
    j = word_run(s, n, j);
    if (j >= n) break;
    b = s[j];
    if (b >= 0x80) {
      /* the segment goes on only through a character WB4-WB13b can join */
      uint32_t cp;
      unsigned c;
      dec(x, j, &cp);
      c = nc_wb_prop(cp) & NC_WB_MASK;
      if (IGN(c) || AHL(c) || c == NC_WB_NUMERIC || c == NC_WB_EXTENDNUMLET || c == NC_WB_KATAKANA ||
          MIDL(c) || MIDN(c))
        return 0;
      break;
    }
    last = acls[s[j - 1]];
    if (!amid[b] || last == A_USCORE || j + 1 >= n) break;
    b2 = s[j + 1];
    if (b2 >= 0x80) return 0;
    if ((amid[b] & (last == A_LETTER ? 1u : 2u)) && acls[b2] == last) { j += 2; continue; }
    break;
  }
  if (first == A_DIGIT) *kind = NC_W_NUMBER;
  else if (first == A_LETTER) *kind = NC_W_WORD;
  else {   /* starts with '_' */
    size_t i;
    int alpha = 0, num = 0;
    for (i = p; i < j; i++) {
      alpha |= acls[s[i]] == A_LETTER;
      num |= acls[s[i]] == A_DIGIT;
    }
    *kind = alpha ? NC_W_WORD : num ? NC_W_NUMBER : 0;
  }
  return j;
}

/* The kind of the general segment [a, b), 0 when it is not word-like. */
static int seg_kind(wtext *x, size_t a, size_t b) {
  size_t i = a;
  int first = -1, fe0f = 0, alpha = 0, num = 0, kata = 0;
  uint32_t firstcp = 0;
  unsigned firstpr = 0;
  while (i < b) {
    uint32_t cp;
    size_t k = dec(x, i, &cp);
    unsigned pr = nc_wb_prop(cp), c = pr & NC_WB_MASK;
    if (cp == 0xFE0F) fe0f = 1;
    if (first < 0 && !IGN(c)) { first = (int)c; firstcp = cp; firstpr = pr; }
    if (AHL(c)) alpha = 1;
    else if (c == NC_WB_NUMERIC) num = 1;
    else if (c == NC_WB_KATAKANA) kata = 1;
    i += k;
  }
  if (first < 0) return 0;
  switch (first) {
    case NC_WB_ALETTER: case NC_WB_HL: return NC_W_WORD;
    case NC_WB_NUMERIC: return NC_W_NUMBER;
    case NC_WB_KATAKANA: return NC_W_IDEO;
    case NC_WB_RI: return NC_W_EMOJI;
    case NC_WB_EXTENDNUMLET:
      return alpha ? NC_W_WORD : num ? NC_W_NUMBER : kata ? NC_W_IDEO : 0;
    default: break;
  }
  if (firstpr & NC_WB_EXTPICT) {
    /* (c) (r) !! ?! are emoji only with the emoji presentation selector */
    if (firstcp < 0x2100 && !fe0f) return 0;
    return NC_W_EMOJI;
  }
  if (first == NC_WB_OTHER) {
    const utf8proc_property_t *pp = utf8proc_get_property((utf8proc_int32_t)firstcp);
    switch (pp->category) {
      case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
      case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
        return NC_W_IDEO;
      case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
        return NC_W_NUMBER;
      default: break;
    }
  }
  return 0;
}

static int has_prefix(const unsigned char *s, size_t n, size_t a, const char *pre) {
  size_t k = strlen(pre), i;
  if (n - a < k) return 0;
  for (i = 0; i < k; i++) {
    unsigned b = s[a + i];
    if (b >= 'A' && b <= 'Z') b += 32;
    if (b != (unsigned char)pre[i]) return 0;
  }
  return 1;
}

/* End of the URL starting at a: up to white space or a delimiter, without
   trailing punctuation or an unbalanced closing bracket. */
static size_t url_end(wtext *x, size_t a) {
  const unsigned char *s = x->s;
  size_t n = x->n, j = a, open = 0, close = 0;
  while (j < n) {
    unsigned b = s[j];
    if (b < 0x80) {
      if (b <= 0x20 || b == 0x7F || strchr("<>\"`{}|\\^", (int)b)) break;
      if (b == '(' || b == '[') open++;
      if (b == ')' || b == ']') close++;
      j++;
    } else {
      uint32_t cp;
      size_t k = dec(x, j, &cp);
      const utf8proc_property_t *pp = utf8proc_get_property((utf8proc_int32_t)cp);
      if (pp->category < UTF8PROC_CATEGORY_LU || pp->category > UTF8PROC_CATEGORY_NO) break;
      j += k;
    }
  }
  while (j > a) {
    unsigned b = s[j - 1];
    if (b == '.' || b == ',' || b == ';' || b == ':' || b == '!' || b == '?' || b == '\'' ||
        b == '*') { j--; continue; }
    if ((b == ')' || b == ']') && close > open) { close--; j--; continue; }
    break;
  }
  return j;
}

#define LOCALCH(b) (ISALNUM(b) || (b) == '.' || (b) == '-' || (b) == '+' || (b) == '%')

/* End of the e-mail address starting at a, or 0 (ASCII addresses only). */
static size_t email_end(tok_state *t, size_t a) {
  const unsigned char *s = t->x.s;
  size_t n = t->x.n, j = a, d, lastdot = 0, k;
  while (j < n && LOCALCH(s[j])) j++;
  if (j >= n || s[j] != '@' || j == a || s[j - 1] == '.') { t->no_email_before = j; return 0; }
  d = j + 1;
  k = d;
  while (k < n && (acls[s[k]] == A_LETTER || acls[s[k]] == A_DIGIT || s[k] == '-' || s[k] == '.')) k++;
  while (k > d && (s[k - 1] == '.' || s[k - 1] == '-')) k--;
  for (lastdot = k; lastdot > d && s[lastdot - 1] != '.'; lastdot--) {}
  /* lastdot: just after the last dot of the domain, or d when there is none */
  if (lastdot <= d + 1 || k - lastdot < 2 || !ISALNUM(s[d])) { t->no_email_before = j; return 0; }
  for (d = lastdot; d < k; d++)
    if (acls[s[d]] != A_LETTER) { t->no_email_before = j; return 0; }
  return k;
}

/* "U.S", "a.m", "Ph.D": parts of one or two letters between dots. */
static int dotted_abbrev(const unsigned char *s, size_t a, size_t b) {
  size_t i, part = 0;
  int dots = 0;
  for (i = a; i < b; i++) {
    if (s[i] == '.') {
      if (part == 0) return 0;
      dots++;
      part = 0;
    } else if (acls[s[i]] == A_LETTER) {
      if (++part > 2) return 0;
    } else {
      return 0;
    }
  }
  return dots > 0 && part > 0;
}

static int emit(tok_state *t, size_t a, size_t b, int kind) {
  t->count++;
  t->last_end = b;
  if (t->out) {
    nc_token *tk = (nc_token *)nc_vec_push(t->out);
    if (tk == NULL) return NC_ENOMEM;
    tk->start = a;
    tk->end = b;
    tk->kind = kind;
  }
  return NC_OK;
}

/*
** News rules for the word-like segment [a, b) of kind *kind: returns the
** new end (URLs, e-mail addresses, 90%, 4:48, U.S.) and may change *kind.
*/
static size_t news_rules(tok_state *t, size_t a, size_t b, int *kind) {
  const unsigned char *s = t->x.s;
  size_t n = t->x.n;
  if (*kind == NC_W_WORD) {
    unsigned c0 = s[a] | 0x20;
    if ((c0 == 'h' && (has_prefix(s, n, a, "http://") || has_prefix(s, n, a, "https://"))) ||
        (c0 == 'w' && b > a + 4 && has_prefix(s, n, a, "www."))) {
      *kind = NC_W_URL;
      return url_end(&t->x, a);
    }
  }
  if (b < n) {
    unsigned nb = s[b];
    if ((nb == '@' || nb == '.' || nb == '-' || nb == '+' || nb == '%') &&
        a >= t->no_email_before && (*kind == NC_W_WORD || *kind == NC_W_NUMBER)) {
      size_t e = email_end(t, a);
      if (e) { *kind = NC_W_EMAIL; return e; }
    }
    if (nb == '%' && *kind == NC_W_NUMBER) return b + 1;
    if (nb == ':' && *kind == NC_W_NUMBER && b - a <= 2 && acls[s[a]] == A_DIGIT &&
        acls[s[b - 1]] == A_DIGIT) {   /* a time of day: 4:48, 10:30:15 */
      size_t e = b;
      while (e + 2 < n && s[e] == ':' && acls[s[e + 1]] == A_DIGIT && acls[s[e + 2]] == A_DIGIT &&
             (e + 3 == n || acls[s[e + 3]] != A_DIGIT))
        e += 3;
      return e;
    }
    if (nb == '.' && *kind == NC_W_WORD && b - a >= 3 && dotted_abbrev(s, a, b)) return b + 1;
  }
  return b;
}

/* The segment at boundary p: its end and kind (0: not word-like). */
static size_t word_at(tok_state *t, size_t p, int *kind) {
  const unsigned char *s = t->x.s;
  size_t e = 0;
  if (s[p] < 0x80) {
    if (!ISALNUM(s[p])) { *kind = 0; return p + 1; }
    e = ascii_word(&t->x, p, kind);
  }
  if (e == 0) {
    e = wb_next(&t->x, p);
    *kind = seg_kind(&t->x, p, e);
  }
  return e;
}

static int tokenize(const char *str, size_t n, nc_invalid inv, nc_vec *out, size_t *count,
                    size_t *bad) {
  tok_state t;
  const unsigned char *s = (const unsigned char *)str;
  size_t i = 0, len0 = out ? out->len : 0;
  int st;
  t.x.s = s;
  t.x.n = n;
  t.x.bad = NOBAD;
  t.out = out;
  t.count = 0;
  t.last_end = NOBAD;
  t.no_email_before = 0;
  for (;;) {
    unsigned b;
    int kind;
    size_t e;
    i = skip_other(s, n, i);
    if (i >= n) break;
    b = s[i];
    if (b < 0x80) {
      unsigned c = acls[b];
      if (c == A_HASH || c == A_AT) {
        /* #tag and @name, not right after a word (user@example is no mention) */
        if (i + 1 < n && t.last_end != i && (i == 0 || !ISALNUM(s[i - 1]))) {
          e = word_at(&t, i + 1, &kind);
          if (kind == NC_W_WORD || (kind == NC_W_NUMBER && c == A_AT)) {
            if ((st = emit(&t, i, e, c == A_HASH ? NC_W_HASHTAG : NC_W_MENTION)) != NC_OK) goto fail;
            i = e;
            continue;
          }
        }
        i++;
        continue;
      }
      e = ascii_word(&t.x, i, &kind);
      if (e == 0) {
        e = wb_next(&t.x, i);
        kind = seg_kind(&t.x, i, e);
      }
    } else {
      uint32_t cp;
      size_t k = dec_slow(&t.x, i, &cp);
      unsigned pr = nc_wb_prop(cp), c = pr & NC_WB_MASK;
      if (IGN(c)) { i += k; continue; }   /* a mark after punctuation or space */
      if (!(AHL(c) || c == NC_WB_NUMERIC || c == NC_WB_KATAKANA || c == NC_WB_EXTENDNUMLET ||
            c == NC_WB_RI || (pr & NC_WB_EXTPICT) || c == NC_WB_OTHER)) {
        i += k;
        continue;
      }
      e = wb_next(&t.x, i);
      kind = seg_kind(&t.x, i, e);
    }
    if (kind) {
      e = news_rules(&t, i, e, &kind);
      if ((st = emit(&t, i, e, kind)) != NC_OK) goto fail;
    }
    i = e;
  }
  st = scan_status(&t.x, inv, bad);
  if (st != NC_OK) goto fail;
  if (count) *count = t.count;
  return NC_OK;
fail:
  if (out) out->len = len0;
  return st;
}

int nc_words(const char *s, size_t n, nc_invalid inv, nc_vec *out, size_t *bad) {
  return tokenize(s, n, inv, out, NULL, bad);
}

int nc_count_words(const char *s, size_t n, nc_invalid inv, size_t *count, size_t *bad) {
  size_t c = 0;
  int st = tokenize(s, n, inv, NULL, &c, bad);
  if (count) *count = c;
  return st;
}
