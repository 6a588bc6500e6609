/*
** words.c: UAX #29 word boundaries (Unicode 15.0) and word-like tokens with
** news rules on top (numbers with separators and %, URLs, e-mail addresses,
** hashtags, mentions, "U.S.", emoji).
**
** Segmentation restarts at each boundary: wb_next(p) gives the next
** boundary after a boundary p. The tokenizer reads 64 bytes at a time into
** bit masks (SSE2: letters, digits, '_', the joiners . ' : , ; between two
** letters or two digits, bytes that need a closer look) whose runs are the
** ASCII segments; curly quotes, dashes and other hard boundaries stay on
** that path. Elsewhere, and without SSE2, a scalar path reads runs of
** [A-Za-z0-9_] eight bytes at a time. Both fall back to wb_next as soon as
** a non-ASCII character could change the answer. nc_words_scalar (the
** scalar path alone) lets the tests check that both paths agree.
*/
#include <string.h>

#include <utf8proc.h>

#include "words.h"
#include "wbprop.h"

#if defined(__GNUC__)
#define NC_FORCE_INLINE inline __attribute__((always_inline))
#else
#define NC_FORCE_INLINE inline
#endif

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

/*
** An ill-formed byte read under NC_INVALID_REPLACE: U+FFFD, taken as a
** letter for segmentation, as it most often stands for a letter of another
** encoding ("caf\xE9" in Latin-1 is one word). Kept apart from a real U+FFFD.
*/
#define BADCP 0x110000u

static inline unsigned wbp(uint32_t cp) {
  return cp == BADCP ? (unsigned)(NC_WB_ALETTER | NC_WB_ALNUM) : nc_wb_prop(cp);
}

static size_t dec_slow(wtext *x, size_t i, uint32_t *cp) {
  int32_t c;
  size_t k = nc_utf8_decode(x->s + i, x->n - i, &c);
  if (c < 0) {
    if (i < x->bad) x->bad = i;
    *cp = BADCP;
  } else {
    *cp = (uint32_t)c;
  }
  return k;
}

static inline size_t dec(wtext *x, size_t i, uint32_t *cp) {
  unsigned c = x->s[i];
  if (c < 0x80) { *cp = c; return 1; }
  if (c >= 0xC2 && c <= 0xDF && i + 1 < x->n && (x->s[i + 1] & 0xC0) == 0x80) {
    *cp = ((c & 0x1Fu) << 6) | (x->s[i + 1] & 0x3Fu);
    return 2;
  }
  if (c == 0xE2 && i + 2 < x->n && (x->s[i + 1] & 0xC0) == 0x80 && (x->s[i + 2] & 0xC0) == 0x80) {
    /* U+2000..U+2FFF: quotes, dashes, symbols */
    *cp = 0x2000u | ((x->s[i + 1] & 0x3Fu) << 6) | (x->s[i + 2] & 0x3Fu);
    return 3;
  }
  return dec_slow(x, i, cp);
}

#define IGN(c)   ((c) == NC_WB_EXTEND || (c) == NC_WB_FORMAT || (c) == NC_WB_ZWJ)
#define AHL(c)   ((c) == NC_WB_ALETTER || (c) == NC_WB_HL)
#define MIDL(c)  ((c) == NC_WB_MIDLETTER || (c) == NC_WB_MIDNUMLET || (c) == NC_WB_SQ)
#define MIDN(c)  ((c) == NC_WB_MIDNUM || (c) == NC_WB_MIDNUMLET || (c) == NC_WB_SQ)

/* A character (its nc_wb_prop) with a word boundary on both sides whatever
   its neighbours (save WB3d and WB4), and no word in it: punctuation such as
   curly quotes and dashes, spaces, controls. */
static inline int hard_boundary(unsigned pr) {
  unsigned c = pr & NC_WB_MASK;
  return !(pr & (NC_WB_EXTPICT | NC_WB_ALNUM)) &&
         (c == NC_WB_OTHER || c == NC_WB_CR || c == NC_WB_LF || c == NC_WB_NEWLINE ||
          c == NC_WB_WSEGSPACE || c == NC_WB_DQ);
}

static inline int acls_letter(unsigned b) { return ((b | 0x20u) - 'a') < 26u; }

/* Word_Break class of the next character at or after i that WB4 does not
   ignore; its offset in *pos. -1 at the end of the text. */
