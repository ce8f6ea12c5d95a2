/* events.h: the shared `events` log. counter writes it, reporter reads it.
 * Neither module defines `events`: in counter.pic.wasm it becomes the import GOT.mem.events,
 * in counter.wasm and reporter.wasm an undefined data symbol with relocations. */
#ifndef EVENTS_H
#define EVENTS_H
#include <stdint.h>

#define EVENT_SLOTS 32
struct event { int32_t id; int32_t value; };
struct event_log {
  uint32_t count; /* total events ever logged; slot = count % EVENT_SLOTS */
  uint32_t reserved;
  struct event entries[EVENT_SLOTS];
};
_Static_assert(sizeof(struct event_log) == 264, "event_log layout changed: update wasm-layout.yaml");

#ifdef HARNESS_EVENTS_AT
/* Only for samples/harness "placed" builds (wasm-ld cannot place an undefined data symbol). */
#define events (*(struct event_log *)HARNESS_EVENTS_AT)
#else
extern struct event_log events;
#endif
#endif
