/*
 * minilisp: a small Scheme-like interpreter. It loads a prelude written in Lisp, then reads,
 * evaluates and prints each command-line argument in turn:
 *
 *   minilisp '(define (sq x) (* x x))' '(map sq (range 1 6))'
 *
 * Integers, symbols, strings, pairs, closures and primitives; lexical scope; tail calls in `if`,
 * `cond`, `let`, `begin` and closure bodies run in a loop. Primitives and special forms are
 * dispatched through tables of function pointers. Cells come from malloc'd blocks and are
 * collected by a mark-and-sweep collector; the C code keeps every cell it still needs on a root
 * stack, so the collector may run whenever eval starts on an expression.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum { T_NIL, T_TRUE, T_INT, T_SYM, T_STR, T_PAIR, T_PRIM, T_CLOSURE, T_FREE } Type;

typedef struct Obj Obj;
typedef Obj *(*PrimFn)(Obj *args);
typedef Obj *(*FormFn)(Obj *args, Obj *env, Obj **tail_env);

struct Obj {
    uint8_t type, marked;
    union {
        long num;
        struct { const char *name; } sym;
        struct { char *chars; } str;
        struct { Obj *car, *cdr; } pair;
        struct { const char *name; PrimFn fn; int min_args; } prim;
        struct { Obj *params, *body, *env; } closure;
        Obj *next_free;
    };
};

static Obj nil_obj = {T_NIL, 1, {0}}, true_obj = {T_TRUE, 1, {0}};
#define NIL (&nil_obj)
#define TRUE (&true_obj)

/* ---------- allocation and garbage collection ---------- */
#define BLOCK_CELLS 2048
typedef struct Block { struct Block *next; Obj cells[BLOCK_CELLS]; } Block;
static Block *blocks;
static Obj *free_list;
static size_t live_cells, total_allocs, collections, blocks_allocated;

static void grow_heap(void) {
    Block *b = malloc(sizeof(Block));
    if (!b) { fprintf(stderr, "minilisp: out of memory\n"); exit(3); }
    b->next = blocks;
    blocks = b;
    blocks_allocated++;
    for (int i = BLOCK_CELLS - 1; i >= 0; i--) {
        b->cells[i].type = T_FREE;
        b->cells[i].next_free = free_list;
        free_list = &b->cells[i];
    }
}

static Obj *alloc(Type t) {
    if (!free_list) grow_heap();
    Obj *o = free_list;
    free_list = o->next_free;
    o->type = (uint8_t)t;
    o->marked = 0;
    live_cells++;
    total_allocs++;
    return o;
}

static Obj *cons(Obj *a, Obj *d) {
    Obj *o = alloc(T_PAIR);
    o->pair.car = a;
    o->pair.cdr = d;
    return o;
}

static Obj *make_int(long n) {
    Obj *o = alloc(T_INT);
    o->num = n;
    return o;
}

static Obj *symbols = NIL; /* interned symbols: a list */
static Obj *global_env;

static Obj *intern(const char *name) {
    for (Obj *s = symbols; s != NIL; s = s->pair.cdr)
        if (strcmp(s->pair.car->sym.name, name) == 0) return s->pair.car;
    Obj *o = alloc(T_SYM);
    char *copy = malloc(strlen(name) + 1);
    strcpy(copy, name);
    o->sym.name = copy;
    symbols = cons(o, symbols);
    return o;
}

/* Addresses of the C variables that hold cells the collector must keep. */
#define MAX_ROOTS 16384
static Obj **roots[MAX_ROOTS];
static int nroots;
#define ROOT(var) (nroots < MAX_ROOTS ? (void)(roots[nroots++] = &(var)) : (void)0)

static void mark(Obj *o) {
    /* iterate down cdr chains, recurse on cars */
    while (o && !o->marked) {
        o->marked = 1;
        switch (o->type) {
        case T_PAIR: mark(o->pair.car); o = o->pair.cdr; break;
        case T_CLOSURE: mark(o->closure.params); mark(o->closure.body); o = o->closure.env; break;
        default: return;
        }
    }
}

