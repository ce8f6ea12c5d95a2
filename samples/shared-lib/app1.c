/* app1: a WASI command that uses mathlib on its own static data and heap.
 * Static data: readings (.data), history (.bss), names (.rodata). Heap: a label string. */
#include <stdio.h>
#include <stdlib.h>
#include "mathlib.h"
#include "trace.h"

int32_t readings[12] = {17, -4, 23, 8, 15, 42, -16, 4, 8, 15, 16, 23};  /* .data */
static int32_t history[12];                                             /* .bss */
static const char *const names[] = {"alpha", "beta", "gamma", "delta"};

int main(void) {
  /* Line-buffered whatever stdout is (a tty or not): trace prints and flushes its own lines,
   * so the interleaving stays the same in every runtime. */
  setvbuf(stdout, NULL, _IOLBF, 0);
  trace(101);
  int32_t n = sizeof readings / sizeof readings[0];
  printf("app1: sum %d max %d of %d readings\n", (int)vec_sum(readings, n), (int)vec_max(readings, n), (int)n);

  const int32_t *ps = prefix_sums(readings, n);  /* points into mathlib's memory */
  for (int32_t i = 0; i < n; i++) history[i] = ps[i];
  printf("app1: prefix sums");
  for (int32_t i = 0; i < n; i++) printf(" %d", (int)history[i]);
  printf("\n");
  trace(102);

  for (int i = 0; i < 4; i++) {
    char *label = malloc(32);  /* heap pointer handed to mathlib */
    if (!label) { printf("app1: out of memory\n"); return 1; }
    snprintf(label, 32, "app1/%s/%d", names[i], (int)history[i * 3]);
    printf("app1: str_hash(\"%s\") = %08x\n", label, (unsigned)str_hash(label));
    free(label);
  }
  readings[0] += 100;
  printf("app1: after update sum %d\n", (int)vec_sum(readings, n));
  trace(103);
  printf("app1: mathlib served %u calls so far\n", (unsigned)mathlib_calls());
  return 0;
}
