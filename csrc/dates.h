/*
** dates.h: dates in news text, absolute ("13 August 2024", "Aug. 13",
** "February 2022") and relative ("on Tuesday", "yesterday", "last month"),
** resolved against a reference date. Engine API (pure C); the Lua binding
** is csrc/lua_figures.c.
**
** Days are counted from 1970-01-01 (day 0) in the proleptic Gregorian
** calendar; weekdays are 0 = Monday .. 6 = Sunday.
*/
#ifndef NC_DATES_H
#define NC_DATES_H

#include "nc_common.h"

typedef struct nc_date {
  size_t start, end;      /* [start, end) in the input */
  long date;              /* the day, when exact (has_date) */
  long low, high;         /* the days it may mean (has_range; low == high == date when exact) */
  int has_date, has_range;
  int relative;           /* 1 when read against the reference date */
} nc_date;

/* Day number of y-m-d (no check). */
NC_INTERNAL long nc_days_from_civil(long y, int m, int d);
/* y-m-d of a day number. */
NC_INTERNAL void nc_civil_from_days(long z, long *y, int *m, int *d);
/* 0 = Monday .. 6 = Sunday. */
NC_INTERNAL int nc_weekday(long z);
/* English weekday name ("Monday") of 0..6. */
NC_INTERNAL const char *nc_weekday_name(int wd);
/* Parse "YYYY-MM-DD" (exactly, a real calendar day); 1 on success. */
NC_INTERNAL int nc_parse_iso(const char *s, size_t n, long *day);
/* Write "YYYY-MM-DD" (NUL-terminated) into buf[11+]; years 0..9999. */
NC_INTERNAL void nc_format_iso(long day, char *buf, size_t len);

/*
** Append the dates of s[0..n) to `out` (a vec of nc_date) in text order.
** With has_ref, year-less and relative dates are resolved against day
** `ref`: past tense by default (an article of Wednesday saying "on Tuesday"
** means the day before), forward when the clause looks ahead ("will",
** "next", "scheduled", "due", "expected", "plans"). Without a reference
** only dates that give their year are resolved; the others come back with
** has_date = has_range = 0. Linear in n; any bytes are safe.
*/
NC_INTERNAL int nc_dates(const char *s, size_t n, int has_ref, long ref, nc_invalid inv,
                         nc_vec *out, size_t *bad);

#endif
