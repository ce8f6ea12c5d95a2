/* A libc-free module with debug info whose functions keep frames on the stack, so each moves the stack
 * pointer (global.set __stack_pointer) on entry and exit: the stack check rewrites every one of them.
 * build.sh builds it for relocate (stack.wasm) and pic (stack.pic.wasm, env.__stack_pointer imported). */

__attribute__((import_module("trace"), import_name("note"))) void note(volatile int *cell);

__attribute__((noinline)) static int fill(int depth) {
    volatile int frame[64];
    for (int i = 0; i < 64; i++) {
        frame[i] = depth + i;
    }
    note(frame);
    return depth > 0 ? fill(depth - 1) + frame[depth % 64] : frame[0];
}

__attribute__((export_name("deep"))) int deep(int depth) {
    volatile int mark = depth;
    note(&mark);
    return fill(depth) + mark;
}
