/* mathlib.h: what the apps import from the `mathlib` module (see mathlib.c). */
#ifndef MATHLIB_H
#define MATHLIB_H
#include <stdint.h>
#define MATHLIB_IMPORT(name) __attribute__((import_module("mathlib"), import_name(#name)))
MATHLIB_IMPORT(vec_sum) int32_t vec_sum(const int32_t *v, int32_t n);
MATHLIB_IMPORT(vec_max) int32_t vec_max(const int32_t *v, int32_t n);
MATHLIB_IMPORT(str_hash) uint32_t str_hash(const char *s);
MATHLIB_IMPORT(prefix_sums) const int32_t *prefix_sums(const int32_t *v, int32_t n);
MATHLIB_IMPORT(mathlib_calls) uint32_t mathlib_calls(void);
#endif
