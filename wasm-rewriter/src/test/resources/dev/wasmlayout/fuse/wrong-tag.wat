;; Fuser test module: imports thrower's __c_longjmp with another type than thrower gives it.
(module
  (import "thrower" "__c_longjmp" (tag $jmp (param i64)))
  (import "env" "memory" (memory 1 1)))
