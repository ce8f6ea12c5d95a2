package dev.wasmlayout.wasm.code;

import static dev.wasmlayout.wasm.code.Feature.*;
import static dev.wasmlayout.wasm.code.ImmediateKind.*;

/**
 * Every instruction the decoder accepts: the core spec 2.0 plus tail calls, relaxed SIMD, threads
 * and exception handling (the final proposal and the legacy one clang 19 emits). Typed function
 * references and GC are not here, so their opcodes decode as unsupported. Arguments: prefix (0 for single-byte opcodes), opcode or sub-opcode,
 * text-format mnemonic, immediate shape, feature, and for memory accesses the natural alignment
 * (log2 of the access size).
 */
public enum Opcode {

    // MVP, single byte
    UNREACHABLE(0x00, 0x00, "unreachable", NONE, MVP),
    NOP(0x00, 0x01, "nop", NONE, MVP),
    BLOCK(0x00, 0x02, "block", BLOCK_TYPE, MVP),
    LOOP(0x00, 0x03, "loop", BLOCK_TYPE, MVP),
    IF(0x00, 0x04, "if", BLOCK_TYPE, MVP),
    ELSE(0x00, 0x05, "else", NONE, MVP),

    // exception handling (legacy and final), single byte
    TRY(0x00, 0x06, "try", BLOCK_TYPE, LEGACY_EXCEPTION_HANDLING),
    CATCH(0x00, 0x07, "catch", TAG, LEGACY_EXCEPTION_HANDLING),
    THROW(0x00, 0x08, "throw", TAG, EXCEPTION_HANDLING),
    RETHROW(0x00, 0x09, "rethrow", LABEL, LEGACY_EXCEPTION_HANDLING),
    THROW_REF(0x00, 0x0a, "throw_ref", NONE, EXCEPTION_HANDLING),

    // MVP, single byte
    END(0x00, 0x0b, "end", NONE, MVP),
    BR(0x00, 0x0c, "br", LABEL, MVP),
    BR_IF(0x00, 0x0d, "br_if", LABEL, MVP),
    BR_TABLE(0x00, 0x0e, "br_table", LABEL_VECTOR, MVP),
    RETURN(0x00, 0x0f, "return", NONE, MVP),
    CALL(0x00, 0x10, "call", FUNC, MVP),
    CALL_INDIRECT(0x00, 0x11, "call_indirect", TYPE_AND_TABLE, MVP),

    // tail calls, single byte
    RETURN_CALL(0x00, 0x12, "return_call", FUNC, TAIL_CALL),
    RETURN_CALL_INDIRECT(0x00, 0x13, "return_call_indirect", TYPE_AND_TABLE, TAIL_CALL),

    // legacy exception handling, single byte
    DELEGATE(0x00, 0x18, "delegate", LABEL, LEGACY_EXCEPTION_HANDLING),
    CATCH_ALL(0x00, 0x19, "catch_all", NONE, LEGACY_EXCEPTION_HANDLING),

    // MVP, single byte
    DROP(0x00, 0x1a, "drop", NONE, MVP),
    SELECT(0x00, 0x1b, "select", NONE, MVP),

    // reference types, single byte
    SELECT_TYPED(0x00, 0x1c, "select", SELECT_TYPES, REFERENCE_TYPES),

    // exception handling, single byte
    TRY_TABLE(0x00, 0x1f, "try_table", ImmediateKind.TRY_TABLE, EXCEPTION_HANDLING),

    // MVP, single byte
    LOCAL_GET(0x00, 0x20, "local.get", LOCAL, MVP),
    LOCAL_SET(0x00, 0x21, "local.set", LOCAL, MVP),
    LOCAL_TEE(0x00, 0x22, "local.tee", LOCAL, MVP),
    GLOBAL_GET(0x00, 0x23, "global.get", GLOBAL, MVP),
    GLOBAL_SET(0x00, 0x24, "global.set", GLOBAL, MVP),

    // reference types, single byte
    TABLE_GET(0x00, 0x25, "table.get", TABLE, REFERENCE_TYPES),
    TABLE_SET(0x00, 0x26, "table.set", TABLE, REFERENCE_TYPES),

