/*
** figures.c: the byte scanner and the figure reader (see figures.h).
**
** One left-to-right pass. A ring of the last tokens gives the hedge before a
** number; a bounded look-ahead (at most LA_MAX tokens) reads the number, its
** scale, a range, a percent sign and the unit after it. After a figure the
** pass resumes behind it, so the work is linear in the input.
*/
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "figures.h"

/* ------------------------------------------------------------------ */
/* scanner                                                             */

/* byte classes: 0 ASCII punctuation, 1 letter, 2 digit, 3 space, 4 line feed, 5 non-ASCII */
static const unsigned char CLS[256] = {
  3, 0, 0, 0, 0, 0, 0, 0, 0, 3, 4, 3, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0, 0,
  0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
  0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
  5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5,
  5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5,
  5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5,
  5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5,
};

static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static int is_alpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

/* Length of a space character at p (0 if none); *nl set for line breaks. */
static size_t space_len(const unsigned char *p, size_t left, int *nl) {
  unsigned c = p[0];
  if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' || c == 0) return 1;
  if (c == '\n') { *nl = 1; return 1; }
  if (c == 0xC2 && left >= 2 && p[1] == 0xA0) return 2;                 /* NBSP */
  if (c == 0xE2 && left >= 3 && p[1] == 0x80 &&
      ((p[2] >= 0x80 && p[2] <= 0x8A) || p[2] == 0xAF)) return 3;       /* U+2000..200A, 202F */
  if (c == 0xE2 && left >= 3 && p[1] == 0x80 && (p[2] == 0xA8 || p[2] == 0xA9)) {
    *nl = 1; return 3;                                                  /* LS, PS */
  }
  return 0;
}

/* Length of a known non-ASCII punctuation character at p (0 if none). */
static size_t upunct_len(const unsigned char *p, size_t left, char *code) {
  if (p[0] == 0xE2 && left >= 3) {
    if (p[1] == 0x80) {
      switch (p[2]) {
        case 0x90: case 0x91: case 0x92: case 0x93: *code = '-'; return 3; /* hyphens, en dash */
        case 0x94: case 0x95: *code = 'M'; return 3;                       /* em dash, bar */
        case 0x98: case 0x99: case 0x9B: *code = '\''; return 3;
        case 0x9C: case 0x9D: case 0x9F: *code = '"'; return 3;
        case 0xA2: case 0xA6: *code = '.'; return 3;                       /* bullet, ellipsis */
        default: return 0;
      }
    }
    if (p[1] == 0x82 && p[2] == 0xAC) { *code = 'E'; return 3; }        /* euro */
    if (p[1] == 0x88 && p[2] == 0x92) { *code = '-'; return 3; }        /* minus */
    return 0;
  }
  if (p[0] == 0xC2 && left >= 2) {
    if (p[1] == 0xA3) { *code = 'L'; return 2; }                        /* pound */
    if (p[1] == 0xA5) { *code = 'Y'; return 2; }                        /* yen */
    if (p[1] == 0xAB || p[1] == 0xBB) { *code = '"'; return 2; }        /* guillemets */
    if (p[1] == 0xB7 || p[1] == 0xB0) { *code = '.'; return 2; }
  }
  return 0;
}

static int is_word_byte(const unsigned char *p, size_t left) {
  int nl;
  char code;
  if (p[0] < 0x80) return is_alpha(p[0]);
  return space_len(p, left, &nl) == 0 && upunct_len(p, left, &code) == 0;
}

static int url_start(const unsigned char *p, size_t left) {
  static const char *const pre[] = { "http://", "https://", "www." };
  size_t k;
  for (k = 0; k < 3; k++) {
    size_t m = strlen(pre[k]), j;
    if (left < m) continue;
    for (j = 0; j < m; j++)
      if ((p[j] | (is_alpha(p[j]) ? 0x20 : 0)) != (unsigned char)pre[k][j]) break;
    if (j == m) return 1;
  }
  return 0;
}

size_t nc_ftok_next(const char *s, size_t n, size_t pos, nc_ftok *t) {
  const unsigned char *u = (const unsigned char *)s;
  size_t i = pos, l;
  int nl = 0;
  char code = 0;
  t->gap = (pos == 0);
  t->nl = 0;
  t->punct = 0;
  while (i < n) {
    unsigned k = CLS[u[i]];
    if (k == 3) { i++; t->gap = 1; }
    else if (k == 4) { i++; t->gap = 1; nl = 1; }
    else if (k == 5 && (l = space_len(u + i, n - i, &nl)) > 0) { i += l; t->gap = 1; }
    else break;
  }
  t->nl = (unsigned char)nl;
  t->start = i;
  if (i >= n) { t->type = NC_FT_END; t->end = n; return n; }
  if (is_digit(u[i])) {
    i++;
    while (i < n) {
      if (is_digit(u[i])) i++;
      else if ((u[i] == ',' || u[i] == '.') && i + 1 < n && is_digit(u[i + 1])) i += 2;
      else break;
    }
    t->type = NC_FT_NUM;
  } else if (u[i] < 0x80 && !is_alpha(u[i])) {
    t->type = NC_FT_PUNCT;
    t->punct = (char)u[i];
    i++;
  } else if ((l = upunct_len(u + i, n - i, &code)) > 0) {
    t->type = NC_FT_PUNCT;
    t->punct = code;
    i += l;
  } else if (((u[i] | 0x20) == 'h' || (u[i] | 0x20) == 'w') && url_start(u + i, n - i)) {
    while (i < n && space_len(u + i, n - i, &nl) == 0 && u[i] != '<' && u[i] != '>' &&
           u[i] != '"' && u[i] != ')' && u[i] != ']') i++;
    t->type = NC_FT_URL;
  } else {
    /* a word: letters and other bytes, inner apostrophes */
    while (i < n) {
      if (CLS[u[i]] == 1) { i++; continue; }
      if (is_word_byte(u + i, n - i)) {
        i++;
        while (i < n && (u[i] & 0xC0) == 0x80) i++;   /* the rest of the character */
      } else if (u[i] == '\'' && i + 1 < n && is_word_byte(u + i + 1, n - i - 1)) {
        i++;
      } else if (i + 3 < n && u[i] == 0xE2 && u[i + 1] == 0x80 && u[i + 2] == 0x99 &&
                 is_word_byte(u + i + 3, n - i - 3)) {
        i += 3;
      } else {
        break;
      }
    }
    t->type = NC_FT_WORD;
  }
  t->end = i;
  return i;
}

int nc_ftok_is(const char *s, const nc_ftok *t, const char *w) {
  size_t k, len = t->end - t->start;
  for (k = 0; k < len; k++) {
    unsigned char c = (unsigned char)s[t->start + k];
    if (w[k] == 0) return 0;
    if (c >= 'A' && c <= 'Z') c = (unsigned char)(c | 0x20);
    if (c != (unsigned char)w[k]) return 0;
  }
  return w[len] == 0;
}

size_t nc_fscan_next(const char *s, size_t n, size_t i, const uint32_t mask[26][16],
                     int currency) {
  const unsigned char *u = (const unsigned char *)s;
  while (i < n) {
    unsigned c = u[i], k = CLS[c];
    if (k == 3 || k == 4) { i++; continue; }
    if (k == 2) return i;
    if (k == 1) {
      size_t j = i + 1, len;
      unsigned a, z;
      while (j < n && CLS[u[j]] == 1) j++;
      len = j - i;
      a = (c | 0x20u) - 'a';
      z = (u[j - 1] | 0x20u) - 'a';
      if (len < 16 && ((mask[a][len] >> z) & 1u)) return i;
      i = j;
      continue;
    }
    if (currency) {
      if (c == '$') return i;
      if (c == 0xC2 && i + 1 < n && (u[i + 1] == 0xA3 || u[i + 1] == 0xA5)) return i;
      if (c == 0xE2 && i + 2 < n && u[i + 1] == 0x82 && u[i + 2] == 0xAC) return i;
    }
    i++;
  }
  return n;
}

