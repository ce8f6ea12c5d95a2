package dev.wasmlayout.manifest;

import dev.wasmlayout.layout.Strategy;
import dev.wasmlayout.manifest.ManifestChecks.Target;
import dev.wasmlayout.source.Complaint;
import dev.wasmlayout.source.Fields;
import dev.wasmlayout.source.ListNode;
import dev.wasmlayout.source.Location;
import dev.wasmlayout.source.MapNode;
import dev.wasmlayout.source.Node;
import dev.wasmlayout.source.Quote;
import dev.wasmlayout.source.ScalarNode;
import dev.wasmlayout.source.Sizes;
import dev.wasmlayout.source.Suggestions;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the located tree of one manifest into the model records, checking each value where it stands
 * and registering names, references and files with {@link ManifestChecks} for the whole-manifest checks.
 */
final class SpecReader {

    /** Names become region names ("producer.heap"), call targets and C identifiers: no dots, no spaces. */
    static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
    private static final String NAME_RULE = "a name of letters, digits, '_' and '-' that starts with a letter or '_'";

    private final Path folder;
    private final Complaint complaint;
    private final ManifestChecks checks;
    /** {@code stack-check} under {@code memory:}, the default of every module's. */
    private boolean stackCheckDefault = true;

    SpecReader(Path folder, Complaint complaint) {
        this.folder = folder;
        this.complaint = complaint;
        this.checks = new ManifestChecks(complaint);
    }

    Manifest manifest(Path file, Node root) {
        if (root == null) {
            throw complaint.at(Location.START, "the manifest is empty: it needs at least memory: and modules:");
        }
        if (!(root instanceof MapNode map)) {
            throw complaint.at(root.location(),
                    "the manifest must be a mapping with keys memory:, modules:, ... but is " + root.describe());
        }
        Fields top = Fields.of(map, "", ManifestKeys.TOP, complaint);
        Fields memoryFields = Fields.of(Fields.requireMap(top.required("memory"), "memory", complaint),
                "in memory", ManifestKeys.MEMORY, complaint);
        MemorySpec memory = memory(memoryFields);
        this.stackCheckDefault = memory.stackCheck();
        List<ReserveSpec> reserve = each(top, "reserve", this::reserve);
        List<SharedSpec> shared = each(top, "shared", this::shared);
        if (top.list("modules").isEmpty()) {
            Node modules = top.required("modules");
            throw top.wrong("modules", "expected at least one module, got "
                    + (modules instanceof ListNode ? "an empty list" : modules.describe()));
        }
        List<ModuleSpec> modules = each(top, "modules", this::module);
        List<RunStep> run = each(top, "run", this::runStep);
        boolean fixedAtZero = reserve.stream().anyMatch(r -> r.at().equals(OptionalLong.of(0)))
                || shared.stream().anyMatch(s -> s.at().equals(OptionalLong.of(0)));
        if (fixedAtZero && !memoryFields.has("null-guard")) {
            // a region fixed at 0 guards null pointers itself; an explicit null-guard is kept (and overlaps)
            memory = new MemorySpec(memory.importName(), memory.max(), 0, memory.location(), memory.stackCheck());
        }
        checks.run(memory.nullGuard() > 0);
        return new Manifest(file, memory, reserve, shared, modules, run);
    }

    private interface ItemReader<T> {
        T read(MapNode item, String kind, int number);
    }