    // MVP, single byte
    I32_LOAD(0x00, 0x28, "i32.load", MEMARG, MVP, 2),
    I64_LOAD(0x00, 0x29, "i64.load", MEMARG, MVP, 3),
    F32_LOAD(0x00, 0x2a, "f32.load", MEMARG, MVP, 2),
    F64_LOAD(0x00, 0x2b, "f64.load", MEMARG, MVP, 3),
    I32_LOAD8_S(0x00, 0x2c, "i32.load8_s", MEMARG, MVP, 0),
    I32_LOAD8_U(0x00, 0x2d, "i32.load8_u", MEMARG, MVP, 0),
    I32_LOAD16_S(0x00, 0x2e, "i32.load16_s", MEMARG, MVP, 1),
    I32_LOAD16_U(0x00, 0x2f, "i32.load16_u", MEMARG, MVP, 1),
    I64_LOAD8_S(0x00, 0x30, "i64.load8_s", MEMARG, MVP, 0),
    I64_LOAD8_U(0x00, 0x31, "i64.load8_u", MEMARG, MVP, 0),
    I64_LOAD16_S(0x00, 0x32, "i64.load16_s", MEMARG, MVP, 1),
    I64_LOAD16_U(0x00, 0x33, "i64.load16_u", MEMARG, MVP, 1),
    I64_LOAD32_S(0x00, 0x34, "i64.load32_s", MEMARG, MVP, 2),
    I64_LOAD32_U(0x00, 0x35, "i64.load32_u", MEMARG, MVP, 2),
    I32_STORE(0x00, 0x36, "i32.store", MEMARG, MVP, 2),
    I64_STORE(0x00, 0x37, "i64.store", MEMARG, MVP, 3),
    F32_STORE(0x00, 0x38, "f32.store", MEMARG, MVP, 2),
    F64_STORE(0x00, 0x39, "f64.store", MEMARG, MVP, 3),
    I32_STORE8(0x00, 0x3a, "i32.store8", MEMARG, MVP, 0),
    I32_STORE16(0x00, 0x3b, "i32.store16", MEMARG, MVP, 1),
    I64_STORE8(0x00, 0x3c, "i64.store8", MEMARG, MVP, 0),
    I64_STORE16(0x00, 0x3d, "i64.store16", MEMARG, MVP, 1),
    I64_STORE32(0x00, 0x3e, "i64.store32", MEMARG, MVP, 2),
    MEMORY_SIZE(0x00, 0x3f, "memory.size", MEMORY, MVP),
    MEMORY_GROW(0x00, 0x40, "memory.grow", MEMORY, MVP),
    I32_CONST(0x00, 0x41, "i32.const", I32, MVP),
    I64_CONST(0x00, 0x42, "i64.const", I64, MVP),
    F32_CONST(0x00, 0x43, "f32.const", F32, MVP),
    F64_CONST(0x00, 0x44, "f64.const", F64, MVP),
    I32_EQZ(0x00, 0x45, "i32.eqz", NONE, MVP),
    I32_EQ(0x00, 0x46, "i32.eq", NONE, MVP),
    I32_NE(0x00, 0x47, "i32.ne", NONE, MVP),
    I32_LT_S(0x00, 0x48, "i32.lt_s", NONE, MVP),
    I32_LT_U(0x00, 0x49, "i32.lt_u", NONE, MVP),
    I32_GT_S(0x00, 0x4a, "i32.gt_s", NONE, MVP),
    I32_GT_U(0x00, 0x4b, "i32.gt_u", NONE, MVP),
    I32_LE_S(0x00, 0x4c, "i32.le_s", NONE, MVP),
    I32_LE_U(0x00, 0x4d, "i32.le_u", NONE, MVP),
    I32_GE_S(0x00, 0x4e, "i32.ge_s", NONE, MVP),
    I32_GE_U(0x00, 0x4f, "i32.ge_u", NONE, MVP),
    I64_EQZ(0x00, 0x50, "i64.eqz", NONE, MVP),
    I64_EQ(0x00, 0x51, "i64.eq", NONE, MVP),
    I64_NE(0x00, 0x52, "i64.ne", NONE, MVP),
    I64_LT_S(0x00, 0x53, "i64.lt_s", NONE, MVP),
    I64_LT_U(0x00, 0x54, "i64.lt_u", NONE, MVP),
    I64_GT_S(0x00, 0x55, "i64.gt_s", NONE, MVP),
    I64_GT_U(0x00, 0x56, "i64.gt_u", NONE, MVP),
    I64_LE_S(0x00, 0x57, "i64.le_s", NONE, MVP),
    I64_LE_U(0x00, 0x58, "i64.le_u", NONE, MVP),
    I64_GE_S(0x00, 0x59, "i64.ge_s", NONE, MVP),
    I64_GE_U(0x00, 0x5a, "i64.ge_u", NONE, MVP),
    F32_EQ(0x00, 0x5b, "f32.eq", NONE, MVP),
    F32_NE(0x00, 0x5c, "f32.ne", NONE, MVP),
    F32_LT(0x00, 0x5d, "f32.lt", NONE, MVP),
    F32_GT(0x00, 0x5e, "f32.gt", NONE, MVP),
    F32_LE(0x00, 0x5f, "f32.le", NONE, MVP),
    F32_GE(0x00, 0x60, "f32.ge", NONE, MVP),
    F64_EQ(0x00, 0x61, "f64.eq", NONE, MVP),
    F64_NE(0x00, 0x62, "f64.ne", NONE, MVP),
    F64_LT(0x00, 0x63, "f64.lt", NONE, MVP),
    F64_GT(0x00, 0x64, "f64.gt", NONE, MVP),
    F64_LE(0x00, 0x65, "f64.le", NONE, MVP),
    F64_GE(0x00, 0x66, "f64.ge", NONE, MVP),
    I32_CLZ(0x00, 0x67, "i32.clz", NONE, MVP),
    I32_CTZ(0x00, 0x68, "i32.ctz", NONE, MVP),
    I32_POPCNT(0x00, 0x69, "i32.popcnt", NONE, MVP),
    I32_ADD(0x00, 0x6a, "i32.add", NONE, MVP),
    I32_SUB(0x00, 0x6b, "i32.sub", NONE, MVP),
    I32_MUL(0x00, 0x6c, "i32.mul", NONE, MVP),
    I32_DIV_S(0x00, 0x6d, "i32.div_s", NONE, MVP),
    I32_DIV_U(0x00, 0x6e, "i32.div_u", NONE, MVP),
    I32_REM_S(0x00, 0x6f, "i32.rem_s", NONE, MVP),
    I32_REM_U(0x00, 0x70, "i32.rem_u", NONE, MVP),
    I32_AND(0x00, 0x71, "i32.and", NONE, MVP),
    I32_OR(0x00, 0x72, "i32.or", NONE, MVP),
    I32_XOR(0x00, 0x73, "i32.xor", NONE, MVP),
    I32_SHL(0x00, 0x74, "i32.shl", NONE, MVP),
    I32_SHR_S(0x00, 0x75, "i32.shr_s", NONE, MVP),
    I32_SHR_U(0x00, 0x76, "i32.shr_u", NONE, MVP),
    I32_ROTL(0x00, 0x77, "i32.rotl", NONE, MVP),
    I32_ROTR(0x00, 0x78, "i32.rotr", NONE, MVP),
    I64_CLZ(0x00, 0x79, "i64.clz", NONE, MVP),
    I64_CTZ(0x00, 0x7a, "i64.ctz", NONE, MVP),
    I64_POPCNT(0x00, 0x7b, "i64.popcnt", NONE, MVP),
    I64_ADD(0x00, 0x7c, "i64.add", NONE, MVP),
    I64_SUB(0x00, 0x7d, "i64.sub", NONE, MVP),
    I64_MUL(0x00, 0x7e, "i64.mul", NONE, MVP),
    I64_DIV_S(0x00, 0x7f, "i64.div_s", NONE, MVP),
    I64_DIV_U(0x00, 0x80, "i64.div_u", NONE, MVP),
    I64_REM_S(0x00, 0x81, "i64.rem_s", NONE, MVP),
    I64_REM_U(0x00, 0x82, "i64.rem_u", NONE, MVP),
    I64_AND(0x00, 0x83, "i64.and", NONE, MVP),
    I64_OR(0x00, 0x84, "i64.or", NONE, MVP),
    I64_XOR(0x00, 0x85, "i64.xor", NONE, MVP),
    I64_SHL(0x00, 0x86, "i64.shl", NONE, MVP),
    I64_SHR_S(0x00, 0x87, "i64.shr_s", NONE, MVP),
    I64_SHR_U(0x00, 0x88, "i64.shr_u", NONE, MVP),
    I64_ROTL(0x00, 0x89, "i64.rotl", NONE, MVP),
    I64_ROTR(0x00, 0x8a, "i64.rotr", NONE, MVP),
    F32_ABS(0x00, 0x8b, "f32.abs", NONE, MVP),
    F32_NEG(0x00, 0x8c, "f32.neg", NONE, MVP),
    F32_CEIL(0x00, 0x8d, "f32.ceil", NONE, MVP),
    F32_FLOOR(0x00, 0x8e, "f32.floor", NONE, MVP),
    F32_TRUNC(0x00, 0x8f, "f32.trunc", NONE, MVP),
    F32_NEAREST(0x00, 0x90, "f32.nearest", NONE, MVP),
    F32_SQRT(0x00, 0x91, "f32.sqrt", NONE, MVP),
    F32_ADD(0x00, 0x92, "f32.add", NONE, MVP),
    F32_SUB(0x00, 0x93, "f32.sub", NONE, MVP),
    F32_MUL(0x00, 0x94, "f32.mul", NONE, MVP),
    F32_DIV(0x00, 0x95, "f32.div", NONE, MVP),
    F32_MIN(0x00, 0x96, "f32.min", NONE, MVP),
    F32_MAX(0x00, 0x97, "f32.max", NONE, MVP),
    F32_COPYSIGN(0x00, 0x98, "f32.copysign", NONE, MVP),
    F64_ABS(0x00, 0x99, "f64.abs", NONE, MVP),
    F64_NEG(0x00, 0x9a, "f64.neg", NONE, MVP),
    F64_CEIL(0x00, 0x9b, "f64.ceil", NONE, MVP),
    F64_FLOOR(0x00, 0x9c, "f64.floor", NONE, MVP),
    F64_TRUNC(0x00, 0x9d, "f64.trunc", NONE, MVP),
    F64_NEAREST(0x00, 0x9e, "f64.nearest", NONE, MVP),
    F64_SQRT(0x00, 0x9f, "f64.sqrt", NONE, MVP),
    F64_ADD(0x00, 0xa0, "f64.add", NONE, MVP),
    F64_SUB(0x00, 0xa1, "f64.sub", NONE, MVP),
    F64_MUL(0x00, 0xa2, "f64.mul", NONE, MVP),
    F64_DIV(0x00, 0xa3, "f64.div", NONE, MVP),
    F64_MIN(0x00, 0xa4, "f64.min", NONE, MVP),
    F64_MAX(0x00, 0xa5, "f64.max", NONE, MVP),
    F64_COPYSIGN(0x00, 0xa6, "f64.copysign", NONE, MVP),
    I32_WRAP_I64(0x00, 0xa7, "i32.wrap_i64", NONE, MVP),
    I32_TRUNC_F32_S(0x00, 0xa8, "i32.trunc_f32_s", NONE, MVP),
    I32_TRUNC_F32_U(0x00, 0xa9, "i32.trunc_f32_u", NONE, MVP),
    I32_TRUNC_F64_S(0x00, 0xaa, "i32.trunc_f64_s", NONE, MVP),
    I32_TRUNC_F64_U(0x00, 0xab, "i32.trunc_f64_u", NONE, MVP),
    I64_EXTEND_I32_S(0x00, 0xac, "i64.extend_i32_s", NONE, MVP),
    I64_EXTEND_I32_U(0x00, 0xad, "i64.extend_i32_u", NONE, MVP),
    I64_TRUNC_F32_S(0x00, 0xae, "i64.trunc_f32_s", NONE, MVP),
    I64_TRUNC_F32_U(0x00, 0xaf, "i64.trunc_f32_u", NONE, MVP),
    I64_TRUNC_F64_S(0x00, 0xb0, "i64.trunc_f64_s", NONE, MVP),
    I64_TRUNC_F64_U(0x00, 0xb1, "i64.trunc_f64_u", NONE, MVP),
    F32_CONVERT_I32_S(0x00, 0xb2, "f32.convert_i32_s", NONE, MVP),
    F32_CONVERT_I32_U(0x00, 0xb3, "f32.convert_i32_u", NONE, MVP),
    F32_CONVERT_I64_S(0x00, 0xb4, "f32.convert_i64_s", NONE, MVP),
    F32_CONVERT_I64_U(0x00, 0xb5, "f32.convert_i64_u", NONE, MVP),
    F32_DEMOTE_F64(0x00, 0xb6, "f32.demote_f64", NONE, MVP),
    F64_CONVERT_I32_S(0x00, 0xb7, "f64.convert_i32_s", NONE, MVP),
    F64_CONVERT_I32_U(0x00, 0xb8, "f64.convert_i32_u", NONE, MVP),
    F64_CONVERT_I64_S(0x00, 0xb9, "f64.convert_i64_s", NONE, MVP),
    F64_CONVERT_I64_U(0x00, 0xba, "f64.convert_i64_u", NONE, MVP),
    F64_PROMOTE_F32(0x00, 0xbb, "f64.promote_f32", NONE, MVP),
    I32_REINTERPRET_F32(0x00, 0xbc, "i32.reinterpret_f32", NONE, MVP),
    I64_REINTERPRET_F64(0x00, 0xbd, "i64.reinterpret_f64", NONE, MVP),
    F32_REINTERPRET_I32(0x00, 0xbe, "f32.reinterpret_i32", NONE, MVP),
    F64_REINTERPRET_I64(0x00, 0xbf, "f64.reinterpret_i64", NONE, MVP),