size_t nc_fscan_restart(const char *s, size_t tokpos, size_t c, size_t window) {
  size_t i;
  if (c - tokpos <= window) return tokpos;
  for (i = c - window; i < c; i++)
    if (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r') return i;
  return tokpos;
}

int nc_ftok_mask_ok(const char *s, const nc_ftok *t, const uint32_t mask[26][16]) {
  size_t len = t->end - t->start;
  unsigned a, z;
  if (len == 0 || len >= 16) return 0;
  a = ((unsigned char)s[t->start] | 0x20u) - 'a';
  z = ((unsigned char)s[t->end - 1] | 0x20u) - 'a';
  if (a >= 26 || z >= 26) return 0;
  return (mask[a][len] >> z) & 1u;
}

int nc_ftok_in_sorted(const char *s, const nc_ftok *t, const char *const *tab, size_t ntab) {
  char key[16];
  size_t len = t->end - t->start, k, lo = 0, hi = ntab;
  if (t->type != NC_FT_WORD || len == 0 || len >= sizeof key) return 0;
  for (k = 0; k < len; k++) {
    unsigned char c = (unsigned char)s[t->start + k];
    if (c >= 0x80) return 0;
    key[k] = (char)((c >= 'A' && c <= 'Z') ? (c | 0x20) : c);
  }
  key[len] = 0;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    int c = strcmp(key, tab[mid]);
    if (c == 0) return 1;
    if (c < 0) hi = mid; else lo = mid + 1;
  }
  return 0;
}

/* index+1 of the token in a NULL-terminated list, or 0 */
static int tok_in(const char *s, const nc_ftok *t, const char *const *list) {
  int k;
  char c0;
  if (t->type != NC_FT_WORD) return 0;
  c0 = s[t->start];
  if (c0 >= 'A' && c0 <= 'Z') c0 = (char)(c0 | 0x20);
  for (k = 0; list[k]; k++)
    if (list[k][0] == c0 && nc_ftok_is(s, t, list[k])) return k + 1;
  return 0;
}

/* ------------------------------------------------------------------ */
/* word lists                                                          */

static const char *const SMALL[] = {
  "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
  "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
  "eighteen", "nineteen", NULL };
static const char *const TENS[] = {
  "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", NULL };
static const char *const SCALES[] = {
  "hundred", "thousand", "million", "billion", "trillion", "mln", "bln", "bn", "tn", "trn", NULL };
static const double SCALEV[] = { 1e2, 1e3, 1e6, 1e9, 1e12, 1e6, 1e9, 1e9, 1e12, 1e12 };
static const char *const ORDW[] = {
  "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
  "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
  "seventeenth", "eighteenth", "nineteenth", "twentieth", NULL };
static const char *const MONTHS[] = {
  "january", "february", "march", "april", "may", "june", "july", "august", "september",
  "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
  "sep", "sept", "oct", "nov", "dec", NULL };
static const char *const STOP[] = {
  "a", "an", "the", "of", "in", "on", "at", "to", "from", "by", "for", "with", "and", "or",
  "but", "who", "whom", "which", "that", "were", "was", "have", "had", "has", "is", "are",
  "be", "been", "as", "than", "said", "says", "more", "less", "its", "their", "his", "her",
  "this", "these", "those", "per", "across", "since", "after", "before", "during", "while",
  "when", "until", "into", "over", "under", "according", "including", "also", "all",
  "each", "about", "some", "most", "mostly", "other", "others", "such", "plus", "among",
  "between", "against", "within", "without", "around", "near", "via", "up", "down", "out",
  "percent", "cent", "ago", "old", "we", "they", "it", "he", "she", "there", "here",
  "yes", "thus", "always", "perhaps", "unless", "whereas", "besides", "towards",
  "times", "does", "do", "did", "not", "no", "so", "if", "then", "than", "can", "could",
  "will", "would", "may", "might", "must", "should", "shall", "only", "just", "ever",
  "never", "still", "now", NULL };
static const char *const IRREG[] = {
  "people", "children", "men", "women", "police", "dead", "staff", "personnel",
  "cattle", "sheep", "fish", "aircraft", "feet", "teeth", "geese", "mice", "youth",
  "wounded", "injured", "missing", "homeless", "displaced", "elderly", NULL };
static const char *const AFTERADJ[] = {
  "dead", "wounded", "injured", "missing", "killed", "displaced", "homeless", "elderly", NULL };
static const char *const SINGULAR[] = {
  "person", "child", "man", "woman", NULL };
/* count nouns that make a 4-digit number a count rather than a year */
static const char *const COUNTNOUN[] = {
  "people", "persons", "deaths", "dead", "children", "civilians", "soldiers", "troops",
  "residents", "homes", "houses", "families", "militants", "workers", "students",
  "cases", "votes", "jobs", "refugees", "migrants", "victims", "patients", "members",
  "employees", "protesters", "prisoners", "hostages", "fighters", "buildings", "cars",
  "vehicles", "tonnes", "tons", "km", "miles", "kilometres", "kilometers", "meters",
  "metres", "feet", "acres", "hectares", "units", "lives", "individuals", "women", "men",
  "dollars", "euros", "pounds", "points", "percent", "times", NULL };
static const char *const DECADES[] = {
  "twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties",
  "nineties", NULL };
/* measure words: singular, plural literal */
static const char *const MEASURE[] = {
  "second", "minute", "hour", "day", "week", "month", "year", "decade", "century",
  "mile", "kilometre", "kilometer", "km", "metre", "meter", "foot", "kg", "kilogram",
  "tonne", "ton", "acre", "hectare", "storey", "story", "point", "lane", "member",
  "seat", "bed", "page", "game", "match", "man", "person", "nation", "party", NULL };
static const char *const MEASUREP[] = {
  "seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades", "centuries",
  "miles", "kilometres", "kilometers", "km", "metres", "meters", "feet", "kg", "kilograms",
  "tonnes", "tons", "acres", "hectares", "storeys", "stories", "points", "lanes", "members",
  "seats", "beds", "pages", "games", "matches", "men", "people", "nations", "parties", NULL };
/* measure units glued to digits: 5km, 10kg */
static const char *const GLUED[] = {
  "km", "kg", "mm", "cm", "mph", "kph", "ft", "mw", "gw", "kw", "lb", "lbs", "sq", NULL };
static const char *const CURWORD[] = {
  "dollars", "dollar", "euros", "euro", "pounds", "rubles", "roubles", "ruble", "rouble",
  "yuan", "shekels", "rupees", "yen", "francs", "dinars", "hryvnias", "lira", NULL };
static const char *const CURLIT[] = {
  "dollars", "dollars", "euros", "euros", "pounds", "rubles", "rubles", "rubles", "rubles",
  "yuan", "shekels", "rupees", "yen", "francs", "dinars", "hryvnias", "lira" };

