/*
** normalize.c: NFC, NFKC and NFKC_Casefold of UTF-8 text. ASCII runs and
** "inert" characters (no decomposition, case folding or composition, a
** starter) are copied inline; only the runs around other characters go
** through utf8proc, starting at the starter before them.
*/
#include <string.h>

#include <utf8proc.h>

#include "words.h"

static utf8proc_option_t form_options(nc_nform form) {
  utf8proc_option_t o = (utf8proc_option_t)(UTF8PROC_STABLE | UTF8PROC_COMPOSE);
  if (form == NC_NFKC || form == NC_NFKC_CASEFOLD) o = (utf8proc_option_t)(o | UTF8PROC_COMPAT);
  if (form == NC_NFKC_CASEFOLD)
    o = (utf8proc_option_t)(o | UTF8PROC_CASEFOLD | UTF8PROC_IGNORE);
  return o;
}

/* A character that normalises to itself whatever surrounds it. */
static int inert(uint32_t cp, nc_nform form) {
  const utf8proc_property_t *p;
  if ((cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0xAC00 && cp <= 0xD7A3)) return 0; /* Hangul */
  p = utf8proc_get_property((utf8proc_int32_t)cp);
  if (p->combining_class != 0 || p->comb_index != UINT16_MAX) return 0;
  if (p->decomp_seqindex != UINT16_MAX) {
    if (form != NC_NFC || p->decomp_type == 0) return 0;   /* canonical, or compatibility under NFKC */
  }
  if (form == NC_NFKC_CASEFOLD && (p->casefold_seqindex != UINT16_MAX || p->ignorable)) return 0;
  return 1;
}

#define LANES 0x0101010101010101ull

static void put_ascii(unsigned char *o, const unsigned char *s, size_t len, int fold) {
  size_t i = 0;
  if (!fold) { memcpy(o, s, len); return; }
  for (; i + 8 <= len; i += 8) {
    uint64_t w, ge_a, gt_z;
    memcpy(&w, s + i, 8);
    ge_a = w + 0x3F * LANES;          /* high bit set where byte >= 'A' */
    gt_z = w + 0x25 * LANES;          /* high bit set where byte > 'Z' */
    w |= ((ge_a & ~gt_z) & (0x80 * LANES)) >> 2;
    memcpy(o + i, &w, 8);
  }
  for (; i < len; i++) {
    unsigned b = s[i];
    o[i] = (unsigned char)((b >= 'A' && b <= 'Z') ? b + 32 : b);
  }
}

/* Length of the ASCII run at s[0..n) */
static size_t ascii_run(const unsigned char *s, size_t n) {
  size_t i = 0;
  while (i + 8 <= n) {
    uint64_t w;
    memcpy(&w, s + i, 8);
    if (w & (0x80 * LANES)) break;
    i += 8;
  }
  while (i < n && s[i] < 0x80) i++;
  return i;
}

int nc_normalize(const char *str, size_t n, nc_nform form, nc_invalid inv, nc_vec *out,
                 size_t *bad) {
  const unsigned char *s = (const unsigned char *)str;
  utf8proc_option_t opts = form_options(form);
  int fold = form == NC_NFKC_CASEFOLD;
  size_t i = 0;
  /* the previous character when it was copied inline (a starter): its input and output offsets */
  size_t last_in = (size_t)-1, last_out = 0;
  nc_vec buf;   /* code points of a run sent to utf8proc */
  int st = NC_OK;
  if (form != NC_NFC && form != NC_NFKC && form != NC_NFKC_CASEFOLD) return NC_EINVAL;
  if (inv == NC_INVALID_ERROR) {
    size_t b = nc_utf8_check(str, n);
    if (b < n) { if (bad) *bad = b; return NC_EUTF8; }
  }
  if (nc_vec_reserve(out, n + 16) != NC_OK) return NC_ENOMEM;
  nc_vec_init(&buf, sizeof(utf8proc_int32_t));
  while (i < n) {
    unsigned char *o;
    uint32_t cp;
    int32_t c;
    size_t k, r = ascii_run(s + i, n - i);
    if (r > 0) {
      if (nc_vec_reserve(out, r) != NC_OK) { st = NC_ENOMEM; break; }
      o = (unsigned char *)out->data + out->len;
      put_ascii(o, s + i, r, fold);
      out->len += r;
      i += r;
      last_in = i - 1;
      last_out = out->len - 1;
      continue;
    }
    k = nc_utf8_decode(s + i, n - i, &c);
    if (c < 0) {   /* ill-formed byte, policy "replace" */
      static const unsigned char fffd[3] = { 0xEF, 0xBF, 0xBD };
      if ((st = nc_vec_append(out, fffd, 3)) != NC_OK) break;
      i += k;
      last_in = (size_t)-1;
      continue;
    }
    cp = (uint32_t)c;
    if (inert(cp, form)) {
      last_in = i;
      last_out = out->len;
      if (fold && cp == 0x2019) {
        if ((st = nc_vec_append(out, "'", 1)) != NC_OK) break;
      } else if ((st = nc_vec_append(out, s + i, k)) != NC_OK) {
        break;
      }
      i += k;
      continue;
    }
    {
      /* the run [a, e): the starter before, up to the next ASCII or inert character */
      size_t a = i, e = i + k, j;
      utf8proc_ssize_t m;
      utf8proc_int32_t *u;
      if (last_in != (size_t)-1) {   /* the previous character, copied inline */
        a = last_in;
        out->len = last_out;
      }
      while (e < n && s[e] >= 0x80) {
        size_t kk = nc_utf8_decode(s + e, n - e, &c);
        if (c < 0 || inert((uint32_t)c, form)) break;
        e += kk;
      }
      for (;;) {
        m = utf8proc_decompose(s + a, (utf8proc_ssize_t)(e - a), (utf8proc_int32_t *)buf.data,
                               (utf8proc_ssize_t)buf.cap, opts);
        if (m < 0) { st = m == UTF8PROC_ERROR_NOMEM ? NC_ENOMEM : NC_EINVAL; break; }
        if ((size_t)m <= buf.cap) break;
        if (nc_vec_reserve(&buf, (size_t)m) != NC_OK) { st = NC_ENOMEM; break; }
      }
      if (st != NC_OK) break;
      m = utf8proc_normalize_utf32((utf8proc_int32_t *)buf.data, m, opts);
      if (m < 0) { st = NC_EINVAL; break; }
      if (nc_vec_reserve(out, (size_t)m * 4) != NC_OK) { st = NC_ENOMEM; break; }
      u = (utf8proc_int32_t *)buf.data;
      o = (unsigned char *)out->data;
      for (j = 0; j < (size_t)m; j++) {
        uint32_t v = (uint32_t)u[j];
        if (fold && v == 0x2019) v = '\'';
        out->len += nc_utf8_encode(v, o + out->len);
      }
      i = e;
      last_in = (size_t)-1;
    }
  }
  nc_vec_free(&buf);
  return st;
}
