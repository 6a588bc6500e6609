/*
** sentences.c: sentence splitting for news text, one forward pass.
**
** The scan skips ordinary bytes through a class table and stops only at
** '.', '?', '!', line breaks and the lead bytes 0xE2 (ellipsis, bullets,
** U+2029), 0xE3 and 0xEF (full-width stops). Each stop looks a bounded
** distance back (the word before a period, at most WORD_MAX bytes) and
** forward (white space, opening quotes, the next word), and every byte of white space is looked at a constant
** number of times, so the work is linear in the input size.
**
** Decisions (see doc/sentences.md):
**   - '?' / '!' runs (with closing quotes / brackets) end a sentence when
**     white space and a word not starting in lower case follow;
**   - a period after an ordinary word does too; after a title (Mr., Gen.)
**     never; after an abbreviation, a dotted acronym (U.S.) or an initial
**     only when the next word is capitalised and a sentence starter ("The",
**     "He", "How", ...) or a quotation closes or opens in between; a period not followed by white space (3.5, U.S.A,
**     example.com) never ends one;
**   - ellipses: three dots end a sentence only before a capitalised word
**     other than "I"; four dots before any capitalised word ("word. . . ."
**     ends after the first dot);
**   - a blank line always ends a sentence; a single line break ends one
**     when the line has no final stop, does not end in a comma, colon,
**     dash or function word, and the next line does not start in lower case;
**   - a bullet after white space, or the next item of a list begun with
**     "1." / "1)" / "a." ..., starts a new sentence;
**   - spans with no letter or digit (rules such as "---") are dropped.
*/
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "sentences.h"

#define WORD_MAX 48   /* longest word looked at behind a period */
#define OPEN_MAX 8    /* opening quotes / brackets skipped before a word */

enum { K_END, K_UPPER, K_LOWER, K_DIGIT, K_OTHER };
enum { A_TITLE = 1, A_NEVER, A_ABBR, A_ETC };

typedef const unsigned char uchar;

/* ---- white space ---- */

/* Length of the white-space character at s[i] (0 if none). */
static size_t space_at(uchar *s, size_t i, size_t n) {
  unsigned c = s[i];
  if (c == ' ' || (c >= 9 && c <= 13)) return 1;
  if (c < 0xC2) return 0;
  if (c == 0xC2) return (i + 1 < n && (s[i + 1] == 0xA0 || s[i + 1] == 0x85)) ? 2 : 0;
  if (i + 2 >= n) return 0;
  if (c == 0xE2) {
    unsigned a = s[i + 1], b = s[i + 2];
    if (a == 0x80 && ((b >= 0x80 && b <= 0x8A) || b == 0xA8 || b == 0xA9 || b == 0xAF)) return 3;
    if (a == 0x81 && b == 0x9F) return 3;
    return 0;
  }
  if (c == 0xE3) return (s[i + 1] == 0x80 && s[i + 2] == 0x80) ? 3 : 0;
  if (c == 0xEF) return (s[i + 1] == 0xBB && s[i + 2] == 0xBF) ? 3 : 0; /* BOM */
  return 0;
}

/* Length of the white-space character ending at s[i-1] (0 if none), not
   reaching below lo. */
static size_t space_before(uchar *s, size_t lo, size_t i) {
  unsigned c;
  if (i <= lo) return 0;
  c = s[i - 1];
  if (c == ' ' || (c >= 9 && c <= 13)) return 1;
  if (c < 0x80) return 0;
  if (i - lo >= 2 && s[i - 2] == 0xC2 && (c == 0xA0 || c == 0x85)) return 2;
  if (i - lo >= 3 && space_at(s, i - 3, i) == 3) return 3;
  return 0;
}

static size_t skip_ws(uchar *s, size_t i, size_t n) {
  size_t k;
  while (i < n && (k = space_at(s, i, n)) != 0) i += k;
  return i;
}

static size_t trim_back(uchar *s, size_t lo, size_t e) {
  size_t k;
  while (e > lo && (k = space_before(s, lo, e)) != 0) e -= k;
  return e;
}

/* ---- punctuation ---- */

