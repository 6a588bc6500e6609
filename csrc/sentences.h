/*
** sentences.h: sentence splitting for news text.
** Engine API (pure C); the Lua binding is csrc/lua_sentences.c.
*/
#ifndef NC_SENTENCES_H
#define NC_SENTENCES_H

#include "nc_common.h"

/*
** Append to `out` (nc_span) the sentences of s[0..n), in order, each
** without surrounding white space. Invalid UTF-8 as in words.h.
*/
NC_INTERNAL int nc_sentences(const char *s, size_t n, nc_invalid inv, nc_vec *out, size_t *bad);

#endif
