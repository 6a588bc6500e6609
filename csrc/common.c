/*
** common.c: growable arrays and UTF-8 helpers of the engine.
*/
#include <stdlib.h>
#include <string.h>

#include "nc_common.h"

void nc_vec_init(nc_vec *v, size_t elsize) {
  v->data = NULL;
  v->len = v->cap = 0;
  v->size = elsize;
}

int nc_vec_reserve(nc_vec *v, size_t extra) {
  size_t need, ncap;
  void *p;
  if (extra <= v->cap - v->len) return NC_OK;
  if (v->len > SIZE_MAX - extra) return NC_ENOMEM;
  need = v->len + extra;
  ncap = v->cap ? v->cap : 16;
  while (ncap < need) {
    if (ncap > SIZE_MAX / 2) { ncap = need; break; }
    ncap *= 2;
  }
  if (ncap > SIZE_MAX / v->size) return NC_ENOMEM;
  p = realloc(v->data, ncap * v->size);
  if (p == NULL) return NC_ENOMEM;
  v->data = p;
  v->cap = ncap;
  return NC_OK;
}

void *nc_vec_push(nc_vec *v) {
  char *el;
  if (nc_vec_reserve(v, 1) != NC_OK) return NULL;
  el = (char *)v->data + v->len * v->size;
  memset(el, 0, v->size);
  v->len++;
  return el;
}

int nc_vec_append(nc_vec *v, const void *p, size_t n) {
  if (n == 0) return NC_OK;
  if (nc_vec_reserve(v, n) != NC_OK) return NC_ENOMEM;
  memcpy((char *)v->data + v->len * v->size, p, n * v->size);
  v->len += n;
  return NC_OK;
}

void nc_vec_free(nc_vec *v) {
  free(v->data);
  v->data = NULL;
  v->len = v->cap = 0;
}

size_t nc_utf8_encode(uint32_t cp, unsigned char out[4]) {
  if (cp < 0x80) { out[0] = (unsigned char)cp; return 1; }
  if (cp < 0x800) {
    out[0] = (unsigned char)(0xC0 | (cp >> 6));
    out[1] = (unsigned char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = (unsigned char)(0xE0 | (cp >> 12));
    out[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    out[2] = (unsigned char)(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = (unsigned char)(0xF0 | (cp >> 18));
  out[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
  out[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
  out[3] = (unsigned char)(0x80 | (cp & 0x3F));
  return 4;
}

size_t nc_utf8_check(const char *s, size_t n) {
  const unsigned char *p = (const unsigned char *)s;
  size_t i = 0;
  while (i < n) {
    int32_t cp;
    size_t k;
    /* ASCII fast path, 8 bytes at a time */
    while (i + 8 <= n) {
      uint64_t w;
      memcpy(&w, p + i, 8);
      if (w & 0x8080808080808080ull) break;
      i += 8;
    }
    if (i >= n) break;
    if (p[i] < 0x80) { i++; continue; }
    k = nc_utf8_decode(p + i, n - i, &cp);
    if (cp < 0) return i;
    i += k;
  }
  return n;
}
