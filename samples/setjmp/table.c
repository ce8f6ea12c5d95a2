/* A plain module (no exception handling) that shares the memory with calc: a multiplication table in a malloc'd array. */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    enum { N = 6 };
    int *cells = malloc(N * N * sizeof *cells);
    if (cells == NULL) {
        return 1;
    }
    for (int i = 0; i < N * N; i++) {
        cells[i] = (i / N + 1) * (i % N + 1);
    }
    for (int row = 0; row < N; row++) {
        for (int col = 0; col < N; col++) {
            printf("%4d", cells[row * N + col]);
        }
        printf("\n");
    }
    free(cells);
    return 0;
}
