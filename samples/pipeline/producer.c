/* producer: a WASI reactor that writes records into the shared ring.
 *   _initialize()   runs the constructor below, which stamps the ring header
 *   produce(n)      writes up to n records (fewer when the ring is full), returns how many
 * Static data: next_seq and lcg (.data), produced_by_tag (.bss). Heap: a batch buffer. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ring.h"

uint32_t next_seq = 1;               /* .data */
uint32_t lcg = 12345;                /* .data */
static uint32_t produced_by_tag[4];  /* .bss */
static const char tags[4][4] = {{'a', 'l', 'p', 'h'}, {'b', 'e', 't', 'a'},
                                {'g', 'a', 'm', 'm'}, {'d', 'e', 'l', 't'}};

__attribute__((constructor)) static void stamp_ring(void) {
  ring.capacity = RING_SLOTS;
  ring.head = 0;
  ring.magic = RING_MAGIC;
}

static int32_t next_value(void) {
  lcg = lcg * 1103515245u + 12345u;
  return (int32_t)((lcg >> 8) % 2001) - 1000;
}

__attribute__((export_name("produce"))) int produce(int n) {
  uint32_t free_slots = RING_SLOTS - (ring.head - ring_ack.tail);
  uint32_t count = n < 0 ? 0 : (uint32_t)n;
  if (count > free_slots) count = free_slots;

  struct record *batch = malloc((count ? count : 1) * sizeof *batch);
  if (!batch) { printf("producer: out of memory\n"); fflush(stdout); return -1; }
  for (uint32_t i = 0; i < count; i++) {
    uint32_t t = next_seq % 4;
    batch[i].seq = next_seq++;
    batch[i].value = next_value();
    batch[i].check = record_check(batch[i].seq, batch[i].value);
    memcpy(batch[i].tag, tags[t], 4);
    produced_by_tag[t]++;
  }
  for (uint32_t i = 0; i < count; i++)
    ring.slots[(ring.head + i) % RING_SLOTS] = batch[i];
  ring.head += count; /* publish after the slots */
  free(batch);

  if (count)
    printf("producer: asked %d, wrote %u (seq %u..%u), ring holds %u/%u\n", n, (unsigned)count,
           (unsigned)(next_seq - count), (unsigned)(next_seq - 1),
           (unsigned)(ring.head - ring_ack.tail), RING_SLOTS);
  else
    printf("producer: asked %d, ring full\n", n);
  printf("producer: totals alph=%u beta=%u gamm=%u delt=%u\n", (unsigned)produced_by_tag[0],
         (unsigned)produced_by_tag[1], (unsigned)produced_by_tag[2], (unsigned)produced_by_tag[3]);
  fflush(stdout); /* a reactor never reaches exit(), so nothing else flushes stdout */
  return (int)count;
}
