/*
** bench_util.h: what every C benchmark of bench/ needs: CPU time and a whole
** file in memory. Benchmarks only; not part of the module.
*/
#ifndef BENCH_UTIL_H
#define BENCH_UTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* CPU time of the process in seconds: steadier than wall time on a shared machine */
static inline double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* The file at `path` in a malloc'ed buffer (NUL-terminated), its size in *n; NULL on failure. */
static inline char *slurp(const char *path, size_t *n) {
  FILE *f = fopen(path, "rb");
  char *buf;
  long len;
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  len = ftell(f);
  fseek(f, 0, SEEK_SET);
  buf = (char *)malloc((size_t)len + 1);
  if (buf && fread(buf, 1, (size_t)len, f) != (size_t)len) { free(buf); buf = NULL; }
  if (buf) buf[len] = '\0';
  fclose(f);
  *n = (size_t)len;
  return buf;
}

#endif
