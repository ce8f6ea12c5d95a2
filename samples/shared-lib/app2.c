/* app2: a WASI command that hands mathlib pointers to its .bss, its stack and its heap.
 * Static data: squares (.bss), motto (.data). Heap: an array of cubes. */
#include <stdio.h>
#include <stdlib.h>
#include "mathlib.h"
#include "trace.h"

static int32_t squares[20];                     /* .bss */
char motto[32] = "one memory, many modules";    /* .data */

int main(void) {
  /* Line-buffered whatever stdout is (a tty or not): trace prints and flushes its own lines,
   * so the interleaving stays the same in every runtime. */
  setvbuf(stdout, NULL, _IOLBF, 0);
  trace(201);
  for (int32_t i = 0; i < 20; i++) squares[i] = (i + 1) * (i + 1);
  printf("app2: sum of squares 1..20 = %d (bss)\n", (int)vec_sum(squares, 20));

  int32_t *cubes = malloc(10 * sizeof *cubes);
  if (!cubes) { printf("app2: out of memory\n"); return 1; }
  for (int32_t i = 0; i < 10; i++) cubes[i] = (i + 1) * (i + 1) * (i + 1);
  printf("app2: sum of cubes 1..10 = %d, max %d (heap)\n", (int)vec_sum(cubes, 10), (int)vec_max(cubes, 10));
  free(cubes);

  volatile int32_t local[5] = {5, -3, 9, 1, -7};  /* on app2's stack */
  printf("app2: sum of locals = %d (stack)\n", (int)vec_sum((const int32_t *)local, 5));
  trace(202);

  printf("app2: str_hash(\"%s\") = %08x (data)\n", motto, (unsigned)str_hash(motto));
  motto[0] = 'O';
  printf("app2: str_hash(\"%s\") = %08x\n", motto, (unsigned)str_hash(motto));
  trace(203);
  printf("app2: mathlib served %u calls so far\n", (unsigned)mathlib_calls());
  return 0;
}