/* hedges, as sequences of words, longest first within a family */
typedef struct hedge_def { const char *name; const char *w[4]; int cls; } hedge_def;
static const hedge_def HEDGES[] = {
  { "no fewer than", { "no", "fewer", "than", NULL }, NC_H_MORE },
  { "no less than", { "no", "less", "than", NULL }, NC_H_MORE },
  { "not less than", { "not", "less", "than", NULL }, NC_H_MORE },
  { "no more than", { "no", "more", "than", NULL }, NC_H_LESS },
  { "not more than", { "not", "more", "than", NULL }, NC_H_LESS },
  { "slightly more than", { "slightly", "more", "than", NULL }, NC_H_JUSTOVER },
  { "slightly less than", { "slightly", "less", "than", NULL }, NC_H_NEARLY },
  { "a little over", { "a", "little", "over", NULL }, NC_H_JUSTOVER },
  { "a little more than", { "a", "little", "more", "than" }, NC_H_JUSTOVER },
  { "a minimum of", { "a", "minimum", "of", NULL }, NC_H_MORE },
  { "a maximum of", { "a", "maximum", "of", NULL }, NC_H_LESS },
  { "in excess of", { "in", "excess", "of", NULL }, NC_H_MORE },
  { "as many as", { "as", "many", "as", NULL }, NC_H_LESS },
  { "as much as", { "as", "much", "as", NULL }, NC_H_LESS },
  { "as few as", { "as", "few", "as", NULL }, NC_H_MORE },
  { "as little as", { "as", "little", "as", NULL }, NC_H_MORE },
  { "just short of", { "just", "short", "of", NULL }, NC_H_NEARLY },
  { "just shy of", { "just", "shy", "of", NULL }, NC_H_NEARLY },
  { "more than", { "more", "than", NULL }, NC_H_MORE },
  { "greater than", { "greater", "than", NULL }, NC_H_MORE },
  { "at least", { "at", "least", NULL }, NC_H_MORE },
  { "upwards of", { "upwards", "of", NULL }, NC_H_MORE },
  { "well over", { "well", "over", NULL }, NC_H_MORE },
  { "well above", { "well", "above", NULL }, NC_H_MORE },
  { "just over", { "just", "over", NULL }, NC_H_JUSTOVER },
  { "just above", { "just", "above", NULL }, NC_H_JUSTOVER },
  { "just under", { "just", "under", NULL }, NC_H_NEARLY },
  { "just below", { "just", "below", NULL }, NC_H_NEARLY },
  { "close to", { "close", "to", NULL }, NC_H_NEARLY },
  { "an estimated", { "an", "estimated", NULL }, NC_H_ABOUT },
  { "up to", { "up", "to", NULL }, NC_H_LESS },
  { "at most", { "at", "most", NULL }, NC_H_LESS },
  { "fewer than", { "fewer", "than", NULL }, NC_H_LESS },
  { "less than", { "less", "than", NULL }, NC_H_LESS },
  { "over", { "over", NULL }, NC_H_MORE },
  { "above", { "above", NULL }, NC_H_MORE },
  { "exceeding", { "exceeding", NULL }, NC_H_MORE },
  { "nearly", { "nearly", NULL }, NC_H_NEARLY },
  { "almost", { "almost", NULL }, NC_H_NEARLY },
  { "approaching", { "approaching", NULL }, NC_H_NEARLY },
  { "about", { "about", NULL }, NC_H_ABOUT },
  { "approximately", { "approximately", NULL }, NC_H_ABOUT },
  { "approx", { "approx", NULL }, NC_H_ABOUT },
  { "around", { "around", NULL }, NC_H_ABOUT },
  { "roughly", { "roughly", NULL }, NC_H_ABOUT },
  { "some", { "some", NULL }, NC_H_ABOUT },
  { "estimated", { "estimated", NULL }, NC_H_ABOUT },
  { "circa", { "circa", NULL }, NC_H_ABOUT },
  { "under", { "under", NULL }, NC_H_LESS },
  { "below", { "below", NULL }, NC_H_LESS },
  { "exactly", { "exactly", NULL }, NC_H_EXACT },
  { "precisely", { "precisely", NULL }, NC_H_EXACT },
  { NULL, { NULL }, 0 }
};

/* names kept for hedges that are not phrases before a number */
static const char *const H_NONE = "none";
static const char *const H_BETWEEN = "between";
static const char *const H_RANGE = "range";

int nc_hedge_class(const char *hedge) {
  int k;
  static const char *const vague[] = {
    "dozens", "scores", "hundreds", "thousands", "tens of thousands", "hundreds of thousands",
    "millions", "tens of millions", "hundreds of millions", "billions", "several", "a few",
    "a handful", "a couple", NULL };
  if (hedge == NULL) return NC_H_NONE;
  for (k = 0; HEDGES[k].name; k++)
    if (strcmp(HEDGES[k].name, hedge) == 0) return HEDGES[k].cls;
  if (strcmp(hedge, H_BETWEEN) == 0 || strcmp(hedge, H_RANGE) == 0) return NC_H_RANGE;
  for (k = 0; vague[k]; k++)
    if (strcmp(vague[k], hedge) == 0) return NC_H_VAGUE;
  return NC_H_NONE;
}

const char *nc_fkind_name(int kind) {
  switch (kind) {
    case NC_FK_PERCENT: return "percent";
    case NC_FK_MONEY: return "money";
    case NC_FK_AGE: return "age";
    case NC_FK_ORDINAL: return "ordinal";
    case NC_FK_MEASURE: return "measure";
    default: return "count";
  }
}

/* words that can start a figure (sorted, for the fast gate) */
static const char *const FIG_TRIGGERS[] = {
  "a", "an", "billions", "c", "dozens", "eight", "eighteen", "eighteenth", "eighth", "eighty",
  "eleven", "eleventh", "fifteen", "fifteenth", "fifth", "fifty", "first", "five", "forty",
  "four", "fourteen", "fourteenth", "fourth", "half", "hk", "hundreds", "millions", "nine",
  "nineteen", "nineteenth", "ninety", "ninth", "one", "scores", "second", "seven",
  "seventeen", "seventeenth", "seventh", "seventy", "several", "six", "sixteen", "sixteenth",
  "sixth", "sixty", "ten", "tens", "tenth", "third", "thirteen", "thirteenth", "thirty",
  "thousands", "three", "twelfth", "twelve", "twentieth", "twenty", "two", "us", "zero",
};
/* first letter, length, last letter of the FIG_TRIGGERS */
static const uint32_t FIG_MASK[26][16] = {
  { 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0 },
  { 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x2000, 0x40000, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0 },
  { 0x0, 0x4, 0x0, 0x0, 0x0, 0x0, 0x10, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0 },
  { 0x0, 0x0, 0x0, 0x0, 0x0, 0x2000, 0x40000, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0 },
  { 0x0, 0x0, 0x0, 0x0, 0x0, 0x80000, 0x1002080, 0x0, 0x2080, 0x0, 0x80, 0x0, 0x0, 0x0, 0x0, 0x0 },
  { 0x0, 0x0, 0x0, 0x400000, 0x20010, 0x1080080, 0x80, 0x2000, 0x2000, 0x80, 0x80, 0x0, 0x0, 0x0, 0x0, 0x0 },
  { 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0 },
  { 0x0, 0x0, 0x400, 0x0, 0x20, 0x0, 0x0, 0x808, 0x40000, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0 },
  { 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0 },
  { 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0 },
  { 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0 },
  { 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0 },
  { 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x2000, 0x40000, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0 },
  { 0x0, 0x0, 0x0, 0x0, 0x10, 0x80, 0x1000000, 0x0, 0x2000, 0x0, 0x80, 0x0, 0x0, 0x0, 0x0, 0x0 },
  { 0x0, 0x0, 0x0, 0x10, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0 },
  { 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0 },
  { 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0 },
  { 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0 },
  { 0x0, 0x0, 0x0, 0x800000, 0x0, 0x1002080, 0x40008, 0x1002880, 0x0, 0x2080, 0x0, 0x80, 0x0, 0x0, 0x0, 0x0 },
  { 0x0, 0x0, 0x0, 0x6000, 0x40000, 0x98, 0x1000010, 0x80, 0x2008, 0x40080, 0x80, 0x0, 0x0, 0x0, 0x0, 0x0 },
  { 0x0, 0x0, 0x40000, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0 },
  { 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0 },
  { 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0 },
  { 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0 },
  { 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0 },
  { 0x0, 0x0, 0x0, 0x0, 0x4000, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0 },
};
/* words after "a" / "an" that make a figure */
static const char *const AFTER_A[] = {
  "billion", "couple", "dozen", "few", "handful", "hundred", "million", "thousand", "trillion",
};

