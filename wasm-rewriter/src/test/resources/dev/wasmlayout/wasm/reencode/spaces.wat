;; One module naming an index of every space Reencode renumbers: types (call_indirect, a block type),
;; functions (call, ref.func, element items), tables, memories, globals, data and element segments.
(module
  (type $v (func))
  (type $ii (func (param i32) (result i32)))
  (type $pair (func (result i32 i32)))
  (import "env" "memory" (memory 1))
  (import "env" "base" (global $base i32))
  (table $t 4 funcref)
  (global $g (mut i32) (i32.const 7))
  (global $h i32 (global.get $base))
  (elem (i32.const 1) $f $k)
  (elem $passive funcref (ref.func $k) (ref.null func))
  (data $d "passive bytes")
  (data (i32.const 64) "active bytes")
  (func $f (type $ii) local.get 0)
  (func $k (type $v)
    (block (type $pair) i32.const 1 i32.const 2) drop drop
    i32.const 3 i32.const 1 call_indirect (type $ii) drop
    global.get $g global.set $g
    i32.const 0 i32.const 0 i32.const 4 memory.init $d
    data.drop $d
    i32.const 0 i32.const 0 i32.const 1 table.init $t $passive
    elem.drop $passive
    i32.const 0 table.get $t drop
    ref.func $f drop
    i32.const 0 i32.load offset=4 drop
    i32.const 9 call $f drop))
