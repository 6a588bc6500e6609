/*
** ctest.h: a minimal unit-test harness for the engine's C tests.
** CHECK(cond, fmt, ...) counts one assertion; ctest_done() prints
** "N passed, N failed" and returns the exit status.
*/
#ifndef CTEST_H
#define CTEST_H
#include <stdio.h>

static int ctest_pass, ctest_fail;

#define CHECK(cond, ...) do { \
    if (cond) ctest_pass++; \
    else { ctest_fail++; fprintf(stdout, "FAIL %s:%d: ", __FILE__, __LINE__); \
           fprintf(stdout, __VA_ARGS__); fputc('\n', stdout); } \
  } while (0)

static int ctest_done(void) {
  printf("%d passed, %d failed\n", ctest_pass, ctest_fail);
  return ctest_fail ? 1 : 0;
}
#endif
