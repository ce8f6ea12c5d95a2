/* Linked into the harness's "placed" builds of wasi-libc modules with -Wl,--wrap=sbrk.
 *
 * wasi-libc's dlmalloc asks sbrk(0) (= memory.size * 64 KiB) where memory ends and, on its first
 * malloc, takes everything from __heap_base up to there; later it grows with memory.grow.
 * In a memory shared by several modules that would hand other modules' regions to malloc
 * (trap 4 in DESIGN.md). Here sbrk(0) reports the end of this module's heap slot and sbrk never
 * grows, which is what wasm-layout's rewriter does to memory.size/memory.grow. */
#include <errno.h>
#include <stdint.h>

#ifndef CONFINED_HEAP_SIZE
#error "the harness passes -DCONFINED_HEAP_SIZE=<bytes>"
#endif

extern unsigned char __heap_base;

void *__wrap_sbrk(intptr_t increment) {
  if (increment == 0) return &__heap_base + CONFINED_HEAP_SIZE;
  errno = ENOMEM;
  return (void *)-1;
}
