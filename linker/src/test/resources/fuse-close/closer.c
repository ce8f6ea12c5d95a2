/* closer: prints a line, then closes stdout, as zlib's minigzip does (gzclose of gzdopen(fileno(stdout))).
 * Fused with other modules, that must not take stdout from the modules after it. */
#include <stdio.h>
#include <unistd.h>

int main(void) {
  printf("closer: bye\n");
  fflush(stdout);
  return close(1) == 0 ? 0 : 3;
}
