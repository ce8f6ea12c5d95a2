/*
 * The run-time half of setjmp/longjmp under `-mllvm -wasm-enable-sjlj` (see setjmp.h). The
 * compiler gives every function that calls setjmp a unique "invocation id" (the address of a
 * stack slot of that call) and numbers its setjmp calls 1, 2, ... ("labels").
 */
#include <stdint.h>
#include "setjmp.h"

/* The payload of a __c_longjmp exception: which jmp_buf, and setjmp's second return value. */
struct longjmp_args {
    void *env;
    int value;
};

/* The layout of a jmp_buf (it must fit in jmp_buf's 16 bytes). */
struct jmp_state {
    void *invocation; /* the function invocation that called setjmp */
    uint32_t label;   /* which of its setjmp calls */
    struct longjmp_args args;
};

_Static_assert(sizeof(struct jmp_state) <= sizeof(jmp_buf), "jmp_buf too small");

/* setjmp(env) in function invocation `invocation`, at its setjmp number `label`. */
void __wasm_setjmp(void *env, uint32_t label, void *invocation) {
    struct jmp_state *s = env;
    s->invocation = invocation;
    s->label = label;
}

/*
 * A __c_longjmp reached a function that calls setjmp: the label to resume at when env was set by
 * this very invocation, 0 when the longjmp is for a caller (the function then throws it on).
 */
uint32_t __wasm_setjmp_test(void *env, void *invocation) {
    struct jmp_state *s = env;
    return s->invocation == invocation ? s->label : 0;
}

/* longjmp(env, value): throw tag 1 (__c_longjmp; tag 0 is C++'s) with a pointer to the arguments. */
_Noreturn void __wasm_longjmp(void *env, int value) {
    struct jmp_state *s = env;
    s->args.env = env;
    s->args.value = value != 0 ? value : 1; /* longjmp(env, 0) makes setjmp return 1 */
    __builtin_wasm_throw(1, &s->args);
}
