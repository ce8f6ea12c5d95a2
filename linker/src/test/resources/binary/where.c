/* where: writes binary data that depends on where its static data lives, so the linked module (moved to
 * its planned place) prints different bytes than the original run alone. The differing stdout byte is a
 * lone UTF-8 continuation byte on both sides: decoded as text, both would read as U+FFFD and look equal.
 * stderr says the address as text. */
#include <stdint.h>
#include <stdio.h>

static char marker[16] = "marker";

int main(void) {
  uintptr_t at = (uintptr_t)marker;
  unsigned char out[] = {0x1f, 0x8b, 0x08, 0x00, 0xff, 0xfe, 'b', 'i', 'n', (unsigned char)(0x80 | ((at >> 10) & 0x3f)),
                         't', 'a', 'i', 'l', '\n'};
  fwrite(out, 1, sizeof out, stdout);
  fprintf(stderr, "marker at 0x%lx\n", (unsigned long)at);
  return 0;
}
