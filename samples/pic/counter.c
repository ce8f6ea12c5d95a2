/* counter: a libc-free module built twice, as a position-independent side module
 * (counter.pic.wasm) and as a relocatable executable (counter.wasm).
 *   count(id, by)      counters[id % 8] += by * step, clamped to *limit_ref; logs to `events`
 *   window(n, seed)    sums a pseudo-random window built on the shadow stack
 *   set_step(s)        changes step, returns the previous one
 *   limit_addr()       &counter_limit (so the host can compare it with the GOT entry)
 * What the PIC variant needs from its host:
 *   env.__memory_base, env.__table_base   where its data (and table slice) start
 *   env.__stack_pointer                  window() keeps an array on the shadow stack
 *   GOT.mem.events                       undefined data symbol: the shared region
 *   GOT.mem.counter_limit                default visibility + address taken = preemptible
 * and __wasm_apply_data_relocs() must run before anything reads limit_ref.
 * Static data: counter_limit, limit_ref, step (.data), counters (.bss). */
#include <stdint.h>
#include "events.h"

#define EXPORT(name) __attribute__((export_name(#name)))

__attribute__((visibility("default"))) int32_t counter_limit = 1000;  /* .data, via GOT */
int32_t *limit_ref = &counter_limit;  /* .data holding an address: a data relocation */
int32_t step = 3;                     /* .data */
static int32_t counters[8];           /* .bss */

static void log_event(int32_t id, int32_t value) {
  struct event *e = &events.entries[events.count % EVENT_SLOTS];
  e->id = id;
  e->value = value;
  events.count++;
}

EXPORT(count) int32_t count(int32_t id, int32_t by) {
  int32_t *c = &counters[(uint32_t)id % 8];
  *c += by * step;
  if (*c > *limit_ref) *c = *limit_ref;
  log_event(id, *c);
  return *c;
}

__attribute__((noinline)) static void fill(volatile int32_t *buf, int32_t n, uint32_t seed) {
  for (int32_t i = 0; i < n; i++) {
    seed = seed * 1664525u + 1013904223u;
    buf[i] = (int32_t)(seed >> 24);
  }
}

EXPORT(window) int32_t window(int32_t n, uint32_t seed) {
  volatile int32_t buf[16]; /* shadow stack: needs __stack_pointer */
  if (n > 16) n = 16;
  if (n < 0) n = 0;
  fill(buf, n, seed);
  int32_t s = 0;
  for (int32_t i = 0; i < n; i++) s += buf[i];
  log_event(100 + n, s);
  return s;
}

EXPORT(set_step) int32_t set_step(int32_t s) {
  int32_t old = step;
  step = s;
  return old;
}

EXPORT(limit_addr) int32_t *limit_addr(void) { return &counter_limit; }
