/* A command that calls a function of another module (mathlib.vec_sum) on an array in its own
 * stack, and keeps a heap list. */
#include <stdio.h>
#include <stdlib.h>

__attribute__((import_module("mathlib"), import_name("vec_sum"))) int vec_sum(const int *v, int n);

struct node {
    int value;
    struct node *next;
};

int main(void) {
    int v[16];
    for (int i = 0; i < 16; i++) {
        v[i] = i * i;
    }
    struct node *list = NULL;
    for (int i = 0; i < 100; i++) {
        struct node *n = malloc(sizeof *n);
        n->value = i;
        n->next = list;
        list = n;
    }
    int total = 0;
    while (list) {
        struct node *next = list->next;
        total += list->value;
        free(list);
        list = next;
    }
    printf("beta: vec_sum=%d list=%d\n", vec_sum(v, 16), total);
    return 0;
}
