package dev.wasmlayout.validator;

import dev.wasmlayout.wasm.ParsedModule;
import dev.wasmlayout.wasm.sections.ExternalKind;
import dev.wasmlayout.wasm.sections.Import;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where every import of every module comes from: the shared memory, WASI, or another module's
 * export. Gives the order to instantiate in (providers first) and refuses cycles and missing providers.
 */
final class ImportPlan {
    /** A function import served by module {@code provider}'s export of the same name. */
    record Link(String importModule, String name, String provider) {
    }

    private final Map<String, List<Link>> links = new LinkedHashMap<>();
    private final List<String> order = new ArrayList<>();

    ImportPlan(RunSet set, Map<String, ParsedModule> parsed) {
        for (RunModule m : set.modules()) {
            links.put(m.name(), resolve(set, m, parsed.get(m.name()), parsed));
        }
        Map<String, Integer> state = new HashMap<>();
        for (RunModule m : set.modules()) {
            visit(m.name(), state, new ArrayList<>());
        }
    }

    /** Module names, each after every module it imports from. */
    List<String> order() {
        return List.copyOf(order);
    }

    List<Link> links(String module) {
        return links.get(module);
    }

    private static List<Link> resolve(RunSet set, RunModule m, ParsedModule pm, Map<String, ParsedModule> parsed) {
        List<Link> out = new ArrayList<>();
        for (Import i : pm.sections.imports) {
            switch (i.kind()) {
                case MEMORY:
                    if (!i.module().equals(set.memoryModule()) || !i.name().equals(set.memoryName())) {
                        throw new SetupException("module '" + m.name() + "' imports memory " + i.fullName()
                                + " but the shared memory is " + set.memoryModule() + "." + set.memoryName()
                                + " (was it linked?)");
                    }
                    break;
                case FUNC:
                    if (!i.module().equals(WasiHost.MODULE)) {
                        out.add(link(set, m, i, parsed));
                    }
                    break;
                default:
                    throw new SetupException("module '" + m.name() + "' imports " + i.kind().word() + " " + i.fullName()
                            + ", which the validator cannot provide (only the memory, WASI and functions of other modules)");
            }
        }
        return out;
    }

    private static Link link(RunSet set, RunModule m, Import i, Map<String, ParsedModule> parsed) {
        String provider = m.functionImports().get(i.module());
        if (provider == null && set.module(i.module()) != null) {
            provider = i.module();
        }
        if (provider == null) {
            throw new SetupException("module '" + m.name() + "' imports function " + i.fullName()
                    + " but no module provides '" + i.module() + "' (add it to the set or map it in the module's imports)");
        }
        ParsedModule p = parsed.get(provider);
        if (p == null) {
            throw new SetupException("module '" + m.name() + "' takes '" + i.module() + "' from module '" + provider
                    + "', which is not in the set");
        }
        if (p.sections.exportedIndex(ExternalKind.FUNC, i.name()) < 0) {
            throw new SetupException("module '" + m.name() + "' imports function " + i.fullName() + " but module '"
                    + provider + "' exports no function '" + i.name() + "'");
        }
        return new Link(i.module(), i.name(), provider);
    }

    /** Depth-first: 1 = on the current path, 2 = done. */
    private void visit(String module, Map<String, Integer> state, List<String> path) {
        Integer s = state.get(module);
        if (s != null && s == 2) {
            return;
        }
        path.add(module);
        if (s != null) {
            List<String> cycle = path.subList(path.indexOf(module), path.size());
            throw new SetupException("modules import from each other in a cycle: " + String.join(" -> ", cycle)
                    + " (a provider must be instantiated before the modules that import from it)");
        }
        state.put(module, 1);
        for (Link l : links.get(module)) {
            visit(l.provider(), state, path);
        }
        state.put(module, 2);
        order.add(module);
        path.remove(path.size() - 1);
    }
}
