/* A reactor that writes wherever it is told: with its own stores, with memory.fill (built with
 * -mbulk-memory, memset becomes memory.fill) and through WASI (fd_read fills the buffer for it).
 * The fuse-stray set links two copies; the fused run must blame the copy whose function wrote. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

__attribute__((export_name("poke"))) void poke(int addr, int value) {
    *(volatile int *) (uintptr_t) addr = value;
}

__attribute__((export_name("fill"))) void fill(int addr, int n) {
    memset((void *) (uintptr_t) addr, 0xab, (size_t) n);
}

__attribute__((export_name("read_into"))) int read_into(int addr, int n) {
    return (int) read(0, (void *) (uintptr_t) addr, (size_t) n);
}

__attribute__((export_name("hello"))) int hello(void) {
    printf("stray: hello\n");
    fflush(stdout);
    return 1;
}
