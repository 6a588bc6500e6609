/*
** sim_tokens.c: normalised word tokens for similarity: nc_words tokens,
** NFKC_Casefold (ASCII inline, the rest through nc_normalize), English news
** stop words, a Porter stemmer, 64-bit token hashes.
*/
#include <string.h>

#include "sim.h"
#include "words.h"

/* ---- hashing ---- */

uint64_t nc_sim_hash(const void *p, size_t n, uint64_t seed) {
  const unsigned char *s = (const unsigned char *)p;
  uint64_t h = seed ^ (0x9E3779B97F4A7C15ULL * (uint64_t)(n + 1));
  while (n >= 8) { /* little-endian words on every machine */
    uint64_t w = (uint64_t)s[0] | (uint64_t)s[1] << 8 | (uint64_t)s[2] << 16 | (uint64_t)s[3] << 24 |
                 (uint64_t)s[4] << 32 | (uint64_t)s[5] << 40 | (uint64_t)s[6] << 48 | (uint64_t)s[7] << 56;
    h = (h ^ w) * 0xff51afd7ed558ccdULL;
    h ^= h >> 29;
    s += 8; n -= 8;
  }
  if (n > 0) {
    uint64_t w = 0;
    size_t i;
    for (i = 0; i < n; i++) w |= (uint64_t)s[i] << (8 * i);
    h = (h ^ w) * 0xff51afd7ed558ccdULL;
  }
  h = nc_sim_mix(h);
  return h ? h : 1; /* 0 stays free for "empty slot" in hash tables */
}

/* eight bytes s[0..8) as a little-endian word */
static uint64_t load8(const unsigned char *s) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  uint64_t w;
  memcpy(&w, s, 8);
  return w;
#else
  return (uint64_t)s[0] | (uint64_t)s[1] << 8 | (uint64_t)s[2] << 16 | (uint64_t)s[3] << 24 |
         (uint64_t)s[4] << 32 | (uint64_t)s[5] << 40 | (uint64_t)s[6] << 48 | (uint64_t)s[7] << 56;
#endif
}

#define ONES8 0x0101010101010101ULL
#define HIGH8 0x8080808080808080ULL

/* ASCII A-Z to a-z in the eight bytes of w (bytes below 0x80; others are
   left to the caller, which checks for them) */
static uint64_t lower8(uint64_t w) {
  uint64_t x = w & ~HIGH8;
  uint64_t ge_a = x + 0x3F * ONES8;   /* high bit: byte >= 'A' */
  uint64_t gt_z = x + 0x25 * ONES8;   /* high bit: byte > 'Z' */
  return w | ((ge_a & ~gt_z & HIGH8) >> 2);
}

/*
** nc_sim_hash of the ASCII-lowercased bytes of s[0..n), eight bytes at a
** time, without a copy. Returns 0 when s holds a byte >= 0x80 (the caller
** then normalises it with utf8proc); a hash is never 0.
*/
static uint64_t hash_lower_ascii(const unsigned char *s, size_t n) {
  uint64_t h = 0 ^ (0x9E3779B97F4A7C15ULL * (uint64_t)(n + 1)), any = 0;
  while (n >= 8) {
    uint64_t w = load8(s);
    any |= w;
    h = (h ^ lower8(w)) * 0xff51afd7ed558ccdULL;
    h ^= h >> 29;
    s += 8; n -= 8;
  }
  if (n > 0) {
    uint64_t w = 0;
    size_t i;
    for (i = 0; i < n; i++) w |= (uint64_t)s[i] << (8 * i);
    any |= w;
    h = (h ^ lower8(w)) * 0xff51afd7ed558ccdULL;
  }
  if (any & HIGH8) return 0;
  h = nc_sim_mix(h);
  return h ? h : 1;
}

/* ---- stop words (English news; negations are kept: they carry meaning) ---- */

#include "sim_stop.h"