static int peek(wtext *x, size_t i, size_t *pos) {
  while (i < x->n) {
    uint32_t cp;
    size_t k = dec(x, i, &cp);
    unsigned c = wbp(cp) & NC_WB_MASK;
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
  raw = wbp(cp);
  prev = raw & NC_WB_MASK;
  i += k;
  if (prev == NC_WB_CR) return (i < n && s[i] == '\n') ? i + 1 : i;   /* WB3, WB3a */
  if (prev == NC_WB_LF || prev == NC_WB_NEWLINE) return i;             /* WB3a */
  ri = prev == NC_WB_RI;
  while (i < n) {
    if (prev == NC_WB_ALETTER && s[i] < 0x80 && acls_letter(s[i])) {   /* WB5, ASCII */
      raw = NC_WB_ALETTER;
      i++;
      continue;
    }
    k = dec(x, i, &cp);
    pr = wbp(cp);
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
    pr = wbp(cp);
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
  size_t next_at;       /* offset of the next '@' after the last look, or where that look ended */
  nc_vec *out;          /* NULL when only counting */
  int mode;             /* M_COUNT, M_COMPACT (nc_wspan) or M_WIDE (nc_token) */
  nc_wspan *wp, *wend;  /* M_COMPACT: next slot and end of the room in out */
  int avx2;             /* the CPU has AVX2 */
  size_t count;
  size_t last_end;      /* end of the last token */
  size_t no_email_before; /* e-mail scans from a start below this fail */
  size_t blk_at;        /* block path: the next '@' at or after the last look, or where
                           that look ended; NOBAD: none up to the end of the text */
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
      c = wbp(cp) & NC_WB_MASK;
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
  int first = -1, fe0f = 0, zwj = 0, alpha = 0, num = 0, kata = 0;
  uint32_t firstcp = 0;
  unsigned firstpr = 0;
  while (i < b) {
    uint32_t cp;
    size_t k = dec(x, i, &cp);
    unsigned pr = wbp(cp), c = pr & NC_WB_MASK;
    if (cp == 0xFE0F) fe0f = 1;
    if (cp == 0x200D) zwj = 1;
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
    /* symbols shown as text by default (TM, (c), a telephone) are emoji only
       with the emoji presentation selector or inside a ZWJ sequence */
    return ((firstpr & NC_WB_EPRES) || fe0f || zwj) ? NC_W_EMOJI : 0;
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

enum { M_COUNT = 0, M_COMPACT = 1, M_WIDE = 2 };

/* Make room in out and append a token (out of the inline path). */
static int emit_slow(tok_state *t, size_t a, size_t b, int kind) {
  nc_vec *v = t->out;
  if (t->mode == M_COMPACT) {
    nc_wspan *w;
    if (b - a > NC_WSPAN_MAXLEN) return NC_ERANGE;
    v->len = (size_t)(t->wp - (nc_wspan *)v->data);
    if (v->len == v->cap && nc_vec_reserve(v, v->len < 1024 ? 1024 : v->len) != NC_OK)
      return NC_ENOMEM;
    w = (nc_wspan *)v->data + v->len++;
    w->start = (uint32_t)a;
    w->lenkind = (uint32_t)((b - a) << 4) | (uint32_t)kind;
    t->wp = w + 1;
    t->wend = (nc_wspan *)v->data + v->cap;
  } else {
    nc_token *tk;
    if (v->len == v->cap && nc_vec_reserve(v, v->len < 1024 ? 1024 : v->len) != NC_OK)
      return NC_ENOMEM;
    tk = (nc_token *)v->data + v->len++;
    tk->start = a;
    tk->end = b;
    tk->kind = kind;
  }
  return NC_OK;
}

#if defined(__SSE2__)
/* M_COMPACT: room for the 64 tokens a block may give at most. */
static int compact_room(tok_state *t) {
  nc_vec *v = t->out;
  v->len = (size_t)(t->wp - (nc_wspan *)v->data);
  if (v->cap - v->len < 64 && nc_vec_reserve(v, v->len < 1024 ? 1024 : v->len) != NC_OK)
    return NC_ENOMEM;
  t->wp = (nc_wspan *)v->data + v->len;
  t->wend = (nc_wspan *)v->data + v->cap;
  return NC_OK;
}

/* M_WIDE: room for the 64 tokens a block may give at most. */
static int wide_room(tok_state *t) {
  nc_vec *v = t->out;
  if (v->cap - v->len < 64 && nc_vec_reserve(v, v->len < 1024 ? 1024 : v->len) != NC_OK)
    return NC_ENOMEM;
  return NC_OK;
}
#endif

/* Record the token [a, b) of kind `kind`; `mode` is t->mode, a constant
   where the caller is specialised for one mode. */
static NC_FORCE_INLINE int emit_m(tok_state *t, size_t a, size_t b, int kind, int mode) {
  t->last_end = b;
  if (mode == M_COUNT) {
    t->count++;
    return NC_OK;
  }
  if (mode == M_COMPACT) {
    if (t->wp < t->wend && b - a <= NC_WSPAN_MAXLEN) {
      nc_wspan *w = t->wp++;
      w->start = (uint32_t)a;
      w->lenkind = (uint32_t)((b - a) << 4) | (uint32_t)kind;
      return NC_OK;
    }
  } else if (t->out->len < t->out->cap) {
    nc_token *tk = (nc_token *)t->out->data + t->out->len++;
    tk->start = a;
    tk->end = b;
    tk->kind = kind;
    return NC_OK;
  }
  return emit_slow(t, a, b, kind);
}

#define emit(t, a, b, kind) emit_m(t, a, b, kind, (t)->mode)

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
      if (t->next_at < b) {   /* the next '@', or the end of a window without one */
        size_t lim = n - b < 4096 ? n : b + 4096;
        const void *q = memchr(s + b, '@', lim - b);
        t->next_at = q ? (size_t)((const unsigned char *)q - s) : lim;
      }
      if (t->next_at < n && t->next_at - a <= 64) {   /* a local part has at most 64 bytes */
        size_t e = email_end(t, a);
        if (e) { *kind = NC_W_EMAIL; return e; }
      }
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
    if (nb == '.' && *kind == NC_W_WORD && b - a >= 3 && (s[a + 1] == '.' || s[a + 2] == '.') &&
        dotted_abbrev(s, a, b))
      return b + 1;
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

#if defined(__SSE2__)
#include <emmintrin.h>
#define NC_BLOCKS 1

#define MASK(v) ((uint64_t)(unsigned)_mm_movemask_epi8(v))

/*
** The ASCII fast path, 64 bytes at a time: bit masks of letters, digits,
** joiners (WB6/7, WB11/12) and bytes that need the general path (>= 0x80,
** '#', '@'); the runs of word characters and joiners are the segments.
** Emits the tokens that end inside the block and returns where the general
** path goes on (i itself when it must take the next step).
*/
/*
** The first byte at or after `from` of the block at i that needs the
** general path: '#', '@', a stray byte, or a non-ASCII character that is
** not a hard boundary; the hard boundaries passed are added to *hb.
*/
static size_t block_limit(wtext *x, size_t i, uint64_t sp, uint64_t *hb, size_t from) {
  const unsigned char *p = x->s + i;
  for (;;) {
    uint64_t cand = sp & ~*hb & (~0ull << from);
    uint32_t cp;
    size_t q, kk;
    if (cand == 0) return 64;
    q = (size_t)__builtin_ctzll(cand);
    if (p[q] < 0xC2 || q + 4 > 64) return q;   /* '#', '@', a stray byte, or near the end */
    kk = dec(x, i + q, &cp);
    if (!hard_boundary(wbp(cp))) return q;
    *hb |= ((1ull << kk) - 1) << q;
  }
}

/* Run starts from `from` on, after a token that ended at `from`: the next
   word character begins a run, as when the general path goes on there. */
static inline uint64_t restart(uint64_t starts, uint64_t word, size_t from) {
  uint64_t w = word & (~0ull << from);
  return (starts & (~0ull << from)) | (w & (~w + 1));
}

/* Bit masks of a 64-byte block (bit k: byte k). */
typedef struct bmasks {
  uint64_t let, dig, und;   /* letters (ASCII and two-byte Latin), digits, '_' */
  uint64_t ml, mn;          /* . ' : (may join letters) and . ' , ; (may join digits) */
  uint64_t hi, sp, rule;    /* bytes >= 0x80; those and # @; bytes of the news rules */
  uint64_t ss;              /* where a run may start with http, www or '_' */
  uint64_t rn;              /* . : % (the bytes of the news rules but for e-mail addresses) */
  uint64_t hb;              /* the bytes of U+2010..U+2017 and U+201C..U+201F (dashes,
                               double quotes: hard boundaries) that end by byte 62 */
} bmasks;

/*
** The three bytes E2 80 90..97 or E2 80 9C..9F (U+2010..U+2017, U+201C..U+201F)
** with the lead at most at byte 60 (block_limit leaves a character that
** starts later to the general path).
*/
static inline uint64_t dash_quotes(uint64_t e2m, uint64_t m80, uint64_t qm) {
  uint64_t lead = e2m & (m80 >> 1) & (qm >> 2) & ((1ull << 61) - 1);
  return lead | (lead << 1) | (lead << 2);
}

/*
** U+00C0..U+017F but for U+00D7 and U+00F7 (two bytes, C3-C5 and a
** continuation byte) are letters, ALetter for UAX #29: Zürich, José and
** Łukasiewicz stay on the fast path.
*/
static inline void latin_letters(bmasks *m, uint64_t c3m, uint64_t c45m, uint64_t contm,
                                 uint64_t exm) {
  uint64_t lead = ((c3m & ~(exm >> 1)) | c45m) & (contm >> 1);
  uint64_t latin = lead | (lead << 1);
  m->let |= latin;
  m->hi &= ~latin;
  m->sp &= ~latin;
}

static NC_FORCE_INLINE void masks_sse2(const unsigned char *p, bmasks *m) {
  uint64_t let = 0, dig = 0, und = 0, ml = 0, mn = 0, sp = 0, hi = 0, rule = 0, rn = 0;
  uint64_t hm = 0, tm = 0, wm = 0;
  int k;
  for (k = 0; k < 4; k++) {
    __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(p + 16 * k));
    __m128i lo = _mm_or_si128(x, _mm_set1_epi8(0x20));
    /* range tests with one add and one signed compare: b - lo + 0x80 < 0x80 + count */
    __m128i l = _mm_cmplt_epi8(_mm_add_epi8(lo, _mm_set1_epi8((char)(0x80 - 'a'))),
                               _mm_set1_epi8((char)(0x80 + 26)));
    __m128i d = _mm_cmplt_epi8(_mm_add_epi8(x, _mm_set1_epi8((char)(0x80 - '0'))),
                               _mm_set1_epi8((char)(0x80 + 10)));
    __m128i dot = _mm_cmpeq_epi8(x, _mm_set1_epi8('.'));
    __m128i col = _mm_cmpeq_epi8(x, _mm_set1_epi8(':'));
    __m128i at = _mm_cmpeq_epi8(x, _mm_set1_epi8('@'));
    __m128i both = _mm_or_si128(dot, _mm_cmpeq_epi8(x, _mm_set1_epi8('\'')));
    __m128i mnum = _mm_or_si128(both, _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8(',')),
                                                   _mm_cmpeq_epi8(x, _mm_set1_epi8(';'))));
    __m128i spec = _mm_or_si128(at, _mm_cmpeq_epi8(x, _mm_set1_epi8('#')));
    __m128i rnv = _mm_or_si128(_mm_or_si128(dot, col), _mm_cmpeq_epi8(x, _mm_set1_epi8('%')));
    __m128i rl = _mm_or_si128(rnv, _mm_or_si128(at,
                   _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('-')),
                                _mm_cmpeq_epi8(x, _mm_set1_epi8('+')))));
    int sh = 16 * k;
    uint64_t h = MASK(x);
    hm |= MASK(_mm_cmpeq_epi8(lo, _mm_set1_epi8('h'))) << sh;
    tm |= MASK(_mm_cmpeq_epi8(lo, _mm_set1_epi8('t'))) << sh;
    wm |= MASK(_mm_cmpeq_epi8(lo, _mm_set1_epi8('w'))) << sh;
    let |= MASK(l) << sh;
    dig |= MASK(d) << sh;
    und |= MASK(_mm_cmpeq_epi8(x, _mm_set1_epi8('_'))) << sh;
    ml |= MASK(_mm_or_si128(both, col)) << sh;
    mn |= MASK(mnum) << sh;
    hi |= h << sh;
    sp |= (h | MASK(spec)) << sh;
    rule |= MASK(rl) << sh;
    rn |= MASK(rnv) << sh;
  }
  m->let = let; m->dig = dig; m->und = und; m->ml = ml; m->mn = mn;
  m->hi = hi; m->sp = sp; m->rule = rule; m->rn = rn;
  m->ss = und | (hm & (tm >> 1)) | (wm & (wm >> 1));
  m->hb = 0;
  if (hi) {
    uint64_t c3m = 0, c45m = 0, contm = 0, exm = 0, e2m = 0, m80 = 0, qm = 0;
    for (k = 0; k < 4; k++) {
      __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(p + 16 * k));
      __m128i c45 = _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8((char)0xC4)),
                                 _mm_cmpeq_epi8(x, _mm_set1_epi8((char)0xC5)));
      __m128i ex = _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8((char)0x97)),
                                _mm_cmpeq_epi8(x, _mm_set1_epi8((char)0xB7)));
      __m128i q = _mm_or_si128(
          _mm_cmpeq_epi8(_mm_and_si128(x, _mm_set1_epi8((char)0xF8)), _mm_set1_epi8((char)0x90)),
          _mm_cmpeq_epi8(_mm_and_si128(x, _mm_set1_epi8((char)0xFC)), _mm_set1_epi8((char)0x9C)));
      int sh = 16 * k;
      c3m |= MASK(_mm_cmpeq_epi8(x, _mm_set1_epi8((char)0xC3))) << sh;
      c45m |= MASK(c45) << sh;
      contm |= MASK(_mm_cmplt_epi8(x, _mm_set1_epi8((char)0xC0))) << sh;   /* 0x80..0xBF */
      exm |= MASK(ex) << sh;
      e2m |= MASK(_mm_cmpeq_epi8(x, _mm_set1_epi8((char)0xE2))) << sh;
      m80 |= MASK(_mm_cmpeq_epi8(x, _mm_set1_epi8((char)0x80))) << sh;
      qm |= MASK(q) << sh;
    }
    latin_letters(m, c3m, c45m, contm, exm);
    m->hb = dash_quotes(e2m, m80, qm);
  }
}