/* ------------------------------------------------------------------ */
/* reader state                                                        */

#define HIST 8
#define LA_MAX 32

typedef struct reader {
  nc_ftwin w;          /* the token window */
  size_t floor;         /* end of the last figure: no hedge reaches before it */
} reader;

/* look-ahead token i (NC_FT_END beyond the text or the window) */
static const nc_ftok *LA(reader *r, int i) { return nc_ftwin_la(&r->w, i); }

/* history token k back (1 = the token just before la[0]); NULL if none */
static const nc_ftok *H(const reader *r, size_t k) { return nc_ftwin_hist(&r->w, k); }

/* move the first `k` look-ahead tokens to the history */
static void consume(reader *r, int k) { nc_ftwin_consume(&r->w, k); }

static int is_w(reader *r, int i, const char *w) {
  const nc_ftok *t = LA(r, i);
  return t->type == NC_FT_WORD && nc_ftok_is(r->w.s, t, w);
}
static int is_p(reader *r, int i, char c) {
  const nc_ftok *t = LA(r, i);
  return t->type == NC_FT_PUNCT && t->punct == c;
}
static int in_l(reader *r, int i, const char *const *list) { return tok_in(r->w.s, LA(r, i), list); }
static int h_w(const reader *r, size_t k, const char *w) {
  const nc_ftok *t = H(r, k);
  return t && t->type == NC_FT_WORD && nc_ftok_is(r->w.s, t, w);
}

static int is_upper_start(const char *s, const nc_ftok *t) {
  unsigned char c = (unsigned char)s[t->start];
  return (c >= 'A' && c <= 'Z') || c >= 0xC0;
}

/* ------------------------------------------------------------------ */
/* numbers                                                             */

typedef struct num {
  double v;        /* value */
  double half;     /* half of the stated precision (0: exact integer) */
  int ntok;        /* tokens used */
  int digits;      /* written with digits */
  int plain4;      /* 4 digits, no separator, no decimals (a possible year) */
  int isint;
  int ordinal;     /* 5th, first */
  int glued;       /* index+1 in GLUED of a unit glued to the digits */
  int currency;    /* 'D' dollars, 'E' euros, 'L' pounds, 'Y' yen, 'R' rubles (glued word) */
  int percent;     /* a glued "pc" */
  int scaled;      /* a scale word or suffix was applied */
  double scale;    /* that scale (1: none) */
} num;

/* parse the digits of a number token; 0 when it is not a plain number */
static int parse_digits(const char *s, const nc_ftok *t, double *v, int *ndec, int *ndig, int *seps) {
  size_t i;
  double x = 0, f = 0.1;
  int dots = 0, commas = 0, group = -1, dec = 0, dig = 0;
  for (i = t->start; i < t->end; i++) {
    char c = s[i];
    if (c == ',') {
      if (dots || (group >= 0 && group != 3) || (group < 0 && dig > 3)) return 0;
      commas++; group = 0;
    } else if (c == '.') {
      if (dots || (commas && group != 3)) return 0;
      dots++;
    } else {
      if (dots) { x += (c - '0') * f; f /= 10; dec++; }
      else { x = x * 10 + (c - '0'); dig++; if (group >= 0) group++; }
    }
  }
  if (commas && group != 3) return 0;
  *v = x; *ndec = dec; *ndig = dig; *seps = commas;
  return 1;
}

static double pow10i(int k) {
  double p = 1;
  while (k-- > 0) p *= 10;
  return p;
}

/* the rounding a bare figure carries (see doc/figures.md) */
static double bare_half(double v, double half_dec, int isint) {
  double step, h;
  int k = 0;
  if (!isint) return half_dec;
  if (v < 100 || v > 1e15) return 0;
  step = 1;
  while (k < 15 && fmod(v, step * 10) == 0) { step *= 10; k++; }
  if (k == 0) return 0;
  h = step / 2;
  if (h > v / 10) h = v / 10;
  return h;
}

/* word number at la[i]: "two hundred and fifty", "twenty-five", "a dozen" */
static int parse_words(reader *r, int i, num *out) {
  double total = 0, cur = 0, scale = 1;
  int j = i, any = 0, last = 0, k;   /* last: 1 units, 2 tens, 3 hundred or scale */
  memset(out, 0, sizeof *out);
  /* "half a million" */
  if (is_w(r, j, "half") && is_w(r, j + 1, "a") && (k = in_l(r, j + 2, SCALES)) > 0 && k <= 5) {
    out->v = 0.5 * SCALEV[k - 1];
    out->isint = 1;
    out->ntok = 3;
    out->scale = SCALEV[k - 1];
    out->scaled = 1;
    return 1;
  }
  if ((is_w(r, j, "a") || is_w(r, j, "an")) &&
      (in_l(r, j + 1, SCALES) || is_w(r, j + 1, "dozen"))) {
    cur = 1; any = 1; j++; last = 1;
  }
  for (;;) {
    if ((k = in_l(r, j, SMALL)) > 0) {
      double v = k - 1;
      if (!any || last == 3) cur += v;
      else if (last == 2 && v >= 1 && v <= 9) cur += v;
      else break;
      any = 1; last = 1; j++;
      continue;
    }
    if ((k = in_l(r, j, TENS)) > 0) {
      if (any && last != 3) break;
      cur += (k + 1) * 10; any = 1; last = 2; j++;
      continue;
    }
    if (!any) break;
    if (last == 2 && is_p(r, j, '-') && !LA(r, j)->gap && !LA(r, j + 1)->gap &&
        (k = in_l(r, j + 1, SMALL)) >= 2 && k <= 10) {
      cur += k - 1; last = 1; j += 2;
      continue;
    }
    if (is_w(r, j, "hundred") && last != 3 && cur < 100) {
      cur *= 100; last = 3; j++;
      if (scale < 100) scale = 100;
      continue;
    }
    if (is_w(r, j, "dozen") && last == 1) {
      cur *= 12; j++;
      break;
    }
    if ((k = in_l(r, j, SCALES)) > 1 && k <= 5 && cur > 0) {
      total += cur * SCALEV[k - 1]; cur = 0; last = 3; j++;
      if (scale < SCALEV[k - 1]) scale = SCALEV[k - 1];
      continue;
    }
    if (is_w(r, j, "and") && last == 3 && (in_l(r, j + 1, SMALL) > 1 || in_l(r, j + 1, TENS))) {
      j++;
      continue;
    }
    break;
  }
  if (!any || j == i) return 0;
  out->v = total + cur;
  out->isint = 1;
  out->ntok = j - i;
  out->scale = scale;
  out->scaled = scale > 100;
  return 1;
}

