/*
** nc_common.h: types shared by the newsc engine (pure C99, no Lua types).
**
** Conventions of the engine:
**   - text is a byte string `s` of length `n`, not NUL-terminated, NULs allowed;
**   - offsets are 0-based, ranges half-open [start, end);
**   - results go into an nc_vec owned by the caller (the Lua binding keeps it
**     inside a userdata, so a Lua error never leaks it);
**   - functions return NC_OK or a negative nc_status, never abort.
*/
#ifndef NC_COMMON_H
#define NC_COMMON_H

#include <stddef.h>
#include <stdint.h>

#if defined(__GNUC__) && __GNUC__ >= 4
#define NC_INTERNAL __attribute__((visibility("hidden")))
#define NC_EXPORT   __attribute__((visibility("default")))
#else
#define NC_INTERNAL
#define NC_EXPORT
#endif

#define NEWSC_VERSION "0.1.0"

typedef enum nc_status {
  NC_OK = 0,
  NC_ENOMEM = -1,   /* allocation failed */
  NC_EUTF8 = -2,    /* invalid UTF-8 (offset reported separately) */
  NC_EINVAL = -3,   /* bad argument */
  NC_ERANGE = -4    /* input too large */
} nc_status;

/* Invalid-UTF-8 policy taken by every text entry point. */
typedef enum nc_invalid {
  NC_INVALID_ERROR = 0,   /* report NC_EUTF8 with the offset of the first bad byte */
  NC_INVALID_REPLACE = 1  /* read each bad byte as U+FFFD (offsets stay those of the input) */
} nc_invalid;

/* A half-open byte range [start, end). */
typedef struct nc_span {
  size_t start, end;
} nc_span;

/* A growable array of fixed-size elements. Zero-initialise or nc_vec_init. */
typedef struct nc_vec {
  void *data;
  size_t len, cap, size;
} nc_vec;

NC_INTERNAL void nc_vec_init(nc_vec *v, size_t elsize);
/* Make room for `extra` more elements; NC_OK or NC_ENOMEM. */
NC_INTERNAL int nc_vec_reserve(nc_vec *v, size_t extra);
/* Append one zeroed element; returns it, or NULL when out of memory. */
NC_INTERNAL void *nc_vec_push(nc_vec *v);
/* Append n bytes (for vectors of char); NC_OK or NC_ENOMEM. */
NC_INTERNAL int nc_vec_append(nc_vec *v, const void *p, size_t n);
NC_INTERNAL void nc_vec_free(nc_vec *v);
#define NC_VEC_AT(v, T, i) (((T *)(v)->data)[i])

/* ---- UTF-8 ---- */

#define NC_REPLACEMENT 0xFFFDu

/*
** Decode the code point at s[0..n). Returns its length in bytes (1..4) and
** stores it in *cp; an ill-formed sequence (overlong, surrogate, > U+10FFFF,
** truncated, stray continuation byte) returns 1 and stores -1.
*/
static inline size_t nc_utf8_decode(const unsigned char *s, size_t n, int32_t *cp) {
  unsigned c = s[0];
  if (c < 0x80) { *cp = (int32_t)c; return 1; }
  if (c >= 0xC2 && c <= 0xDF) {
    if (n >= 2 && (s[1] & 0xC0) == 0x80) {
      *cp = (int32_t)(((c & 0x1Fu) << 6) | (s[1] & 0x3Fu));
      return 2;
    }
  } else if (c >= 0xE0 && c <= 0xEF) {
    if (n >= 3 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80) {
      uint32_t v = ((c & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
      if (v >= 0x800 && (v < 0xD800 || v > 0xDFFF)) { *cp = (int32_t)v; return 3; }
    }
  } else if (c >= 0xF0 && c <= 0xF4) {
    if (n >= 4 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80 && (s[3] & 0xC0) == 0x80) {
      uint32_t v = ((c & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) | ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3Fu);
      if (v >= 0x10000 && v <= 0x10FFFF) { *cp = (int32_t)v; return 4; }
    }
  }
  *cp = -1;
  return 1;
}

/* Encode cp (0..0x10FFFF, not a surrogate) into out[0..4); returns length. */
NC_INTERNAL size_t nc_utf8_encode(uint32_t cp, unsigned char out[4]);

/* Offset of the first ill-formed byte of s[0..n), or n when all is valid. */
NC_INTERNAL size_t nc_utf8_check(const char *s, size_t n);

#endif