    // sign-extension, single byte
    I32_EXTEND8_S(0x00, 0xc0, "i32.extend8_s", NONE, SIGN_EXTENSION),
    I32_EXTEND16_S(0x00, 0xc1, "i32.extend16_s", NONE, SIGN_EXTENSION),
    I64_EXTEND8_S(0x00, 0xc2, "i64.extend8_s", NONE, SIGN_EXTENSION),
    I64_EXTEND16_S(0x00, 0xc3, "i64.extend16_s", NONE, SIGN_EXTENSION),
    I64_EXTEND32_S(0x00, 0xc4, "i64.extend32_s", NONE, SIGN_EXTENSION),

    // reference types, single byte
    REF_NULL(0x00, 0xd0, "ref.null", HEAP_TYPE, REFERENCE_TYPES),
    REF_IS_NULL(0x00, 0xd1, "ref.is_null", NONE, REFERENCE_TYPES),
    REF_FUNC(0x00, 0xd2, "ref.func", FUNC, REFERENCE_TYPES),

    // non-trapping float-to-int, 0xfc prefix
    I32_TRUNC_SAT_F32_S(0xfc, 0x00, "i32.trunc_sat_f32_s", NONE, SATURATING_CONVERSION),
    I32_TRUNC_SAT_F32_U(0xfc, 0x01, "i32.trunc_sat_f32_u", NONE, SATURATING_CONVERSION),
    I32_TRUNC_SAT_F64_S(0xfc, 0x02, "i32.trunc_sat_f64_s", NONE, SATURATING_CONVERSION),
    I32_TRUNC_SAT_F64_U(0xfc, 0x03, "i32.trunc_sat_f64_u", NONE, SATURATING_CONVERSION),
    I64_TRUNC_SAT_F32_S(0xfc, 0x04, "i64.trunc_sat_f32_s", NONE, SATURATING_CONVERSION),
    I64_TRUNC_SAT_F32_U(0xfc, 0x05, "i64.trunc_sat_f32_u", NONE, SATURATING_CONVERSION),
    I64_TRUNC_SAT_F64_S(0xfc, 0x06, "i64.trunc_sat_f64_s", NONE, SATURATING_CONVERSION),
    I64_TRUNC_SAT_F64_U(0xfc, 0x07, "i64.trunc_sat_f64_u", NONE, SATURATING_CONVERSION),

    // bulk memory, 0xfc prefix
    MEMORY_INIT(0xfc, 0x08, "memory.init", DATA_AND_MEMORY, BULK_MEMORY),
    DATA_DROP(0xfc, 0x09, "data.drop", DATA, BULK_MEMORY),
    MEMORY_COPY(0xfc, 0x0a, "memory.copy", MEMORY_PAIR, BULK_MEMORY),
    MEMORY_FILL(0xfc, 0x0b, "memory.fill", MEMORY, BULK_MEMORY),
    TABLE_INIT(0xfc, 0x0c, "table.init", ELEM_AND_TABLE, BULK_MEMORY),
    ELEM_DROP(0xfc, 0x0d, "elem.drop", ELEM, BULK_MEMORY),
    TABLE_COPY(0xfc, 0x0e, "table.copy", TABLE_PAIR, BULK_MEMORY),

    // reference types, 0xfc prefix
    TABLE_GROW(0xfc, 0x0f, "table.grow", TABLE, REFERENCE_TYPES),
    TABLE_SIZE(0xfc, 0x10, "table.size", TABLE, REFERENCE_TYPES),
    TABLE_FILL(0xfc, 0x11, "table.fill", TABLE, REFERENCE_TYPES),

