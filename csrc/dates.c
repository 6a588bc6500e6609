/*
** dates.c: finding and resolving dates (see dates.h).
**
** One pass over the tokens of figures.h's scanner, with a ring of the last
** tokens (for "last", "on", and the look for future tense) and a bounded
** look-ahead; the pass resumes after each date, so the work is linear.
*/
#include <stdio.h>
#include <string.h>

#include "dates.h"
#include "figures.h"

/* ------------------------------------------------------------------ */
/* calendar (H. Hinnant's days_from_civil / civil_from_days)           */

long nc_days_from_civil(long y, int m, int d) {
  long era, yoe, doy, doe;
  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void nc_civil_from_days(long z, long *y, int *m, int *d) {
  long era, doe, yoe, doy, mp;
  z += 719468;
  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = z - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  *d = (int)(doy - (153 * mp + 2) / 5 + 1);
  *m = (int)(mp < 10 ? mp + 3 : mp - 9);
  *y = yoe + era * 400 + (*m <= 2);
}

int nc_weekday(long z) {
  long w = (z + 3) % 7;   /* 1970-01-01 was a Thursday */
  if (w < 0) w += 7;
  return (int)w;
}

static const char *const WDNAME[] = {
  "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" };

const char *nc_weekday_name(int wd) {
  return (wd >= 0 && wd < 7) ? WDNAME[wd] : "";
}

static int leap(long y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
static int mdays(long y, int m) {
  static const int md[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  return (m == 2 && leap(y)) ? 29 : md[m - 1];
}

int nc_parse_iso(const char *s, size_t n, long *day) {
  long y = 0;
  int m, d, k;
  if (n != 10 || s[4] != '-' || s[7] != '-') return 0;
  for (k = 0; k < 10; k++)
    if (k != 4 && k != 7 && (s[k] < '0' || s[k] > '9')) return 0;
  for (k = 0; k < 4; k++) y = y * 10 + (s[k] - '0');
  m = (s[5] - '0') * 10 + (s[6] - '0');
  d = (s[8] - '0') * 10 + (s[9] - '0');
  if (m < 1 || m > 12 || d < 1 || d > mdays(y, m)) return 0;
  *day = nc_days_from_civil(y, m, d);
  return 1;
}

void nc_format_iso(long day, char *buf, size_t len) {
  long y;
  int m, d;
  nc_civil_from_days(day, &y, &m, &d);
  if (y < 0) y = 0;
  if (y > 9999) y = 9999;
  snprintf(buf, len, "%04ld-%02d-%02d", y, m, d);
}

/* ------------------------------------------------------------------ */
/* tokens                                                              */

#define HIST 10
#define LA_MAX 16

typedef struct dreader {
  nc_ftwin w;          /* the token window */
  int has_ref;
  long ref;
  long ry;              /* the reference's year and month */
  int rm;
} dreader;

static const nc_ftok *LA(dreader *r, int i) { return nc_ftwin_la(&r->w, i); }

static const nc_ftok *H(const dreader *r, size_t k) { return nc_ftwin_hist(&r->w, k); }

static void consume(dreader *r, int k) { nc_ftwin_consume(&r->w, k); }

static int tin(const char *s, const nc_ftok *t, const char *const *list) {
  int k;
  char c0;
  if (!t || t->type != NC_FT_WORD) return 0;
  c0 = s[t->start];
  if (c0 >= 'A' && c0 <= 'Z') c0 = (char)(c0 | 0x20);
  for (k = 0; list[k]; k++)
    if (list[k][0] == c0 && nc_ftok_is(s, t, list[k])) return k + 1;
  return 0;
}
/* the token without a possessive "'s" or "’s" ("Tuesday's talks") */
static nc_ftok stem(const char *s, const nc_ftok *t) {
  nc_ftok u = *t;
  size_t len = t->end - t->start;
  if (t->type != NC_FT_WORD || len < 4 || (s[t->end - 1] | 0x20) != 's') return u;
  if (s[t->end - 2] == '\'') u.end -= 2;
  else if (len > 5 && (unsigned char)s[t->end - 2] == 0x99 && (unsigned char)s[t->end - 3] == 0x80 &&
           (unsigned char)s[t->end - 4] == 0xE2) u.end -= 4;
  return u;
}

static int is_w(dreader *r, int i, const char *w) {
  const nc_ftok *t = LA(r, i);
  return t->type == NC_FT_WORD && nc_ftok_is(r->w.s, t, w);
}
static int is_p(dreader *r, int i, char c) {
  const nc_ftok *t = LA(r, i);
  return t->type == NC_FT_PUNCT && t->punct == c;
}
static int h_w(const dreader *r, size_t k, const char *w) {
  const nc_ftok *t = H(r, k);
  return t && t->type == NC_FT_WORD && nc_ftok_is(r->w.s, t, w);
}
static int upper(const dreader *r, const nc_ftok *t) {
  unsigned char c = (unsigned char)r->w.s[t->start];
  return c >= 'A' && c <= 'Z';
}

/* words that can start a date (sorted, for the fast gate) */
static const char *const DATE_TRIGGERS[] = {
  "apr", "april", "aug", "august", "dec", "december", "feb", "february", "fri", "friday", "jan",
  "january", "jul", "july", "jun", "june", "last", "mar", "march", "may", "mon", "monday",
  "next", "nov", "november", "oct", "october", "past", "sat", "saturday", "sep", "sept",
  "september", "sun", "sunday", "this", "thu", "thur", "thurs", "thursday", "today",
  "tomorrow", "tonight", "tue", "tues", "tuesday", "wed", "wednesday", "weekend", "yesterday",
};

/* first letter, length, last letter of the DATE_TRIGGERS */
static const uint32_t DATE_MASK[26][16] = {
  { 0x0, 0x0, 0x0, 0x24040, 0x0, 0x800, 0x80000, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0 },
  { 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0 },
  { 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0 },
  { 0x0, 0x0, 0x0, 0x4, 0x0, 0x0, 0x0, 0x0, 0x20000, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0 },
  { 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0 },
  { 0x0, 0x0, 0x0, 0x102, 0x0, 0x0, 0x1000000, 0x0, 0x1000000, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0 },
  { 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0 },
  { 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0 },
  { 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0 },
  { 0x0, 0x0, 0x0, 0x2800, 0x1000010, 0x0, 0x0, 0x1000000, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0 },
  { 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0 },
  { 0x0, 0x0, 0x0, 0x0, 0x80000, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0 },
  { 0x0, 0x0, 0x0, 0x1022000, 0x0, 0x80, 0x1000000, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0 },
  { 0x0, 0x0, 0x0, 0x200000, 0x80000, 0x0, 0x0, 0x0, 0x20000, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0 },
  { 0x0, 0x0, 0x0, 0x80000, 0x0, 0x0, 0x0, 0x20000, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0 },
  { 0x0, 0x0, 0x0, 0x0, 0x80000, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0 },
  { 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0 },
  { 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0 },
  { 0x0, 0x0, 0x0, 0x8a000, 0x80000, 0x0, 0x1000000, 0x0, 0x1000000, 0x20000, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0 },
  { 0x0, 0x0, 0x0, 0x100010, 0x60000, 0x1040000, 0x0, 0x1080000, 0x1400000, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0 },
  { 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0 },
  { 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0 },
  { 0x0, 0x0, 0x0, 0x8, 0x0, 0x0, 0x0, 0x8, 0x0, 0x1000000, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0 },
  { 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0 },
  { 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x1000000, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0 },
  { 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0 },
};

static const char *const MONTHS[] = {
  "january", "february", "march", "april", "may", "june", "july", "august", "september",
  "october", "november", "december", NULL };
static const char *const MABBR[] = {
  "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
  "sept", NULL };
static const char *const WDAYS[] = {
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", NULL };
static const char *const WDABBR[] = {
  "mon", "tue", "wed", "thu", "fri", "sat", "sun", "tues", "thur", "thurs", NULL };
static const char *const SMALLN[] = {
  "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
  "eleven", "twelve", NULL };
static const char *const FUTURE[] = {
  "will", "shall", "scheduled", "due", "expected", "plans", "planned", "planning",
  "upcoming", "next", "set", "going", "tomorrow", "would", NULL };

/* month (1..12) of la[i] ("Aug", "Aug.", "August"), with tokens used */
static int month_at(dreader *r, int i, int *used) {
  const nc_ftok *t = LA(r, i);
  int k;
  if (t->type != NC_FT_WORD || !upper(r, t)) return 0;
  if ((k = tin(r->w.s, t, MONTHS)) > 0) {
    *used = 1;
    if (is_p(r, i + 1, '.') && !LA(r, i + 1)->gap && k != 5) *used = 2;
    return k;
  }
  if ((k = tin(r->w.s, t, MABBR)) > 0) {
    *used = is_p(r, i + 1, '.') && !LA(r, i + 1)->gap ? 2 : 1;
    return k == 13 ? 9 : k;
  }
  return 0;
}

/* an integer token in [lo, hi] at la[i], plain digits; -1 if none */
static long int_at(dreader *r, int i, long lo, long hi, int maxdig) {
  const nc_ftok *t = LA(r, i);
  long v = 0;
  size_t k;
  if (t->type != NC_FT_NUM || t->end - t->start > (size_t)maxdig) return -1;
  for (k = t->start; k < t->end; k++) {
    if (r->w.s[k] < '0' || r->w.s[k] > '9') return -1;
    v = v * 10 + (r->w.s[k] - '0');
  }
  return (v >= lo && v <= hi) ? v : -1;
}

/* a day number at la[i] ("13", "13th"), tokens used in *used */
static int day_at(dreader *r, int i, int *used) {
  long d = int_at(r, i, 1, 31, 2);
  const nc_ftok *nx;
  if (d < 0) return 0;
  nx = LA(r, i + 1);
  *used = 1;
  if (nx->type == NC_FT_WORD && !nx->gap) {
    static const char *const ords[] = { "st", "nd", "rd", "th", NULL };
    if (!tin(r->w.s, nx, ords)) return 0;
    *used = 2;
  } else if (nx->type == NC_FT_NUM && !nx->gap) {
    return 0;
  }
  /* "13:30", "13/8" */
  if (*used == 1 && !nx->gap && nx->type == NC_FT_PUNCT &&
      (nx->punct == ':' || nx->punct == '/' || nx->punct == '-') &&
      LA(r, i + 2)->type == NC_FT_NUM) return 0;
  return (int)d;
}

/* a year at la[i] (1000..2999), optionally after a comma */
static long year_at(dreader *r, int i, int *used) {
  long y;
  int j = i;
  if (is_p(r, j, ',')) j++;
  y = int_at(r, j, 1000, 2999, 4);
  if (y < 0 || LA(r, j)->end - LA(r, j)->start != 4) return -1;
  if (!LA(r, j + 1)->gap && LA(r, j + 1)->type == NC_FT_WORD) return -1;  /* 2024s */
  *used = j + 1 - i;
  return y;
}

/* does the clause before la[0] look ahead? */
static int future(const dreader *r) {
  size_t k;
  for (k = 1; k <= HIST; k++) {
    const nc_ftok *t = H(r, k);
    if (!t) break;
    if (t->type == NC_FT_PUNCT && (t->punct == '.' || t->punct == '!' || t->punct == '?' ||
                                   t->punct == ';')) break;
    if (t->type == NC_FT_WORD) {
      size_t len = t->end - t->start;
      if (tin(r->w.s, t, FUTURE)) return 1;
      if (len > 3 && r->w.s[t->end - 3] == '\'' && (r->w.s[t->end - 2] | 0x20) == 'l' &&
          (r->w.s[t->end - 1] | 0x20) == 'l') return 1;
      /* past tense: stop looking */
      if (nc_ftok_is(r->w.s, t, "was") || nc_ftok_is(r->w.s, t, "were") ||
          nc_ftok_is(r->w.s, t, "had") || nc_ftok_is(r->w.s, t, "did")) return 0;
    }
    if (t->nl) break;
  }
  return 0;
}

static int emit(nc_vec *out, size_t start, size_t end, int exact, long lo, long hi, int rel);

/* "early", "mid", "mid-", "late" before la[0]: 1, 2, 3 (0: none); *start
   moves to the modifier */
static int month_part(const dreader *r, size_t *start) {
  if (h_w(r, 1, "early")) { *start = H(r, 1)->start; return 1; }
  if (h_w(r, 1, "mid")) { *start = H(r, 1)->start; return 2; }
  if (h_w(r, 1, "late")) { *start = H(r, 1)->start; return 3; }
  if (H(r, 1) && H(r, 1)->type == NC_FT_PUNCT && H(r, 1)->punct == '-' && h_w(r, 2, "mid")) {
    *start = H(r, 2)->start; return 2;
  }
  return 0;
}

/* emit a month, or its early / middle / late part */
static int emit_month(dreader *r, nc_vec *out, size_t start, size_t end, long y, int m, int rel) {
  int part = month_part(r, &start), d0 = 1, d1 = mdays(y, m);
  if (part == 1) d1 = 10;
  else if (part == 2) { d0 = 11; d1 = 20; }
  else if (part == 3) d0 = 21;
  return emit(out, start, end, 2, nc_days_from_civil(y, m, d0), nc_days_from_civil(y, m, d1), rel);
}

/* year for a year-less month/day, nearest sensible to the reference */
static long pick_year(const dreader *r, int m, int d, int fut) {
  long y, ry, c;
  int rm, rd;
  nc_civil_from_days(r->ref, &ry, &rm, &rd);
  y = ry;
  if (d > mdays(y, m)) d = mdays(y, m);
  c = nc_days_from_civil(y, m, d);
  if (fut) { if (c < r->ref) y++; }
  else if (c > r->ref + 14) y--;
  return y;
}

static int emit(nc_vec *out, size_t start, size_t end, int exact, long lo, long hi, int rel) {
  nc_date *p = (nc_date *)nc_vec_push(out);
  if (!p) return NC_ENOMEM;
  p->start = start; p->end = end;
  p->relative = rel;
  if (exact == 1) { p->has_date = 1; p->has_range = 1; p->date = p->low = p->high = lo; }
  else if (exact == 2) { p->has_range = 1; p->low = lo; p->high = hi; }
  return NC_OK;
}

/* Try a date at la[0]; returns tokens used, 0 if none; *st set on error. */
static int read_date(dreader *r, nc_vec *out, int *st) {
  const nc_ftok *t = LA(r, 0);
  int j = 0, u = 0, m = 0, d = 0, wd = -1, wd_full = 0, k;
  long y = -1;
  size_t start = t->start;
  *st = NC_OK;

  /* ISO: 2024-08-13 */
  if (t->type == NC_FT_NUM && t->end - t->start == 4 && is_p(r, 1, '-') && !LA(r, 1)->gap &&
      LA(r, 2)->type == NC_FT_NUM && !LA(r, 2)->gap && is_p(r, 3, '-') && !LA(r, 3)->gap &&
      LA(r, 4)->type == NC_FT_NUM && !LA(r, 4)->gap && LA(r, 4)->end - t->start == 10) {
    long day;
    if (nc_parse_iso(r->w.s + t->start, 10, &day)) {
      *st = emit(out, t->start, t->start + 10, 1, day, day, 0);
      return 5;
    }
    return 0;
  }

  if (t->type == NC_FT_WORD) {
    /* a weekday, full or (before a date) abbreviated */
    nc_ftok st0 = stem(r->w.s, t);
    if ((k = tin(r->w.s, &st0, WDAYS)) > 0 && upper(r, t)) { wd = k - 1; wd_full = 1; }
    else if ((k = tin(r->w.s, t, WDABBR)) > 0 && upper(r, t)) {
      int jj = 1 + (is_p(r, 1, '.') ? 1 : 0), uu;
      if (day_at(r, jj, &uu) || month_at(r, jj, &uu)) wd = (k <= 7) ? k - 1 : (k == 8 ? 1 : 3);
      else return 0;
    }
    if (wd >= 0) {
      j = 1;
      if (is_p(r, j, '.') && !LA(r, j)->gap) j++;
      if (is_p(r, j, ',')) j++;
    }
  }

  /* D Month [YYYY] | D(th) of Month | Month D [, YYYY] | Month YYYY */
  if ((d = day_at(r, j, &u)) > 0) {
    int jj = j + u, uu;
    if (is_w(r, jj, "of")) jj++;
    if ((m = month_at(r, jj, &uu)) > 0) { j = jj + uu; y = year_at(r, j, &uu); if (y >= 0) j += uu; }
    else d = 0;
  } else if ((m = month_at(r, j, &u)) > 0) {
    int uu;
    int jj = j + u;
    if ((d = day_at(r, jj, &uu)) > 0) {
      j = jj + uu;
      y = year_at(r, j, &uu);
      if (y >= 0) j += uu;
    } else if ((y = year_at(r, jj, &uu)) >= 0 && !is_p(r, jj, ',')) {
      j = jj + uu;
    } else {
      /* a month alone: "in February", "last March" (full names only) */
      static const char *const pre[] = {
        "in", "since", "until", "till", "by", "from", "early", "late", "mid", "last", "next",
        "this", "during", "before", "after", NULL };
      const nc_ftok *p1 = H(r, 1);
      size_t dummy = 0;
      if (u == 1 && tin(r->w.s, t, MONTHS) && (tin(r->w.s, p1, pre) || month_part(r, &dummy))) {
        long ry, yy;
        int rm, rd, fut;
        if (!r->has_ref) { *st = emit(out, t->start, t->end, 0, 0, 0, 1); return 1; }
        nc_civil_from_days(r->ref, &ry, &rm, &rd);
        fut = nc_ftok_is(r->w.s, p1, "next") || future(r);
        yy = ry;
        if (nc_ftok_is(r->w.s, p1, "last")) { if (m >= rm) yy--; start = p1->start; }
        else if (nc_ftok_is(r->w.s, p1, "next")) { if (m <= rm) yy++; start = p1->start; }
        else if (fut) { if (m < rm) yy++; }
        else if (m > rm) yy--;
        *st = emit_month(r, out, start, t->end, yy, m, 1);
        return 1;
      }
      m = 0;
    }
  }

  if (m > 0) {
    long day;
    const nc_ftok *last = LA(r, j - 1);
    int rel = 0;
    if (d > 0) {
      if (y < 0) {
        if (!r->has_ref) { *st = emit(out, start, last->end, 0, 0, 0, 1); return j; }
        y = pick_year(r, m, d, future(r));
        rel = 1;
      }
      if (d > mdays(y, m)) return j;   /* "29 February 2023": no such day, nothing */
      day = nc_days_from_civil(y, m, d);
      *st = emit(out, start, last->end, 1, day, day, rel);
    } else {
      *st = emit_month(r, out, start, last->end, y, m, 0);
    }
    return j;
  }

  /* a weekday alone: "on Tuesday", "last Friday", "next Monday", "Tuesday's" */
  if (wd >= 0 && wd_full) {
    int dir = 0, strict = 0;   /* dir 0: past, 1: future */
    long day;
    const nc_ftok *p1 = H(r, 1);
    if (h_w(r, 1, "last") || h_w(r, 1, "past")) { strict = 1; start = p1->start; }
    else if (h_w(r, 1, "next") || h_w(r, 1, "coming")) { dir = 1; strict = 1; start = p1->start; }
    else if (h_w(r, 1, "this")) { dir = future(r); start = p1->start; }
    else dir = future(r);
    if (!r->has_ref) { *st = emit(out, start, stem(r->w.s, t).end, 0, 0, 0, 1); return 1; }
    {
      int rw = nc_weekday(r->ref), delta;
      if (dir == 0) { delta = (rw - wd + 7) % 7; if (strict && delta == 0) delta = 7; day = r->ref - delta; }
      else { delta = (wd - rw + 7) % 7; if (strict && delta == 0) delta = 7; day = r->ref + delta; }
    }
    *st = emit(out, start, stem(r->w.s, t).end, 1, day, day, 1);
    return 1;
  }

  if (t->type == NC_FT_WORD) {
    const nc_ftok *p1 = H(r, 1);
    long ry = r->ry;
    int rm = r->rm;
    /* today, yesterday, tomorrow, tonight */
    nc_ftok st1 = stem(r->w.s, t);
    if (nc_ftok_is(r->w.s, &st1, "today") || nc_ftok_is(r->w.s, &st1, "tonight") ||
        nc_ftok_is(r->w.s, &st1, "yesterday") || nc_ftok_is(r->w.s, &st1, "tomorrow")) {
      long off = nc_ftok_is(r->w.s, &st1, "yesterday") ? -1 : nc_ftok_is(r->w.s, &st1, "tomorrow") ? 1 : 0;
      /* "Russia today", "USA Today": "today" after a name is not the day */
      if (off == 0 && p1 && p1->type == NC_FT_WORD && upper(r, p1) && H(r, 2) &&
          !(H(r, 2)->type == NC_FT_PUNCT && strchr(".!?\"", H(r, 2)->punct))) return 0;
      if (!r->has_ref) *st = emit(out, t->start, st1.end, 0, 0, 0, 1);
      else *st = emit(out, t->start, st1.end, 1, r->ref + off, 0, 1);
      return 1;
    }
    /* last/this/next/past + week/month/year/weekend/night; earlier/later this ... */
    if (nc_ftok_is(r->w.s, t, "last") || nc_ftok_is(r->w.s, t, "this") ||
        nc_ftok_is(r->w.s, t, "next") || nc_ftok_is(r->w.s, t, "past")) {
      int w = 0;
      static const char *const units[] = { "week", "month", "year", "weekend", "night", NULL };
      long lo = 0, hi = 0;
      int which = nc_ftok_is(r->w.s, t, "last") ? -1 : nc_ftok_is(r->w.s, t, "next") ? 1 :
                  nc_ftok_is(r->w.s, t, "past") ? -2 : 0;
      int mod = 0;  /* -1 earlier, 1 later */
      if ((w = tin(r->w.s, LA(r, 1), units)) == 0) return 0;
      if (which == 0 && h_w(r, 1, "earlier")) { mod = -1; start = p1->start; }
      if (which == 0 && h_w(r, 1, "later")) { mod = 1; start = p1->start; }
      if (which == -2 && !h_w(r, 1, "the")) return 0;
      if (which == -2 && w != 1 && w != 2 && w != 3) return 0;
      if (!r->has_ref) { *st = emit(out, start, LA(r, 1)->end, 0, 0, 0, 1); return 2; }
      if (which == -2) {               /* the past week / month / year */
        long span = w == 1 ? 7 : w == 2 ? 30 : 365;
        lo = r->ref - span; hi = r->ref;
      } else if (w == 1) {             /* weeks run Monday to Sunday */
        long mon = r->ref - nc_weekday(r->ref) + 7L * which;
        lo = mon; hi = mon + 6;
      } else if (w == 2) {
        long yy = ry;
        int mm = rm + which;
        if (mm < 1) { mm = 12; yy--; }
        if (mm > 12) { mm = 1; yy++; }
        lo = nc_days_from_civil(yy, mm, 1); hi = nc_days_from_civil(yy, mm, mdays(yy, mm));
      } else if (w == 3) {
        lo = nc_days_from_civil(ry + which, 1, 1); hi = nc_days_from_civil(ry + which, 12, 31);
      } else if (w == 4) {             /* weekend: Saturday and Sunday */
        int rw = nc_weekday(r->ref);
        long sat = r->ref - ((rw - 5 + 7) % 7);
        if (which == 1 || (which == 0 && future(r))) sat = r->ref + ((5 - rw + 7) % 7);
        if (which == -1 && rw >= 5) sat -= 7;
        lo = sat; hi = sat + 1;
      } else {                         /* last night */
        if (which != -1) return 0;
        *st = emit(out, t->start, LA(r, 1)->end, 1, r->ref - 1, 0, 1);
        return 2;
      }
      if (mod == -1 && hi > r->ref) hi = r->ref;
      if (mod == 1 && lo < r->ref) lo = r->ref;
      *st = emit(out, start, LA(r, 1)->end, 2, lo, hi, 1);
      return 2;
    }
    /* "a weekend strike", "over the weekend": the last weekend */
    if (nc_ftok_is(r->w.s, t, "weekend") && p1 &&
        (nc_ftok_is(r->w.s, p1, "the") || nc_ftok_is(r->w.s, p1, "a"))) {
      int rw;
      long sat;
      if (!r->has_ref) { *st = emit(out, t->start, t->end, 0, 0, 0, 1); return 1; }
      rw = nc_weekday(r->ref);
      if (future(r)) sat = r->ref + ((5 - rw + 7) % 7);
      else sat = r->ref - ((rw - 5 + 7) % 7);
      *st = emit(out, t->start, t->end, 2, sat, sat + 1, 1);
      return 1;
    }
  }

  /* N days/weeks/months/years ago */
  {
    long nv = -1;
    int un;
    static const char *const units[] = {
      "day", "days", "week", "weeks", "month", "months", "year", "years", NULL };
    if (t->type == NC_FT_NUM) nv = int_at(r, 0, 1, 9999, 4);
    else if ((k = tin(r->w.s, t, SMALLN)) > 0) nv = k;
    else if (nc_ftok_is(r->w.s, t, "a") || nc_ftok_is(r->w.s, t, "an")) nv = 1;
    if (nv > 0 && (un = tin(r->w.s, LA(r, 1), units)) > 0 && is_w(r, 2, "ago")) {
      long lo, hi;
      un = (un + 1) / 2;
      if (!r->has_ref) { *st = emit(out, t->start, LA(r, 2)->end, 0, 0, 0, 1); return 3; }
      if (un == 1) { *st = emit(out, t->start, LA(r, 2)->end, 1, r->ref - nv, 0, 1); return 3; }
      if (un == 2) { lo = r->ref - 7 * nv - 3; hi = r->ref - 7 * nv + 3; }
      else if (un == 3) { lo = r->ref - 30 * nv - 15; hi = r->ref - 30 * nv + 15; }
      else { lo = r->ref - 365 * nv - 182; hi = r->ref - 365 * nv + 182; }
      *st = emit(out, t->start, LA(r, 2)->end, 2, lo, hi, 1);
      return 3;
    }
  }

  /* a year after a preposition: "in 2022", "since 1967" */
  if (t->type == NC_FT_NUM) {
    static const char *const pre[] = {
      "in", "since", "until", "till", "by", "from", "before", "after", "during", NULL };
    const nc_ftok *p1 = H(r, 1);
    int uu;
    if (p1 && tin(r->w.s, p1, pre) && (y = year_at(r, 0, &uu)) >= 0 && !is_p(r, 1, '-')) {
      *st = emit(out, t->start, t->end, 2, nc_days_from_civil(y, 1, 1),
                 nc_days_from_civil(y, 12, 31), 0);
      return 1;
    }
  }
  return 0;
}

int nc_dates(const char *s, size_t n, int has_ref, long ref, nc_invalid inv, nc_vec *out,
             size_t *bad) {
  dreader r;
  size_t pos = 0, tokpos = 0;
  if (inv == NC_INVALID_ERROR) {
    size_t b = nc_utf8_check(s, n);
    if (b < n) { if (bad) *bad = b; return NC_EUTF8; }
  }
  memset(&r, 0, sizeof r);
  r.w.s = s; r.w.n = n; r.w.hmax = HIST; r.w.lamax = LA_MAX; r.has_ref = has_ref; r.ref = ref;
  r.ry = 1970; r.rm = 1;
  if (has_ref) { int rd; nc_civil_from_days(ref, &r.ry, &r.rm, &rd); }
  for (;;) {
    const nc_ftok *t;
    int used = 0, st = NC_OK, fail = 1;
    size_t c = nc_fscan_next(s, n, pos, DATE_MASK, 0);
    if (c >= n) break;
    t = nc_ftwin_seek(&r.w, tokpos, c);
    if (t->type == NC_FT_END) break;
    if (t->start == c) {
      if (t->type == NC_FT_NUM) used = read_date(&r, out, &st);
      else if (t->type == NC_FT_WORD && nc_ftok_is(s, t, "ago")) {
        /* "three days ago", "a week ago": start two words back */
        if (r.w.nhist >= 2 && H(&r, 1)->type == NC_FT_WORD &&
            (H(&r, 2)->type == NC_FT_NUM || tin(s, H(&r, 2), SMALLN) || h_w(&r, 2, "a") ||
             h_w(&r, 2, "an"))) {
          r.w.lapos = H(&r, 2)->start;
          r.w.nhist -= 2; r.w.nla = 0; r.w.lahead = 0;
          fail = 3;
          used = read_date(&r, out, &st);
        }
      } else if (t->type == NC_FT_WORD) {
        nc_ftok w = stem(s, t);
        if (nc_ftok_in_sorted(s, &w, DATE_TRIGGERS, sizeof DATE_TRIGGERS / sizeof *DATE_TRIGGERS))
          used = read_date(&r, out, &st);
      }
    }
    if (st != NC_OK) return st;
    consume(&r, used > fail ? used : fail);
    while (H(&r, 1)->end <= c) consume(&r, 1);   /* always move past the candidate */
    pos = tokpos = H(&r, 1)->end;
  }
  return NC_OK;
}
