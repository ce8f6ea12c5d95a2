;; Fuser test module "thrower" (exception handling): imports a tag from outside the set, defines two,
;; exports one for "catcher" and throws it.
(module
  (import "env" "error" (tag $error (param i32)))
  (import "env" "memory" (memory 1 1))
  (tag $jmp (export "__c_longjmp") (param i32))
  (tag $other (param i64))
  (func $raise (export "raise") (param i32) local.get 0 throw $jmp))