    // fixed-width SIMD, 0xfd prefix
    V128_LOAD(0xfd, 0x00, "v128.load", MEMARG, SIMD, 4),
    V128_LOAD8X8_S(0xfd, 0x01, "v128.load8x8_s", MEMARG, SIMD, 3),
    V128_LOAD8X8_U(0xfd, 0x02, "v128.load8x8_u", MEMARG, SIMD, 3),
    V128_LOAD16X4_S(0xfd, 0x03, "v128.load16x4_s", MEMARG, SIMD, 3),
    V128_LOAD16X4_U(0xfd, 0x04, "v128.load16x4_u", MEMARG, SIMD, 3),
    V128_LOAD32X2_S(0xfd, 0x05, "v128.load32x2_s", MEMARG, SIMD, 3),
    V128_LOAD32X2_U(0xfd, 0x06, "v128.load32x2_u", MEMARG, SIMD, 3),
    V128_LOAD8_SPLAT(0xfd, 0x07, "v128.load8_splat", MEMARG, SIMD, 0),
    V128_LOAD16_SPLAT(0xfd, 0x08, "v128.load16_splat", MEMARG, SIMD, 1),
    V128_LOAD32_SPLAT(0xfd, 0x09, "v128.load32_splat", MEMARG, SIMD, 2),
    V128_LOAD64_SPLAT(0xfd, 0x0a, "v128.load64_splat", MEMARG, SIMD, 3),
    V128_STORE(0xfd, 0x0b, "v128.store", MEMARG, SIMD, 4),
    V128_CONST(0xfd, 0x0c, "v128.const", V128, SIMD),
    I8X16_SHUFFLE(0xfd, 0x0d, "i8x16.shuffle", SHUFFLE, SIMD),
    V128_LOAD8_LANE(0xfd, 0x54, "v128.load8_lane", MEMARG_LANE, SIMD, 0),
    V128_LOAD16_LANE(0xfd, 0x55, "v128.load16_lane", MEMARG_LANE, SIMD, 1),
    V128_LOAD32_LANE(0xfd, 0x56, "v128.load32_lane", MEMARG_LANE, SIMD, 2),
    V128_LOAD64_LANE(0xfd, 0x57, "v128.load64_lane", MEMARG_LANE, SIMD, 3),
    V128_STORE8_LANE(0xfd, 0x58, "v128.store8_lane", MEMARG_LANE, SIMD, 0),
    V128_STORE16_LANE(0xfd, 0x59, "v128.store16_lane", MEMARG_LANE, SIMD, 1),
    V128_STORE32_LANE(0xfd, 0x5a, "v128.store32_lane", MEMARG_LANE, SIMD, 2),
    V128_STORE64_LANE(0xfd, 0x5b, "v128.store64_lane", MEMARG_LANE, SIMD, 3),
    V128_LOAD32_ZERO(0xfd, 0x5c, "v128.load32_zero", MEMARG, SIMD, 2),
    V128_LOAD64_ZERO(0xfd, 0x5d, "v128.load64_zero", MEMARG, SIMD, 3),
    I8X16_SWIZZLE(0xfd, 0x0e, "i8x16.swizzle", NONE, SIMD),
    I8X16_SPLAT(0xfd, 0x0f, "i8x16.splat", NONE, SIMD),
    I16X8_SPLAT(0xfd, 0x10, "i16x8.splat", NONE, SIMD),
    I32X4_SPLAT(0xfd, 0x11, "i32x4.splat", NONE, SIMD),
    I64X2_SPLAT(0xfd, 0x12, "i64x2.splat", NONE, SIMD),
    F32X4_SPLAT(0xfd, 0x13, "f32x4.splat", NONE, SIMD),
    F64X2_SPLAT(0xfd, 0x14, "f64x2.splat", NONE, SIMD),
    I8X16_EXTRACT_LANE_S(0xfd, 0x15, "i8x16.extract_lane_s", LANE, SIMD),
    I8X16_EXTRACT_LANE_U(0xfd, 0x16, "i8x16.extract_lane_u", LANE, SIMD),
    I8X16_REPLACE_LANE(0xfd, 0x17, "i8x16.replace_lane", LANE, SIMD),
    I16X8_EXTRACT_LANE_S(0xfd, 0x18, "i16x8.extract_lane_s", LANE, SIMD),
    I16X8_EXTRACT_LANE_U(0xfd, 0x19, "i16x8.extract_lane_u", LANE, SIMD),
    I16X8_REPLACE_LANE(0xfd, 0x1a, "i16x8.replace_lane", LANE, SIMD),
    I32X4_EXTRACT_LANE(0xfd, 0x1b, "i32x4.extract_lane", LANE, SIMD),
    I32X4_REPLACE_LANE(0xfd, 0x1c, "i32x4.replace_lane", LANE, SIMD),
    I64X2_EXTRACT_LANE(0xfd, 0x1d, "i64x2.extract_lane", LANE, SIMD),
    I64X2_REPLACE_LANE(0xfd, 0x1e, "i64x2.replace_lane", LANE, SIMD),
    F32X4_EXTRACT_LANE(0xfd, 0x1f, "f32x4.extract_lane", LANE, SIMD),
    F32X4_REPLACE_LANE(0xfd, 0x20, "f32x4.replace_lane", LANE, SIMD),
    F64X2_EXTRACT_LANE(0xfd, 0x21, "f64x2.extract_lane", LANE, SIMD),
    F64X2_REPLACE_LANE(0xfd, 0x22, "f64x2.replace_lane", LANE, SIMD),
    I8X16_EQ(0xfd, 0x23, "i8x16.eq", NONE, SIMD),
    I8X16_NE(0xfd, 0x24, "i8x16.ne", NONE, SIMD),
    I8X16_LT_S(0xfd, 0x25, "i8x16.lt_s", NONE, SIMD),
    I8X16_LT_U(0xfd, 0x26, "i8x16.lt_u", NONE, SIMD),
    I8X16_GT_S(0xfd, 0x27, "i8x16.gt_s", NONE, SIMD),
    I8X16_GT_U(0xfd, 0x28, "i8x16.gt_u", NONE, SIMD),
    I8X16_LE_S(0xfd, 0x29, "i8x16.le_s", NONE, SIMD),
    I8X16_LE_U(0xfd, 0x2a, "i8x16.le_u", NONE, SIMD),
    I8X16_GE_S(0xfd, 0x2b, "i8x16.ge_s", NONE, SIMD),
    I8X16_GE_U(0xfd, 0x2c, "i8x16.ge_u", NONE, SIMD),
    I16X8_EQ(0xfd, 0x2d, "i16x8.eq", NONE, SIMD),
    I16X8_NE(0xfd, 0x2e, "i16x8.ne", NONE, SIMD),
    I16X8_LT_S(0xfd, 0x2f, "i16x8.lt_s", NONE, SIMD),
    I16X8_LT_U(0xfd, 0x30, "i16x8.lt_u", NONE, SIMD),
    I16X8_GT_S(0xfd, 0x31, "i16x8.gt_s", NONE, SIMD),
    I16X8_GT_U(0xfd, 0x32, "i16x8.gt_u", NONE, SIMD),
    I16X8_LE_S(0xfd, 0x33, "i16x8.le_s", NONE, SIMD),
    I16X8_LE_U(0xfd, 0x34, "i16x8.le_u", NONE, SIMD),
    I16X8_GE_S(0xfd, 0x35, "i16x8.ge_s", NONE, SIMD),
    I16X8_GE_U(0xfd, 0x36, "i16x8.ge_u", NONE, SIMD),
    I32X4_EQ(0xfd, 0x37, "i32x4.eq", NONE, SIMD),
    I32X4_NE(0xfd, 0x38, "i32x4.ne", NONE, SIMD),
    I32X4_LT_S(0xfd, 0x39, "i32x4.lt_s", NONE, SIMD),
    I32X4_LT_U(0xfd, 0x3a, "i32x4.lt_u", NONE, SIMD),
    I32X4_GT_S(0xfd, 0x3b, "i32x4.gt_s", NONE, SIMD),
    I32X4_GT_U(0xfd, 0x3c, "i32x4.gt_u", NONE, SIMD),
    I32X4_LE_S(0xfd, 0x3d, "i32x4.le_s", NONE, SIMD),
    I32X4_LE_U(0xfd, 0x3e, "i32x4.le_u", NONE, SIMD),
    I32X4_GE_S(0xfd, 0x3f, "i32x4.ge_s", NONE, SIMD),
    I32X4_GE_U(0xfd, 0x40, "i32x4.ge_u", NONE, SIMD),
    F32X4_EQ(0xfd, 0x41, "f32x4.eq", NONE, SIMD),
    F32X4_NE(0xfd, 0x42, "f32x4.ne", NONE, SIMD),
    F32X4_LT(0xfd, 0x43, "f32x4.lt", NONE, SIMD),
    F32X4_GT(0xfd, 0x44, "f32x4.gt", NONE, SIMD),
    F32X4_LE(0xfd, 0x45, "f32x4.le", NONE, SIMD),
    F32X4_GE(0xfd, 0x46, "f32x4.ge", NONE, SIMD),
    F64X2_EQ(0xfd, 0x47, "f64x2.eq", NONE, SIMD),
    F64X2_NE(0xfd, 0x48, "f64x2.ne", NONE, SIMD),
    F64X2_LT(0xfd, 0x49, "f64x2.lt", NONE, SIMD),
    F64X2_GT(0xfd, 0x4a, "f64x2.gt", NONE, SIMD),
    F64X2_LE(0xfd, 0x4b, "f64x2.le", NONE, SIMD),
    F64X2_GE(0xfd, 0x4c, "f64x2.ge", NONE, SIMD),
    V128_NOT(0xfd, 0x4d, "v128.not", NONE, SIMD),
    V128_AND(0xfd, 0x4e, "v128.and", NONE, SIMD),
    V128_ANDNOT(0xfd, 0x4f, "v128.andnot", NONE, SIMD),
    V128_OR(0xfd, 0x50, "v128.or", NONE, SIMD),
    V128_XOR(0xfd, 0x51, "v128.xor", NONE, SIMD),
    V128_BITSELECT(0xfd, 0x52, "v128.bitselect", NONE, SIMD),
    V128_ANY_TRUE(0xfd, 0x53, "v128.any_true", NONE, SIMD),
    F32X4_DEMOTE_F64X2_ZERO(0xfd, 0x5e, "f32x4.demote_f64x2_zero", NONE, SIMD),
    F64X2_PROMOTE_LOW_F32X4(0xfd, 0x5f, "f64x2.promote_low_f32x4", NONE, SIMD),
    I8X16_ABS(0xfd, 0x60, "i8x16.abs", NONE, SIMD),
    I8X16_NEG(0xfd, 0x61, "i8x16.neg", NONE, SIMD),
    I8X16_POPCNT(0xfd, 0x62, "i8x16.popcnt", NONE, SIMD),
    I8X16_ALL_TRUE(0xfd, 0x63, "i8x16.all_true", NONE, SIMD),
    I8X16_BITMASK(0xfd, 0x64, "i8x16.bitmask", NONE, SIMD),
    I8X16_NARROW_I16X8_S(0xfd, 0x65, "i8x16.narrow_i16x8_s", NONE, SIMD),
    I8X16_NARROW_I16X8_U(0xfd, 0x66, "i8x16.narrow_i16x8_u", NONE, SIMD),
    F32X4_CEIL(0xfd, 0x67, "f32x4.ceil", NONE, SIMD),
    F32X4_FLOOR(0xfd, 0x68, "f32x4.floor", NONE, SIMD),
    F32X4_TRUNC(0xfd, 0x69, "f32x4.trunc", NONE, SIMD),
    F32X4_NEAREST(0xfd, 0x6a, "f32x4.nearest", NONE, SIMD),
    I8X16_SHL(0xfd, 0x6b, "i8x16.shl", NONE, SIMD),
    I8X16_SHR_S(0xfd, 0x6c, "i8x16.shr_s", NONE, SIMD),
    I8X16_SHR_U(0xfd, 0x6d, "i8x16.shr_u", NONE, SIMD),
    I8X16_ADD(0xfd, 0x6e, "i8x16.add", NONE, SIMD),
    I8X16_ADD_SAT_S(0xfd, 0x6f, "i8x16.add_sat_s", NONE, SIMD),
    I8X16_ADD_SAT_U(0xfd, 0x70, "i8x16.add_sat_u", NONE, SIMD),
    I8X16_SUB(0xfd, 0x71, "i8x16.sub", NONE, SIMD),
    I8X16_SUB_SAT_S(0xfd, 0x72, "i8x16.sub_sat_s", NONE, SIMD),
    I8X16_SUB_SAT_U(0xfd, 0x73, "i8x16.sub_sat_u", NONE, SIMD),
    F64X2_CEIL(0xfd, 0x74, "f64x2.ceil", NONE, SIMD),
    F64X2_FLOOR(0xfd, 0x75, "f64x2.floor", NONE, SIMD),
    I8X16_MIN_S(0xfd, 0x76, "i8x16.min_s", NONE, SIMD),
    I8X16_MIN_U(0xfd, 0x77, "i8x16.min_u", NONE, SIMD),
    I8X16_MAX_S(0xfd, 0x78, "i8x16.max_s", NONE, SIMD),
    I8X16_MAX_U(0xfd, 0x79, "i8x16.max_u", NONE, SIMD),
    F64X2_TRUNC(0xfd, 0x7a, "f64x2.trunc", NONE, SIMD),
    I8X16_AVGR_U(0xfd, 0x7b, "i8x16.avgr_u", NONE, SIMD),
    I16X8_EXTADD_PAIRWISE_I8X16_S(0xfd, 0x7c, "i16x8.extadd_pairwise_i8x16_s", NONE, SIMD),
    I16X8_EXTADD_PAIRWISE_I8X16_U(0xfd, 0x7d, "i16x8.extadd_pairwise_i8x16_u", NONE, SIMD),
    I32X4_EXTADD_PAIRWISE_I16X8_S(0xfd, 0x7e, "i32x4.extadd_pairwise_i16x8_s", NONE, SIMD),
    I32X4_EXTADD_PAIRWISE_I16X8_U(0xfd, 0x7f, "i32x4.extadd_pairwise_i16x8_u", NONE, SIMD),
    I16X8_ABS(0xfd, 0x80, "i16x8.abs", NONE, SIMD),
    I16X8_NEG(0xfd, 0x81, "i16x8.neg", NONE, SIMD),
    I16X8_Q15MULR_SAT_S(0xfd, 0x82, "i16x8.q15mulr_sat_s", NONE, SIMD),
    I16X8_ALL_TRUE(0xfd, 0x83, "i16x8.all_true", NONE, SIMD),
    I16X8_BITMASK(0xfd, 0x84, "i16x8.bitmask", NONE, SIMD),
    I16X8_NARROW_I32X4_S(0xfd, 0x85, "i16x8.narrow_i32x4_s", NONE, SIMD),
    I16X8_NARROW_I32X4_U(0xfd, 0x86, "i16x8.narrow_i32x4_u", NONE, SIMD),
    I16X8_EXTEND_LOW_I8X16_S(0xfd, 0x87, "i16x8.extend_low_i8x16_s", NONE, SIMD),
    I16X8_EXTEND_HIGH_I8X16_S(0xfd, 0x88, "i16x8.extend_high_i8x16_s", NONE, SIMD),
    I16X8_EXTEND_LOW_I8X16_U(0xfd, 0x89, "i16x8.extend_low_i8x16_u", NONE, SIMD),
    I16X8_EXTEND_HIGH_I8X16_U(0xfd, 0x8a, "i16x8.extend_high_i8x16_u", NONE, SIMD),
    I16X8_SHL(0xfd, 0x8b, "i16x8.shl", NONE, SIMD),
    I16X8_SHR_S(0xfd, 0x8c, "i16x8.shr_s", NONE, SIMD),
    I16X8_SHR_U(0xfd, 0x8d, "i16x8.shr_u", NONE, SIMD),
    I16X8_ADD(0xfd, 0x8e, "i16x8.add", NONE, SIMD),
    I16X8_ADD_SAT_S(0xfd, 0x8f, "i16x8.add_sat_s", NONE, SIMD),
    I16X8_ADD_SAT_U(0xfd, 0x90, "i16x8.add_sat_u", NONE, SIMD),
    I16X8_SUB(0xfd, 0x91, "i16x8.sub", NONE, SIMD),
    I16X8_SUB_SAT_S(0xfd, 0x92, "i16x8.sub_sat_s", NONE, SIMD),
    I16X8_SUB_SAT_U(0xfd, 0x93, "i16x8.sub_sat_u", NONE, SIMD),
    F64X2_NEAREST(0xfd, 0x94, "f64x2.nearest", NONE, SIMD),
    I16X8_MUL(0xfd, 0x95, "i16x8.mul", NONE, SIMD),
    I16X8_MIN_S(0xfd, 0x96, "i16x8.min_s", NONE, SIMD),
    I16X8_MIN_U(0xfd, 0x97, "i16x8.min_u", NONE, SIMD),
    I16X8_MAX_S(0xfd, 0x98, "i16x8.max_s", NONE, SIMD),
    I16X8_MAX_U(0xfd, 0x99, "i16x8.max_u", NONE, SIMD),
    I16X8_AVGR_U(0xfd, 0x9b, "i16x8.avgr_u", NONE, SIMD),
    I16X8_EXTMUL_LOW_I8X16_S(0xfd, 0x9c, "i16x8.extmul_low_i8x16_s", NONE, SIMD),
    I16X8_EXTMUL_HIGH_I8X16_S(0xfd, 0x9d, "i16x8.extmul_high_i8x16_s", NONE, SIMD),
    I16X8_EXTMUL_LOW_I8X16_U(0xfd, 0x9e, "i16x8.extmul_low_i8x16_u", NONE, SIMD),
    I16X8_EXTMUL_HIGH_I8X16_U(0xfd, 0x9f, "i16x8.extmul_high_i8x16_u", NONE, SIMD),
    I32X4_ABS(0xfd, 0xa0, "i32x4.abs", NONE, SIMD),
    I32X4_NEG(0xfd, 0xa1, "i32x4.neg", NONE, SIMD),
    I32X4_ALL_TRUE(0xfd, 0xa3, "i32x4.all_true", NONE, SIMD),
    I32X4_BITMASK(0xfd, 0xa4, "i32x4.bitmask", NONE, SIMD),
    I32X4_EXTEND_LOW_I16X8_S(0xfd, 0xa7, "i32x4.extend_low_i16x8_s", NONE, SIMD),
    I32X4_EXTEND_HIGH_I16X8_S(0xfd, 0xa8, "i32x4.extend_high_i16x8_s", NONE, SIMD),
    I32X4_EXTEND_LOW_I16X8_U(0xfd, 0xa9, "i32x4.extend_low_i16x8_u", NONE, SIMD),
    I32X4_EXTEND_HIGH_I16X8_U(0xfd, 0xaa, "i32x4.extend_high_i16x8_u", NONE, SIMD),
    I32X4_SHL(0xfd, 0xab, "i32x4.shl", NONE, SIMD),
    I32X4_SHR_S(0xfd, 0xac, "i32x4.shr_s", NONE, SIMD),
    I32X4_SHR_U(0xfd, 0xad, "i32x4.shr_u", NONE, SIMD),
    I32X4_ADD(0xfd, 0xae, "i32x4.add", NONE, SIMD),
    I32X4_SUB(0xfd, 0xb1, "i32x4.sub", NONE, SIMD),
    I32X4_MUL(0xfd, 0xb5, "i32x4.mul", NONE, SIMD),
    I32X4_MIN_S(0xfd, 0xb6, "i32x4.min_s", NONE, SIMD),
    I32X4_MIN_U(0xfd, 0xb7, "i32x4.min_u", NONE, SIMD),
    I32X4_MAX_S(0xfd, 0xb8, "i32x4.max_s", NONE, SIMD),
    I32X4_MAX_U(0xfd, 0xb9, "i32x4.max_u", NONE, SIMD),
    I32X4_DOT_I16X8_S(0xfd, 0xba, "i32x4.dot_i16x8_s", NONE, SIMD),
    I32X4_EXTMUL_LOW_I16X8_S(0xfd, 0xbc, "i32x4.extmul_low_i16x8_s", NONE, SIMD),
    I32X4_EXTMUL_HIGH_I16X8_S(0xfd, 0xbd, "i32x4.extmul_high_i16x8_s", NONE, SIMD),
    I32X4_EXTMUL_LOW_I16X8_U(0xfd, 0xbe, "i32x4.extmul_low_i16x8_u", NONE, SIMD),
    I32X4_EXTMUL_HIGH_I16X8_U(0xfd, 0xbf, "i32x4.extmul_high_i16x8_u", NONE, SIMD),
    I64X2_ABS(0xfd, 0xc0, "i64x2.abs", NONE, SIMD),
    I64X2_NEG(0xfd, 0xc1, "i64x2.neg", NONE, SIMD),
    I64X2_ALL_TRUE(0xfd, 0xc3, "i64x2.all_true", NONE, SIMD),
    I64X2_BITMASK(0xfd, 0xc4, "i64x2.bitmask", NONE, SIMD),
    I64X2_EXTEND_LOW_I32X4_S(0xfd, 0xc7, "i64x2.extend_low_i32x4_s", NONE, SIMD),
    I64X2_EXTEND_HIGH_I32X4_S(0xfd, 0xc8, "i64x2.extend_high_i32x4_s", NONE, SIMD),
    I64X2_EXTEND_LOW_I32X4_U(0xfd, 0xc9, "i64x2.extend_low_i32x4_u", NONE, SIMD),
    I64X2_EXTEND_HIGH_I32X4_U(0xfd, 0xca, "i64x2.extend_high_i32x4_u", NONE, SIMD),
    I64X2_SHL(0xfd, 0xcb, "i64x2.shl", NONE, SIMD),
    I64X2_SHR_S(0xfd, 0xcc, "i64x2.shr_s", NONE, SIMD),
    I64X2_SHR_U(0xfd, 0xcd, "i64x2.shr_u", NONE, SIMD),
    I64X2_ADD(0xfd, 0xce, "i64x2.add", NONE, SIMD),
    I64X2_SUB(0xfd, 0xd1, "i64x2.sub", NONE, SIMD),
    I64X2_MUL(0xfd, 0xd5, "i64x2.mul", NONE, SIMD),
    I64X2_EQ(0xfd, 0xd6, "i64x2.eq", NONE, SIMD),
    I64X2_NE(0xfd, 0xd7, "i64x2.ne", NONE, SIMD),
    I64X2_LT_S(0xfd, 0xd8, "i64x2.lt_s", NONE, SIMD),
    I64X2_GT_S(0xfd, 0xd9, "i64x2.gt_s", NONE, SIMD),
    I64X2_LE_S(0xfd, 0xda, "i64x2.le_s", NONE, SIMD),
    I64X2_GE_S(0xfd, 0xdb, "i64x2.ge_s", NONE, SIMD),
    I64X2_EXTMUL_LOW_I32X4_S(0xfd, 0xdc, "i64x2.extmul_low_i32x4_s", NONE, SIMD),
    I64X2_EXTMUL_HIGH_I32X4_S(0xfd, 0xdd, "i64x2.extmul_high_i32x4_s", NONE, SIMD),
    I64X2_EXTMUL_LOW_I32X4_U(0xfd, 0xde, "i64x2.extmul_low_i32x4_u", NONE, SIMD),
    I64X2_EXTMUL_HIGH_I32X4_U(0xfd, 0xdf, "i64x2.extmul_high_i32x4_u", NONE, SIMD),
    F32X4_ABS(0xfd, 0xe0, "f32x4.abs", NONE, SIMD),
    F32X4_NEG(0xfd, 0xe1, "f32x4.neg", NONE, SIMD),
    F32X4_SQRT(0xfd, 0xe3, "f32x4.sqrt", NONE, SIMD),
    F32X4_ADD(0xfd, 0xe4, "f32x4.add", NONE, SIMD),
    F32X4_SUB(0xfd, 0xe5, "f32x4.sub", NONE, SIMD),
    F32X4_MUL(0xfd, 0xe6, "f32x4.mul", NONE, SIMD),
    F32X4_DIV(0xfd, 0xe7, "f32x4.div", NONE, SIMD),
    F32X4_MIN(0xfd, 0xe8, "f32x4.min", NONE, SIMD),
    F32X4_MAX(0xfd, 0xe9, "f32x4.max", NONE, SIMD),
    F32X4_PMIN(0xfd, 0xea, "f32x4.pmin", NONE, SIMD),
    F32X4_PMAX(0xfd, 0xeb, "f32x4.pmax", NONE, SIMD),
    F64X2_ABS(0xfd, 0xec, "f64x2.abs", NONE, SIMD),
    F64X2_NEG(0xfd, 0xed, "f64x2.neg", NONE, SIMD),
    F64X2_SQRT(0xfd, 0xef, "f64x2.sqrt", NONE, SIMD),
    F64X2_ADD(0xfd, 0xf0, "f64x2.add", NONE, SIMD),
    F64X2_SUB(0xfd, 0xf1, "f64x2.sub", NONE, SIMD),
    F64X2_MUL(0xfd, 0xf2, "f64x2.mul", NONE, SIMD),
    F64X2_DIV(0xfd, 0xf3, "f64x2.div", NONE, SIMD),
    F64X2_MIN(0xfd, 0xf4, "f64x2.min", NONE, SIMD),
    F64X2_MAX(0xfd, 0xf5, "f64x2.max", NONE, SIMD),
    F64X2_PMIN(0xfd, 0xf6, "f64x2.pmin", NONE, SIMD),
    F64X2_PMAX(0xfd, 0xf7, "f64x2.pmax", NONE, SIMD),
    I32X4_TRUNC_SAT_F32X4_S(0xfd, 0xf8, "i32x4.trunc_sat_f32x4_s", NONE, SIMD),
    I32X4_TRUNC_SAT_F32X4_U(0xfd, 0xf9, "i32x4.trunc_sat_f32x4_u", NONE, SIMD),
    F32X4_CONVERT_I32X4_S(0xfd, 0xfa, "f32x4.convert_i32x4_s", NONE, SIMD),
    F32X4_CONVERT_I32X4_U(0xfd, 0xfb, "f32x4.convert_i32x4_u", NONE, SIMD),
    I32X4_TRUNC_SAT_F64X2_S_ZERO(0xfd, 0xfc, "i32x4.trunc_sat_f64x2_s_zero", NONE, SIMD),
    I32X4_TRUNC_SAT_F64X2_U_ZERO(0xfd, 0xfd, "i32x4.trunc_sat_f64x2_u_zero", NONE, SIMD),
    F64X2_CONVERT_LOW_I32X4_S(0xfd, 0xfe, "f64x2.convert_low_i32x4_s", NONE, SIMD),
    F64X2_CONVERT_LOW_I32X4_U(0xfd, 0xff, "f64x2.convert_low_i32x4_u", NONE, SIMD),

