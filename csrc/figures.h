/*
** figures.h: quantities in news text (counts, percentages, money, ages,
** ordinals) read with their hedges as ranges, and the comparison of two
** figures. Engine API (pure C); the Lua binding is csrc/lua_figures.c.
**
** Also the small byte scanner shared with dates.c: it splits text into
** words, numbers, punctuation and URLs without decoding (bytes >= 0x80 are
** word bytes unless they start one of a few known punctuation or space
** characters), so any input, valid UTF-8 or not, is safe.
*/
#ifndef NC_FIGURES_H
#define NC_FIGURES_H

#include "nc_common.h"

/* ---- scanner ---- */

typedef enum nc_ftype {
  NC_FT_END = 0, NC_FT_WORD = 1, NC_FT_NUM = 2, NC_FT_PUNCT = 3, NC_FT_URL = 4
} nc_ftype;

typedef struct nc_ftok {
  size_t start, end;    /* [start, end) in the input */
  unsigned char type;   /* nc_ftype */
  unsigned char gap;    /* 1 when white space (or the start) comes before */
  unsigned char nl;     /* 1 when a line break is in that white space */
  char punct;           /* NC_FT_PUNCT: the ASCII character, or '-' for the
                           en dash and minus, 'M' em dash, '"' curly double
                           quotes, '\'' curly single quotes, 'E' euro,
                           'L' pound, 'Y' yen, '.' ellipsis */
} nc_ftok;

/* The token at or after `pos`; returns the offset just after it
   (t->type == NC_FT_END at the end of the text). */
NC_INTERNAL size_t nc_ftok_next(const char *s, size_t n, size_t pos, nc_ftok *t);

/*
** A bounded window over the scanner's tokens, read lazily: up to `hmax`
** tokens behind the current one and `lamax` ahead (at most NC_FTWIN_HIST
** and NC_FTWIN_LA). The figure and date readers both walk text with it.
*/
#define NC_FTWIN_HIST 10
#define NC_FTWIN_LA 32

typedef struct nc_ftwin {
  const char *s;
  size_t n;
  nc_ftok hist[NC_FTWIN_HIST]; /* ring of tokens before la[0] */
  size_t nhist;                /* tokens pushed so far (ring index nhist % NC_FTWIN_HIST) */
  nc_ftok la[NC_FTWIN_LA];     /* look-ahead from the current token: a ring from lahead */
  int nla, lahead;
  size_t lapos;                /* scan position after la[nla-1] */
  int hmax, lamax;
} nc_ftwin;

/* look-ahead token i (NC_FT_END beyond the text or the window) */
static inline const nc_ftok *nc_ftwin_la(nc_ftwin *w, int i) {
  static const nc_ftok endtok = { 0, 0, NC_FT_END, 1, 0, 0 };
  if (i >= w->lamax) return &endtok;
  while (w->nla <= i) {
    w->lapos = nc_ftok_next(w->s, w->n, w->lapos, &w->la[(w->lahead + w->nla) % NC_FTWIN_LA]);
    w->nla++;
  }
  return &w->la[(w->lahead + i) % NC_FTWIN_LA];
}

/* history token k back (1 = the token just before la[0]); NULL if none */
static inline const nc_ftok *nc_ftwin_hist(const nc_ftwin *w, size_t k) {
  if (k == 0 || k > (size_t)w->hmax || k > w->nhist) return NULL;
  return &w->hist[(w->nhist - k) % NC_FTWIN_HIST];
}

/* move the first `k` look-ahead tokens to the history */
static inline void nc_ftwin_consume(nc_ftwin *w, int k) {
  int i;
  nc_ftwin_la(w, k - 1);
  for (i = 0; i < k; i++)
    w->hist[(w->nhist++) % NC_FTWIN_HIST] = w->la[(w->lahead + i) % NC_FTWIN_LA];
  w->lahead = (w->lahead + k) % NC_FTWIN_LA;
  w->nla -= k;
}

/* Case-insensitive (ASCII) equality of a token with a lower-case word. */
NC_INTERNAL int nc_ftok_is(const char *s, const nc_ftok *t, const char *w);

/* Quick filter before nc_ftok_in_sorted: 0 when no word of the set can
   match. mask[first letter][length] has a bit for each possible last letter. */
NC_INTERNAL int nc_ftok_mask_ok(const char *s, const nc_ftok *t, const uint32_t mask[26][16]);

/* Skipping ahead: the offset of the next byte at or after i that may start
   a token of interest (a digit; with `currency` also $, euro, pound, yen
   signs; the first letter of an ASCII letter run passing `mask`), or n. */
NC_INTERNAL size_t nc_fscan_next(const char *s, size_t n, size_t i, const uint32_t mask[26][16],
                                 int currency);

