;; Imports a global: nothing in a fused module can provide it.
(module
  (import "env" "__memory_base" (global i32))
  (import "env" "memory" (memory 1 1)))
