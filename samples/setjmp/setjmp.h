/*
 * setjmp/longjmp for wasm32-wasi through the exception-handling proposal. Debian's wasi-libc ships
 * no <setjmp.h>; this header and sjlj_rt.c are all a program needs.
 *
 * Build every file that calls setjmp with clang-19 `-mllvm -wasm-enable-sjlj`: LLVM's
 * WebAssemblyLowerEmscriptenEHSjLj pass then rewrites each setjmp into a call of __wasm_setjmp
 * (record where to come back), wraps the calls that may longjmp in a try that catches the tag
 * __c_longjmp, asks __wasm_setjmp_test whether a caught longjmp is for this function, and rewrites
 * longjmp into __wasm_longjmp, which throws __c_longjmp. setjmp and longjmp themselves are never
 * called, so they have no definition.
 */
#ifndef SAMPLES_SETJMP_H
#define SAMPLES_SETJMP_H

/* What sjlj_rt.c keeps in a jmp_buf (see struct jmp_state there); sized and aligned for it. */
typedef struct {
    void *state[4];
} jmp_buf[1];

int setjmp(jmp_buf env);
_Noreturn void longjmp(jmp_buf env, int value);

#endif
