/* hog: mallocs 1 KiB blocks until malloc returns NULL, chaining them into a list, and prints how
 * many bytes it got. Two of these share one memory in the test: each must end with NULL inside
 * its own heap, never with a neighbour's bytes. (The list keeps the compiler from deleting the
 * mallocs: an allocation nobody reads may be removed, and then "until NULL" never ends.) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct block {
  struct block *next;
  char fill[1024 - sizeof(struct block *)];
};

int main(int argc, char **argv) {
  struct block *list = NULL;
  unsigned long total = 0;
  for (;;) {
    struct block *b = malloc(sizeof *b);
    if (!b) break;
    memset(b->fill, 0xab, sizeof b->fill);
    b->next = list;
    list = b;
    total += sizeof *b;
  }
  unsigned long blocks = 0;
  for (struct block *b = list; b; b = b->next) {
    blocks += b->fill[7] == (char)0xab;
  }
  printf("%s: got %lu bytes in %lu blocks before malloc returned NULL\n", argc > 0 ? argv[0] : "hog", total, blocks);
  return 0;
}
