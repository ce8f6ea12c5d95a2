/* consumer: a WASI reactor that drains the shared ring.
 *   consume(max)   reads up to max records, checks them, acknowledges them in ring_ack
 *   report()       prints the totals
 * `active` is a pointer to `ring` stored in .data: the data section itself carries a
 * relocation against the undefined symbol (reloc.DATA, R_WASM_MEMORY_ADDR_I32).
 * Static data: active, min_seen/max_seen (.data), calls and bad (.bss). Heap: a copy buffer. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include "ring.h"

struct ring_buf *volatile active = &ring;  /* .data, relocated against `ring` */
int32_t min_seen = INT_MAX, max_seen = INT_MIN;  /* .data */
static unsigned calls, bad;                      /* .bss */

__attribute__((export_name("consume"))) int consume(int max) {
  calls++;
  struct ring_buf *r = active;
  if (r->magic != RING_MAGIC || r->capacity != RING_SLOTS) {
    printf("consumer: ring not initialised (magic %08x)\n", (unsigned)r->magic);
    fflush(stdout);
    return -1;
  }
  uint32_t available = r->head - ring_ack.tail;
  uint32_t count = max < 0 ? 0 : (uint32_t)max;
  if (count > available) count = available;

  struct record *got = malloc((count ? count : 1) * sizeof *got);
  if (!got) { printf("consumer: out of memory\n"); fflush(stdout); return -1; }
  for (uint32_t i = 0; i < count; i++) got[i] = r->slots[(ring_ack.tail + i) % RING_SLOTS];

  int64_t sum = 0;
  for (uint32_t i = 0; i < count; i++) {
    if (got[i].check != record_check(got[i].seq, got[i].value)) bad++;
    sum += got[i].value;
    if (got[i].value < min_seen) min_seen = got[i].value;
    if (got[i].value > max_seen) max_seen = got[i].value;
    ring_ack.checksum = ring_ack.checksum * 31u + got[i].check;
  }
  ring_ack.tail += count;
  ring_ack.consumed += count;

  if (count)
    printf("consumer: call %u took %u (seq %u..%u, first tag %.4s), sum %lld, ring holds %u\n",
           calls, (unsigned)count, (unsigned)got[0].seq, (unsigned)got[count - 1].seq, got[0].tag,
           (long long)sum, (unsigned)(r->head - ring_ack.tail));
  else
    printf("consumer: call %u found the ring empty\n", calls);
  free(got);
  fflush(stdout);
  return (int)count;
}

__attribute__((export_name("report"))) void report(void) {
  printf("consumer: %u records, checksum %08x, min %d, max %d, bad %u\n",
         (unsigned)ring_ack.consumed, (unsigned)ring_ack.checksum, (int)min_seen, (int)max_seen, bad);
  fflush(stdout);
}
