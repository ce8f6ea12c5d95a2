/*
 * A calculator that recovers from errors with setjmp/longjmp: the parser recurses once per
 * parenthesis and operator, and an error anywhere (division by zero, a syntax error, nesting deeper
 * than MAX_DEPTH) longjmps straight back to the expression's setjmp in main, out of all the
 * recursion. `try(a, b)` evaluates a, and b when a fails: a setjmp inside the recursion, so a
 * longjmp may end there or pass through it to main.
 */
#include <stdio.h>
#include <string.h>
#include "setjmp.h"

#define MAX_DEPTH 200

static jmp_buf *on_error;   /* where the innermost active setjmp waits */
static const char *pos;     /* the parser's position in the expression */
static int depth;           /* recursion depth of the parser */
static char message[96];    /* the last error */
static const char *start_of_expression;

static _Noreturn void error(const char *what) {
    snprintf(message, sizeof message, "%s at column %d", what, (int) (pos - start_of_expression) + 1);
    longjmp(*on_error, 1);
}

static void skip_spaces(void) {
    while (*pos == ' ') {
        pos++;
    }
}

static long expression(void);

/* The end of try's first argument: the ',' at this nesting level (the text is scanned, not parsed). */
static const char *find_comma(const char *p) {
    int open = 0;
    for (; *p; p++) {
        if (*p == ',' && open == 0) {
            return p;
        }
        open += *p == '(' ? 1 : *p == ')' ? -1 : 0;
        if (open < 0) {
            break;
        }
    }
    error("try needs two arguments");
}

static long try_expression(void) {
    /* try(a, b): a's errors longjmp here; the outer handler is back in place whatever happens */
    const char *comma = find_comma(pos);
    jmp_buf here;
    jmp_buf *outer = on_error;
    int saved_depth = depth;
    long value;
    on_error = &here;
    if (setjmp(here) == 0) {
        value = expression();
        on_error = outer;
        skip_spaces();
        if (pos != comma) {
            error("expected ','");
        }
        pos = comma + 1;
        expression(); /* b is parsed (its errors are errors) but its value is not used */
    } else {
        on_error = outer;
        depth = saved_depth;
        printf("  recovered inside try: %s\n", message);
        pos = comma + 1;
        value = expression();
    }
    skip_spaces();
    if (*pos != ')') {
        error("expected ')'");
    }
    pos++;
    return value;
}

static long primary(void) {
    skip_spaces();
    if (++depth > MAX_DEPTH) {
        error("nesting too deep");
    }
    long value;
    if (*pos == '(') {
        pos++;
        value = expression();
        skip_spaces();
        if (*pos != ')') {
            error("expected ')'");
        }
        pos++;
    } else if (*pos == '-') {
        pos++;
        value = -primary();
    } else if (strncmp(pos, "try(", 4) == 0) {
        pos += 4;
        value = try_expression();
    } else if (*pos >= '0' && *pos <= '9') {
        value = 0;
        while (*pos >= '0' && *pos <= '9') {
            value = value * 10 + (*pos++ - '0');
        }
    } else {
        error(*pos ? "unexpected character" : "unexpected end");
    }
    depth--;
    return value;
}

static long term(void) {
    long value = primary();
    for (;;) {
        skip_spaces();
        char op = *pos;
        if (op != '*' && op != '/' && op != '%') {
            return value;
        }
        pos++;
        long right = primary();
        if (op != '*' && right == 0) {
            error("division by zero");
        }
        value = op == '*' ? value * right : op == '/' ? value / right : value % right;
    }
}

static long expression(void) {
    long value = term();
    for (;;) {
        skip_spaces();
        char op = *pos;
        if (op != '+' && op != '-') {
            return value;
        }
        pos++;
        long right = term();
        value = op == '+' ? value + right : value - right;
    }
}

static char deep[2 * 300 + 2];

int main(void) {
    /* 300 nested parentheses: deeper than MAX_DEPTH */
    memset(deep, '(', 300);
    deep[300] = '1';
    memset(deep + 301, ')', 300);

    const char *inputs[] = {
        "1 + 2 * 3",
        "(1 + 2) * 3",
        "7 / (3 - 3)",
        "2 * (3 + 4",
        "10 % 4 + try(1 / 0, 99)",
        "try(try(5 / 0, 6 % 0), 42) * 2",
        "try(8 / 2, 1 + 1) + try(-3, 0)",
        "try(1, 2 / 0)",
        "1 + $",
        deep,
        "((((((((((1+1)*2)*2)*2)*2)*2)*2)*2)*2)*2)",
    };
    int n = (int) (sizeof inputs / sizeof inputs[0]);
    int failed = 0;
    for (int i = 0; i < n; i++) {
        jmp_buf top;
        const char *shown = inputs[i] == deep ? "(300 nested parentheses around 1)" : inputs[i];
        pos = start_of_expression = inputs[i];
        depth = 0;
        on_error = &top;
        if (setjmp(top) == 0) {
            long value = expression();
            skip_spaces();
            if (*pos != '\0') {
                error("unexpected character");
            }
            printf("%-40s = %ld\n", shown, value);
        } else {
            failed++;
            printf("%-40s error: %s (depth was %d)\n", shown, message, depth);
        }
    }
    printf("%d expressions, %d errors recovered with longjmp\n", n, failed);
    return 0;
}
