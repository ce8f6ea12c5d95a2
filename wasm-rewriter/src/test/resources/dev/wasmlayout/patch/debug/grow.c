/* A libc-free module with debug info that grows its memory, so the patch rewrites memory.grow and
 * memory.size into a call and a global.get. With more than 127 functions the call's index needs
 * two LEB bytes: the rewritten body gets longer and every body after it moves. build.sh builds it
 * for each strategy (relocate with DWARF 4 and 5, pic, placed with and without relocations). */

__attribute__((import_module("trace"), import_name("note"))) void note(int value);

static int cells[32] = {1, 1, 2, 3, 5, 8, 13, 21};
int *cursor = &cells[3];
int total;

/* memory.size and memory.grow: the patch confines them to the module's heap */
__attribute__((export_name("grow"))) int grow(int pages) {
    int before = __builtin_wasm_memory_size(0);
    if (__builtin_wasm_memory_grow(0, pages) < 0) {
        note(-1);
        return -1;
    }
    note(before);
    return before;
}

/* 130 small functions after grow(): they move when its body gets longer */
#define F(n) __attribute__((noinline)) int f##n(int x) { cells[n % 32] += x; return cells[(n * 7) % 32] + n; }
#define F10(d) F(d##0) F(d##1) F(d##2) F(d##3) F(d##4) F(d##5) F(d##6) F(d##7) F(d##8) F(d##9)
F10(1) F10(2) F10(3) F10(4) F10(5) F10(6) F10(7) F10(8) F10(9) F10(10) F10(11) F10(12) F10(13)

#define C(n) s = f##n(s);
#define C10(d) C(d##0) C(d##1) C(d##2) C(d##3) C(d##4) C(d##5) C(d##6) C(d##7) C(d##8) C(d##9)

__attribute__((export_name("run"))) int run(int s) {
    C10(1) C10(2) C10(3) C10(4) C10(5) C10(6) C10(7) C10(8) C10(9) C10(10) C10(11) C10(12) C10(13)
    total += s;
    return s;
}

__attribute__((export_name("last"))) int last(void) {
    return *cursor + total + cells[31];
}