/* Length of a closing quote / bracket at s[i] (0 if none). */
static size_t closer_at(uchar *s, size_t i, size_t n) {
  unsigned c = s[i];
  if (c == '"' || c == '\'' || c == ')' || c == ']' || c == '}' || c == '*' || c == '_') return 1;
  if (c == 0xC2 && i + 1 < n && s[i + 1] == 0xBB) return 2;                 /* » */
  if (c == 0xE2 && i + 2 < n && s[i + 1] == 0x80 &&
      (s[i + 2] == 0x9D || s[i + 2] == 0x99 || s[i + 2] == 0xBA)) return 3;  /* ” ’ › */
  if (c == 0xE3 && i + 2 < n && s[i + 1] == 0x80 &&
      (s[i + 2] == 0x8D || s[i + 2] == 0x8F || s[i + 2] == 0x91)) return 3;  /* 」 』 】 */
  if (c == 0xEF && i + 2 < n && s[i + 1] == 0xBC && s[i + 2] == 0x89) return 3; /* ） */
  return 0;
}

/* Length of a full-width stop at s[i]: 。 ！ ？ ｡ (0 if none). */
static size_t wide_stop_at(uchar *s, size_t i, size_t n) {
  if (i + 2 >= n) return 0;
  if (s[i] == 0xE3 && s[i + 1] == 0x80 && s[i + 2] == 0x82) return 3;
  if (s[i] == 0xEF && s[i + 1] == 0xBC && (s[i + 2] == 0x81 || s[i + 2] == 0x9F)) return 3;
  if (s[i] == 0xEF && s[i + 1] == 0xBD && s[i + 2] == 0xA1) return 3;
  return 0;
}

/* Length of a closing quote / bracket ending at s[i-1] (0 if none). */
static size_t closer_before(uchar *s, size_t lo, size_t i) {
  if (i <= lo) return 0;
  if (closer_at(s, i - 1, i) == 1) return 1;
  if (i - lo >= 2 && closer_at(s, i - 2, i) == 2) return 2;
  if (i - lo >= 3 && closer_at(s, i - 3, i) == 3) return 3;
  return 0;
}

/* Length of an opening quote / bracket at s[i] (0 if none). */
static size_t opener_at(uchar *s, size_t i, size_t n) {
  unsigned c = s[i];
  if (c == '"' || c == '\'' || c == '(' || c == '[' || c == '{' || c == '*' || c == '_') return 1;
  if (c == 0xC2 && i + 1 < n && (s[i + 1] == 0xAB || s[i + 1] == 0xBF || s[i + 1] == 0xA1)) return 2;
  if (c == 0xE2 && i + 2 < n && s[i + 1] == 0x80 &&
      (s[i + 2] == 0x9C || s[i + 2] == 0x98 || s[i + 2] == 0x9E || s[i + 2] == 0xB9)) return 3;
  return 0;
}

static int is_ellipsis(uchar *s, size_t i, size_t n) {
  return i + 2 < n && s[i] == 0xE2 && s[i + 1] == 0x80 && s[i + 2] == 0xA6;
}

/* Length of a bullet character at s[i]: • ‣ ⁃ ◦ ▪ ● (0 if none). */
static size_t bullet_at(uchar *s, size_t i, size_t n) {
  if (i + 2 >= n) return 0;
  if (s[i] == 0xE2) {
    unsigned a = s[i + 1], b = s[i + 2];
    if (a == 0x80 && (b == 0xA2 || b == 0xA3)) return 3;
    if (a == 0x81 && b == 0x83) return 3;
    if (a == 0x97 && (b == 0xA6 || b == 0x8F)) return 3;
    if (a == 0x96 && b == 0xAA) return 3;
  }
  return 0;
}

/* Kind of the character at s[m]: upper / lower case letter, digit, other. */
static int char_kind(uchar *s, size_t m, size_t n) {
  unsigned c = s[m];
  int32_t cp;
  if (c < 0x80) {
    if (c >= 'A' && c <= 'Z') return K_UPPER;
    if (c >= 'a' && c <= 'z') return K_LOWER;
    if (c >= '0' && c <= '9') return K_DIGIT;
    return K_OTHER;
  }
  nc_utf8_decode(s + m, n - m, &cp);
  if (cp < 0) return K_OTHER;
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LL: return K_LOWER;
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: return K_UPPER;
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO: return K_DIGIT;
    default: return K_OTHER;
  }
}

/* What follows position j: white space is skipped, then up to OPEN_MAX
   opening quotes / brackets. *word gets the position of the next word,
   *quoted whether an opening mark was skipped, *nl whether a line break. */