/* digits at la[i] with an optional scale: "39,929", "1.2 million", "$5bn" */
static int parse_num(reader *r, int i, num *out) {
  const nc_ftok *t = LA(r, i), *nx;
  double v;
  int ndec, ndig, seps, k, j = i + 1;
  memset(out, 0, sizeof *out);
  if (t->type != NC_FT_NUM) return parse_words(r, i, out);
  /* "0845", "04": clock times and codes, not quantities */
  if (t->end - t->start > 1 && r->w.s[t->start] == '0' && r->w.s[t->start + 1] != '.') return 0;
  if (!parse_digits(r->w.s, t, &v, &ndec, &ndig, &seps)) return 0;
  out->digits = 1;
  out->scale = 1;
  out->isint = (ndec == 0);
  out->plain4 = (ndec == 0 && seps == 0 && ndig == 4);
  out->half = ndec ? 0.5 / pow10i(ndec) : 0;
  nx = LA(r, j);
  if (nx->type == NC_FT_WORD && !nx->gap) {
    /* suffix glued to the digits */
    const char *const ords[] = { "st", "nd", "rd", "th", NULL };
    const char *const sfx[] = { "m", "mn", "bn", "b", "k", "tn", "trn", NULL };
    const double sfxv[] = { 1e6, 1e6, 1e9, 1e9, 1e3, 1e12, 1e12 };
    if (tok_in(r->w.s, nx, ords) && ndec == 0) { out->ordinal = 1; j++; }
    else if ((k = tok_in(r->w.s, nx, sfx)) > 0) {
      v *= sfxv[k - 1]; out->half *= sfxv[k - 1]; out->scale = sfxv[k - 1]; out->scaled = 1; j++;
      if (ndec) out->isint = 0;
    }
    else if ((k = tok_in(r->w.s, nx, GLUED)) > 0) { out->glued = k; j++; }
    else if (nc_ftok_is(r->w.s, nx, "pc")) { out->percent = 1; j++; }
    else return 0;  /* 5G, 4K, 1990s */
  }
  if (!out->ordinal && !out->scaled && (k = in_l(r, j, SCALES)) > 0) {
    v *= SCALEV[k - 1]; out->half *= SCALEV[k - 1]; out->scale = SCALEV[k - 1]; out->scaled = 1; j++;
    if (ndec) out->isint = 0;
  }
  out->v = v;
  out->ntok = j - i;
  return 1;
}

/* ------------------------------------------------------------------ */
/* units                                                               */

static int plural_like(const char *s, const nc_ftok *t) {
  size_t len = t->end - t->start;
  char a, b;
  if (tok_in(s, t, IRREG)) return 1;
  if (len < 3) return 0;
  a = (char)(s[t->end - 1] | 0x20);
  b = (char)(s[t->end - 2] | 0x20);
  if (a != 's') return 0;
  if (b == 's' || b == 'u' || b == '\'') return 0;
  /* "crisis", "this", but "Israelis", "Iraqis" */
  if (b == 'i' && !(len > 5 && s[t->start] >= 'A' && s[t->start] <= 'Z')) return 0;
  return !tok_in(s, t, STOP);
}

/* "occurred", "openly", "hosting": not a noun to count */
static int verbish(const char *s, const nc_ftok *t) {
  size_t len = t->end - t->start;
  const char *e = s + t->end;
  if (len > 4 && (e[-2] | 0x20) == 'e' && (e[-1] | 0x20) == 'd') return 1;
  if (len > 4 && (e[-2] | 0x20) == 'l' && (e[-1] | 0x20) == 'y') return 1;
  if (len > 5 && (e[-3] | 0x20) == 'i' && (e[-2] | 0x20) == 'n' && (e[-1] | 0x20) == 'g') return 1;
  return 0;
}

/* unit words after la[j]: returns the look-ahead index after the unit (j when
   none) and sets the span; `one` accepts a singular noun */
static int read_unit(reader *r, int j, int one, size_t *us, size_t *ue) {
  int k, first = -1;
  for (k = 0; k < 3; k++) {
    const nc_ftok *t = LA(r, j + k);
    if (t->type != NC_FT_WORD || (k == 0 && !t->gap)) break;
    if (tok_in(r->w.s, t, STOP)) break;
    if (first < 0) first = j + k;
    if (plural_like(r->w.s, t)) {
      /* "police officers", "Hamas fighters": a plural noun right after wins,
         unless it describes the first ("people dead") */
      const nc_ftok *t2 = LA(r, j + k + 1);
      if (k < 2 && t2->type == NC_FT_WORD && t2->gap && plural_like(r->w.s, t2) &&
          !tok_in(r->w.s, t2, AFTERADJ)) t = t2, k++;
      *us = t->start; *ue = t->end; return j + k + 1;
    }
    if (k == 0 && tok_in(r->w.s, t, GLUED)) { *us = t->start; *ue = t->end; return j + 1; }
    /* adjectives go before the noun; a hyphen ends the phrase */
    if (is_p(r, j + k + 1, '-')) break;
  }
  if (first >= 0 && one && verbish(r->w.s, LA(r, first))) first = -1;
  if (first >= 0 && (one || tok_in(r->w.s, LA(r, first), SINGULAR))) {
    *us = LA(r, first)->start; *ue = LA(r, first)->end;
    return first + 1;
  }
  return j;
}

/* a unit from the words before the figure: "the toll rose to 93" gives
   "deaths", "the number of dead rose to 50" gives "dead" (span in us, ue) */
static const char *unit_before(const reader *r, size_t *us, size_t *ue) {
  size_t k;
  for (k = 1; k <= HIST; k++) {
    const nc_ftok *t = H(r, k);
    if (!t) break;
    if (t->type == NC_FT_PUNCT && (t->punct == '.' || t->punct == ';' || t->punct == '!' ||
                                   t->punct == '?')) break;
    if (t->type != NC_FT_WORD) continue;
    if (nc_ftok_is(r->w.s, t, "toll")) return "deaths";
    if (k >= 3 && nc_ftok_is(r->w.s, t, "number") && h_w(r, k - 1, "of") &&
        H(r, k - 2)->type == NC_FT_WORD && !tok_in(r->w.s, H(r, k - 2), STOP)) {
      *us = H(r, k - 2)->start; *ue = H(r, k - 2)->end;
      return NULL;
    }
  }
  return NULL;
}

/* ------------------------------------------------------------------ */
/* hedges                                                              */

/* the longest hedge ending just before la[0]; sets *first to the history
   depth of its first word */
static const hedge_def *hedge_before(const reader *r, size_t skip, size_t *depth) {
  static const char *const last[] = {   /* last words of the hedges, sorted */
    "about", "above", "almost", "approaching", "approx", "approximately", "around", "as", "below",
    "circa", "estimated", "exactly", "exceeding", "least", "most", "nearly", "of", "over",
    "precisely", "roughly", "some", "than", "to", "under" };
  int k;
  const hedge_def *best = NULL;
  size_t bestlen = 0;
  *depth = skip;
  if (!H(r, skip + 1) || !nc_ftok_in_sorted(r->w.s, H(r, skip + 1), last, sizeof last / sizeof *last))
    return NULL;
  for (k = 0; HEDGES[k].name; k++) {
    size_t len = 0, m;
    while (len < 4 && HEDGES[k].w[len]) len++;
    for (m = 0; m < len; m++)
      if (!h_w(r, skip + len - m, HEDGES[k].w[m])) break;
    if (m == len && len > bestlen) { best = &HEDGES[k]; bestlen = len; }
  }
  *depth = skip + bestlen;
  if (best && H(r, *depth)->start < r->floor) { *depth = skip; return NULL; }
  return best;
}

/* ------------------------------------------------------------------ */
/* the reader                                                          */

static int push_fig(nc_vec *out, const nc_figure *f) {
  nc_figure *p = (nc_figure *)nc_vec_push(out);
  if (!p) return NC_ENOMEM;
  *p = *f;
  return NC_OK;
}

static void set_range(nc_figure *f, double v, double half, int cls) {
  double lo = v - half, hi = v + half;
  switch (cls) {
    case NC_H_EXACT: lo = hi = v; break;
    case NC_H_ABOUT:
      if (v * 0.9 < lo) lo = v * 0.9;
      if (v * 1.1 > hi) hi = v * 1.1;
      break;
    case NC_H_NEARLY:
      if (v * 0.9 < lo) lo = v * 0.9;
      hi = v;
      break;
    case NC_H_JUSTOVER:
      lo = v;
      if (v * 1.1 > hi) hi = v * 1.1;
      break;
    case NC_H_MORE: lo = v; hi = HUGE_VAL; break;
    case NC_H_LESS: lo = 0; hi = v; break;
    default: break;
  }
  f->value = v; f->low = lo; f->high = hi;
}

