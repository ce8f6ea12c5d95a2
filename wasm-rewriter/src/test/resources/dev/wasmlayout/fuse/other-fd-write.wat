;; Imports WASI fd_write with a type of its own: cannot share the fused module's one fd_write import.
(module
  (import "wasi_snapshot_preview1" "fd_write" (func (param i32) (result i32)))
  (import "env" "memory" (memory 1 1)))