typedef struct next_info {
  int kind, quoted, nl;
  size_t word;
} next_info;

static next_info next_of(uchar *s, size_t j, size_t n) {
  next_info r;
  size_t k;
  int count = 0;
  r.quoted = r.nl = 0;
  while (j < n && (k = space_at(s, j, n)) != 0) {
    if (s[j] == '\n') r.nl = 1;
    j += k;
  }
  while (j < n && count < OPEN_MAX && (k = opener_at(s, j, n)) != 0) { j += k; count++; r.quoted = 1; }
  r.word = j;
  r.kind = j < n ? char_kind(s, j, n) : K_END;
  return r;
}

/* ---- words ---- */

static int ascii_alpha(unsigned c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

/* Capitalised words that usually open a sentence: after an abbreviation,
   acronym or initial, one of these means the period ended a sentence. */
static const char *const starters[] = {
  "A", "After", "All", "Also", "An", "And", "As", "At", "Before", "But", "By", "Did", "Do",
  "Does", "During", "Each", "Even", "For", "From", "He", "Her", "Here", "His", "How",
  "However", "I", "If", "In", "It", "Its", "Last", "Many", "Meanwhile", "More", "Most", "My",
  "No", "Not", "Now", "On", "One", "Our", "She", "Since", "So", "Some", "That", "The",
  "Their", "Then", "There", "These", "They", "This", "Those", "Though", "To", "Under", "We",
  "What", "When", "Where", "Which", "While", "Who", "Why", "With", "Yet", "You", "Your"
};

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Is the word at s[m] one of `starters`? (exact case) */
static int is_starter(uchar *s, size_t m, size_t n) {
  char buf[12];
  size_t L = 0;
  const char *key = buf;
  while (m + L < n && L < sizeof buf - 1 && ascii_alpha(s[m + L])) { buf[L] = (char)s[m + L]; L++; }
  if (L == 0 || L == sizeof buf - 1) return 0;
  if (m + L < n) {
    unsigned c = s[m + L];
    /* a letter beyond ASCII continues the word; ’ (I’m) does not */
    if (c >= 0x80 && !(c == 0xE2 && m + L + 2 < n && s[m + L + 1] == 0x80 && s[m + L + 2] == 0x99))
      return 0;
    if (c >= '0' && c <= '9') return 0;
  }
  buf[L] = 0;
  return bsearch(&key, starters, sizeof starters / sizeof *starters, sizeof *starters, cmp_str) != NULL;
}

/* The pronoun I (I, I'm, I’ve ...) at s[m]. */
static int is_pronoun_i(uchar *s, size_t m, size_t n) {
  unsigned c;
  if (s[m] != 'I') return 0;
  if (m + 1 >= n) return 1;
  c = s[m + 1];
  if (c < 0x80) return !ascii_alpha(c) && !(c >= '0' && c <= '9');
  return c == 0xE2; /* I’m */
}

/* Abbreviations, lower case, sorted (strcmp order), with their class. */
typedef struct abbr { const char *w; int cls; } abbr;
static const abbr abbrs[] = {
  {"adm", A_TITLE}, {"al", A_ABBR}, {"ala", A_ABBR}, {"approx", A_ABBR}, {"apr", A_ABBR},
  {"ariz", A_ABBR}, {"ark", A_ABBR}, {"assn", A_ABBR}, {"aug", A_ABBR}, {"ave", A_ABBR},
  {"blvd", A_ABBR}, {"brig", A_TITLE}, {"bros", A_ABBR}, {"ca", A_ABBR}, {"calif", A_ABBR},
  {"capt", A_TITLE}, {"cf", A_NEVER}, {"cmdr", A_TITLE}, {"co", A_ABBR}, {"col", A_TITLE},
  {"colo", A_ABBR}, {"conn", A_ABBR}, {"corp", A_ABBR}, {"cpl", A_TITLE}, {"dec", A_ABBR},
  {"dept", A_ABBR}, {"dr", A_TITLE}, {"eds", A_ABBR}, {"esq", A_ABBR}, {"est", A_ABBR},
  {"etc", A_ETC}, {"feb", A_ABBR}, {"fig", A_ABBR}, {"figs", A_ABBR}, {"fla", A_ABBR},
  {"ft", A_ABBR}, {"ga", A_ABBR}, {"gen", A_TITLE}, {"gens", A_TITLE}, {"gov", A_TITLE},
  {"govs", A_TITLE}, {"hon", A_TITLE}, {"inc", A_ABBR}, {"jan", A_ABBR}, {"jr", A_ABBR},
  {"jul", A_ABBR}, {"jun", A_ABBR}, {"kan", A_ABBR}, {"ky", A_ABBR}, {"lt", A_TITLE},
  {"ltd", A_ABBR}, {"maj", A_TITLE}, {"mar", A_ABBR}, {"md", A_ABBR}, {"messrs", A_TITLE},
  {"mich", A_ABBR}, {"minn", A_ABBR}, {"mlle", A_TITLE}, {"mme", A_TITLE}, {"mont", A_ABBR},
  {"mr", A_TITLE}, {"mrs", A_TITLE}, {"ms", A_TITLE}, {"mssrs", A_TITLE}, {"mt", A_ABBR},
  {"neb", A_ABBR}, {"nev", A_ABBR}, {"no", A_ABBR}, {"nos", A_ABBR}, {"nov", A_ABBR},
  {"n\xc2\xb0", A_ABBR}, {"oct", A_ABBR}, {"okla", A_ABBR}, {"ore", A_ABBR}, {"p", A_ABBR},
  {"pp", A_ABBR}, {"pres", A_TITLE}, {"prof", A_TITLE}, {"pvt", A_TITLE}, {"rep", A_TITLE},
  {"reps", A_TITLE}, {"rev", A_TITLE}, {"sen", A_TITLE}, {"sens", A_TITLE}, {"sep", A_ABBR},
  {"sept", A_ABBR}, {"sgt", A_TITLE}, {"sr", A_ABBR}, {"st", A_ABBR}, {"supt", A_TITLE},
  {"tenn", A_ABBR}, {"v", A_ABBR}, {"va", A_ABBR}, {"vol", A_ABBR}, {"vs", A_NEVER},
  {"vt", A_ABBR}, {"wis", A_ABBR}, {"wyo", A_ABBR}
};

static int cmp_abbr(const void *a, const void *b) {
  return strcmp((const char *)a, ((const abbr *)b)->w);
}

/* Classes of the word before a period. */
enum { W_ORDINARY, W_TITLE, W_NEVER, W_ABBR, W_ETC, W_ACRONYM, W_INITIAL };

/* Class of the word s[b..e) (the period at s[e] excluded). */
static int word_class(uchar *s, size_t b, size_t e) {
  char buf[8];
  size_t L = e - b, i;
  const abbr *a;
  if (L == 0) return W_ORDINARY;
  if (L == 1) return ascii_alpha(s[b]) ? W_INITIAL : W_ORDINARY;
  /* dotted acronym: letter (. letter)+ as U.S, a.m, e.g */
  if (L >= 3 && (L & 1) && ascii_alpha(s[b])) {
    for (i = 1; i < L; i += 2)
      if (s[b + i] != '.' || !ascii_alpha(s[b + i + 1])) break;
    if (i >= L) {
      if (L == 3 && (((s[b] | 0x20) == 'i' && (s[b + 2] | 0x20) == 'e') ||
                     ((s[b] | 0x20) == 'e' && (s[b + 2] | 0x20) == 'g'))) return W_NEVER;
      return W_ACRONYM;
    }
  }
  if (L >= sizeof buf) return W_ORDINARY;
  for (i = 0; i < L; i++) {
    unsigned c = s[b + i];
    buf[i] = (char)((c >= 'A' && c <= 'Z') ? c | 0x20 : c);
  }
  buf[L] = 0;
  a = (const abbr *)bsearch(buf, abbrs, sizeof abbrs / sizeof *abbrs, sizeof *abbrs, cmp_abbr);
  if (a == NULL) return W_ORDINARY;
  switch (a->cls) {
    case A_TITLE: return W_TITLE;
    case A_NEVER: return W_NEVER;
    case A_ETC: return W_ETC;
    default: return W_ABBR;
  }
}

/* Does a word end just before s[b]? (white space or an opening mark) */
static int word_stop_before(uchar *s, size_t lim, size_t b) {
  unsigned c = s[b - 1];
  if (c == '(' || c == '[' || c == '{' || c == '"' || c == '*' || c == '_') return 1;
  if (space_before(s, lim, b)) return 1;
  if (b - lim >= 3 && s[b - 3] == 0xE2 && s[b - 2] == 0x80 && (c == 0x9C || c == 0x98)) return 1;
  if (b - lim >= 2 && s[b - 2] == 0xC2 && c == 0xAB) return 1;
  return 0;
}

/* Does a period at s[e] after the word ending at e end a sentence, given
   what follows? lo bounds the look back (the sentence start); closed tells
   whether closing quotes / brackets followed the period. */
static int period_breaks(uchar *s, size_t lo, size_t e, size_t n, int closed, const next_info *nx) {
  size_t b = e, k, lim = e - lo > WORD_MAX ? e - WORD_MAX : lo;
  int cls;
  /* strip closing marks before the period: people”. */
  while ((k = closer_before(s, lim, b)) != 0) b -= k;
  e = b;
  while (b > lim && !word_stop_before(s, lim, b)) b--;
  if (b == lim && lim > lo && !word_stop_before(s, lo, b)) cls = W_ORDINARY; /* word too long */
  else {
    while (b < e && s[b] == '\'') b++;
    cls = word_class(s, b, e);
  }
  switch (cls) {
    case W_TITLE: case W_NEVER: return 0;
    case W_ETC: return nx->kind == K_UPPER;
    case W_ABBR: case W_ACRONYM: case W_INITIAL:
      /* a quotation closed or opened around the gap also tells: “No.” Putin said */
      return nx->kind == K_UPPER && (closed || nx->quoted || is_starter(s, nx->word, n));
    default: return nx->kind != K_LOWER;
  }
}

/* ---- lists ---- */

typedef struct list_state {
  int on;           /* 1 numbers, 2 letters */
  unsigned long next;
  char style[3];    /* ".", ")" or ".)" */
} list_state;

/* A list marker at s[p] ("1." "12)" "3.)" "a." "b)"), preceded by an optional
   bullet, followed by white space: returns the position after it (else 0)
   and fills *ls with the item expected next. */
static size_t list_marker(uchar *s, size_t p, size_t n, list_state *ls) {
  size_t q, k;
  unsigned long v = 0;
  int kind;
  if ((k = bullet_at(s, p, n)) != 0 || (p < n && (s[p] == '-' || s[p] == '*'))) {
    p += k ? k : 1;
    while (p < n && s[p] == ' ') p++;
  }
  q = p;
  while (q < n && q - p < 3 && s[q] >= '0' && s[q] <= '9') v = v * 10 + (unsigned long)(s[q++] - '0');
  if (q > p) kind = 1;
  else if (q < n && s[q] >= 'a' && s[q] <= 'y') { v = s[q++]; kind = 2; }
  else return 0;
  if (q >= n) return 0;
  if (s[q] == '.' && q + 1 < n && s[q + 1] == ')') { memcpy(ls->style, ".)", 3); q += 2; }
  else if (s[q] == '.' || s[q] == ')') { ls->style[0] = (char)s[q]; ls->style[1] = 0; q++; }
  else return 0;
  if (q >= n || space_at(s, q, n) == 0) return 0;
  ls->on = kind;
  ls->next = v + 1;
  return q;
}

/* Is the next list item's marker at s[p]? */
static int list_next_at(uchar *s, size_t p, size_t n, const list_state *ls) {
  size_t L = strlen(ls->style);
  if (ls->on == 1) {
    char buf[24];
    unsigned long v = ls->next;
    size_t d = 0, i;
    do { buf[d++] = (char)('0' + v % 10); v /= 10; } while (v && d < sizeof buf);
    if (p + d + L >= n) return 0;
    for (i = 0; i < d; i++) if (s[p + i] != (uchar)buf[d - 1 - i]) return 0;
    p += d;
  } else {
    if (p + 1 + L >= n || s[p] != (uchar)ls->next) return 0;
    p += 1;
  }
  if (memcmp(s + p, ls->style, L) != 0) return 0;
  return space_at(s, p + L, n) != 0;
}

/* ---- output ---- */

static int has_alnum(uchar *s, size_t b, size_t e) {
  while (b < e) {
    unsigned c = s[b];
    if (c < 0x80) {
      if (ascii_alpha(c) || (c >= '0' && c <= '9')) return 1;
      b++;
    } else {
      int32_t cp;
      size_t k = nc_utf8_decode(s + b, e - b, &cp);
      if (cp >= 0) {
        int cat = utf8proc_category(cp);
        if (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_NO) return 1;
      }
      b += k;
    }
  }
  return 0;
}

static int emit(uchar *s, size_t b, size_t e, nc_vec *out) {
  nc_span *sp;
  e = trim_back(s, b, e);
  if (e <= b || !has_alnum(s, b, e)) return NC_OK;
  sp = (nc_span *)nc_vec_push(out);
  if (sp == NULL) return NC_ENOMEM;
  sp->start = b;
  sp->end = e;
  return NC_OK;
}

/* Lower-case words after which a line break does not end a line of prose. */
static int ends_in_function_word(uchar *s, size_t lo, size_t e) {
  static const char *const fw[] = { "a", "an", "and", "as", "at", "by", "for", "from", "in",
    "of", "on", "or", "than", "that", "the", "to", "with" };
  size_t b = e, i;
  while (b > lo && e - b < 5 && s[b - 1] >= 'a' && s[b - 1] <= 'z') b--;
  if (b == e || (b > lo && !space_before(s, lo, b))) return 0;
  for (i = 0; i < sizeof fw / sizeof *fw; i++)
    if (strlen(fw[i]) == e - b && memcmp(fw[i], s + b, e - b) == 0) return 1;
  return 0;
}

/* Does a single line break at s[i] (the line being s[lo..i)) end a sentence,
   the next line starting at s[j]? */
static int line_breaks(uchar *s, size_t lo, size_t i, size_t j, size_t n) {
  size_t e = trim_back(s, lo, i), b = e, k;
  unsigned c;
  int kind;
  if (e <= lo) return 0;
  while ((k = closer_before(s, lo, b)) != 0) b -= k;
  if (b > lo) {
    c = s[b - 1];
    if (c == '.' || c == '?' || c == '!') return 0;
    if (b - lo >= 3 && is_ellipsis(s, b - 3, n)) return 0;
  }
  c = s[e - 1];
  if (c == ',' || c == ';' || c == ':' || c == '-' || c == '(' || c == '&' || c == '/') return 0;
  if (e - lo >= 3 && s[e - 3] == 0xE2 && s[e - 2] == 0x80 && (s[e - 1] == 0x93 || s[e - 1] == 0x94))
    return 0; /* – — */
  if (ends_in_function_word(s, lo, e)) return 0;
  {
    size_t m = j, cnt = 0;
    while (m < n && cnt < OPEN_MAX && (k = opener_at(s, m, n)) != 0) { m += k; cnt++; }
    kind = m < n ? char_kind(s, m, n) : K_END;
  }
  return kind != K_LOWER;
}

/* ---- the scan ---- */

/* bytes at which the scan stops: . ? ! \n, 0xE2 (… • U+2029) and 0xE3 /
   0xEF (full-width stops); in a list also the space before a next item */
static const unsigned char stop_plain[256] = {
  ['.'] = 1, ['?'] = 1, ['!'] = 1, ['\n'] = 1, [0xE2] = 1, [0xE3] = 1, [0xEF] = 1
};
static const unsigned char stop_list[256] = {
  ['.'] = 1, ['?'] = 1, ['!'] = 1, ['\n'] = 1, [0xE2] = 1, [0xE3] = 1, [0xEF] = 1, [' '] = 1
};

int nc_sentences(const char *str, size_t n, nc_invalid inv, nc_vec *out, size_t *bad) {
  uchar *s = (uchar *)str;
  size_t i, start, k;
  const unsigned char *stop = stop_plain;
  list_state ls;
  int st;

  if (bad) *bad = 0;
  if (out == NULL || out->size != sizeof(nc_span) || (str == NULL && n > 0)) return NC_EINVAL;
  if (inv == NC_INVALID_ERROR) {
    size_t b = nc_utf8_check(str, n);
    if (b < n) { if (bad) *bad = b; return NC_EUTF8; }
  }
  if (n == 0) return NC_OK;

#define BEGIN(pos) do { \
    start = skip_ws(s, (pos), n); i = start; ls.on = 0; stop = stop_plain; \
    if (start < n && (k = list_marker(s, start, n, &ls)) != 0) { i = k; stop = stop_list; } \
  } while (0)
#define END_AT(e) do { if ((st = emit(s, start, (e), out)) != NC_OK) return st; } while (0)

  BEGIN(0);
  while (i < n) {
    unsigned c;
    while (i < n && !stop[s[i]]) i++;
    if (i >= n) break;
    c = s[i];
    if (c == ' ') { /* in a list: the next item? */
      if (i + 1 < n && list_next_at(s, i + 1, n, &ls)) { END_AT(i); BEGIN(i + 1); }
      else i++;
      continue;
    }
    if (c == '\n') {
      size_t j = i + 1;
      int blank = 0;
      while (j < n) {
        if (s[j] == '\n' || (j + 2 < n && s[j] == 0xE2 && s[j + 1] == 0x80 && s[j + 2] == 0xA9)) {
          blank = 1; break;
        }
        if ((k = space_at(s, j, n)) == 0) break;
        j += k;
      }
      if (j >= n) break;
      if (blank || line_breaks(s, start, i, j, n)) { END_AT(i); BEGIN(j); }
      else i = j;
      continue;
    }
    if (c == 0xE3 || c == 0xEF) { /* 。！？ end a sentence, no space needed */
      size_t e = i;
      if (wide_stop_at(s, i, n) == 0) { i++; continue; }
      while (e < n && ((k = wide_stop_at(s, e, n)) != 0 || (k = closer_at(s, e, n)) != 0)) e += k;
      if (e < n && skip_ws(s, e, n) < n) { END_AT(e); BEGIN(e); }
      else i = e;
      continue;
    }
    if (c == 0xE2 && !is_ellipsis(s, i, n)) {
      if (i + 2 < n && s[i + 1] == 0x80 && s[i + 2] == 0xA9) { /* paragraph separator */
        END_AT(i); BEGIN(i + 3); continue;
      }
      if ((k = bullet_at(s, i, n)) != 0 && i > start && space_before(s, start, i)) {
        END_AT(i); BEGIN(i); continue;
      }
      i++;
      continue;
    }
    /* a terminator run: dots, ellipses, ? and ! */
    {
      size_t p = i, first_end = 0, e;
      int dots = 0, qe = 0, spaced = 0;
      int attached = i > start && !space_before(s, start, i);
      next_info nx;
      int brk;
      for (;;) {
        if (p < n && s[p] == '.') { dots++; p++; }
        else if (p < n && is_ellipsis(s, p, n)) { dots += 3; p += 3; }
        else if (p < n && (s[p] == '?' || s[p] == '!')) { qe = 1; p++; }
        else if (dots && !qe && p + 1 < n && s[p] == ' ' && s[p + 1] == '.' &&
                 (p + 2 >= n || s[p + 2] == ' ' || s[p + 2] == '.' || closer_at(s, p + 2, n))) {
          spaced = 1; p++; continue;
        } else break;
        if (!first_end) first_end = p;
      }
      e = p;
      while (e < n && (k = closer_at(s, e, n)) != 0) e += k;
      if (e >= n) { i = e; break; }
      if (s[e] == '.' || s[e] == '?' || s[e] == '!' || is_ellipsis(s, e, n)) { i = e; continue; }
      if (space_at(s, e, n) == 0) { i = e; continue; }
      nx = next_of(s, e, n);
      if (nx.kind == K_END) { i = e; continue; } /* a blank line may still follow */
      if (qe) brk = nx.kind != K_LOWER;
      else if (dots == 1 || dots == 2) brk = period_breaks(s, start, i, n, e > p, &nx);
      else if (dots == 3)  /* "[...]" marks a cut, never a stop */
        brk = nx.kind == K_UPPER && !is_pronoun_i(s, nx.word, n) &&
              !(i > start && s[i - 1] == '[' && s[p] == ']');
      else if (attached && spaced) {
        if (nx.kind == K_UPPER) { /* "word. . . . Next": the first dot ends it */
          END_AT(first_end);
          start = skip_ws(s, first_end, n);
          ls.on = 0; stop = stop_plain;
          i = e;
          continue;
        }
        brk = 0;
      } else brk = nx.kind == K_UPPER;
      if (brk) { END_AT(e); BEGIN(e); }
      else i = e;
    }
  }
  END_AT(n);
#undef BEGIN
#undef END_AT
  return NC_OK;
}