/* vague quantities at la[0]: "dozens", "tens of thousands", "several hundred" */
static int vague(reader *r, nc_figure *f, int *used) {
  static const struct { const char *w[4]; const char *name; double lo, hi; } V[] = {
    { { "hundreds", "of", "thousands", NULL }, "hundreds of thousands", 2e5, 999999 },
    { { "tens", "of", "thousands", NULL }, "tens of thousands", 2e4, 99999 },
    { { "hundreds", "of", "millions", NULL }, "hundreds of millions", 2e8, 999999999 },
    { { "tens", "of", "millions", NULL }, "tens of millions", 2e7, 99999999 },
    { { "a", "couple", "of", NULL }, "a couple", 2, 3 },
    { { "a", "handful", "of", NULL }, "a handful", 2, 6 },
    { { "scores", "of", NULL }, "scores", 40, 99 },
    { { "dozens", NULL }, "dozens", 24, 99 },
    { { "hundreds", NULL }, "hundreds", 200, 999 },
    { { "thousands", NULL }, "thousands", 2000, 9999 },
    { { "millions", NULL }, "millions", 2e6, 999999999 },
    { { "billions", NULL }, "billions", 2e9, 999999999999.0 },
    { { "several", NULL }, "several", 3, 9 },
    { { "a", "few", NULL }, "a few", 2, 5 },
    { { NULL }, NULL, 0, 0 }
  };
  int k, m;
  for (k = 0; V[k].name; k++) {
    for (m = 0; m < 4 && V[k].w[m]; m++)
      if (!is_w(r, m, V[k].w[m])) break;
    if (m < 4 && V[k].w[m]) continue;
    {
      double lo = V[k].lo, hi = V[k].hi;
      int sk;
      /* "several hundred", "a few thousand" */
      if ((V[k].lo < 10) && (sk = in_l(r, m, SCALES)) > 0 && sk <= 5) {
        lo *= SCALEV[sk - 1]; hi *= SCALEV[sk - 1]; m++;
      } else if (V[k].lo < 10 && !LA(r, m)->gap) {
        continue;
      }
      /* "dozens" and the like need "of" or a noun after them */
      f->hedge = V[k].name;
      f->hclass = NC_H_VAGUE;
      f->value = lo; f->low = lo; f->high = hi;
      *used = m;
      return 1;
    }
  }
  return 0;
}