    // relaxed SIMD, 0xfd prefix
    I8X16_RELAXED_SWIZZLE(0xfd, 0x100, "i8x16.relaxed_swizzle", NONE, RELAXED_SIMD),
    I32X4_RELAXED_TRUNC_F32X4_S(0xfd, 0x101, "i32x4.relaxed_trunc_f32x4_s", NONE, RELAXED_SIMD),
    I32X4_RELAXED_TRUNC_F32X4_U(0xfd, 0x102, "i32x4.relaxed_trunc_f32x4_u", NONE, RELAXED_SIMD),
    I32X4_RELAXED_TRUNC_F64X2_S_ZERO(0xfd, 0x103, "i32x4.relaxed_trunc_f64x2_s_zero", NONE, RELAXED_SIMD),
    I32X4_RELAXED_TRUNC_F64X2_U_ZERO(0xfd, 0x104, "i32x4.relaxed_trunc_f64x2_u_zero", NONE, RELAXED_SIMD),
    F32X4_RELAXED_MADD(0xfd, 0x105, "f32x4.relaxed_madd", NONE, RELAXED_SIMD),
    F32X4_RELAXED_NMADD(0xfd, 0x106, "f32x4.relaxed_nmadd", NONE, RELAXED_SIMD),
    F64X2_RELAXED_MADD(0xfd, 0x107, "f64x2.relaxed_madd", NONE, RELAXED_SIMD),
    F64X2_RELAXED_NMADD(0xfd, 0x108, "f64x2.relaxed_nmadd", NONE, RELAXED_SIMD),
    I8X16_RELAXED_LANESELECT(0xfd, 0x109, "i8x16.relaxed_laneselect", NONE, RELAXED_SIMD),
    I16X8_RELAXED_LANESELECT(0xfd, 0x10a, "i16x8.relaxed_laneselect", NONE, RELAXED_SIMD),
    I32X4_RELAXED_LANESELECT(0xfd, 0x10b, "i32x4.relaxed_laneselect", NONE, RELAXED_SIMD),
    I64X2_RELAXED_LANESELECT(0xfd, 0x10c, "i64x2.relaxed_laneselect", NONE, RELAXED_SIMD),
    F32X4_RELAXED_MIN(0xfd, 0x10d, "f32x4.relaxed_min", NONE, RELAXED_SIMD),
    F32X4_RELAXED_MAX(0xfd, 0x10e, "f32x4.relaxed_max", NONE, RELAXED_SIMD),
    F64X2_RELAXED_MIN(0xfd, 0x10f, "f64x2.relaxed_min", NONE, RELAXED_SIMD),
    F64X2_RELAXED_MAX(0xfd, 0x110, "f64x2.relaxed_max", NONE, RELAXED_SIMD),
    I16X8_RELAXED_Q15MULR_S(0xfd, 0x111, "i16x8.relaxed_q15mulr_s", NONE, RELAXED_SIMD),
    I16X8_RELAXED_DOT_I8X16_I7X16_S(0xfd, 0x112, "i16x8.relaxed_dot_i8x16_i7x16_s", NONE, RELAXED_SIMD),
    I32X4_RELAXED_DOT_I8X16_I7X16_ADD_S(0xfd, 0x113, "i32x4.relaxed_dot_i8x16_i7x16_add_s", NONE, RELAXED_SIMD),

