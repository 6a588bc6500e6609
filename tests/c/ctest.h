/*
** ctest.h: a minimal unit-test harness for the engine's C tests.
** CHECK(cond, fmt, ...) counts one assertion; ctest_done() prints
** "N passed, N failed" and returns the exit status.
*/
#ifndef CTEST_H
#define CTEST_H
#include <stdio.h>
#include <string.h>

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
/* The next value of a 64-bit linear congruential generator (Knuth's MMIX
   constants); use the high bits. */
static inline unsigned long ctest_next(unsigned long *seed) {
  *seed = *seed * 6364136223846793005ul + 1442695040888963407ul;
  return *seed;
}

/*
** A text of random pieces into buf (at most cap - 1 bytes, about `target`):
** each piece a string of `pieces`, the empty string standing for one NUL
** byte. Returns the length.
*/
static inline size_t ctest_soup(char *buf, size_t cap, const char *const *pieces, size_t np,
                         size_t target, unsigned long *seed) {
  size_t len = 0;
  while (len < target) {
    const char *pc = pieces[(ctest_next(seed) >> 33) % np];
    size_t k = pc[0] ? strlen(pc) : 1;   /* the NUL piece is one byte */
    if (len + k >= cap) break;
    memcpy(buf + len, pc, k);
    len += k;
  }
  return len;
}
#endif
