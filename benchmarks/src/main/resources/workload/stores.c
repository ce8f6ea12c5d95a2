/* stores: the validator benchmark's store-heavy workload. run(rounds) fills and updates static
 * arrays of 32-bit words, bytes and 64-bit words, and a buffer on the stack, `rounds` times:
 * nearly every instruction in the loops is a load or a store, so the watched run checks a
 * write every few instructions. No libc; built by build.sh with the memory imported. */
#include <stdint.h>

#define WORDS 4096
#define BYTES 4096
#define LONGS 1024

static int32_t words[WORDS];
static uint8_t bytes[BYTES];
static int64_t longs[LONGS];

static int32_t mix(volatile int32_t *local, int n, int32_t seed) {
  for (int i = 0; i < n; i++) local[i] = seed + i;          /* stack stores */
  int32_t s = 0;
  for (int i = 0; i < n; i++) s += local[i];
  return s;
}

__attribute__((export_name("run")))
int32_t run(int32_t rounds) {
  int32_t local[64];
  for (int32_t r = 0; r < rounds; r++) {
    for (int i = 0; i < WORDS; i++) words[i] = words[i] * 3 + r + i;       /* fill / update */
    for (int i = 0; i < BYTES; i++) bytes[i] = (uint8_t)(bytes[i] + words[i]);
    for (int i = 0; i < LONGS; i++) longs[i] += (int64_t)words[i] << 7;
    words[r & (WORDS - 1)] ^= mix(local, 64, r);
  }
  int64_t sum = 0;
  for (int i = 0; i < LONGS; i++) sum += longs[i] + bytes[i] + words[i];
  return (int32_t)sum ^ (int32_t)(sum >> 32);
}