static void collect(Obj *extra_root) {
    mark(symbols);
    mark(global_env);
    mark(extra_root);
    for (int i = 0; i < nroots; i++) mark(*roots[i]);
    for (Block *b = blocks; b; b = b->next) {
        for (int i = 0; i < BLOCK_CELLS; i++) {
            Obj *o = &b->cells[i];
            if (o->type == T_FREE) continue;
            if (o->marked) { o->marked = 0; continue; }
            if (o->type == T_STR) free(o->str.chars);
            o->type = T_FREE;
            o->next_free = free_list;
            free_list = o;
            live_cells--;
        }
    }
    collections++;
}

/* ---------- errors ---------- */
static int error_flag;
static char error_msg[160];

static Obj *fail(const char *msg, const char *detail) {
    if (!error_flag) snprintf(error_msg, sizeof error_msg, "%s%s%s", msg, detail ? ": " : "", detail ? detail : "");
    error_flag = 1;
    return NIL;
}

/* ---------- reader ---------- */
static const char *src;

static void skip_space(void) {
    for (;;) {
        while (*src == ' ' || *src == '\n' || *src == '\t' || *src == '\r') src++;
        if (*src != ';') return;
        while (*src && *src != '\n') src++;
    }
}

static Obj *read_expr(void);

static Obj *read_list(void) {
    Obj *head = NIL, *tail = NIL;
    for (;;) {
        skip_space();
        if (*src == ')') { src++; return head; }
        if (!*src) return fail("unexpected end of input", NULL);
        if (*src == '.' && (src[1] == ' ' || src[1] == '\n')) {
            src++;
            Obj *last = read_expr();
            skip_space();
            if (*src != ')') return fail("expected ) after dotted tail", NULL);
            src++;
            if (tail == NIL) return last;
            tail->pair.cdr = last;
            return head;
        }
        Obj *cell = cons(read_expr(), NIL);
        if (error_flag) return NIL;
        if (head == NIL) head = cell; else tail->pair.cdr = cell;
        tail = cell;
    }
}

static Obj *read_expr(void) {
    skip_space();
    char c = *src;
    if (!c) return fail("unexpected end of input", NULL);
    if (c == '(') { src++; return read_list(); }
    if (c == ')') { src++; return fail("unexpected )", NULL); }
    if (c == '\'') { src++; return cons(intern("quote"), cons(read_expr(), NIL)); }
    if (c == '"') {
        const char *start = ++src;
        while (*src && *src != '"') src++;
        size_t n = (size_t)(src - start);
        if (*src) src++;
        Obj *o = alloc(T_STR);
        o->str.chars = malloc(n + 1);
        memcpy(o->str.chars, start, n);
        o->str.chars[n] = 0;
        return o;
    }
    char buf[64];
    size_t n = 0;
    while (*src && !strchr(" \t\r\n()'\";", *src)) {
        if (n < sizeof buf - 1) buf[n++] = *src;
        src++;
    }
    buf[n] = 0;
    char *end;
    long v = strtol(buf, &end, 10);
    if (*end == 0 && end != buf && !(n == 1 && (buf[0] == '-' || buf[0] == '+'))) return make_int(v);
    if (strcmp(buf, "#t") == 0) return TRUE;
    if (strcmp(buf, "#f") == 0 || strcmp(buf, "nil") == 0) return NIL;
    return intern(buf);
}

/* ---------- printer ---------- */
static void print(Obj *o, FILE *out) {
    switch (o->type) {
    case T_NIL: fputs("()", out); break;
    case T_TRUE: fputs("#t", out); break;
    case T_INT: fprintf(out, "%ld", o->num); break;
    case T_SYM: fputs(o->sym.name, out); break;
    case T_STR: fprintf(out, "\"%s\"", o->str.chars); break;
    case T_PRIM: fprintf(out, "#<primitive %s>", o->prim.name); break;
    case T_CLOSURE: fputs("#<closure>", out); break;
    case T_PAIR:
        fputc('(', out);
        for (;;) {
            print(o->pair.car, out);
            o = o->pair.cdr;
            if (o == NIL) break;
            if (o->type != T_PAIR) { fputs(" . ", out); print(o, out); break; }
            fputc(' ', out);
        }
        fputc(')', out);
        break;
    default: fputs("#<free>", out);
    }
}