    private <T> List<T> each(Fields top, String key, ItemReader<T> reader) {
        List<T> result = new ArrayList<>();
        List<Node> items = top.list(key);
        String kind = key.equals("modules") ? "module" : key.equals("run") ? "run step" : key;
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            if (!(item instanceof MapNode map)) {
                throw top.wrong(key, item, "expected each " + kind + " to be a mapping, got " + item.describe());
            }
            result.add(reader.read(map, kind, i + 1));
        }
        return result;
    }

    /** "in module 'producer'" when the item has a readable name, else "in module #2". */
    private static String context(MapNode item, String kind, int number) {
        if (item.get("name") instanceof ScalarNode name && !name.isNull()) {
            return "in " + kind + " " + Quote.of(name.text());
        }
        return "in " + kind + " #" + number;
    }

    private MemorySpec memory(Fields fields) {
        String importName = fields.optionalText("import").orElse(Defaults.MEMORY_IMPORT);
        int dot = importName.indexOf('.');
        if (dot <= 0 || dot == importName.length() - 1) {
            throw fields.wrong("import", "expected 'module.name' like env.memory, got " + Quote.of(importName));
        }
        long max = fields.size("max");
        if (max < dev.wasmlayout.layout.Layout.PAGE_SIZE) {
            throw fields.wrong("max", "expected at least 64KiB (one wasm page), got " + fields.get("max").describe());
        }
        if (max % dev.wasmlayout.layout.Layout.PAGE_SIZE != 0) {
            throw fields.wrong("max", "expected a multiple of 64KiB (one wasm page), got "
                    + fields.get("max").describe());
        }
        long nullGuard = Defaults.NULL_GUARD;
        if (fields.has("null-guard")) {
            Node value = fields.get("null-guard");
            if (value instanceof ScalarNode scalar && scalar.kind() == ScalarNode.Kind.BOOLEAN) {
                nullGuard = fields.bool("null-guard", true) ? Defaults.NULL_GUARD : 0;
            } else if (value instanceof ScalarNode scalar && Sizes.parse(scalar.text()).isPresent()) {
                nullGuard = fields.size("null-guard");
            } else {
                throw fields.expected("null-guard", "a size like 1KiB, or true or false");
            }
        }
        return new MemorySpec(importName, max, nullGuard, fields.location(), fields.bool("stack-check", true));
    }

    private ReserveSpec reserve(MapNode item, String kind, int number) {
        Fields fields = Fields.of(item, context(item, kind, number), ManifestKeys.RESERVE, complaint);
        String name = name(fields);
        checks.reserve(name, fields.where("name"));
        Placement placement = placement(fields);
        return new ReserveSpec(name, placement.at(), placement.size(), placement.align(),
                moduleList(fields, "writers"), fields.location());
    }

    private SharedSpec shared(MapNode item, String kind, int number) {
        Fields fields = Fields.of(item, context(item, kind, number), ManifestKeys.SHARED, complaint);
        String name = name(fields);
        checks.shared(name, fields.where("name"));
        Placement placement = placement(fields);
        return new SharedSpec(name, placement.at(), placement.size(), placement.align(),
                moduleList(fields, "writers"), moduleList(fields, "readers"), fields.location());
    }

    private record Placement(OptionalLong at, long size, long align) {
    }

    /** The at/size/align trio shared and reserved regions have in common. */
    private static Placement placement(Fields fields) {
        long size = fields.size("size");
        if (size == 0) {
            throw fields.wrong("size", "expected at least 1 byte, got " + fields.get("size").describe());
        }
        long align = fields.optionalSize("align").orElse(Defaults.ALIGN);
        if (!Sizes.isPowerOfTwo(align)) {
            throw fields.expected("align", "a power of two");
        }
        OptionalLong at = fields.optionalAddress("at");
        if (at.isPresent() && at.getAsLong() % align != 0) {
            throw fields.expected("at", "a multiple of its align (" + Sizes.format(align) + ")");
        }
        return new Placement(at, size, align);
    }

    private List<String> moduleList(Fields fields, String key) {
        Set<String> names = new LinkedHashSet<>();
        for (Node item : fields.list(key)) {
            if (!(item instanceof ScalarNode scalar) || scalar.isNull()) {
                throw fields.wrong(key, item, "expected a list of module names, got " + item.describe() + " in it");
            }
            if (!names.add(scalar.text())) {
                throw fields.wrong(key, item, Quote.of(scalar.text()) + " is listed twice");
            }
            checks.reference(key, fields.context(), scalar.text(), scalar.location(), Target.MODULE);
        }
        return List.copyOf(names);
    }

    private ModuleSpec module(MapNode item, String kind, int number) {
        Fields fields = Fields.of(item, context(item, kind, number), ManifestKeys.MODULE, complaint);
        String name = name(fields);
        checks.module(name, fields.where("name"));
        String wasm = fields.text("wasm");
        Path wasmPath = resolve(fields, "wasm", wasm);
        checks.moduleFile(name, wasm, wasmPath, fields.where("wasm"));
        OptionalLong stack = fields.optionalSize("stack");
        OptionalLong heap = fields.optionalSize("heap");
        Map<String, String> imports = imports(fields, name);
        boolean optional = fields.bool("optional", false);
        Optional<Strategy> strategy = fields.optionalText("strategy").map(text -> Strategy.fromName(text)
                .orElseThrow(() -> fields.wrong("strategy", "expected one of " + String.join(", ", Strategy.names())
                        + ", got " + Quote.of(text) + Suggestions.didYouMean(text, Strategy.names()))));
        return new ModuleSpec(name, wasm, wasmPath, stack, heap, imports, optional, strategy, fields.location(),
                wasi(fields), fields.bool("stack-check", stackCheckDefault));
    }

    /** argv (strings), env (a map of strings) and stdin (a file beside the manifest) for the validator's run. */
    private WasiSpec wasi(Fields fields) {
        java.util.List<String> argv = new java.util.ArrayList<>();
        for (Node item : fields.list("argv")) {
            if (!(item instanceof ScalarNode scalar) || scalar.isNull()) {
                throw fields.wrong("argv", item, "expected a list of arguments, got " + item.describe() + " in it");
            }
            argv.add(scalar.text());
        }
        Map<String, String> env = new LinkedHashMap<>();
        for (MapNode.Entry entry : fields.map("env").entries().values()) {
            if (!(entry.value() instanceof ScalarNode value) || value.isNull()) {
                throw fields.wrong("env", entry.value(), "expected a text value for " + Quote.of(entry.key()) + ", got "
                        + entry.value().describe());
            }
            env.put(entry.key(), value.text());
        }
        Path stdin = null;
        if (fields.has("stdin")) {
            String file = fields.text("stdin");
            stdin = resolve(fields, "stdin", file);
            if (!java.nio.file.Files.isRegularFile(stdin)) {
                throw fields.wrong("stdin", "file " + Quote.of(file) + " does not exist (relative to the manifest's folder)");
            }
        }
        return new WasiSpec(argv, env, stdin);
    }

    private Map<String, String> imports(Fields fields, String module) {
        Map<String, String> imports = new LinkedHashMap<>();
        for (MapNode.Entry entry : fields.map("imports").entries().values()) {
            if (!(entry.value() instanceof ScalarNode provider) || provider.isNull()) {
                throw fields.wrong("imports", entry.value(), "expected the name of the module that provides '"
                        + entry.key() + "', got " + entry.value().describe());
            }
            if (provider.text().equals(module)) {
                throw fields.wrong("imports", provider, "a module cannot import " + Quote.of(entry.key()) + " from itself");
            }
            checks.reference("imports", fields.context(), provider.text(), provider.location(), Target.MODULE);
            imports.put(entry.key(), provider.text());
        }
        return imports;
    }

    private RunStep runStep(MapNode item, String kind, int number) {
        String context = "in run step " + number;
        Fields fields = Fields.of(item, context, ManifestKeys.RUN_STEP, complaint);
        Optional<String> call = fields.optionalText("call");
        if (call.isPresent()) {
            int dot = call.get().indexOf('.');
            if (dot <= 0 || dot == call.get().length() - 1) {
                throw fields.wrong("call", "expected 'module.export' like producer._start, got " + Quote.of(call.get()));
            }
            checks.reference("call", context, call.get().substring(0, dot), fields.where("call"), Target.MODULE);
        } else {
            for (String needsCall : List.of("args", "expect-stdout", "expect-exit", "expect-result")) {
                if (fields.has(needsCall)) {
                    throw fields.wrong(needsCall, "only makes sense with a call");
                }
            }
            if (!fields.has("write") && !fields.has("load") && !fields.has("dump")) {
                throw complaint.at(fields.location(),
                        "run step " + number + " does nothing: give it a write, load, call or dump");
            }
        }
        Optional<TextWrite> write = textWrite(fields, context);
        List<String> args = new ArrayList<>();
        for (Node arg : fields.list("args")) {
            if (!(arg instanceof ScalarNode scalar) || scalar.isNull() || scalar.kind() == ScalarNode.Kind.BOOLEAN) {
                throw fields.wrong("args", arg, "expected numbers or region names, got " + arg.describe() + " in it");
            }
            if (scalar.kind() == ScalarNode.Kind.STRING) { // a region name: the call gets its start address
                checks.reference("args", context, scalar.text(), scalar.location(), Target.REGION);
            } else if (RunStep.number(scalar.text()).isEmpty()) {
                throw fields.wrong("args", arg, "expected whole numbers (decimal or 0x hex, up to 64 bits) or region names, got "
                        + arg.describe() + " in it");
            }
            args.add(scalar.text());
        }
        Optional<String> expectStdout = fields.optionalText("expect-stdout");
        OptionalLong expectExit = fields.has("expect-exit")
                ? OptionalLong.of(fields.integer("expect-exit")) : OptionalLong.empty();
        Optional<List<Number>> expectResult = fields.has("expect-result")
                ? Optional.of(expectResult(fields)) : Optional.empty();
        return new RunStep(write, regionFile(fields, "load", number), call, args, expectStdout, expectExit, expectResult,
                regionFile(fields, "dump", number), fields.location());
    }

    /** {@code expect-result: 42} for one result, {@code [1, 2]} for a multi-value export; see {@link ResultNumber}. */
    private static List<Number> expectResult(Fields fields) {
        Node value = fields.get("expect-result");
        boolean isList = value instanceof ListNode;
        List<Node> items = isList ? ((ListNode) value).items() : List.of(value);
        if (items.isEmpty()) {
            throw fields.wrong("expect-result", "expected at least one number, got an empty list");
        }
        List<Number> numbers = new ArrayList<>();
        for (Node item : items) {
            Optional<Number> number = item instanceof ScalarNode scalar && !scalar.isNull()
                    && scalar.kind() != ScalarNode.Kind.BOOLEAN ? ResultNumber.parse(scalar.text()) : Optional.empty();
            if (number.isEmpty()) {
                throw fields.wrong("expect-result", item, isList
                        ? "expected a list of numbers, got " + item.describe() + " in it"
                        : "expected a number or a list of numbers, got " + item.describe());
            }
            if (!ResultNumber.fits64Bits(number.get())) {
                throw fields.wrong("expect-result", item, item.describe() + " does not fit in 64 bits (whole numbers go from "
                        + ResultNumber.MIN + " to " + ResultNumber.MAX + ")");
            }
            numbers.add(number.get());
        }
        return numbers;
    }

    /** {@code write: <region>} and {@code text: "..."} come as a pair. */
    private Optional<TextWrite> textWrite(Fields fields, String context) {
        if (!fields.has("write")) {
            if (fields.has("text")) {
                throw fields.wrong("text", "only makes sense with a write");
            }
            return Optional.empty();
        }
        String region = fields.text("write");
        checks.reference("write", context, region, fields.where("write"), Target.REGION);
        return Optional.of(new TextWrite(region, fields.text("text"), fields.where("write")));
    }

    private Optional<RegionFile> regionFile(Fields step, String key, int number) {
        if (!step.has(key)) {
            return Optional.empty();
        }
        String context = "in " + key + " of run step " + number;
        Fields fields = Fields.of(Fields.requireMap(step.get(key), key + " " + step.context(), complaint),
                context, ManifestKeys.REGION_FILE, complaint);
        String region = fields.text("region");
        checks.reference("region", context, region, fields.where("region"), Target.REGION);
        String file = fields.text("file");
        return Optional.of(new RegionFile(region, file, resolve(fields, "file", file), fields.location()));
    }

    /** Relative paths start at the manifest's folder. */
    private Path resolve(Fields fields, String key, String path) {
        try {
            return folder.resolve(path).normalize();
        } catch (InvalidPathException e) {
            throw fields.wrong(key, "not a valid path: " + e.getReason());
        }
    }

    private static String name(Fields fields) {
        String name = fields.text("name");
        if (!NAME.matcher(name).matches()) {
            throw fields.wrong("name", "expected " + NAME_RULE + ", got " + Quote.of(name));
        }
        return name;
    }

}