    // threads (atomics), 0xfe prefix
    MEMORY_ATOMIC_NOTIFY(0xfe, 0x00, "memory.atomic.notify", MEMARG, THREADS, 2),
    MEMORY_ATOMIC_WAIT32(0xfe, 0x01, "memory.atomic.wait32", MEMARG, THREADS, 2),
    MEMORY_ATOMIC_WAIT64(0xfe, 0x02, "memory.atomic.wait64", MEMARG, THREADS, 3),
    ATOMIC_FENCE(0xfe, 0x03, "atomic.fence", ZERO_BYTE, THREADS),
    I32_ATOMIC_LOAD(0xfe, 0x10, "i32.atomic.load", MEMARG, THREADS, 2),
    I64_ATOMIC_LOAD(0xfe, 0x11, "i64.atomic.load", MEMARG, THREADS, 3),
    I32_ATOMIC_LOAD8_U(0xfe, 0x12, "i32.atomic.load8_u", MEMARG, THREADS, 0),
    I32_ATOMIC_LOAD16_U(0xfe, 0x13, "i32.atomic.load16_u", MEMARG, THREADS, 1),
    I64_ATOMIC_LOAD8_U(0xfe, 0x14, "i64.atomic.load8_u", MEMARG, THREADS, 0),
    I64_ATOMIC_LOAD16_U(0xfe, 0x15, "i64.atomic.load16_u", MEMARG, THREADS, 1),
    I64_ATOMIC_LOAD32_U(0xfe, 0x16, "i64.atomic.load32_u", MEMARG, THREADS, 2),
    I32_ATOMIC_STORE(0xfe, 0x17, "i32.atomic.store", MEMARG, THREADS, 2),
    I64_ATOMIC_STORE(0xfe, 0x18, "i64.atomic.store", MEMARG, THREADS, 3),
    I32_ATOMIC_STORE8(0xfe, 0x19, "i32.atomic.store8", MEMARG, THREADS, 0),
    I32_ATOMIC_STORE16(0xfe, 0x1a, "i32.atomic.store16", MEMARG, THREADS, 1),
    I64_ATOMIC_STORE8(0xfe, 0x1b, "i64.atomic.store8", MEMARG, THREADS, 0),
    I64_ATOMIC_STORE16(0xfe, 0x1c, "i64.atomic.store16", MEMARG, THREADS, 1),
    I64_ATOMIC_STORE32(0xfe, 0x1d, "i64.atomic.store32", MEMARG, THREADS, 2),
    I32_ATOMIC_RMW_ADD(0xfe, 0x1e, "i32.atomic.rmw.add", MEMARG, THREADS, 2),
    I64_ATOMIC_RMW_ADD(0xfe, 0x1f, "i64.atomic.rmw.add", MEMARG, THREADS, 3),
    I32_ATOMIC_RMW8_ADD_U(0xfe, 0x20, "i32.atomic.rmw8.add_u", MEMARG, THREADS, 0),
    I32_ATOMIC_RMW16_ADD_U(0xfe, 0x21, "i32.atomic.rmw16.add_u", MEMARG, THREADS, 1),
    I64_ATOMIC_RMW8_ADD_U(0xfe, 0x22, "i64.atomic.rmw8.add_u", MEMARG, THREADS, 0),
    I64_ATOMIC_RMW16_ADD_U(0xfe, 0x23, "i64.atomic.rmw16.add_u", MEMARG, THREADS, 1),
    I64_ATOMIC_RMW32_ADD_U(0xfe, 0x24, "i64.atomic.rmw32.add_u", MEMARG, THREADS, 2),
    I32_ATOMIC_RMW_SUB(0xfe, 0x25, "i32.atomic.rmw.sub", MEMARG, THREADS, 2),
    I64_ATOMIC_RMW_SUB(0xfe, 0x26, "i64.atomic.rmw.sub", MEMARG, THREADS, 3),
    I32_ATOMIC_RMW8_SUB_U(0xfe, 0x27, "i32.atomic.rmw8.sub_u", MEMARG, THREADS, 0),
    I32_ATOMIC_RMW16_SUB_U(0xfe, 0x28, "i32.atomic.rmw16.sub_u", MEMARG, THREADS, 1),
    I64_ATOMIC_RMW8_SUB_U(0xfe, 0x29, "i64.atomic.rmw8.sub_u", MEMARG, THREADS, 0),
    I64_ATOMIC_RMW16_SUB_U(0xfe, 0x2a, "i64.atomic.rmw16.sub_u", MEMARG, THREADS, 1),
    I64_ATOMIC_RMW32_SUB_U(0xfe, 0x2b, "i64.atomic.rmw32.sub_u", MEMARG, THREADS, 2),
    I32_ATOMIC_RMW_AND(0xfe, 0x2c, "i32.atomic.rmw.and", MEMARG, THREADS, 2),
    I64_ATOMIC_RMW_AND(0xfe, 0x2d, "i64.atomic.rmw.and", MEMARG, THREADS, 3),
    I32_ATOMIC_RMW8_AND_U(0xfe, 0x2e, "i32.atomic.rmw8.and_u", MEMARG, THREADS, 0),
    I32_ATOMIC_RMW16_AND_U(0xfe, 0x2f, "i32.atomic.rmw16.and_u", MEMARG, THREADS, 1),
    I64_ATOMIC_RMW8_AND_U(0xfe, 0x30, "i64.atomic.rmw8.and_u", MEMARG, THREADS, 0),
    I64_ATOMIC_RMW16_AND_U(0xfe, 0x31, "i64.atomic.rmw16.and_u", MEMARG, THREADS, 1),
    I64_ATOMIC_RMW32_AND_U(0xfe, 0x32, "i64.atomic.rmw32.and_u", MEMARG, THREADS, 2),
    I32_ATOMIC_RMW_OR(0xfe, 0x33, "i32.atomic.rmw.or", MEMARG, THREADS, 2),
    I64_ATOMIC_RMW_OR(0xfe, 0x34, "i64.atomic.rmw.or", MEMARG, THREADS, 3),
    I32_ATOMIC_RMW8_OR_U(0xfe, 0x35, "i32.atomic.rmw8.or_u", MEMARG, THREADS, 0),
    I32_ATOMIC_RMW16_OR_U(0xfe, 0x36, "i32.atomic.rmw16.or_u", MEMARG, THREADS, 1),
    I64_ATOMIC_RMW8_OR_U(0xfe, 0x37, "i64.atomic.rmw8.or_u", MEMARG, THREADS, 0),
    I64_ATOMIC_RMW16_OR_U(0xfe, 0x38, "i64.atomic.rmw16.or_u", MEMARG, THREADS, 1),
    I64_ATOMIC_RMW32_OR_U(0xfe, 0x39, "i64.atomic.rmw32.or_u", MEMARG, THREADS, 2),
    I32_ATOMIC_RMW_XOR(0xfe, 0x3a, "i32.atomic.rmw.xor", MEMARG, THREADS, 2),
    I64_ATOMIC_RMW_XOR(0xfe, 0x3b, "i64.atomic.rmw.xor", MEMARG, THREADS, 3),
    I32_ATOMIC_RMW8_XOR_U(0xfe, 0x3c, "i32.atomic.rmw8.xor_u", MEMARG, THREADS, 0),
    I32_ATOMIC_RMW16_XOR_U(0xfe, 0x3d, "i32.atomic.rmw16.xor_u", MEMARG, THREADS, 1),
    I64_ATOMIC_RMW8_XOR_U(0xfe, 0x3e, "i64.atomic.rmw8.xor_u", MEMARG, THREADS, 0),
    I64_ATOMIC_RMW16_XOR_U(0xfe, 0x3f, "i64.atomic.rmw16.xor_u", MEMARG, THREADS, 1),
    I64_ATOMIC_RMW32_XOR_U(0xfe, 0x40, "i64.atomic.rmw32.xor_u", MEMARG, THREADS, 2),
    I32_ATOMIC_RMW_XCHG(0xfe, 0x41, "i32.atomic.rmw.xchg", MEMARG, THREADS, 2),
    I64_ATOMIC_RMW_XCHG(0xfe, 0x42, "i64.atomic.rmw.xchg", MEMARG, THREADS, 3),
    I32_ATOMIC_RMW8_XCHG_U(0xfe, 0x43, "i32.atomic.rmw8.xchg_u", MEMARG, THREADS, 0),
    I32_ATOMIC_RMW16_XCHG_U(0xfe, 0x44, "i32.atomic.rmw16.xchg_u", MEMARG, THREADS, 1),
    I64_ATOMIC_RMW8_XCHG_U(0xfe, 0x45, "i64.atomic.rmw8.xchg_u", MEMARG, THREADS, 0),
    I64_ATOMIC_RMW16_XCHG_U(0xfe, 0x46, "i64.atomic.rmw16.xchg_u", MEMARG, THREADS, 1),
    I64_ATOMIC_RMW32_XCHG_U(0xfe, 0x47, "i64.atomic.rmw32.xchg_u", MEMARG, THREADS, 2),
    I32_ATOMIC_RMW_CMPXCHG(0xfe, 0x48, "i32.atomic.rmw.cmpxchg", MEMARG, THREADS, 2),
    I64_ATOMIC_RMW_CMPXCHG(0xfe, 0x49, "i64.atomic.rmw.cmpxchg", MEMARG, THREADS, 3),
    I32_ATOMIC_RMW8_CMPXCHG_U(0xfe, 0x4a, "i32.atomic.rmw8.cmpxchg_u", MEMARG, THREADS, 0),
    I32_ATOMIC_RMW16_CMPXCHG_U(0xfe, 0x4b, "i32.atomic.rmw16.cmpxchg_u", MEMARG, THREADS, 1),
    I64_ATOMIC_RMW8_CMPXCHG_U(0xfe, 0x4c, "i64.atomic.rmw8.cmpxchg_u", MEMARG, THREADS, 0),
    I64_ATOMIC_RMW16_CMPXCHG_U(0xfe, 0x4d, "i64.atomic.rmw16.cmpxchg_u", MEMARG, THREADS, 1),
    I64_ATOMIC_RMW32_CMPXCHG_U(0xfe, 0x4e, "i64.atomic.rmw32.cmpxchg_u", MEMARG, THREADS, 2);

