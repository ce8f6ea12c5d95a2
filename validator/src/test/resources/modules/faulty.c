/* Fault injection (reactor): each export writes where the test tells it to. Built with
 * -mbulk-memory so memset/memcpy become memory.fill/memory.copy. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static char own[256] = {1};

__attribute__((export_name("poke"))) void poke(int addr, int value) {
    *(volatile int *) (uintptr_t) addr = value;
}

__attribute__((export_name("recurse"))) int recurse(int depth) {
    volatile char pad[96];
    pad[0] = (char) depth;
    pad[95] = (char) depth;
    if (depth == 0) {
        return pad[0];
    }
    return recurse(depth - 1) + pad[95];
}

__attribute__((export_name("fill"))) void fill(int addr, int n) {
    memset((void *) (uintptr_t) addr, 0xab, (size_t) n);
}

__attribute__((export_name("copy"))) void copy(int dst, int src, int n) {
    memcpy((void *) (uintptr_t) dst, (const void *) (uintptr_t) src, (size_t) n);
}

__attribute__((export_name("read_into"))) int read_into(int addr, int n) {
    return (int) read(0, (void *) (uintptr_t) addr, (size_t) n);
}

__attribute__((export_name("own_work"))) int own_work(int n) {
    memset(own, 7, sizeof own);
    memcpy(own + 128, own, (size_t) n);
    printf("faulty: own_work %d\n", recurse(10));
    fflush(stdout);
    return own[3];
}