/* ---------- environments: a list of frames, each frame an alist ---------- */
static Obj *lookup(Obj *env, Obj *sym) {
    for (; env != NIL; env = env->pair.cdr)
        for (Obj *b = env->pair.car; b != NIL; b = b->pair.cdr)
            if (b->pair.car->pair.car == sym) return b->pair.car;
    return NULL;
}

static void define(Obj *env, Obj *sym, Obj *val) {
    for (Obj *b = env->pair.car; b != NIL; b = b->pair.cdr)
        if (b->pair.car->pair.car == sym) { b->pair.car->pair.cdr = val; return; }
    env->pair.car = cons(cons(sym, val), env->pair.car);
}

static Obj *bind(Obj *params, Obj *args, Obj *env) {
    Obj *frame = NIL;
    for (; params != NIL; params = params->pair.cdr, args = args->pair.cdr) {
        if (params->type == T_SYM) { frame = cons(cons(params, args), frame); args = NIL; break; }
        if (args == NIL) return fail("too few arguments", NULL);
        frame = cons(cons(params->pair.car, args->pair.car), frame);
    }
    if (args != NIL) return fail("too many arguments", NULL);
    return cons(frame, env);
}

/* ---------- evaluator ---------- */
static unsigned depth, max_depth;
#ifndef GC_START
#define GC_START 8192
#endif
static size_t gc_threshold = GC_START;
static Obj *eval(Obj *expr, Obj *env);

static Obj *eval_list(Obj *list, Obj *env) {
    Obj *head = NIL, *tail = NIL;
    int saved = nroots;
    ROOT(head);
    for (; list != NIL && !error_flag; list = list->pair.cdr) {
        Obj *cell = cons(eval(list->pair.car, env), NIL);
        if (head == NIL) head = cell; else tail->pair.cdr = cell;
        tail = cell;
    }
    nroots = saved;
    return head;
}

static Obj *sf_quote(Obj *args, Obj *env, Obj **tail_env) {
    (void)env; (void)tail_env;
    return args->pair.car;
}

/* Special forms that end in a tail position return the expression to continue with and set
 * *tail_env; the others return their value and leave *tail_env NULL. */
static Obj *sf_if(Obj *args, Obj *env, Obj **tail_env) {
    Obj *test = eval(args->pair.car, env);
    Obj *rest = args->pair.cdr;
    *tail_env = env;
    if (test != NIL) return rest->pair.car;
    return rest->pair.cdr != NIL ? rest->pair.cdr->pair.car : NIL;
}

static Obj *sf_begin(Obj *args, Obj *env, Obj **tail_env) {
    if (args == NIL) return NIL;
    for (; args->pair.cdr != NIL && !error_flag; args = args->pair.cdr) eval(args->pair.car, env);
    *tail_env = env;
    return args->pair.car;
}

static Obj *make_closure(Obj *params, Obj *body, Obj *env) {
    Obj *c = alloc(T_CLOSURE);
    c->closure.params = params;
    c->closure.body = body;
    c->closure.env = env;
    return c;
}

static Obj *sf_lambda(Obj *args, Obj *env, Obj **tail_env) {
    (void)tail_env;
    return make_closure(args->pair.car, args->pair.cdr, env);
}

static Obj *sf_define(Obj *args, Obj *env, Obj **tail_env) {
    (void)tail_env;
    Obj *target = args->pair.car;
    if (target->type == T_PAIR) { /* (define (f x) body...) */
        Obj *c = make_closure(target->pair.cdr, args->pair.cdr, env);
        define(env, target->pair.car, c);
        return target->pair.car;
    }
    define(env, target, eval(args->pair.cdr->pair.car, env));
    return target;
}

static Obj *sf_set(Obj *args, Obj *env, Obj **tail_env) {
    (void)tail_env;
    Obj *b = lookup(env, args->pair.car);
    if (!b) return fail("set! of unbound symbol", args->pair.car->sym.name);
    b->pair.cdr = eval(args->pair.cdr->pair.car, env);
    return b->pair.cdr;
}

