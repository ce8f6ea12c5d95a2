package dev.wasmlayout.wasm.corpus;

import dev.wasmlayout.wasm.code.ValueType;
import static dev.wasmlayout.wasm.code.ValueType.FUNCREF;
import static dev.wasmlayout.wasm.code.ValueType.I32;
import static dev.wasmlayout.wasm.corpus.CorpusGenerator.bytes;
import static dev.wasmlayout.wasm.corpus.CorpusGenerator.global;
import static dev.wasmlayout.wasm.corpus.CorpusGenerator.op;
import static dev.wasmlayout.wasm.corpus.CorpusGenerator.utf8;
import static dev.wasmlayout.wasm.corpus.ModuleBuilder.*;

import dev.wasmlayout.wasm.ByteWriter;
import dev.wasmlayout.wasm.code.Instruction;
import dev.wasmlayout.wasm.code.Opcode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Corpus modules shaped like linker output: one kept relocations (--emit-relocs), one is position-independent. */
final class LinkerOutputModules {
    private LinkerOutputModules() {
    }

    // ---- "relocatable": as linked with --emit-relocs: padded sites, linking + reloc.CODE

    static byte[] relocatable() {
        ModuleBuilder m = new ModuleBuilder();
        ByteWriter types = new ByteWriter().u32(2);
        funcType(types, new int[] {I32}, new int[] {I32});
        funcType(types, new int[0], new int[0]);
        m.section(TYPE, types);
        m.section(FUNCTION, new ByteWriter().u32(2).u32(0).u32(1));
        m.section(MEMORY, limits(new ByteWriter().u32(1), 2));
        m.section(GLOBAL, vec(new ByteWriter(), List.of(global(I32, true, expr(Instruction.i32Const(66560))))));
        ByteWriter exports = new ByteWriter().u32(2);
        exports.name("memory").u8(KIND_MEMORY).u32(0);
        exports.name("main").u8(KIND_FUNC).u32(1);
        m.section(EXPORT, exports);

        final int msg = 1024;
        final int symHelper = 0, symMsg = 2, symStackPointer = 3;
        FunctionBuilder helper = new FunctionBuilder().op(Opcode.LOCAL_GET, 0);
        FunctionBuilder main = new FunctionBuilder();
        List<int[]> sites = new ArrayList<>(); // type, offset in main's expression, symbol, addend
        main.raw(bytes(0x41));
        sites.add(new int[] {CustomSections.R_MEMORY_ADDR_SLEB, main.position(), symMsg, 0});
        main.raw(padded(true, msg)).raw(bytes(0x10));
        sites.add(new int[] {CustomSections.R_FUNCTION_INDEX_LEB, main.position(), symHelper, 0});
        main.raw(padded(false, 0)).op(Opcode.DROP).add(Instruction.i32Const(0)).raw(bytes(0x28, 0x02));
        sites.add(new int[] {CustomSections.R_MEMORY_ADDR_LEB, main.position(), symMsg, 4});
        main.raw(padded(false, msg + 4)).op(Opcode.DROP).raw(bytes(0x23));
        sites.add(new int[] {CustomSections.R_GLOBAL_INDEX_LEB, main.position(), symStackPointer, 0});
        main.raw(padded(false, 0)).add(Instruction.i32Const(16)).op(Opcode.I32_SUB).raw(bytes(0x24));
        sites.add(new int[] {CustomSections.R_GLOBAL_INDEX_LEB, main.position(), symStackPointer, 0});
        main.raw(padded(false, 0));

        int codeIndex = m.nextSectionIndex();
        int[] exprStarts = new int[2];
        m.section(CODE, codeSection(List.of(helper, main), exprStarts));
        ByteWriter data = new ByteWriter().u32(1);
        data.u32(0).bytes(expr(Instruction.i32Const(msg))).bytes(utf8("hello world!"));
        m.section(DATA, data);

        List<CustomSections.Symbol> symbols = List.of(
                new CustomSections.Symbol(CustomSections.SYMTAB_FUNCTION, 0, "helper", 0, 0),
                new CustomSections.Symbol(CustomSections.SYMTAB_FUNCTION, 1, "main", 0, 0),
                new CustomSections.Symbol(CustomSections.SYMTAB_DATA, 0, "msg", 0, 12),
                new CustomSections.Symbol(CustomSections.SYMTAB_GLOBAL, 0, "__stack_pointer", 0, 0));
        m.custom("linking", CustomSections.linking(symbols, new String[] {".rodata.msg"}));
        List<CustomSections.Reloc> relocs = new ArrayList<>();
        for (int[] site : sites) {
            relocs.add(new CustomSections.Reloc(site[0], exprStarts[1] + site[1], site[2], site[3]));
        }
        m.custom("reloc.CODE", CustomSections.relocations(codeIndex, relocs));
        m.custom("name", CustomSections.names("relocatable", new String[] {"helper", "main"}, Map.of(0, new String[] {"p"}),
                new String[] {"__stack_pointer"}, new String[] {".rodata"}));
        return m.build();
    }