/* Try to read a figure starting at la[0]; returns tokens used (0: none). */
static int read_figure(reader *r, nc_figure *f) {
  const nc_ftok *t0 = LA(r, 0), *p1 = H(r, 1);
  num a, b;
  int j = 0, cur = 0, k, have_b = 0, rng = 0;
  size_t depth = 0, us = 0, ue = 0;
  const hedge_def *hd;
  memset(f, 0, sizeof *f);
  f->hedge = H_NONE;

  /* currency before the number */
  if (t0->type == NC_FT_PUNCT) {
    if (t0->punct == '$') cur = 'D';
    else if (t0->punct == 'E') cur = 'E';
    else if (t0->punct == 'L') cur = 'L';
    else if (t0->punct == 'Y') cur = 'Y';
    else return 0;
    if (LA(r, 1)->type != NC_FT_NUM) return 0;
    j = 1;
  } else if (t0->type == NC_FT_WORD && (nc_ftok_is(r->w.s, t0, "us") || nc_ftok_is(r->w.s, t0, "a") ||
             nc_ftok_is(r->w.s, t0, "c") || nc_ftok_is(r->w.s, t0, "hk")) &&
             is_p(r, 1, '$') && !LA(r, 1)->gap && LA(r, 2)->type == NC_FT_NUM) {
    cur = 'D'; j = 2;
  }

  if (!cur && t0->type == NC_FT_WORD) {
    int used = 0;
    if (vague(r, f, &used)) {
      size_t s0 = t0->start;
      hd = hedge_before(r, 0, &depth);
      if (hd && hd->cls != NC_H_ABOUT) {
        /* "more than a few": keep the vague range, widen like the hedge */
        if (hd->cls == NC_H_MORE) f->high = HUGE_VAL;
        else if (hd->cls == NC_H_LESS) f->low = 0;
      }
      if (hd) s0 = H(r, depth)->start;
      if (is_w(r, used, "of")) {
        k = read_unit(r, used + 1, 0, &us, &ue);
        if (k > used + 1) used = k;
      } else {
        k = read_unit(r, used, 0, &us, &ue);
        if (k == used && f->value < 10) return 0;  /* "several" alone */
        used = k;
      }
      if (hd) f->hedge = hd->name;
      f->start = s0;
      f->end = LA(r, used - 1)->end;
      f->kind = NC_FK_COUNT;
      f->unit_start = us; f->unit_end = ue;
      if (ue > us && (k = tok_in(r->w.s, LA(r, used - 1), CURWORD)) > 0) {
        f->kind = NC_FK_MONEY;
        f->unit_lit = CURLIT[k - 1];
      }
      return used;
    }
    /* ordinal words */
    if ((k = tok_in(r->w.s, t0, ORDW)) > 0) {
      /* "the first of August": a date */
      if (is_w(r, 1, "of") && in_l(r, 2, MONTHS)) return 0;
      f->kind = NC_FK_ORDINAL;
      f->value = f->low = f->high = k;
      f->start = t0->start; f->end = t0->end;
      j = read_unit(r, 1, 1, &us, &ue);
      f->unit_start = us; f->unit_end = ue;
      return 1;
    }
  }

  if (!parse_num(r, j, &a)) return 0;
  j += a.ntok;

  /* not figures: glued to letters or to other numbers */
  {
    const nc_ftok *tn = LA(r, cur ? (cur && LA(r, 0)->type == NC_FT_WORD ? 2 : 1) : 0);
    if (a.digits && !tn->gap && p1 && !cur) {
      if (p1->type == NC_FT_WORD || p1->type == NC_FT_NUM || p1->type == NC_FT_URL) return 0;
      if (p1->type == NC_FT_PUNCT && strchr("/#@_.:&+=\\*^", p1->punct)) return 0;
      if (p1->type == NC_FT_PUNCT && p1->punct == '-') {
        const nc_ftok *p2 = H(r, 2);
        if (p2 && !p1->gap && (p2->type == NC_FT_WORD || p2->type == NC_FT_NUM)) return 0;
      }
    }
    if (a.digits && !LA(r, j)->gap && (is_p(r, j, ':') || is_p(r, j, '/')) &&
        LA(r, j + 1)->type == NC_FT_NUM && !LA(r, j + 1)->gap) return 0;
    /* "the 2003 - 04 season": the end of a span that was not a range */
    if (a.digits && p1 && p1->type == NC_FT_PUNCT && p1->punct == '-' && H(r, 2) &&
        H(r, 2)->type == NC_FT_NUM) return 0;
    /* "8 / 2 / 13": a date written with spaced slashes */
    if (a.digits && ((is_p(r, j, '/') && LA(r, j + 1)->type == NC_FT_NUM) ||
                     (p1 && p1->type == NC_FT_PUNCT && p1->punct == '/' && H(r, 2) &&
                      H(r, 2)->type == NC_FT_NUM))) return 0;
  }

  /* dates: "Aug. 13", "August 13", "13 August", "13th of August", years */
  if (a.digits && !cur) {
    if (p1 && tok_in(r->w.s, p1, MONTHS)) return 0;
    if (p1 && p1->punct == '.' && H(r, 2) && tok_in(r->w.s, H(r, 2), MONTHS)) return 0;
    if (a.ntok == 1 && in_l(r, 1, MONTHS)) return 0;
    if (a.ntok == 1 && is_w(r, 1, "of") && in_l(r, 2, MONTHS)) return 0;
    if (a.plain4 && a.v >= 1000 && a.v <= 2100 && !a.glued) {
      size_t d2;
      if (!in_l(r, j, COUNTNOUN) && !hedge_before(r, 0, &d2)) return 0;
    }
    /* ages: "Abbas, 88," */
    if (a.isint && a.ntok == 1 && a.v >= 1 && a.v <= 120 && p1 && p1->type == NC_FT_PUNCT &&
        p1->punct == ',' && t0->gap && H(r, 2) && H(r, 2)->type == NC_FT_WORD &&
        (is_upper_start(r->w.s, H(r, 2)) || !tok_in(r->w.s, H(r, 2), STOP)) &&
        !tok_in(r->w.s, H(r, 2), MONTHS)) {
      const nc_ftok *nx = LA(r, 1);
      if (nx->type == NC_FT_END ||
          (nx->type == NC_FT_PUNCT && strchr(",.;)", nx->punct)) ||
          (nx->type == NC_FT_WORD && (nc_ftok_is(r->w.s, nx, "and") || nc_ftok_is(r->w.s, nx, "said") ||
                                      nc_ftok_is(r->w.s, nx, "who")))) {
        f->kind = NC_FK_AGE;
        f->value = f->low = f->high = a.v;
        f->unit_lit = "years old";
        f->start = t0->start; f->end = t0->end;
        return 1;
      }
    }
  }
  if (a.ordinal) {
    if (in_l(r, j, MONTHS) || (is_w(r, j, "of") && in_l(r, j + 1, MONTHS))) return 0;
    if (p1 && tok_in(r->w.s, p1, MONTHS)) return 0;
    f->kind = NC_FK_ORDINAL;
    f->value = f->low = f->high = a.v;
    f->start = t0->start; f->end = LA(r, j - 1)->end;
    read_unit(r, j, 1, &us, &ue);
    f->unit_start = us; f->unit_end = ue;
    return j;
  }
  /* a lone "one" needs a noun ("one of them" is no figure) */
  if (!a.digits && a.v == 1 && a.ntok == 1 && !cur) {
    static const char *const pron[] = {
      "no", "any", "every", "each", "some", "the", "this", "that", "which", "other",
      "another", "only", "at", "as", "for", "like", NULL };
    if (p1 && tok_in(r->w.s, p1, pron)) return 0;   /* "no one knows", "at one point" */
    k = read_unit(r, j, 1, &us, &ue);
    if (k == j) return 0;
  }

  hd = hedge_before(r, 0, &depth);
  f->start = hd ? H(r, depth)->start : LA(r, 0)->start;
  /* "between X and Y" */
  if (!hd && h_w(r, 1, "between") && H(r, 1)->start >= r->floor) { rng = 2; f->start = H(r, 1)->start; }

  /* ranges: X-Y, X to Y, X and Y (after between), X or Y; "10%-20%" */
  {
    int sep = 0, pj = j;
    if (is_p(r, j, '%') && (is_p(r, j + 1, '-') || is_w(r, j + 1, "to")) &&
        LA(r, j + 2)->type == NC_FT_NUM && is_p(r, j + 3, '%')) pj = j + 1;
    if (is_p(r, pj, '-')) sep = 1;
    else if (is_w(r, pj, "to") && !h_w(r, 1, "from")) sep = 1;
    else if (rng == 2 && is_w(r, pj, "and")) sep = 1;
    else if (is_w(r, pj, "or") && !a.digits) sep = 1;
    if (sep) {
      int jb = pj + 1;
      if (cur && (is_p(r, jb, '$') || is_p(r, jb, 'E') || is_p(r, jb, 'L'))) jb++;
      if ((LA(r, jb)->type == NC_FT_NUM || (!a.digits && LA(r, jb)->type == NC_FT_WORD)) &&
          parse_num(r, jb, &b) && !b.ordinal && a.digits == b.digits &&
          !(b.digits && b.plain4 && b.v >= 1000 && b.v <= 2100 && !in_l(r, jb + b.ntok, COUNTNOUN))) {
        /* a scale after the second number applies to both: "1.2 to 1.5 million" */
        double sa = a.v;
        if (b.scaled && !a.scaled && a.v < b.v / b.scale) sa = a.v * b.scale;
        if (sa < b.v) {
          have_b = 1;
          a.v = sa;
          j = jb + b.ntok;
        }
      }
    }
  }
  if (rng == 2 && !have_b) { rng = 0; f->start = hd ? H(r, depth)->start : LA(r, 0)->start; }

  /* percent */
  {
    int pct = a.percent;
    if (is_p(r, j, '%')) { pct = 1; j++; }
    else if (is_w(r, j, "percent") || is_w(r, j, "pct")) { pct = 1; j++; }
    else if (is_w(r, j, "per") && is_w(r, j + 1, "cent")) { pct = 1; j += 2; }
    else if (is_w(r, j, "percentage") && (is_w(r, j + 1, "points") || is_w(r, j + 1, "point"))) {
      pct = 2; j += 2;
    }
    if (pct) {
      f->kind = NC_FK_PERCENT;
      f->unit_lit = pct == 2 ? "percentage points" : "percent";
    }
  }

  /* ages: "64-year-old", "64 years old", "aged 64" */
  if (!f->kind && !have_b && a.isint && a.v <= 130) {
    if (is_p(r, j, '-') && (is_w(r, j + 1, "year") || is_w(r, j + 1, "years")) &&
        is_p(r, j + 2, '-') && is_w(r, j + 3, "old")) {
      j += 4; f->kind = NC_FK_AGE;
    } else if ((is_w(r, j, "year") || is_w(r, j, "years")) && is_w(r, j + 1, "old")) {
      j += 2; f->kind = NC_FK_AGE;
    } else if (!hd && (h_w(r, 1, "aged") || h_w(r, 1, "age"))) {
      f->kind = NC_FK_AGE;
    }
    if (f->kind == NC_FK_AGE) {
      f->unit_lit = "years old";
      f->value = f->low = f->high = a.v;
      f->end = LA(r, j - 1)->end;
      if (hd) { f->hedge = hd->name; f->hclass = hd->cls; set_range(f, a.v, 0.5, hd->cls);
                if (hd->cls == NC_H_NONE) f->low = f->high = a.v; }
      return j;
    }
  }

  /* compounds: "three-day visit", "10-year plan" */
  if (!f->kind && !have_b && is_p(r, j, '-') &&
      ((k = in_l(r, j + 1, MEASURE)) > 0 || (k = in_l(r, j + 1, MEASUREP)) > 0)) {
    f->kind = NC_FK_MEASURE;
    f->unit_lit = MEASUREP[k - 1];
    j += 2;
  } else if (!f->kind && !have_b && is_p(r, j, '-') &&
             (!LA(r, j)->gap || LA(r, j + 1)->type == NC_FT_WORD)) {
    return 0;  /* "two-state", "3-1", "12 - gauge" */
  } else if (!f->kind && !have_b && (k = in_l(r, j, MEASURE)) > 0 && k <= 22 &&
             LA(r, j)->gap && !(a.v == 1 && !a.digits)) {
    /* "a 20 year sentence" */
    f->kind = NC_FK_MEASURE;
    f->unit_lit = MEASUREP[k - 1];
    j += 1;
  }
  /* times: "9 a.m.", "5 pm" */
  if (!f->kind && a.v <= 24 && (is_w(r, j, "am") || is_w(r, j, "pm") ||
      ((is_w(r, j, "a") || is_w(r, j, "p")) && is_p(r, j + 1, '.') && is_w(r, j + 2, "m"))))
    return 0;

  /* currency words and symbols */
  if (cur) {
    f->kind = NC_FK_MONEY;
    f->unit_lit = cur == 'D' ? "dollars" : cur == 'E' ? "euros" : cur == 'L' ? "pounds" : "yen";
  } else if (!f->kind && (k = in_l(r, j, CURWORD)) > 0) {
    f->kind = NC_FK_MONEY;
    f->unit_lit = CURLIT[k - 1];
    j++;
  }
  if (a.glued) {
    f->kind = NC_FK_MEASURE;
    f->unit_lit = GLUED[a.glued - 1];
  }

  /* unit from the words after */
  if (!f->unit_lit) {
    int one = (a.v == 1 && !have_b);
    k = read_unit(r, j, one, &us, &ue);
    if (k > j && tok_in(r->w.s, LA(r, k - 1), DECADES)) return 0;   /* "nineteen sixties" */
    if (k > j) {
      const nc_ftok *ut = LA(r, k - 1);
      int mk = tok_in(r->w.s, ut, MEASUREP);
      j = k;
      f->unit_start = us; f->unit_end = ue;
      int ms = tok_in(r->w.s, ut, MEASURE);
      if ((mk && mk <= 22) || (ms && ms <= 22) || tok_in(r->w.s, ut, GLUED))
        f->kind = NC_FK_MEASURE;
    } else {
      f->unit_lit = unit_before(r, &f->unit_start, &f->unit_end);
      if (!f->unit_lit && f->unit_end == f->unit_start && (is_w(r, j, "of") || is_w(r, j, "in")) && !a.digits && a.v < 10 &&
          !have_b && !hd) {
        return 0;  /* "two of the leaders", "one in ten" */
      }
    }
  }

  if (hd) { f->hedge = hd->name; f->hclass = hd->cls; }
  if (have_b) {
    f->hedge = rng == 2 ? H_BETWEEN : H_RANGE;
    f->hclass = NC_H_RANGE;
    f->low = a.v; f->high = b.v;
    f->value = (f->low + f->high) / 2;
  } else {
    double half = bare_half(a.v, a.half, a.isint);
    if (!a.digits && !a.scaled && a.v < 1000) half = (a.v >= 100) ? bare_half(a.v, 0, 1) : 0;
    set_range(f, a.v, half, f->hclass);
  }
  if (f->kind == NC_FK_PERCENT && f->high > 100 && f->value <= 100 && f->hclass == NC_H_MORE)
    f->high = 100;
  f->end = LA(r, j - 1)->end;
  return j;
}