    /** Prefix of the saturating-conversion, bulk-memory and table instructions. */
    public static final int PREFIX_FC = 0xfc;
    /** Prefix of the SIMD instructions. */
    public static final int PREFIX_SIMD = 0xfd;
    /** Prefix of the atomic instructions. */
    public static final int PREFIX_ATOMIC = 0xfe;

    private static final Opcode[] SINGLE_BYTE = new Opcode[256];
    private static final Opcode[] FC_OPS = new Opcode[18];
    private static final Opcode[] SIMD_OPS = new Opcode[0x114];
    private static final Opcode[] ATOMIC_OPS = new Opcode[0x4f];

    static {
        for (Opcode op : values()) {
            table(op.prefix)[op.code] = op;
        }
    }

    private final int prefix;
    private final int code;
    private final String mnemonic;
    private final ImmediateKind immediate;
    private final Feature feature;
    private final int naturalAlignment;

    Opcode(int prefix, int code, String mnemonic, ImmediateKind immediate, Feature feature) {
        this(prefix, code, mnemonic, immediate, feature, -1);
    }

    Opcode(int prefix, int code, String mnemonic, ImmediateKind immediate, Feature feature, int naturalAlignment) {
        this.prefix = prefix;
        this.code = code;
        this.mnemonic = mnemonic;
        this.immediate = immediate;
        this.feature = feature;
        this.naturalAlignment = naturalAlignment;
    }

