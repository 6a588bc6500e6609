/*
** test_figures.c: the figure and date engines without Lua.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ctest.h"
#include "dates.h"
#include "figures.h"

static nc_vec figs(const char *s) {
  nc_vec v;
  size_t bad = 0;
  nc_vec_init(&v, sizeof(nc_figure));
  CHECK(nc_figures(s, strlen(s), NC_INVALID_ERROR, &v, &bad) == NC_OK, "figures(%s)", s);
  return v;
}

static int unit_is(const char *s, const nc_figure *f, const char *u) {
  if (f->unit_lit) return strcmp(f->unit_lit, u) == 0;
  return strlen(u) == f->unit_end - f->unit_start && memcmp(s + f->unit_start, u, strlen(u)) == 0;
}

static void one(const char *s, double value, double low, double high, const char *hedge,
                const char *unit, int kind) {
  nc_vec v = figs(s);
  const nc_figure *f = v.len ? &NC_VEC_AT(&v, nc_figure, 0) : NULL;
  CHECK(f != NULL, "a figure in \"%s\"", s);
  if (f) {
    CHECK(fabs(f->value - value) <= 1e-9 * fabs(value), "%s: value %g want %g", s, f->value, value);
    CHECK(fabs(f->low - low) <= 1e-9 * fabs(low), "%s: low %g want %g", s, f->low, low);
    CHECK(f->high == high || fabs(f->high - high) <= 1e-9 * fabs(high), "%s: high %g want %g",
          s, f->high, high);
    CHECK(strcmp(f->hedge, hedge) == 0, "%s: hedge %s want %s", s, f->hedge, hedge);
    CHECK(unit_is(s, f, unit), "%s: unit", s);
    CHECK(f->kind == kind, "%s: kind %d want %d", s, f->kind, kind);
  }
  nc_vec_free(&v);
}

static void none(const char *s) {
  nc_vec v = figs(s);
  CHECK(v.len == 0, "no figure in \"%s\" (found %lu)", s, (unsigned long)v.len);
  nc_vec_free(&v);
}

static void test_figures(void) {
  one("at least 93 people", 93, 93, HUGE_VAL, "at least", "people", NC_FK_COUNT);
  one("nearly 40,000 Palestinian lives", 40000, 36000, 40000, "nearly", "lives", NC_FK_COUNT);
  one("approximately 1,200 people", 1200, 1080, 1320, "approximately", "people", NC_FK_COUNT);
  one("1,200 houses", 1200, 1150, 1250, "none", "houses", NC_FK_COUNT);
  one("more than 90 percent", 90, 90, 100, "more than", "percent", NC_FK_PERCENT);
  one("between 10 and 20 children", 15, 10, 20, "between", "children", NC_FK_COUNT);
  one("tens of thousands of people", 20000, 20000, 99999, "tens of thousands", "people", NC_FK_COUNT);
  one("two dozen houses", 24, 24, 24, "none", "houses", NC_FK_COUNT);
  one("Abbas, 88, said", 88, 88, 88, "none", "years old", NC_FK_AGE);
  one("a 64-year-old man", 64, 64, 64, "none", "years old", NC_FK_AGE);
  one("$1.3bn", 1.3e9, 1.25e9, 1.35e9, "none", "dollars", NC_FK_MONEY);
  one("the 5th floor", 5, 5, 5, "none", "floor", NC_FK_ORDINAL);
  none("on October 7, 2023, at 4:48 PM");
  none("an F-16 over the G20 summit during COVID-19");
  none("https://example.com/362750-story");
  none("");
  {
    nc_vec v;
    size_t bad = 0;
    const char s[] = "5 people \xff here";
    nc_vec_init(&v, sizeof(nc_figure));
    CHECK(nc_figures(s, sizeof s - 1, NC_INVALID_ERROR, &v, &bad) == NC_EUTF8 && bad == 9,
          "invalid UTF-8 at byte 9, got %lu", (unsigned long)bad);
    CHECK(nc_figures(s, sizeof s - 1, NC_INVALID_REPLACE, &v, &bad) == NC_OK && v.len == 1,
          "replace reads on");
    nc_vec_free(&v);
  }
}

static void test_compare(void) {
  nc_vec a = figs("about 2,000"), b = figs("1,987"), c = figs("at least 60"),
         d = figs("fewer than 50"), e = figs("more than 200"), f = figs("450");
  char why[200];
  CHECK(nc_fig_compare(&NC_VEC_AT(&a, nc_figure, 0), &NC_VEC_AT(&b, nc_figure, 0), why, sizeof why)
        == NC_CONSISTENT, "about 2,000 vs 1,987: %s", why);
  CHECK(nc_fig_compare(&NC_VEC_AT(&c, nc_figure, 0), &NC_VEC_AT(&d, nc_figure, 0), why, sizeof why)
        == NC_CONFLICT, "at least 60 vs fewer than 50: %s", why);
  CHECK(nc_fig_compare(&NC_VEC_AT(&e, nc_figure, 0), &NC_VEC_AT(&f, nc_figure, 0), why, sizeof why)
        == NC_TENSION, "more than 200 vs 450: %s", why);
  CHECK(strstr(why, "200-inf") != NULL, "reason names the range: %s", why);
  /* a tiny buffer is cut, never overrun */
  CHECK(nc_fig_compare(&NC_VEC_AT(&e, nc_figure, 0), &NC_VEC_AT(&f, nc_figure, 0), why, 8)
        == NC_TENSION && strlen(why) == 7, "short reason");
  nc_vec_free(&a); nc_vec_free(&b); nc_vec_free(&c);
  nc_vec_free(&d); nc_vec_free(&e); nc_vec_free(&f);
}

