/* A library module (reactor) serving other modules: reads their memory, writes only its own data. */
static int calls; /* .bss, written on every call */

__attribute__((export_name("vec_sum"))) int vec_sum(const int *v, int n) {
    int s = 0;
    for (int i = 0; i < n; i++) {
        s += v[i];
    }
    calls++;
    return s;
}

__attribute__((export_name("calls"))) int get_calls(void) {
    return calls;
}
