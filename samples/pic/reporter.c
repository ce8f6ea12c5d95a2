/* reporter: a WASI command that prints the shared `events` log counter filled in.
 * It only reads `events`. Static data: header (.data), seen (.bss). Heap: a sorted copy. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "events.h"

char header[24] = "reporter:";     /* .data */
static unsigned seen[8];          /* .bss */

static int by_value(const void *a, const void *b) {
  const struct event *x = a, *y = b;
  return (x->value > y->value) - (x->value < y->value);
}

int main(void) {
  uint32_t total = events.count, n = total < EVENT_SLOTS ? total : EVENT_SLOTS;
  printf("%s %u events logged, showing the last %u\n", header, (unsigned)total, (unsigned)n);
  struct event *copy = malloc((n ? n : 1) * sizeof *copy);
  if (!copy) { printf("%s out of memory\n", header); return 1; }
  for (uint32_t i = 0; i < n; i++) {
    copy[i] = events.entries[(total - n + i) % EVENT_SLOTS];
    seen[(uint32_t)copy[i].id % 8]++;
    printf("%s event %u: id %d value %d\n", header, (unsigned)(total - n + i), (int)copy[i].id,
           (int)copy[i].value);
  }
  qsort(copy, n, sizeof *copy, by_value);
  if (n) printf("%s smallest %d (id %d), largest %d (id %d)\n", header, (int)copy[0].value,
                (int)copy[0].id, (int)copy[n - 1].value, (int)copy[n - 1].id);
  for (int i = 0; i < 8; i++)
    if (seen[i]) printf("%s id%%8=%d seen %u times\n", header, i, seen[i]);
  free(copy);
  return 0;
}