int nc_sim_is_stop(const char *w, size_t n) {
  size_t lo = 0, hi = sizeof stopwords / sizeof stopwords[0];
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    const char *x = stopwords[mid];
    size_t xn = strlen(x);
    int c = memcmp(w, x, n < xn ? n : xn);
    if (c == 0) c = (n > xn) - (n < xn);
    if (c == 0) return 1;
    if (c < 0) hi = mid; else lo = mid + 1;
  }
  return 0;
}

/* ---- Porter stemmer (M. F. Porter, 1980), on lowercase ASCII ---- */

typedef struct stemmer {
  char *b;
  int k;  /* last index of the word */
  int j;  /* a general offset */
} stemmer;

static int cons(const stemmer *z, int i) {
  switch (z->b[i]) {
    case 'a': case 'e': case 'i': case 'o': case 'u': return 0;
    case 'y': return i == 0 ? 1 : !cons(z, i - 1);
    default: return 1;
  }
}

/* number of consonant-vowel sequences in b[0..j] */
static int measure(const stemmer *z) {
  int n = 0, i = 0, j = z->j;
  for (;;) {
    if (i > j) return n;
    if (!cons(z, i)) break;
    i++;
  }
  i++;
  for (;;) {
    for (;;) {
      if (i > j) return n;
      if (cons(z, i)) break;
      i++;
    }
    i++;
    n++;
    for (;;) {
      if (i > j) return n;
      if (!cons(z, i)) break;
      i++;
    }
    i++;
  }
}

static int vowelinstem(const stemmer *z) {
  int i;
  for (i = 0; i <= z->j; i++) if (!cons(z, i)) return 1;
  return 0;
}

static int doublec(const stemmer *z, int j) {
  if (j < 1 || z->b[j] != z->b[j - 1]) return 0;
  return cons(z, j);
}

static int cvc(const stemmer *z, int i) {
  int ch;
  if (i < 2 || !cons(z, i) || cons(z, i - 1) || !cons(z, i - 2)) return 0;
  ch = z->b[i];
  if (ch == 'w' || ch == 'x' || ch == 'y') return 0;
  return 1;
}

static int ends(stemmer *z, const char *s) {
  int len = (int)strlen(s);
  if (len > z->k + 1) return 0;
  if (memcmp(z->b + z->k - len + 1, s, (size_t)len) != 0) return 0;
  z->j = z->k - len;
  return 1;
}

static void setto(stemmer *z, const char *s) {
  int len = (int)strlen(s);
  memcpy(z->b + z->j + 1, s, (size_t)len);
  z->k = z->j + len;
}

static void r(stemmer *z, const char *s) { if (measure(z) > 0) setto(z, s); }

static void step1ab(stemmer *z) {
  if (z->b[z->k] == 's') {
    if (ends(z, "sses")) z->k -= 2;
    else if (ends(z, "ies")) setto(z, "i");
    else if (z->k >= 1 && z->b[z->k - 1] != 's') z->k--;
  }
  if (ends(z, "eed")) {
    if (measure(z) > 0) z->k--;
  } else if ((ends(z, "ed") || ends(z, "ing")) && vowelinstem(z)) {
    z->k = z->j;
    if (ends(z, "at")) setto(z, "ate");
    else if (ends(z, "bl")) setto(z, "ble");
    else if (ends(z, "iz")) setto(z, "ize");
    else if (doublec(z, z->k)) {
      int ch = z->b[z->k];
      z->k--;
      if (ch == 'l' || ch == 's' || ch == 'z') z->k++;
    } else if (measure(z) == 1 && cvc(z, z->k)) {
      z->j = z->k;
      setto(z, "e");
    }
  }
}

static void step1c(stemmer *z) {
  if (ends(z, "y") && vowelinstem(z)) z->b[z->k] = 'i';
}

