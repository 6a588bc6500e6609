/*
** test_wordbreak.c: every case of Unicode's WordBreakTest.txt (Debian's
** unicode-data, Unicode 15.0) through nc_segments; one check per case.
** The file path can be given as argv[1]; when it is absent the test says
** so and checks nothing.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctest.h"
#include "words.h"

#define TESTFILE "/usr/share/unicode/auxiliary/WordBreakTest.txt"

int main(int argc, char **argv) {
  const char *path = argc > 1 ? argv[1] : TESTFILE;
  FILE *f = fopen(path, "r");
  char line[4096];
  int lineno = 0;
  if (f == NULL) {
    printf("SKIP %s not found (install unicode-data)\n", path);
    return ctest_done();
  }
  while (fgets(line, sizeof line, f)) {
    unsigned char text[1024];
    size_t len = 0, want[256], nwant = 0, got[256], ngot = 0, bad = 0, i;
    char *p = line, *hash = strchr(line, '#');
    nc_vec segs;
    int st, same;
    lineno++;
    if (hash) *hash = '\0';
    while (*p) {
      if ((unsigned char)p[0] == 0xC3 && (unsigned char)p[1] == 0xB7) {        /* ÷ */
        want[nwant++] = len;
        p += 2;
      } else if ((unsigned char)p[0] == 0xC3 && (unsigned char)p[1] == 0x97) { /* × */
        p += 2;
      } else if ((*p >= '0' && *p <= '9') || (*p >= 'A' && *p <= 'F')) {
        char *end;
        unsigned long cp = strtoul(p, &end, 16);
        len += nc_utf8_encode((uint32_t)cp, text + len);
        p = end;
      } else {
        p++;
      }
    }
    if (len == 0) continue;
    nc_vec_init(&segs, sizeof(nc_span));
    st = nc_segments((const char *)text, len, NC_INVALID_ERROR, &segs, &bad);
    got[ngot++] = 0;
    for (i = 0; st == NC_OK && i < segs.len && ngot < 256; i++)
      got[ngot++] = NC_VEC_AT(&segs, nc_span, i).end;
    nc_vec_free(&segs);
    same = st == NC_OK && ngot == nwant && memcmp(got, want, ngot * sizeof got[0]) == 0;
    if (!same && hash) *hash = '#';
    CHECK(same, "WordBreakTest.txt line %d: %s", lineno, line);
  }
  fclose(f);
  return ctest_done();
}