    // ---- "pic": position-independent, dylink.0 first, imports __memory_base and friends

    static byte[] pic() {
        ModuleBuilder m = new ModuleBuilder();
        m.custom("dylink.0", CustomSections.dylink(16, 2, 1, "libc.so"));
        m.section(TYPE, funcType(new ByteWriter().u32(1), new int[0], new int[0]));
        ByteWriter imports = new ByteWriter().u32(6);
        limits(imports.name("env").name("memory").u8(KIND_MEMORY), 1);
        limits(imports.name("env").name("__indirect_function_table").u8(KIND_TABLE).u8(FUNCREF), 1);
        imports.name("env").name("__memory_base").u8(KIND_GLOBAL).u8(I32).u8(0);   // global 0
        imports.name("env").name("__table_base").u8(KIND_GLOBAL).u8(I32).u8(0);    // global 1
        imports.name("env").name("__stack_pointer").u8(KIND_GLOBAL).u8(I32).u8(1); // global 2
        imports.name("GOT.mem").name("counter").u8(KIND_GLOBAL).u8(I32).u8(1);     // global 3
        m.section(IMPORT, imports);
        m.section(FUNCTION, new ByteWriter().u32(1).u32(0));
        m.section(GLOBAL, vec(new ByteWriter(), List.of(
                global(I32, false, expr(op(Opcode.GLOBAL_GET, 0), Instruction.i32Const(4), op(Opcode.I32_ADD))))));
        ByteWriter exports = new ByteWriter().u32(2);
        exports.name("get").u8(KIND_FUNC).u32(0);
        exports.name("msg_addr").u8(KIND_GLOBAL).u32(4);
        m.section(EXPORT, exports);
        m.section(ELEMENT, new ByteWriter().u32(1).u32(0).bytes(expr(op(Opcode.GLOBAL_GET, 1))).u32(1).u32(0));
        FunctionBuilder get = new FunctionBuilder()
                .op(Opcode.GLOBAL_GET, 0).add(Instruction.i32Const(4)).op(Opcode.I32_ADD)
                .add(Instruction.memarg(Opcode.I32_LOAD, 2, 0, 0)).op(Opcode.DROP)
                .op(Opcode.GLOBAL_GET, 3).add(Instruction.memarg(Opcode.I32_LOAD, 2, 0, 0)).op(Opcode.DROP)
                .op(Opcode.GLOBAL_GET, 2).add(Instruction.i32Const(16)).op(Opcode.I32_SUB).op(Opcode.GLOBAL_SET, 2);
        m.section(CODE, codeSection(List.of(get), null));
        m.section(DATA, new ByteWriter().u32(1).u32(0).bytes(expr(op(Opcode.GLOBAL_GET, 0))).bytes(utf8("pic!data")));
        m.custom("name", CustomSections.names("pic", new String[] {"get"}, Map.of(),
                new String[] {"__memory_base", "__table_base", "__stack_pointer", "GOT.mem.counter", "msg_addr"},
                new String[] {".data"}));
        return m.build();
    }

    private static byte[] padded(boolean signed, long v) {
        byte[] b = new byte[5];
        if (signed) {
            ByteWriter.writePaddedS32(b, 0, (int) v);
        } else {
            ByteWriter.writePaddedU32(b, 0, v);
        }
        return b;
    }
}