static void step2(stemmer *z) {
  if (z->k < 1) return;
  switch (z->b[z->k - 1]) {
    case 'a':
      if (ends(z, "ational")) { r(z, "ate"); break; }
      if (ends(z, "tional")) { r(z, "tion"); break; }
      break;
    case 'c':
      if (ends(z, "enci")) { r(z, "ence"); break; }
      if (ends(z, "anci")) { r(z, "ance"); break; }
      break;
    case 'e':
      if (ends(z, "izer")) { r(z, "ize"); break; }
      break;
    case 'l':
      if (ends(z, "bli")) { r(z, "ble"); break; }
      if (ends(z, "alli")) { r(z, "al"); break; }
      if (ends(z, "entli")) { r(z, "ent"); break; }
      if (ends(z, "eli")) { r(z, "e"); break; }
      if (ends(z, "ousli")) { r(z, "ous"); break; }
      break;
    case 'o':
      if (ends(z, "ization")) { r(z, "ize"); break; }
      if (ends(z, "ation")) { r(z, "ate"); break; }
      if (ends(z, "ator")) { r(z, "ate"); break; }
      break;
    case 's':
      if (ends(z, "alism")) { r(z, "al"); break; }
      if (ends(z, "iveness")) { r(z, "ive"); break; }
      if (ends(z, "fulness")) { r(z, "ful"); break; }
      if (ends(z, "ousness")) { r(z, "ous"); break; }
      break;
    case 't':
      if (ends(z, "aliti")) { r(z, "al"); break; }
      if (ends(z, "iviti")) { r(z, "ive"); break; }
      if (ends(z, "biliti")) { r(z, "ble"); break; }
      break;
    case 'g':
      if (ends(z, "logi")) { r(z, "log"); break; }
      break;
    default: break;
  }
}

static void step3(stemmer *z) {
  switch (z->b[z->k]) {
    case 'e':
      if (ends(z, "icate")) { r(z, "ic"); break; }
      if (ends(z, "ative")) { r(z, ""); break; }
      if (ends(z, "alize")) { r(z, "al"); break; }
      break;
    case 'i':
      if (ends(z, "iciti")) { r(z, "ic"); break; }
      break;
    case 'l':
      if (ends(z, "ical")) { r(z, "ic"); break; }
      if (ends(z, "ful")) { r(z, ""); break; }
      break;
    case 's':
      if (ends(z, "ness")) { r(z, ""); break; }
      break;
    default: break;
  }
}

static void step4(stemmer *z) {
  if (z->k < 1) return;
  switch (z->b[z->k - 1]) {
    case 'a': if (ends(z, "al")) break; return;
    case 'c': if (ends(z, "ance")) break; if (ends(z, "ence")) break; return;
    case 'e': if (ends(z, "er")) break; return;
    case 'i': if (ends(z, "ic")) break; return;
    case 'l': if (ends(z, "able")) break; if (ends(z, "ible")) break; return;
    case 'n':
      if (ends(z, "ant")) break;
      if (ends(z, "ement")) break;
      if (ends(z, "ment")) break;
      if (ends(z, "ent")) break;
      return;
    case 'o':
      if (ends(z, "ion") && z->j >= 0 && (z->b[z->j] == 's' || z->b[z->j] == 't')) break;
      if (ends(z, "ou")) break;
      return;
    case 's': if (ends(z, "ism")) break; return;
    case 't': if (ends(z, "ate")) break; if (ends(z, "iti")) break; return;
    case 'u': if (ends(z, "ous")) break; return;
    case 'v': if (ends(z, "ive")) break; return;
    case 'z': if (ends(z, "ize")) break; return;
    default: return;
  }
  if (measure(z) > 1) z->k = z->j;
}

static void step5(stemmer *z) {
  z->j = z->k;
  if (z->b[z->k] == 'e') {
    int a = measure(z);
    if (a > 1 || (a == 1 && !cvc(z, z->k - 1))) z->k--;
  }
  if (z->b[z->k] == 'l' && doublec(z, z->k) && measure(z) > 1) z->k--;
}

