/* A wasi-libc command with debug info whose data the tests move: DWARF gives every variable below
 * an address (DW_OP_addr), which must follow the data. No malloc, so no memory.grow and the patch
 * leaves the code section as linked. */

static int table[4] = {1, 2, 3, 4};
int *p = &table[1];                       /* a pointer in the data: reloc.DATA */
int counter = 42;                         /* exported by the link (--export=counter) as its address */
struct point { int x, y; } origin = {3, 4};
static char scratch[64];                  /* .bss */

static int sum(const int *v, int n) {
    int s = 0;
    for (int i = 0; i < n; i++) {
        s += v[i];
    }
    return s;
}

int main(void) {
    for (int i = 0; i < 4; i++) {
        scratch[i] = (char) (table[i] + counter);
    }
    return (sum(table, 4) + *p + origin.x * origin.y + scratch[2]) & 0x7f;
}
