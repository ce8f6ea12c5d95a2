;; Exports "y.z": as module "x" its fused export "x.y.z" is what module "x.y"'s export "z" becomes.
(module
  (import "env" "memory" (memory 1 1))
  (func (export "y.z"))
  (func (export "z")))