static Obj *sf_let(Obj *args, Obj *env, Obj **tail_env) {
    Obj *frame = NIL;
    int saved = nroots;
    ROOT(frame);
    for (Obj *b = args->pair.car; b != NIL; b = b->pair.cdr) {
        Obj *value = eval(b->pair.car->pair.cdr->pair.car, env);
        frame = cons(cons(b->pair.car->pair.car, value), frame);
    }
    nroots = saved;
    return sf_begin(args->pair.cdr, cons(frame, env), tail_env);
}

static Obj *sf_cond(Obj *args, Obj *env, Obj **tail_env) {
    for (; args != NIL; args = args->pair.cdr) {
        Obj *clause = args->pair.car;
        if (clause->pair.car == intern("else") || eval(clause->pair.car, env) != NIL)
            return sf_begin(clause->pair.cdr, env, tail_env);
    }
    return NIL;
}

static Obj *sf_and(Obj *args, Obj *env, Obj **tail_env) {
    Obj *v = TRUE;
    for (; args != NIL && v != NIL; args = args->pair.cdr) {
        if (args->pair.cdr == NIL) { *tail_env = env; return args->pair.car; }
        v = eval(args->pair.car, env);
    }
    return v;
}

static Obj *sf_or(Obj *args, Obj *env, Obj **tail_env) {
    for (; args != NIL; args = args->pair.cdr) {
        if (args->pair.cdr == NIL) { *tail_env = env; return args->pair.car; }
        Obj *v = eval(args->pair.car, env);
        if (v != NIL) return v;
    }
    return NIL;
}

static const struct { const char *name; FormFn fn; } special_forms[] = {
    {"quote", sf_quote}, {"if", sf_if}, {"begin", sf_begin}, {"lambda", sf_lambda},
    {"define", sf_define}, {"set!", sf_set}, {"let", sf_let}, {"cond", sf_cond},
    {"and", sf_and}, {"or", sf_or},
};
#define N_FORMS (sizeof special_forms / sizeof special_forms[0])
static Obj *form_syms[N_FORMS];

static Obj *apply(Obj *fn, Obj *args, Obj **tail_env);

static Obj *eval(Obj *expr, Obj *env) {
    if (++depth > max_depth) max_depth = depth;
    if (depth > 2000) { depth--; return fail("recursion too deep", NULL); }
    Obj *result = NIL, *fn = NIL;
    int saved = nroots;
    ROOT(expr);
    ROOT(env);
    ROOT(fn);
    for (;;) {
        if (error_flag) break;
        if (live_cells > gc_threshold) {
            collect(NULL);
            gc_threshold = live_cells * 2 > GC_START ? live_cells * 2 : GC_START;
        }
        if (expr->type == T_SYM) {
            Obj *b = lookup(env, expr);
            result = b ? b->pair.cdr : fail("unbound symbol", expr->sym.name);
            break;
        }
        if (expr->type != T_PAIR) { result = expr; break; }
        Obj *head = expr->pair.car, *tail_env = NULL;
        size_t f = 0;
        if (head->type == T_SYM)
            while (f < N_FORMS && form_syms[f] != head) f++;
        else
            f = N_FORMS;
        if (f < N_FORMS) {
            Obj *next = special_forms[f].fn(expr->pair.cdr, env, &tail_env);
            if (!tail_env) { result = next; break; }
            expr = next;
            env = tail_env;
            continue;
        }
        fn = eval(head, env);
        Obj *args = eval_list(expr->pair.cdr, env);
        if (error_flag) break;
        Obj *next = apply(fn, args, &tail_env);
        if (!tail_env) { result = next; break; }
        expr = next;
        env = tail_env;
    }
    depth--;
    nroots = saved;
    return result;
}

/* Primitives return their value; closures return the body to continue with in *tail_env. */
static Obj *apply(Obj *fn, Obj *args, Obj **tail_env) {
    if (fn->type == T_PRIM) {
        int n = 0;
        for (Obj *a = args; a != NIL; a = a->pair.cdr) n++;
        if (n < fn->prim.min_args) return fail("too few arguments to", fn->prim.name);
        return fn->prim.fn(args);
    }
    if (fn->type != T_CLOSURE) return fail("not a function", NULL);
    Obj *env = bind(fn->closure.params, args, fn->closure.env);
    if (error_flag) return NIL;
    return sf_begin(fn->closure.body, env, tail_env);
}

