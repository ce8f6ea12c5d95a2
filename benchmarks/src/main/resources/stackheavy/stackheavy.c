/* A stack-heavy workload for the stack check's cost (StackCheckBenchmark, compare.py): most calls keep a
 * frame on the linear-memory stack, so they move __stack_pointer on entry and on exit.
 *  - a recursive-descent evaluator (the shape of sqlite's and Lua's parsers) over generated expressions
 *    nested up to 40 deep, each token copied into a buffer on the stack and converted with strtol;
 *  - a recursive merge sort whose scratch array is a variable-length array on the stack.
 * argv[1] = rounds (default 20). Prints a checksum so both links can be compared. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned seed = 12345;
static unsigned next(void) { seed = seed * 1103515245u + 12345u; return seed >> 8; }

static char text[1 << 16];
static size_t len;

static void emit(char c) { if (len + 1 < sizeof text) text[len++] = c; }

static void gen(int depth) {
    /* a leaf half the time (a finite tree), always at depth 40 or once the text is half full (room to close) */
    if (depth >= 40 || len > sizeof text / 2 || next() % 2 == 0) {
        char num[16];
        int n = snprintf(num, sizeof num, "%u", next() % 1000);
        for (int i = 0; i < n; i++) emit(num[i]);
        return;
    }
    emit('(');
    gen(depth + 1);
    emit("+-*"[next() % 3]);
    gen(depth + 1);
    emit(')');
}

static const char *at;
static long expr(void);

static long factor(void) {
    if (*at == '(') {
        at++;
        long v = expr();
        at++; /* ')' */
        return v;
    }
    char token[24];
    size_t n = 0;
    while (*at >= '0' && *at <= '9' && n + 1 < sizeof token) token[n++] = *at++;
    token[n] = 0;
    return strtol(token, NULL, 10);
}

static long expr(void) {
    long v = factor();
    while (*at == '+' || *at == '-' || *at == '*') {
        char op = *at++;
        long w = factor();
        v = op == '+' ? v + w : op == '-' ? v - w : (v * w) % 1000003;
    }
    return v;
}

static void msort(int *a, int n) {
    if (n < 2) return;
    int tmp[n];
    int h = n / 2;
    msort(a, h);
    msort(a + h, n - h);
    int i = 0, j = h, k = 0;
    while (i < h && j < n) tmp[k++] = a[i] <= a[j] ? a[i++] : a[j++];
    while (i < h) tmp[k++] = a[i++];
    while (j < n) tmp[k++] = a[j++];
    memcpy(a, tmp, sizeof(int) * (size_t) n);
}

int main(int argc, char **argv) {
    int rounds = argc > 1 ? atoi(argv[1]) : 20;
    static int data[4096];
    unsigned long sum = 0;
    for (int r = 0; r < rounds; r++) {
        len = 0;
        while (len < sizeof text / 2) {
            gen(0);
            emit('+');
        }
        emit('0');
        text[len] = 0;
        for (at = text; *at; ) sum += (unsigned long) expr();
        for (int i = 0; i < 4096; i++) data[i] = (int) (next() % 100000);
        msort(data, 4096);
        sum += (unsigned long) data[r % 4096];
    }
    printf("stackheavy: %d rounds, checksum %lu\n", rounds, sum);
    return 0;
}