#if defined(__x86_64__) && defined(__GNUC__) && (defined(__clang__) || __GNUC__ >= 5)
#include <immintrin.h>
#define NC_AVX2 1
#define MASK32(v) ((uint64_t)(uint32_t)_mm256_movemask_epi8(v))
#define EQ32(x, c) _mm256_cmpeq_epi8(x, _mm256_set1_epi8((char)(c)))
#define OR32(a, b) _mm256_or_si256(a, b)

/*
** masks_sse2 with 32-byte vectors, for CPUs with AVX2 (checked at run time);
** inlined into the block loops compiled for AVX2 below. The joiners and
** other ASCII punctuation come from one table lookup on the low nibble (each
** of . ' : , ; @ # % - _ has its own low nibble; '+' shares ';''s): the byte
** the nibble stands for, and the classes of that byte as bits
** (7: . ' :  6: . ' , ;  5: . : @ % -  4: @ #  3: _  2: . : %).
*/
enum { H_LET, H_DIG, H_UND, H_ML, H_MN, H_HI, H_SP, H_RULE, H_RN, H_H, H_T, H_W, H_N };

__attribute__((target("avx2"), always_inline))
static inline void half_avx2(__m256i x, uint32_t *o) {
  const __m256i eq_tab = _mm256_setr_epi8(
      '@', 0, 0, '#', 0, '%', 0, '\'', 0, 0, ':', ';', ',', '-', '.', '_',
      '@', 0, 0, '#', 0, '%', 0, '\'', 0, 0, ':', ';', ',', '-', '.', '_');
  const __m256i bit_tab = _mm256_setr_epi8(
      0x30, 0, 0, 0x10, 0, 0x24, 0, (char)0xC0, 0, 0, (char)0xA4, 0x40, 0x40, 0x20, (char)0xE4, 0x08,
      0x30, 0, 0, 0x10, 0, 0x24, 0, (char)0xC0, 0, 0, (char)0xA4, 0x40, 0x40, 0x20, (char)0xE4, 0x08);
  __m256i nib = _mm256_and_si256(x, _mm256_set1_epi8(0x0F));
  __m256i cls = _mm256_and_si256(_mm256_cmpeq_epi8(_mm256_shuffle_epi8(eq_tab, nib), x),
                                 _mm256_shuffle_epi8(bit_tab, nib));
  __m256i lo = _mm256_or_si256(x, _mm256_set1_epi8(0x20));
  __m256i l = _mm256_cmpgt_epi8(_mm256_set1_epi8((char)(0x80 + 26)),
                                _mm256_add_epi8(lo, _mm256_set1_epi8((char)(0x80 - 'a'))));
  __m256i d = _mm256_cmpgt_epi8(_mm256_set1_epi8((char)(0x80 + 10)),
                                _mm256_add_epi8(x, _mm256_set1_epi8((char)(0x80 - '0'))));
  uint32_t h = (uint32_t)_mm256_movemask_epi8(x);
  o[H_LET] = (uint32_t)_mm256_movemask_epi8(l);
  o[H_DIG] = (uint32_t)_mm256_movemask_epi8(d);
  o[H_ML] = (uint32_t)_mm256_movemask_epi8(cls);
  o[H_MN] = (uint32_t)_mm256_movemask_epi8(_mm256_slli_epi16(cls, 1));
  o[H_RULE] = (uint32_t)_mm256_movemask_epi8(_mm256_slli_epi16(cls, 2)) |
              (uint32_t)_mm256_movemask_epi8(EQ32(x, '+'));
  o[H_SP] = (uint32_t)_mm256_movemask_epi8(_mm256_slli_epi16(cls, 3)) | h;
  o[H_UND] = (uint32_t)_mm256_movemask_epi8(_mm256_slli_epi16(cls, 4));
  o[H_RN] = (uint32_t)_mm256_movemask_epi8(_mm256_slli_epi16(cls, 5));
  o[H_HI] = h;
  o[H_H] = (uint32_t)_mm256_movemask_epi8(EQ32(lo, 'h'));
  o[H_T] = (uint32_t)_mm256_movemask_epi8(EQ32(lo, 't'));
  o[H_W] = (uint32_t)_mm256_movemask_epi8(EQ32(lo, 'w'));
}

