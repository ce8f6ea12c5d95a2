/* ring.h: the records producer and consumer exchange through shared memory.
 *
 * Neither module defines `ring` or `ring_ack`: both are undefined data symbols at link time
 * (wasm-ld --allow-undefined-file=shared.syms resolves them to address 0 and keeps their
 * relocations against the undefined symbols). wasm-layout's relocate strategy binds every
 * undefined data symbol named after a shared region to that region's address.
 *
 *   ring      written by the producer (slots and head), read by the consumer
 *   ring_ack  written by the consumer (tail, totals), read by the producer
 */
#ifndef RING_H
#define RING_H
#include <stdint.h>

#define RING_MAGIC 0x52494e47u /* "RING" */
#define RING_SLOTS 64          /* power of two */

struct record {
  uint32_t seq;
  int32_t value;
  uint32_t check; /* seq * 2654435761 ^ value */
  char tag[4];
};

struct ring_buf {
  uint32_t magic;
  uint32_t capacity;
  uint32_t head; /* next seq slot to write; only the producer stores here */
  uint32_t reserved;
  struct record slots[RING_SLOTS];
};

struct ring_ack {
  uint32_t tail; /* next slot to read; only the consumer stores here */
  uint32_t consumed;
  uint32_t checksum;
  uint32_t reserved;
};

_Static_assert(sizeof(struct ring_buf) == 1040, "ring layout changed: update wasm-layout.yaml");
_Static_assert(sizeof(struct ring_ack) == 16, "ring_ack layout changed: update wasm-layout.yaml");

static inline uint32_t record_check(uint32_t seq, int32_t value) {
  return (seq * 2654435761u) ^ (uint32_t)value;
}

#ifdef HARNESS_RING_AT
/* Only for samples/harness "placed" builds, which cannot leave a data symbol undefined
 * (wasm-ld has no --defsym for wasm): fixed addresses chosen by the harness. */
#define ring (*(struct ring_buf *)HARNESS_RING_AT)
#define ring_ack (*(struct ring_ack *)HARNESS_RING_ACK_AT)
#else
extern struct ring_buf ring;
extern struct ring_ack ring_ack;
#endif

#endif
