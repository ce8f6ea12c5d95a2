/* A command that uses every region it owns: static data, .bss, stack (recursion), heap (malloc),
 * and reads stdin into its own buffer. Exit code is argv[2] when given. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char greeting[32] = "hello from alpha";
static int counter; /* .bss */

static int fib(int n) {
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

int main(int argc, char **argv) {
    char line[128];
    ssize_t n = read(0, line, sizeof line - 1);
    if (n < 0) {
        n = 0;
    }
    line[n] = 0;
    line[strcspn(line, "\n")] = 0;
    char *heap = malloc(256);
    if (heap == NULL) {
        puts("alpha: malloc failed");
        return 70;
    }
    counter += argc;
    const char *mode = getenv("ALPHA_MODE");
    snprintf(heap, 256, "%s: arg=%s stdin=%s fib=%d mode=%s", greeting, argc > 1 ? argv[1] : "-", line, fib(15),
             mode ? mode : "-");
    puts(heap);
    free(heap);
    return argc > 2 ? atoi(argv[2]) : 0;
}