/* Where to resume tokenising before a candidate at c when the tokens read so
   far end at tokpos: tokpos when c is within `window` bytes, else the first
   ASCII space of the `window` bytes before c (tokpos when there is none).
   Tokens never cross ASCII spaces, so both give the same tokens near c. */
NC_INTERNAL size_t nc_fscan_restart(const char *s, size_t tokpos, size_t c, size_t window);

/*
** Put the window at a candidate c, the tokens read so far ending at tokpos:
** tokenise from there or from a space shortly before c (the history is
** cleared when the restart skips text) and move past the tokens that end
** at or before c. Returns the first token ending after c (NC_FT_END when
** there is none).
*/
static inline const nc_ftok *nc_ftwin_seek(nc_ftwin *w, size_t tokpos, size_t c) {
  size_t from = nc_fscan_restart(w->s, tokpos, c, 256);
  const nc_ftok *t;
  if (from != tokpos) w->nhist = 0;
  w->nla = 0; w->lahead = 0; w->lapos = from;
  for (;;) {
    t = nc_ftwin_la(w, 0);
    if (t->type == NC_FT_END || t->end > c) return t;
    nc_ftwin_consume(w, 1);
  }
}

/* 1 when the token is a word found in `tab`, a sorted array of `ntab`
   lower-case ASCII words (binary search, case-insensitive). */
NC_INTERNAL int nc_ftok_in_sorted(const char *s, const nc_ftok *t, const char *const *tab, size_t ntab);

/* ---- figures ---- */

typedef enum nc_fkind {
  NC_FK_COUNT = 0, NC_FK_PERCENT = 1, NC_FK_MONEY = 2, NC_FK_AGE = 3,
  NC_FK_ORDINAL = 4, NC_FK_MEASURE = 5
} nc_fkind;

/* How a hedge bounds the stated value. */
typedef enum nc_hclass {
  NC_H_NONE = 0,     /* bare figure: its rounding */
  NC_H_EXACT,        /* exactly, precisely */
  NC_H_ABOUT,        /* about, around, some, roughly, approximately ... */
  NC_H_NEARLY,       /* nearly, almost, close to, just under */
  NC_H_JUSTOVER,     /* just over, just above */
  NC_H_MORE,         /* more than, over, at least, upwards of ... */
  NC_H_LESS,         /* fewer than, under, up to, as many as, at most ... */
  NC_H_RANGE,        /* between X and Y, X-Y, X to Y, X or Y */
  NC_H_VAGUE         /* dozens, hundreds, tens of thousands, several ... */
} nc_hclass;

typedef struct nc_figure {
  size_t start, end;            /* the whole expression, hedge to unit */
  double value, low, high;      /* high is HUGE_VAL when unbounded */
  int kind;                     /* nc_fkind */
  int hclass;                   /* nc_hclass */
  const char *hedge;            /* static: "none", "more than", "dozens" ... */
  const char *unit_lit;         /* static unit ("percent", "years old") or NULL */
  size_t unit_start, unit_end;  /* unit taken from the text when unit_lit is NULL
                                   (empty range: no unit) */
} nc_figure;

/*
** Append every figure of s[0..n) to `out` (a vec of nc_figure), in text
** order. Years, dates, times, and digits glued to letters (F-16, G20,
** COVID-19) are not figures. With NC_INVALID_ERROR an ill-formed byte stops
** with NC_EUTF8 and *bad set; with NC_INVALID_REPLACE the text is read as
** is (the scanner never decodes). Linear in n.
*/
NC_INTERNAL int nc_figures(const char *s, size_t n, nc_invalid inv, nc_vec *out, size_t *bad);

/* Name of a kind: "count", "percent", "money", "age", "ordinal", "measure". */
NC_INTERNAL const char *nc_fkind_name(int kind);

/* The hedge class of a hedge name as nc_figures gives it (unknown: NONE). */
NC_INTERNAL int nc_hedge_class(const char *hedge);

typedef enum nc_verdict { NC_CONSISTENT = 0, NC_TENSION = 1, NC_CONFLICT = 2 } nc_verdict;

/*
** Compare two figures about the same thing from their ranges:
**   hard ranges [low, high] disjoint by more than 2 % of the larger
**   bound                                       -> NC_CONFLICT
**   "likely" ranges overlap                     -> NC_CONSISTENT
**   otherwise (compatible only at a stretch, or a near miss) -> NC_TENSION
** The likely range is the hard range, except that an open bound is closed
** at 1.5 x the value ("more than 200": 200-300) and a bound from below
** starts at half the value ("fewer than 50": 25-50). `why` receives a
** sentence of at most `whylen` bytes (NUL-terminated).
*/
NC_INTERNAL int nc_fig_compare(const nc_figure *a, const nc_figure *b, char *why, size_t whylen);

#endif