size_t nc_sim_stem(char *w, size_t n) {
  stemmer z;
  size_t i;
  /* possessive: Moscow's -> moscow, Moscows' -> moscows */
  if (n >= 3 && w[n - 2] == '\'' && w[n - 1] == 's') n -= 2;
  else if (n >= 2 && w[n - 1] == '\'') n -= 1;
  if (n <= 2 || n > 64) return n;
  for (i = 0; i < n; i++) if (w[i] < 'a' || w[i] > 'z') return n;
  z.b = w;
  z.k = (int)n - 1;
  z.j = 0;
  step1ab(&z);
  if (z.k > 0) {
    step1c(&z); step2(&z); step3(&z); step4(&z); step5(&z);
  }
  return (size_t)z.k + 1;
}

/* ---- tokens ---- */

void nc_sim_scratch_init(nc_sim_scratch *sc) {
  nc_vec_init(&sc->words, sizeof(nc_token));
  nc_vec_init(&sc->norm, 1);
}

void nc_sim_scratch_free(nc_sim_scratch *sc) {
  nc_vec_free(&sc->words);
  nc_vec_free(&sc->norm);
}

/* Normalise s[0..n) into sc->norm; stop words and stemming; hash. */
static int norm1(const char *s, size_t n, const nc_topts *o, nc_sim_scratch *sc,
                 uint64_t *h, int *keep, size_t *bad) {
  size_t i, len;
  char *w;
  int ascii = 1;
  sc->norm.len = 0;
  if (!o->stop && !o->stem && n > 0) { /* the common case: ASCII, no copy */
    uint64_t x = hash_lower_ascii((const unsigned char *)s, n);
    if (x) { *h = x; *keep = 1; return NC_OK; }
  }
  for (i = 0; i < n; i++) if ((unsigned char)s[i] >= 0x80) { ascii = 0; break; }
  if (ascii) {
    if (nc_vec_reserve(&sc->norm, n) != NC_OK) return NC_ENOMEM;
    w = (char *)sc->norm.data;
    for (i = 0; i < n; i++) {
      char c = s[i];
      w[i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
    }
    sc->norm.len = n;
  } else {
    int st = nc_normalize(s, n, NC_NFKC_CASEFOLD, o->inv, &sc->norm, bad);
    if (st != NC_OK) return st;
  }
  w = (char *)sc->norm.data;
  len = sc->norm.len;
  if (len == 0 || (o->stop && nc_sim_is_stop(w, len))) { *keep = 0; return NC_OK; }
  if (o->stem) len = nc_sim_stem(w, len);
  sc->norm.len = len;
  *h = nc_sim_hash(w, len, 0);
  *keep = 1;
  return NC_OK;
}

int nc_sim_token1(const char *s, size_t n, const nc_topts *o, nc_sim_scratch *sc,
                  uint64_t *h, int *keep, size_t *bad) {
  if (o->inv == NC_INVALID_ERROR) {
    size_t off = nc_utf8_check(s, n);
    if (off < n) { *bad = off; return NC_EUTF8; }
  }
  return norm1(s, n, o, sc, h, keep, bad);
}

int nc_sim_tokens(const char *s, size_t n, const nc_topts *o, nc_sim_scratch *sc,
                  nc_vec *out, size_t *bad) {
  size_t i, nw;
  int st;
  sc->words.len = 0;
  st = nc_words(s, n, o->inv, &sc->words, bad);
  if (st != NC_OK) return st;
  nw = sc->words.len;
  if (nc_vec_reserve(out, nw) != NC_OK) return NC_ENOMEM;
  for (i = 0; i < nw; i++) {
    const nc_token *t = &NC_VEC_AT(&sc->words, nc_token, i);
    uint64_t h = 0;
    int keep = 0;
    nc_stok *x;
    size_t b2 = 0;
    /* the text was checked by nc_words: replace is safe for the token */
    nc_topts o2 = *o;
    o2.inv = NC_INVALID_REPLACE;
    st = norm1(s + t->start, t->end - t->start, &o2, sc, &h, &keep, &b2);
    if (st != NC_OK) return st;
    if (!keep) continue;
    x = &NC_VEC_AT(out, nc_stok, out->len++);
    x->start = t->start;
    x->end = t->end;
    x->h = h;
  }
  return NC_OK;
}