#define JOIN32(k) ((uint64_t)o0[k] | ((uint64_t)o1[k] << 32))

__attribute__((target("avx2"), always_inline))
static inline void masks_avx2(const unsigned char *p, bmasks *m) {
  __m256i x0 = _mm256_loadu_si256((const __m256i *)(const void *)p);
  __m256i x1 = _mm256_loadu_si256((const __m256i *)(const void *)(p + 32));
  uint32_t o0[H_N], o1[H_N];
  uint64_t hm, tm, wm;
  half_avx2(x0, o0);
  half_avx2(x1, o1);
  m->let = JOIN32(H_LET); m->dig = JOIN32(H_DIG); m->und = JOIN32(H_UND);
  m->ml = JOIN32(H_ML); m->mn = JOIN32(H_MN);
  m->hi = JOIN32(H_HI); m->sp = JOIN32(H_SP); m->rule = JOIN32(H_RULE); m->rn = JOIN32(H_RN);
  hm = JOIN32(H_H); tm = JOIN32(H_T); wm = JOIN32(H_W);
  m->ss = m->und | (hm & (tm >> 1)) | (wm & (wm >> 1));
  m->hb = 0;
  if (m->hi) {
    uint64_t c3m, c45m, contm, exm, e2m, m80, qm;
#define HI2(expr) ((uint64_t)(uint32_t)_mm256_movemask_epi8(expr(x0)) | \
                   ((uint64_t)(uint32_t)_mm256_movemask_epi8(expr(x1)) << 32))
#define E_C3(x) EQ32(x, 0xC3)
#define E_C45(x) OR32(EQ32(x, 0xC4), EQ32(x, 0xC5))
#define E_CONT(x) _mm256_cmpgt_epi8(_mm256_set1_epi8((char)0xC0), x)   /* 0x80..0xBF */
#define E_EX(x) OR32(EQ32(x, 0x97), EQ32(x, 0xB7))
#define E_E2(x) EQ32(x, 0xE2)
#define E_80(x) EQ32(x, 0x80)
#define E_Q(x) OR32(EQ32(_mm256_and_si256(x, _mm256_set1_epi8((char)0xF8)), 0x90), \
                    EQ32(_mm256_and_si256(x, _mm256_set1_epi8((char)0xFC)), 0x9C))
    c3m = HI2(E_C3); c45m = HI2(E_C45); contm = HI2(E_CONT); exm = HI2(E_EX);
    e2m = HI2(E_E2); m80 = HI2(E_80); qm = HI2(E_Q);
