/*
** quotes.h: quotation extraction with speaker attribution (engine, pure C).
** The Lua binding is csrc/lua_quotes.c.
*/
#ifndef NC_QUOTES_H
#define NC_QUOTES_H

#include "nc_common.h"

typedef enum nc_qkind {
  NC_Q_DIRECT = 0,   /* a full quoted statement */
  NC_Q_PARTIAL = 1,  /* a quoted fragment inside a paraphrase or a headline */
  NC_Q_TITLE = 2     /* a quoted title or name that nobody said */
} nc_qkind;

/* One piece of a quote: [start, end) with its marks, [istart, iend) without. */
typedef struct nc_qpart {
  size_t start, end, istart, iend;
} nc_qpart;

/*
** One quote. Spans are byte ranges [start, end) into the input; a span with
** start == end is absent. `speaker` is the fullest form of the speaker's name
** found in the text (for "Putin said" the "Vladimir Putin" of another
** sentence), `mention` the words naming the speaker for this quote, `cue`
** the reporting verb or phrase, `via` the channel ("according to a Kremlin
** transcript", "told Reuters").
*/
typedef struct nc_quote {
  size_t start, end;          /* first opening mark .. last closing mark */
  size_t part, nparts;        /* its parts: parts[part .. part + nparts) */
  nc_span speaker, mention, cue, via;
  int kind;                   /* nc_qkind */
  int closed;                 /* 0 when the last mark was never closed */
} nc_quote;

/*
** Find the quotes of s[0..n) in text order: appends nc_quote records to
** `quotes` and their nc_qpart pieces to `parts`. One pass over the bytes,
** then bounded work around each quote: linear time for any input.
** Invalid UTF-8 follows `inv` (see nc_common.h); *bad gets the offset.
*/
NC_INTERNAL int nc_quotes(const char *s, size_t n, nc_invalid inv,
                          nc_vec *quotes, nc_vec *parts, size_t *bad);

/* nc_quotes by the scalar path alone (no SSE2 skips), for the tests: the
   same results. */
NC_INTERNAL int nc_quotes_scalar(const char *s, size_t n, nc_invalid inv,
                                 nc_vec *quotes, nc_vec *parts, size_t *bad);

/* "direct", "partial" or "title" */
NC_INTERNAL const char *nc_qkind_name(int kind);

#endif