static Obj *call(Obj *fn, Obj *args) {
    Obj *tail_env = NULL;
    Obj *r = apply(fn, args, &tail_env);
    return tail_env ? eval(r, tail_env) : r;
}

/* ---------- primitives ---------- */
static long int_arg(Obj *o) {
    if (o->type != T_INT) { fail("not an integer", NULL); return 0; }
    return o->num;
}
#define ARG1 (args->pair.car)
#define ARG2 (args->pair.cdr->pair.car)

static Obj *p_add(Obj *args) { long s = 0; for (; args != NIL; args = args->pair.cdr) s += int_arg(ARG1); return make_int(s); }
static Obj *p_mul(Obj *args) { long s = 1; for (; args != NIL; args = args->pair.cdr) s *= int_arg(ARG1); return make_int(s); }
static Obj *p_sub(Obj *args) {
    long s = int_arg(ARG1);
    if (args->pair.cdr == NIL) return make_int(-s);
    for (args = args->pair.cdr; args != NIL; args = args->pair.cdr) s -= int_arg(ARG1);
    return make_int(s);
}
static Obj *p_div(Obj *args) { long b = int_arg(ARG2); return b ? make_int(int_arg(ARG1) / b) : fail("division by zero", NULL); }
static Obj *p_mod(Obj *args) {
    long a = int_arg(ARG1), b = int_arg(ARG2);
    if (!b) return fail("division by zero", NULL);
    long m = a % b;
    return make_int(m && (m < 0) != (b < 0) ? m + b : m);
}
static Obj *p_lt(Obj *args) { return int_arg(ARG1) < int_arg(ARG2) ? TRUE : NIL; }
static Obj *p_gt(Obj *args) { return int_arg(ARG1) > int_arg(ARG2) ? TRUE : NIL; }
static Obj *p_le(Obj *args) { return int_arg(ARG1) <= int_arg(ARG2) ? TRUE : NIL; }
static Obj *p_numeq(Obj *args) { return int_arg(ARG1) == int_arg(ARG2) ? TRUE : NIL; }
static Obj *p_eq(Obj *args) {
    Obj *a = ARG1, *b = ARG2;
    if (a->type == T_INT && b->type == T_INT) return a->num == b->num ? TRUE : NIL;
    return a == b ? TRUE : NIL;
}
static Obj *p_cons(Obj *args) { return cons(ARG1, ARG2); }
static Obj *p_car(Obj *args) { return ARG1->type == T_PAIR ? ARG1->pair.car : fail("car of non-pair", NULL); }
static Obj *p_cdr(Obj *args) { return ARG1->type == T_PAIR ? ARG1->pair.cdr : fail("cdr of non-pair", NULL); }
static Obj *p_list(Obj *args) { return args; }
static Obj *p_nullp(Obj *args) { return ARG1 == NIL ? TRUE : NIL; }
static Obj *p_pairp(Obj *args) { return ARG1->type == T_PAIR ? TRUE : NIL; }
static Obj *p_not(Obj *args) { return ARG1 == NIL ? TRUE : NIL; }
static Obj *p_display(Obj *args) {
    for (; args != NIL; args = args->pair.cdr) {
        if (ARG1->type == T_STR) fputs(ARG1->str.chars, stdout); else print(ARG1, stdout);
    }
    return NIL;
}
static Obj *p_newline(Obj *args) { (void)args; putchar('\n'); return NIL; }
static Obj *p_apply(Obj *args) { return call(ARG1, ARG2); }
static Obj *p_strlen(Obj *args) { return ARG1->type == T_STR ? make_int((long)strlen(ARG1->str.chars)) : fail("not a string", NULL); }
static Obj *p_symname(Obj *args) {
    if (ARG1->type != T_SYM) return fail("not a symbol", NULL);
    Obj *o = alloc(T_STR);
    o->str.chars = malloc(strlen(ARG1->sym.name) + 1);
    strcpy(o->str.chars, ARG1->sym.name);
    return o;
}
static Obj *p_cells(Obj *args) { (void)args; return make_int((long)live_cells); }

