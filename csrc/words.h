/*
** words.h: UAX #29 word segmentation, word tokens and normalisation.
** Engine API (pure C); the Lua binding is csrc/lua_text.c.
*/
#ifndef NC_WORDS_H
#define NC_WORDS_H

#include "nc_common.h"

/* Kinds of word-like tokens. */
typedef enum nc_wkind {
  NC_W_WORD = 1,     /* letters, with inner apostrophes and dots: Moscow's, U.S. */
  NC_W_NUMBER = 2,   /* 39,929  3.5  90%  2024  5th */
  NC_W_URL = 3,      /* https://example.com/a?b  www.example.com */
  NC_W_EMAIL = 4,    /* press@example.org */
  NC_W_HASHTAG = 5,  /* #news */
  NC_W_MENTION = 6,  /* @newsc */
  NC_W_EMOJI = 7,    /* an emoji or pictograph sequence */
  NC_W_IDEO = 8      /* an ideographic / kana / other non-spaced character */
} nc_wkind;

typedef struct nc_token {
  size_t start, end;   /* byte range [start, end) in the input */
  int kind;            /* nc_wkind */
} nc_token;

/* Normalisation forms. */
typedef enum nc_nform { NC_NFC = 0, NC_NFKC = 1, NC_NFKC_CASEFOLD = 2 } nc_nform;

/*
** UAX #29 word boundaries: appends to `out` (nc_span) the segments between
** consecutive boundaries; they cover s[0..n) completely and in order.
** With NC_INVALID_ERROR, an ill-formed byte stops with NC_EUTF8 and *bad
** set to its offset; with NC_INVALID_REPLACE it is read as U+FFFD.
*/
NC_INTERNAL int nc_segments(const char *s, size_t n, nc_invalid inv, nc_vec *out, size_t *bad);

/*
** Word-like tokens (nc_token) of s[0..n): the segments holding letters,
** digits, ideographs or emoji, with news rules applied on top of UAX #29
** (numbers keep separators and a trailing %, URLs and e-mail addresses stay
** whole, "U.S." keeps its final dot, Moscow's / Moscow’s is one token).
*/
NC_INTERNAL int nc_words(const char *s, size_t n, nc_invalid inv, nc_vec *out, size_t *bad);

/* nc_words without the 64-byte fast path (for tests: both must agree). */
NC_INTERNAL int nc_words_scalar(const char *s, size_t n, nc_invalid inv, nc_vec *out, size_t *bad);

/*
** A compact token (8 bytes): start offset and length with the kind in the
** low 4 bits: len = lenkind >> 4, kind = lenkind & 15.
*/
typedef struct nc_wspan {
  uint32_t start;
  uint32_t lenkind;
} nc_wspan;

#define NC_WSPAN_MAXLEN 0x0FFFFFFFu   /* longest token an nc_wspan holds */

/*
** nc_words into compact tokens (nc_wspan), a third of the memory. Inputs of
** 4 GiB or more, and a token longer than NC_WSPAN_MAXLEN bytes, give
** NC_ERANGE (the vector left as it was): use nc_words then.
*/
NC_INTERNAL int nc_word_spans(const char *s, size_t n, nc_invalid inv, nc_vec *out, size_t *bad);

/* Number of word-like tokens, without storing them. */
NC_INTERNAL int nc_count_words(const char *s, size_t n, nc_invalid inv, size_t *count, size_t *bad);

/*
** Append the normalised form of s[0..n) to `out` (a vec of char). ASCII
** runs are handled inline; only non-ASCII runs go through utf8proc.
** NC_NFKC_CASEFOLD also maps U+2019 (right single quote) to an apostrophe
** so that Moscow’s and Moscow's compare equal.
*/
NC_INTERNAL int nc_normalize(const char *s, size_t n, nc_nform form, nc_invalid inv,
                             nc_vec *out, size_t *bad);

#endif