#undef HI2
#undef E_C3
#undef E_C45
#undef E_CONT
#undef E_EX
#undef E_E2
#undef E_80
#undef E_Q
    latin_letters(m, c3m, c45m, contm, exm);
    m->hb = dash_quotes(e2m, m80, qm);
  }
}
#undef JOIN32
#endif

#define TOPBIT (1ull << 63)
/* The next plain token of a block: its start the lowest bit of st, its end
   the lowest of g (TOPBIT: a defined ctz in the slots past the last); kind NC_W_NUMBER when it starts with a digit, else NC_W_WORD. */
#define FLAT_COMPACT(w) do {                                                          \
    size_t a1_ = (size_t)__builtin_ctzll(st | TOPBIT), e1_ = (size_t)__builtin_ctzll(g | TOPBIT); \
    (w)->start = (uint32_t)(i + a1_);                                                 \
    (w)->lenkind = (uint32_t)((e1_ - a1_) << 4) | (uint32_t)(NC_W_WORD + (dig >> a1_ & 1)); \
    st &= st - 1;                                                                     \
    g &= g - 1;                                                                       \
  } while (0)
#define FLAT_WIDE(tk) do {                                                            \
    size_t a1_ = (size_t)__builtin_ctzll(st | TOPBIT), e1_ = (size_t)__builtin_ctzll(g | TOPBIT); \
    (tk)->start = i + a1_;                                                            \
    (tk)->end = i + e1_;                                                              \
    (tk)->kind = NC_W_WORD + (int)(dig >> a1_ & 1);                                   \
    st &= st - 1;                                                                     \
    g &= g - 1;                                                                       \
  } while (0)