int nc_figures(const char *s, size_t n, nc_invalid inv, nc_vec *out, size_t *bad) {
  reader r;
  size_t pos = 0, tokpos = 0;
  if (inv == NC_INVALID_ERROR) {
    size_t b = nc_utf8_check(s, n);
    if (b < n) { if (bad) *bad = b; return NC_EUTF8; }
  }
  memset(&r, 0, sizeof r);
  r.w.s = s; r.w.n = n; r.w.hmax = HIST; r.w.lamax = LA_MAX;
  for (;;) {
    const nc_ftok *t;
    nc_figure f;
    int used = 0, try_it = 1, fail = 1;
    size_t c = nc_fscan_next(s, n, pos, FIG_MASK, 1);
    if (c >= n) break;
    t = nc_ftwin_seek(&r.w, tokpos, c);
    if (t->type == NC_FT_END) break;
    if (t->start != c) {        /* c lies inside a longer token (a URL, a word) */
      consume(&r, 1);
      pos = tokpos = H(&r, 1)->end;
      continue;
    }
    /* "a dozen", "a few": start at the article */
    if (t->type == NC_FT_WORD && r.w.nhist >= 1 && (h_w(&r, 1, "a") || h_w(&r, 1, "an")) &&
        nc_ftok_in_sorted(s, t, AFTER_A, sizeof AFTER_A / sizeof *AFTER_A)) {
      r.w.lapos = H(&r, 1)->start;
      r.w.nhist--; r.w.nla = 0; r.w.lahead = 0;
      t = LA(&r, 0);
      fail = 2;
    }
    if (t->type == NC_FT_WORD) {
      /* only words that can start a figure */
      try_it = nc_ftok_in_sorted(s, t, FIG_TRIGGERS, sizeof FIG_TRIGGERS / sizeof *FIG_TRIGGERS);
      if (try_it && (nc_ftok_is(s, t, "a") || nc_ftok_is(s, t, "an")))
        try_it = nc_ftok_in_sorted(s, LA(&r, 1), AFTER_A, sizeof AFTER_A / sizeof *AFTER_A);
      else if (try_it && (nc_ftok_is(s, t, "us") || nc_ftok_is(s, t, "c") || nc_ftok_is(s, t, "hk")))
        try_it = LA(&r, 1)->type == NC_FT_PUNCT && LA(&r, 1)->punct == '$';
    } else if (t->type == NC_FT_PUNCT) {
      try_it = (t->punct == '$' || t->punct == 'E' || t->punct == 'L' || t->punct == 'Y');
    } else if (t->type != NC_FT_NUM) {
      try_it = 0;
    }
    if (try_it) used = read_figure(&r, &f);
    if (used > 0) {
      int st = push_fig(out, &f);
      if (st != NC_OK) return st;
      r.floor = f.end;
      consume(&r, used);
    } else {
      consume(&r, fail);
    }
    while (H(&r, 1)->end <= c) consume(&r, 1);   /* always move past the candidate */
    pos = tokpos = H(&r, 1)->end;
  }
  return NC_OK;
}

/* ------------------------------------------------------------------ */
/* comparison                                                          */

static void likely(const nc_figure *f, double *lo, double *hi) {
  *lo = f->low; *hi = f->high;
  if (f->hclass == NC_H_MORE) {
    double cap = f->value * 1.5;
    if (f->kind == NC_FK_PERCENT && cap > 100) cap = 100;
    if (cap < *lo) cap = *lo;
    *hi = cap;
  } else if (f->hclass == NC_H_LESS) {
    *lo = f->value * 0.5;
  }
}

static void fmt_num(char *buf, size_t len, double v) {
  if (v == HUGE_VAL) snprintf(buf, len, "inf");
  else if (v == floor(v) && fabs(v) < 1e15) snprintf(buf, len, "%.0f", v);
  else snprintf(buf, len, "%.6g", v);
}

int nc_fig_compare(const nc_figure *a, const nc_figure *b, char *why, size_t whylen) {
  double alo, ahi, blo, bhi, eps;
  char a1[32], a2[32], b1[32], b2[32], l1[32];
  int v;
  eps = 1e-9 * (fabs(a->value) + fabs(b->value) + 1);
  fmt_num(a1, sizeof a1, a->low); fmt_num(a2, sizeof a2, a->high);
  fmt_num(b1, sizeof b1, b->low); fmt_num(b2, sizeof b2, b->high);
  if (a->low > b->high + eps || b->low > a->high + eps) {
    /* a gap of at most 2 % of the larger bound is a near miss, not a conflict */
    double gap = a->low > b->high ? a->low - b->high : b->low - a->high;
    double big = a->low > b->high ? a->low : b->low;
    if (gap <= 0.02 * fabs(big)) {
      v = NC_TENSION;
      snprintf(why, whylen, "ranges %s-%s and %s-%s miss each other by %s (2%% or less)",
               a1, a2, b1, b2, (fmt_num(l1, sizeof l1, gap), l1));
      return v;
    }
    v = NC_CONFLICT;
    snprintf(why, whylen, "ranges %s-%s and %s-%s do not overlap", a1, a2, b1, b2);
    return v;
  }
  likely(a, &alo, &ahi);
  likely(b, &blo, &bhi);
  if (alo <= bhi + eps && blo <= ahi + eps) {
    v = NC_CONSISTENT;
    snprintf(why, whylen, "ranges %s-%s and %s-%s overlap", a1, a2, b1, b2);
  } else {
    char l2[32], m1[32], m2[32];
    fmt_num(l1, sizeof l1, alo); fmt_num(l2, sizeof l2, ahi);
    fmt_num(m1, sizeof m1, blo); fmt_num(m2, sizeof m2, bhi);
    v = NC_TENSION;
    snprintf(why, whylen,
             "ranges %s-%s and %s-%s overlap only beyond the likely readings %s-%s and %s-%s",
             a1, a2, b1, b2, l1, l2, m1, m2);
  }
  return v;
}
