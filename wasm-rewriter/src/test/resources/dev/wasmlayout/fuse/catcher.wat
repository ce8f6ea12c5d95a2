;; Fuser test module "catcher": imports thrower's tag and the same outside tag as thrower, defines and
;; exports its own, catches all three in a legacy try.
(module
  (import "thrower" "__c_longjmp" (tag $jmp (param i32)))
  (import "thrower" "raise" (func $raise (param i32)))
  (import "env" "error" (tag $error (param i32)))
  (import "env" "memory" (memory 1 1))
  (tag $mine (export "mine") (param f32))
  (func $run (export "run") (result i32)
    try (result i32)
      i32.const 7
      call $raise
      i32.const 0
    catch $jmp
    catch $error
      i32.const 100
      i32.add
    catch $mine
      i32.trunc_f32_s
    end))