/* The tokens of the block at i (64 bytes from i, masks m); M_COMPACT: room
   for 64 tokens made by the caller. */
static NC_FORCE_INLINE size_t block_tokens(tok_state *t, size_t i, const bmasks *m, int *status,
                                           int mode) {
  const unsigned char *s = t->x.s, *p = s + i;
  uint64_t let, dig, und, ml, mn, sp, hi, rule, ss;
  uint64_t hb = m->hb, join, e_mask, starts, ends, after;
  size_t limit, a, e;
  let = m->let; dig = m->dig; und = m->und; ml = m->ml; mn = m->mn;
  hi = m->hi; sp = m->sp; rule = m->rule; ss = m->ss;
  join = (ml & (let << 1) & (let >> 1)) | (mn & (dig << 1) & (dig >> 1));
  e_mask = let | dig | und | join;
  if (rule) {
    /* with no '@' in the 128 bytes from i, no token starting in the block
       is an e-mail address: of the news rules' bytes after a run only
       % and : matter, and a dot after a run whose last part is one or two
       letters after a dot inside (U.S.) */
    if (t->blk_at < i) {
      size_t lim = t->x.n - i < 4096 ? t->x.n : i + 4096;
      const void *q = memchr(s + i, '@', lim - i);
      t->blk_at = q ? (size_t)((const unsigned char *)q - s) : lim == t->x.n ? NOBAD : lim;
    }
    if (t->blk_at - i >= 128) {
      uint64_t dot = ml & mn & m->rn, jdot = dot & join;
      rule = (m->rn & ~dot) | (dot & ((jdot << 2) | (jdot << 3)));
    }
  }
  starts = e_mask & ~(e_mask << 1);
  limit = (sp & ~hb) ? block_limit(&t->x, i, sp, &hb, 0) : 64;
  /* bytes after a run, and run starts, that need a closer look: non-ASCII
     characters that may join, bytes of the news rules; and runs that start
     with http, www or '_' */
  after = (hi & ~hb) | ((ml | mn) & ((hi & ~hb) >> 1)) | rule;
  ends = e_mask & ~(e_mask >> 1);
  while (starts) {
    uint64_t rest, bad, ge;
    size_t bound;
    /* the runs before the first one that needs a closer look (a byte of
       `after` just after it, a start in `ss`, an end at byte 62 or 63, or
       the limit) are plain tokens: all of them at once. ge: the bit just
       after each of these runs; their starts are the lowest bits of starts */
    a = (size_t)__builtin_ctzll(starts);
    bad = ((after & (ends << 1)) | (ss & starts) | (ends & (3ull << 62))) & (~0ull << a);
    bound = bad ? (size_t)__builtin_ctzll(bad) : 64;
    if (bound > limit + 1) bound = limit + 1;
    ge = (ends << 1) & (~0ull << a);
    if (bound < 64) ge &= (1ull << bound) - 1;
    if (ge) {
      size_t cnt = (size_t)__builtin_popcountll(ge), last = 63 - (size_t)__builtin_clzll(ge), k;
      uint64_t st = starts, g = ge;
      t->last_end = i + last;
      if (mode == M_COUNT) {
        t->count += cnt;
      } else if (mode == M_COMPACT) {
        /* four slots at a time (those past cnt are overwritten later: room
           for 64 tokens was made, a block holds at most 32) */
        nc_wspan *w = t->wp;
        for (k = 0; k < cnt; k += 4) {
          FLAT_COMPACT(w + k); FLAT_COMPACT(w + k + 1); FLAT_COMPACT(w + k + 2); FLAT_COMPACT(w + k + 3);
        }
        t->wp = w + cnt;
      } else {
        nc_token *tk = (nc_token *)t->out->data + t->out->len;
        for (k = 0; k < cnt; k += 4) {
          FLAT_WIDE(tk + k); FLAT_WIDE(tk + k + 1); FLAT_WIDE(tk + k + 2); FLAT_WIDE(tk + k + 3);
        }
        t->out->len += cnt;
      }
      starts &= ~0ull << last;   /* the start of the next run is past the last end */
      continue;
    }
    /* the run at a, one at a time */
    if (a >= limit) return i + limit;
    rest = ~e_mask & (~0ull << a);
    if (rest == 0) return i + a;              /* runs to the end of the block */
    e = (size_t)__builtin_ctzll(rest);
    if (e >= 63) return i + a;                /* the joiner test needs the next byte */
    if (((after >> e) | (ss >> a)) & 1) {
      size_t A = i + a, B = i + e;
      int kind;
      if ((p[e] >= 0x80 && !(hb >> e & 1)) ||                      /* may join a non-ASCII character */
          ((ml | mn) >> e & 1 && (hi & ~hb) >> (e + 1) & 1)) {     /* x.é: WB6/7 may apply */
        if (und >> a & 1) return i + a;
        B = wb_next(&t->x, A);
        kind = (dig >> a & 1) ? NC_W_NUMBER : NC_W_WORD;
        B = news_rules(t, A, B, &kind);
        if ((*status = emit_m(t, A, B, kind, mode)) != NC_OK) return i;
        if (B - i > 60) return B;
        /* go on in the block after the segment */
        limit = block_limit(&t->x, i, sp, &hb, B - i);
        after = (hi & ~hb) | ((ml | mn) & ((hi & ~hb) >> 1)) | rule;
        starts = restart(starts, let | dig | und, B - i);
        continue;
      }
      if (dig >> a & 1) kind = NC_W_NUMBER;
      else if (let >> a & 1) kind = NC_W_WORD;
      else kind = (let & (~0ull << a) & ~(~0ull << e)) ? NC_W_WORD
                : (dig & (~0ull << a) & ~(~0ull << e)) ? NC_W_NUMBER : 0;
      B = news_rules(t, A, B, &kind);
      if (kind && (*status = emit_m(t, A, B, kind, mode)) != NC_OK) return i;
      if (B > i + e) {                        /* a rule took more: go on from there */
        if (B - i > 60) return B;
        if (B - i > limit) {
          limit = block_limit(&t->x, i, sp, &hb, B - i);
          after = (hi & ~hb) | ((ml | mn) & ((hi & ~hb) >> 1)) | rule;
        }
        starts = restart(starts, let | dig | und, B - i);
        continue;
      }
    } else if (mode == M_COMPACT) {
      /* a token inside the block, room made by the caller: no checks */
      nc_wspan *w = t->wp++;
      t->last_end = i + e;
      w->start = (uint32_t)(i + a);
      w->lenkind = (uint32_t)((e - a) << 4) | (uint32_t)((dig >> a & 1) ? NC_W_NUMBER : NC_W_WORD);
    } else {
      if ((*status = emit_m(t, i + a, i + e, (dig >> a & 1) ? NC_W_NUMBER : NC_W_WORD, mode)) != NC_OK)
        return i;
    }
    starts &= starts - 1;
  }
  return i + limit;
}