    private static Opcode[] table(int prefix) {
        switch (prefix) {
            case 0: return SINGLE_BYTE;
            case PREFIX_FC: return FC_OPS;
            case PREFIX_SIMD: return SIMD_OPS;
            case PREFIX_ATOMIC: return ATOMIC_OPS;
            default: throw new IllegalArgumentException("not a prefix: " + prefix);
        }
    }

    /** True for the bytes that start a multi-byte opcode (followed by a u32 sub-opcode). */
    public static boolean isPrefix(int b) {
        return b == PREFIX_FC || b == PREFIX_SIMD || b == PREFIX_ATOMIC;
    }

    /** The single-byte opcode {@code b}, or null if unknown or a prefix. */
    public static Opcode lookup(int b) {
        return b >= 0 && b < 256 ? SINGLE_BYTE[b] : null;
    }

    /** The opcode with this prefix and sub-opcode, or null if unknown. */
    public static Opcode lookup(int prefix, long subOpcode) {
        if (!isPrefix(prefix)) {
            return null;
        }
        Opcode[] t = table(prefix);
        return subOpcode >= 0 && subOpcode < t.length ? t[(int) subOpcode] : null;
    }

    /** 0 for single-byte opcodes, else the prefix byte. */
    public int prefix() {
        return prefix;
    }

    /** The opcode byte, or the sub-opcode after the prefix. */
    public int code() {
        return code;
    }

    /** The text-format name (typed select is also "select"). */
    public String mnemonic() {
        return mnemonic;
    }

    public ImmediateKind immediate() {
        return immediate;
    }

    public Feature feature() {
        return feature;
    }

    /** True for loads, stores, lane accesses and atomics: everything with a memarg. */
    public boolean isMemoryAccess() {
        return naturalAlignment >= 0;
    }

    /** log2 of the bytes accessed (the largest valid alignment exponent), or -1 if not a memory access. */
    public int naturalAlignment() {
        return naturalAlignment;
    }

    /**
     * True for block, loop, if, try_table and the legacy try, which open a nesting level (closed by
     * end; a legacy try also by delegate).
     */
    public boolean opensBlock() {
        return this == BLOCK || this == LOOP || this == IF || this == TRY || this == TRY_TABLE;
    }

    /** True for try, catch, catch_all, rethrow and delegate, which engines of the final proposal alone (Chicory) cannot run. */
    public boolean isLegacyExceptionHandling() {
        return feature == LEGACY_EXCEPTION_HANDLING;
    }

    /** The opcode bytes as in error messages, e.g. "0x28" or "0xfd 0x10c". */
    public String hex() {
        return prefix == 0 ? String.format("0x%02x", code) : String.format("0x%02x 0x%02x", prefix, code);
    }
}
