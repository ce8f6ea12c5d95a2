;; Fuser test module "a", as a patched module looks: imports the memory, its table entries from index 1.
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "env" "memory" (memory 1 1))
  (table 2 2 funcref)
  (global $__stack_pointer (mut i32) (i32.const 4096))
  (elem (i32.const 1) $twice)
  (func $twice (export "twice") (param i32) (result i32) local.get 0 i32.const 2 i32.mul)
  (func $run (export "run") (result i32) i32.const 21 i32.const 1 call_indirect (param i32) (result i32)))