/*
** The block path from i on, block after block, until the general path must
** take a step (the offset returned) or an error (*st). One function for each
** mode and each mask function, so that emit_m folds and, under AVX2, the
** masks are computed inline with the vector constants kept in registers.
*/
#define NC_BLOCK_LOOP(name, attr, masks, mode)                                        \
  attr static size_t name(tok_state *t, size_t i, int *st) {                          \
    size_t n = t->x.n;                                                                \
    while (i + 64 <= n) {                                                             \
      bmasks m;                                                                       \
      size_t r;                                                                       \
      if ((mode) == M_COMPACT && t->wend - t->wp < 64 && (*st = compact_room(t)) != NC_OK) \
        return i;                                                                     \
      if ((mode) == M_WIDE && t->out->cap - t->out->len < 64 &&                       \
          (*st = wide_room(t)) != NC_OK)                                              \
        return i;                                                                     \
      masks(t->x.s + i, &m);                                                          \
      r = block_tokens(t, i, &m, st, mode);                                           \
      if (*st != NC_OK || r == i) return r;                                           \
      i = r;                                                                          \
    }                                                                                 \
    return i;                                                                         \
  }

NC_BLOCK_LOOP(blocks_count, , masks_sse2, M_COUNT)
NC_BLOCK_LOOP(blocks_compact, , masks_sse2, M_COMPACT)
NC_BLOCK_LOOP(blocks_wide, , masks_sse2, M_WIDE)
#ifdef NC_AVX2
NC_BLOCK_LOOP(blocks_count_avx2, __attribute__((target("avx2"))), masks_avx2, M_COUNT)
NC_BLOCK_LOOP(blocks_compact_avx2, __attribute__((target("avx2"))), masks_avx2, M_COMPACT)
NC_BLOCK_LOOP(blocks_wide_avx2, __attribute__((target("avx2"))), masks_avx2, M_WIDE)
#endif
#endif

