package dev.wasmlayout.manifest;

import dev.wasmlayout.source.Complaint;
import dev.wasmlayout.source.Location;
import dev.wasmlayout.source.Quote;
import dev.wasmlayout.source.Suggestions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The checks that need the whole manifest: unique names, references to modules and regions, module
 * files on disk. The reader registers what it meets while reading; {@link #run} reports the first
 * problem in the order: names, references, files (so a typo is reported before a missing file).
 */
final class ManifestChecks {

    /** Something with a name in the one namespace shared by modules, shared buffers and reserves. */
    private record Named(String name, String what, Location where) {
    }

    /** What a reference must name. */
    enum Target { MODULE, REGION }

    private record Reference(String key, String context, String name, Location where, Target target) {
    }

    private record ModuleFile(String module, String written, Path path, Location where) {
    }

    private final Complaint complaint;
    private final List<Named> names = new ArrayList<>();
    private final Set<String> moduleNames = new LinkedHashSet<>();
    private final List<Reference> references = new ArrayList<>();
    private final List<ModuleFile> files = new ArrayList<>();

    ManifestChecks(Complaint complaint) {
        this.complaint = complaint;
    }

    void module(String name, Location where) {
        names.add(new Named(name, "the module", where));
        moduleNames.add(name);
    }

    void shared(String name, Location where) {
        names.add(new Named(name, "the shared buffer", where));
    }

    void reserve(String name, Location where) {
        names.add(new Named(name, "the reserved region", where));
    }

    /** {@code key context: 'name' is not a module} unless a module has that name. */
    void reference(String key, String context, String name, Location where, Target target) {
        references.add(new Reference(key, context, name, where, target));
    }

    void moduleFile(String module, String written, Path path, Location where) {
        files.add(new ModuleFile(module, written, path, where));
    }

    void run(boolean nullGuard) {
        checkNamesAreUnique(nullGuard);
        Set<String> regions = regionNames(nullGuard);
        for (Reference reference : references) {
            Set<String> valid = reference.target() == Target.MODULE ? moduleNames : regions;
            if (!valid.contains(reference.name())) {
                throw complaint.at(reference.where(), reference.key() + " " + reference.context() + ": "
                        + Quote.of(reference.name()) + " is not a " + reference.target().name().toLowerCase(Locale.ROOT)
                        + Suggestions.didYouMean(reference.name(), valid));
            }
        }
        for (ModuleFile file : files) {
            if (!Files.isRegularFile(file.path())) {
                String problem = Files.exists(file.path()) ? "is not a file" : "does not exist";
                throw complaint.at(file.where(), "module '" + file.module() + "': file " + Quote.of(file.written()) + " "
                        + problem + " (looked for " + Quote.escape(file.path().toString()) + ")");
            }
        }
    }

    private void checkNamesAreUnique(boolean nullGuard) {
        List<Named> inOrder = new ArrayList<>(names);
        inOrder.sort(Comparator.comparing(Named::where, Comparator.nullsFirst(Comparator.naturalOrder())));
        Map<String, Named> seen = new HashMap<>(); // lookups only: nothing iterates it
        for (Named named : inOrder) {
            if (nullGuard && named.name().equals(Defaults.NULL_GUARD_NAME)) {
                throw complaint.at(named.where(), "name '" + named.name()
                        + "' is taken by the automatic null guard (set null-guard: false in memory, or rename this)");
            }
            Named first = seen.putIfAbsent(named.name(), named);
            if (first != null) {
                throw complaint.at(named.where(), "name '" + named.name() + "' is already taken by "
                        + first.what() + " at " + first.where());
            }
        }
    }

    /** Every region name a plan will have; a module's heap may turn out empty, which the run reports. */
    private Set<String> regionNames(boolean nullGuard) {
        Set<String> regions = new LinkedHashSet<>();
        if (nullGuard) {
            regions.add(Defaults.NULL_GUARD_NAME);
        }
        for (Named named : names) {
            if (moduleNames.contains(named.name())) {
                regions.add(named.name() + ".data");
                regions.add(named.name() + ".stack");
                regions.add(named.name() + ".heap");
            } else {
                regions.add(named.name());
            }
        }
        return regions;
    }
}
