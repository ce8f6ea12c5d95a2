;; Fuser test module "b": calls a.twice, has its table window at 2 (moved there by its patch), asks for its argv sizes.
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "a" "twice" (func $twice (param i32) (result i32)))
  (import "wasi_snapshot_preview1" "args_sizes_get" (func $sizes (param i32 i32) (result i32)))
  (import "env" "memory" (memory 1 1))
  (table 3 3 funcref)
  (global $__stack_pointer (mut i32) (i32.const 8192))
  (elem (i32.const 2) $own)
  (func $own (param i32) (result i32) local.get 0 call $twice)
  (func $run (export "run") (result i32) i32.const 5 i32.const 2 call_indirect (param i32) (result i32))
  (func $argc (export "argc") (result i32)
    i32.const 100 i32.const 104 call $sizes drop i32.const 100 i32.load))