static int tokenize(const char *str, size_t n, nc_invalid inv, nc_vec *out, int mode,
                    size_t *count, size_t *bad, int blocks) {
  tok_state t;
  const unsigned char *s = (const unsigned char *)str;
  size_t i = 0, len0 = out ? out->len : 0;
  int st;
  t.x.s = s;
  t.x.n = n;
  t.x.bad = NOBAD;
  t.out = out;
  t.mode = mode;
  t.wp = t.wend = NULL;
  if (mode == M_COMPACT) {
    t.wp = (nc_wspan *)out->data + out->len;
    t.wend = (nc_wspan *)out->data + out->cap;
  }
#ifdef NC_AVX2
  t.avx2 = blocks && __builtin_cpu_supports("avx2");
#else
  t.avx2 = 0;
#endif
  t.count = 0;
  t.last_end = NOBAD;
  t.no_email_before = 0;
  t.next_at = 0;
  t.blk_at = 0;
#ifndef NC_BLOCKS
  (void)blocks;
#endif
  for (;;) {
    unsigned b;
    int kind;
    size_t e;
#ifdef NC_BLOCKS
    st = NC_OK;
    if (blocks && i + 64 <= n) {
#ifdef NC_AVX2
      if (t.avx2)
        i = mode == M_COUNT ? blocks_count_avx2(&t, i, &st)
          : mode == M_COMPACT ? blocks_compact_avx2(&t, i, &st) : blocks_wide_avx2(&t, i, &st);
      else
#endif
      i = mode == M_COUNT ? blocks_count(&t, i, &st)
        : mode == M_COMPACT ? blocks_compact(&t, i, &st) : blocks_wide(&t, i, &st);
      if (st != NC_OK) goto fail;
    }
#endif
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
      unsigned pr = wbp(cp), c = pr & NC_WB_MASK;
      /* a mark after punctuation or space, or a character that is no word */
      if (IGN(c) || hard_boundary(pr) || MIDL(c) || MIDN(c)) { i += k; continue; }
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
  if (mode == M_COMPACT) out->len = (size_t)(t.wp - (nc_wspan *)out->data);
  if (count) *count = t.count;
  return NC_OK;
fail:
  if (out) out->len = len0;
  return st;
}

int nc_words(const char *s, size_t n, nc_invalid inv, nc_vec *out, size_t *bad) {
  /* news prose has a word every 6 or 7 bytes: one allocation for most texts */
  if (nc_vec_reserve(out, (n < 6000000 ? n : 6000000) / 6 + 16) != NC_OK) return NC_ENOMEM;
  return tokenize(s, n, inv, out, M_WIDE, NULL, bad, 1);
}

int nc_word_spans(const char *s, size_t n, nc_invalid inv, nc_vec *out, size_t *bad) {
  if (n > (size_t)0xFFFFFFFFu) return NC_ERANGE;
  /* a word every 6 or 7 bytes in news prose: n / 5 is one allocation for
     texts up to 32 MB (pages reserved but not written cost no time) */
  if (nc_vec_reserve(out, (n < 32000000 ? n : 32000000) / 5 + 16) != NC_OK) return NC_ENOMEM;
  return tokenize(s, n, inv, out, M_COMPACT, NULL, bad, 1);
}

int nc_words_scalar(const char *s, size_t n, nc_invalid inv, nc_vec *out, size_t *bad) {
  return tokenize(s, n, inv, out, M_WIDE, NULL, bad, 0);
}

int nc_count_words(const char *s, size_t n, nc_invalid inv, size_t *count, size_t *bad) {
  size_t c = 0;
  int st = tokenize(s, n, inv, NULL, M_COUNT, &c, bad, 1);
  if (count) *count = c;
  return st;
}
