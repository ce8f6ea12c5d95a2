/* mathlib: a libc-free library module serving several apps in the same memory.
 * The apps pass pointers to their own data, stack and heap; mathlib only reads through them.
 * prefix_sums() returns a pointer into mathlib's own .bss, which the caller then reads.
 * Static data: seed (.data), calls and sums (.bss), mix (.rodata). */
#include <stdint.h>

#define MAX_PREFIX 32

uint32_t seed = 2166136261u;                 /* .data: FNV offset basis, see set_seed */
static uint32_t calls;                       /* .bss */
static int32_t sums[MAX_PREFIX];             /* .bss: result buffer of prefix_sums */
static const uint32_t mix[4] = {0x9E3779B1u, 0x85EBCA77u, 0xC2B2AE3Du, 0x27D4EB2Fu};

__attribute__((export_name("vec_sum"))) int32_t vec_sum(const int32_t *v, int32_t n) {
  calls++;
  int32_t s = 0;
  for (int32_t i = 0; i < n; i++) s += v[i];
  return s;
}

__attribute__((export_name("vec_max"))) int32_t vec_max(const int32_t *v, int32_t n) {
  calls++;
  int32_t m = n > 0 ? v[0] : 0;
  for (int32_t i = 1; i < n; i++)
    if (v[i] > m) m = v[i];
  return m;
}

/* FNV-1a with a final avalanche step */
__attribute__((export_name("str_hash"))) uint32_t str_hash(const char *s) {
  calls++;
  uint32_t h = seed;
  for (uint32_t i = 0; s[i]; i++) h = (h ^ (uint8_t)s[i]) * 16777619u;
  h ^= h >> 15;
  h *= mix[h & 3];
  return h ^ (h >> 13);
}

__attribute__((export_name("prefix_sums"))) const int32_t *prefix_sums(const int32_t *v, int32_t n) {
  calls++;
  int32_t s = 0;
  if (n > MAX_PREFIX) n = MAX_PREFIX;
  for (int32_t i = 0; i < n; i++) sums[i] = s += v[i];
  return sums;
}

__attribute__((export_name("set_seed"))) uint32_t set_seed(uint32_t s) {
  uint32_t old = seed;
  seed = s;
  return old;
}

__attribute__((export_name("mathlib_calls"))) uint32_t mathlib_calls(void) { return calls; }