static const struct { const char *name; PrimFn fn; int min_args; } primitives[] = {
    {"+", p_add, 0}, {"-", p_sub, 1}, {"*", p_mul, 0}, {"quotient", p_div, 2}, {"mod", p_mod, 2},
    {"<", p_lt, 2}, {">", p_gt, 2}, {"<=", p_le, 2}, {"=", p_numeq, 2}, {"eq?", p_eq, 2},
    {"cons", p_cons, 2}, {"car", p_car, 1}, {"cdr", p_cdr, 1}, {"list", p_list, 0},
    {"null?", p_nullp, 1}, {"pair?", p_pairp, 1}, {"not", p_not, 1}, {"display", p_display, 0},
    {"newline", p_newline, 0}, {"apply", p_apply, 2}, {"string-length", p_strlen, 1},
    {"symbol->string", p_symname, 1}, {"live-cells", p_cells, 0},
};

static const char prelude[] =
    "(define (cadr x) (car (cdr x)))\n"
    "(define (length l) (if (null? l) 0 (+ 1 (length (cdr l)))))\n"
    "(define (foldl f acc l) (if (null? l) acc (foldl f (f acc (car l)) (cdr l))))\n"
    "(define (reverse l) (foldl (lambda (acc x) (cons x acc)) '() l))\n"
    "(define (map f l) (if (null? l) '() (cons (f (car l)) (map f (cdr l)))))\n"
    "(define (filter p l) (cond ((null? l) '()) ((p (car l)) (cons (car l) (filter p (cdr l)))) (else (filter p (cdr l)))))\n"
    "(define (append a b) (if (null? a) b (cons (car a) (append (cdr a) b))))\n"
    "(define (range a b) (if (< a b) (cons a (range (+ a 1) b)) '()))\n"
    "(define (even? n) (= (mod n 2) 0))\n"
    "(define (odd? n) (not (even? n)))\n"
    "(define (take l n) (if (or (= n 0) (null? l)) '() (cons (car l) (take (cdr l) (- n 1)))))\n"
    "(define (drop l n) (if (or (= n 0) (null? l)) l (drop (cdr l) (- n 1))))\n"
    "(define (merge a b less) (cond ((null? a) b) ((null? b) a)\n"
    "  ((less (car b) (car a)) (cons (car b) (merge a (cdr b) less)))\n"
    "  (else (cons (car a) (merge (cdr a) b less)))))\n"
    "(define (sort l less) (let ((n (length l))) (if (< n 2) l\n"
    "  (merge (sort (take l (quotient n 2)) less) (sort (drop l (quotient n 2)) less) less))))\n"
    "(define (assoc k al) (cond ((null? al) #f) ((eq? k (car (car al))) (car al)) (else (assoc k (cdr al)))))\n";

static int run(const char *text, int echo) {
    src = text;
    int count = 0;
    for (;;) {
        skip_space();
        if (!*src) break;
        error_flag = 0;
        depth = 0;
        Obj *expr = read_expr();
        Obj *value = error_flag ? NIL : eval(expr, global_env);
        if (error_flag) {
            printf("minilisp: error: %s\n", error_msg);
            return -1;
        }
        if (echo) {
            fputs("minilisp: => ", stdout);
            print(value, stdout);
            putchar('\n');
        }
        collect(NULL);
        count++;
    }
    return count;
}

int main(int argc, char **argv) {
    global_env = cons(NIL, NIL);
    for (size_t i = 0; i < N_FORMS; i++) form_syms[i] = intern(special_forms[i].name);
    for (size_t i = 0; i < sizeof primitives / sizeof primitives[0]; i++) {
        Obj *p = alloc(T_PRIM);
        p->prim.name = primitives[i].name;
        p->prim.fn = primitives[i].fn;
        p->prim.min_args = primitives[i].min_args;
        define(global_env, intern(primitives[i].name), p);
    }
    int defs = run(prelude, 0);
    printf("minilisp: prelude has %d definitions, %zu primitives, %zu special forms\n", defs,
           sizeof primitives / sizeof primitives[0], N_FORMS);
    int errors = 0;
    for (int i = 1; i < argc; i++) errors += run(argv[i], 1) < 0;
    printf("minilisp: %zu cells allocated, %zu live, %zu collections, %zu blocks, deepest eval %u\n",
           total_allocs, live_cells, collections, blocks_allocated, max_depth);
    return errors ? 1 : 0;
}