static void date_is(const char *s, const char *ref, const char *want_low, const char *want_high) {
  nc_vec v;
  size_t bad = 0;
  long r = 0;
  char lo[16] = "", hi[16] = "";
  nc_vec_init(&v, sizeof(nc_date));
  CHECK(nc_parse_iso(ref, strlen(ref), &r), "ref %s", ref);
  CHECK(nc_dates(s, strlen(s), 1, r, NC_INVALID_ERROR, &v, &bad) == NC_OK, "dates(%s)", s);
  CHECK(v.len >= 1, "a date in \"%s\"", s);
  if (v.len >= 1) {
    const nc_date *d = &NC_VEC_AT(&v, nc_date, 0);
    CHECK(d->has_range, "%s: resolved", s);
    nc_format_iso(d->low, lo, sizeof lo);
    nc_format_iso(d->high, hi, sizeof hi);
    CHECK(strcmp(lo, want_low) == 0 && strcmp(hi, want_high) == 0, "%s: %s..%s want %s..%s",
          s, lo, hi, want_low, want_high);
  }
  nc_vec_free(&v);
}

static void test_dates(void) {
  long d;
  long y;
  int m, dd;
  char buf[16];
  CHECK(nc_days_from_civil(1970, 1, 1) == 0, "epoch");
  CHECK(nc_weekday(nc_days_from_civil(2024, 8, 13)) == 1, "13 Aug 2024 was a Tuesday");
  CHECK(nc_parse_iso("2024-02-29", 10, &d) && !nc_parse_iso("2023-02-29", 10, &d) &&
        !nc_parse_iso("2024-13-01", 10, &d) && !nc_parse_iso("2024-1-01", 9, &d), "parse_iso");
  for (d = -800000; d < 800000; d += 997) {
    nc_civil_from_days(d, &y, &m, &dd);
    if (nc_days_from_civil(y, m, dd) != d) break;
  }
  CHECK(d >= 800000, "calendar round trip");
  nc_format_iso(nc_days_from_civil(2024, 8, 13), buf, sizeof buf);
  CHECK(strcmp(buf, "2024-08-13") == 0, "format_iso %s", buf);
  date_is("on Tuesday", "2024-08-14", "2024-08-13", "2024-08-13");
  date_is("Abbas arrived on Monday for a three-day visit", "2024-08-13", "2024-08-12", "2024-08-12");
  date_is("He will leave on Friday", "2024-08-14", "2024-08-16", "2024-08-16");
  date_is("last month", "2024-08-14", "2024-07-01", "2024-07-31");
  date_is("February 2022", "2024-08-14", "2022-02-01", "2022-02-28");
  date_is("the October 7 attack", "2024-08-14", "2023-10-07", "2023-10-07");
  date_is("Tue 13 Aug 2024, 4:48 PM", "2024-08-14", "2024-08-13", "2024-08-13");
  date_is("yesterday", "2024-03-01", "2024-02-29", "2024-02-29");
  {
    nc_vec v;
    size_t bad = 0;
    nc_vec_init(&v, sizeof(nc_date));
    CHECK(nc_dates("on Tuesday", 10, 0, 0, NC_INVALID_ERROR, &v, &bad) == NC_OK && v.len == 1 &&
          !NC_VEC_AT(&v, nc_date, 0).has_range, "no reference: unresolved");
    nc_vec_free(&v);
  }
}

static void test_long_input(void) {
  /* one line of 4 MB without spaces, and a million short lines */
  size_t n = 4u << 20, i;
  char *s = malloc(n);
  nc_vec v;
  size_t bad = 0;
  if (!s) return;
  for (i = 0; i < n; i++) s[i] = "9,1.a-$%"[i % 8];
  nc_vec_init(&v, sizeof(nc_figure));
  CHECK(nc_figures(s, n, NC_INVALID_REPLACE, &v, &bad) == NC_OK, "long line, figures");
  nc_vec_free(&v);
  nc_vec_init(&v, sizeof(nc_date));
  CHECK(nc_dates(s, n, 1, 0, NC_INVALID_REPLACE, &v, &bad) == NC_OK, "long line, dates");
  nc_vec_free(&v);
  for (i = 0; i + 4 <= n; i += 4) memcpy(s + i, "12\n\n", 4);
  nc_vec_init(&v, sizeof(nc_figure));
  CHECK(nc_figures(s, n, NC_INVALID_REPLACE, &v, &bad) == NC_OK, "short lines");
  nc_vec_free(&v);
  free(s);
}

int main(void) {
  test_figures();
  test_compare();
  test_dates();
  test_long_input();
  return ctest_done();
}
