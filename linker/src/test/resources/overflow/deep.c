// Recursion with a 1 KiB frame per level, argv[1] levels deep. It mallocs most of its heap first and fills
// it with a pattern, recurses, then checks the pattern. In the plan its heap (which must end on a page)
// sits right below its stack, so a recursion deeper than the stack writes into the block: without a
// stack check that shows only as "heap corrupted", after the fact.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned sum(int depth, volatile unsigned char *seed) {
    volatile unsigned char frame[1024];
    memset((void *) frame, depth & 0xff, sizeof frame);
    frame[depth % sizeof frame] ^= *seed;
    unsigned below = depth > 0 ? sum(depth - 1, frame) : 0;
    return below + frame[(depth * 7) % sizeof frame];
}

int main(int argc, char **argv) {
    int depth = argc > 1 ? atoi(argv[1]) : 4;
    unsigned char *block = malloc(48 * 1024);
    if (block == NULL) {
        puts("no heap");
        return 2;
    }
    memset(block, 0x5a, 48 * 1024);
    unsigned char seed = 1;
    unsigned s = sum(depth, &seed);
    for (int i = 0; i < 48 * 1024; i++) {
        if (block[i] != 0x5a) {
            printf("heap corrupted at offset %d after depth %d\n", i, depth);
            return 3;
        }
    }
    printf("depth %d sum %u\n", depth, s);
    return 0;
}
