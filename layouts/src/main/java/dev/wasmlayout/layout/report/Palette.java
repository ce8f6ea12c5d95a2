package dev.wasmlayout.layout.report;

import dev.wasmlayout.layout.Layout;
import dev.wasmlayout.layout.ModuleAssignment;
import dev.wasmlayout.layout.Region;
import dev.wasmlayout.layout.RegionKind;
import java.util.List;
import java.util.Locale;

/**
 * Colours for the HTML map: one hue per module (by its index in the layout's module list, so the same
 * layout always gets the same colours), a shade per kind (stack dark, data medium, heap light), and
 * fixed patterned fills for regions no module owns.
 */
final class Palette {

    /** Distinct hues first; amber and grey are left out because shared and reserved regions use them. */
    private static final int[] HUES = {211, 145, 271, 8, 184, 326, 88, 240, 24};
    static final String FREE = "#ffffff";
    static final String UNKNOWN_OWNER = "#8c959f";
    static final String INK = "#1f2328";

    private final List<String> modules;

    Palette(Layout layout) {
        this.modules = layout.modules().stream().map(ModuleAssignment::name).toList();
    }

    /** A fill: a colour for module regions, a pattern reference for the rest. */
    String fill(Region region) {
        return switch (region.kind()) {
            case SHARED, RESERVED, GUARD -> "url(#" + patternId(region.kind()) + ")";
            default -> moduleColour(region.owner(), region.kind());
        };
    }

    /** Text drawn on the region: white on the dark stack shade; patterns get dark text with a white halo instead. */
    String ink(Region region) {
        return region.kind() == RegionKind.STACK && modules.contains(region.owner()) ? "#ffffff" : INK;
    }

    String moduleColour(String module, RegionKind kind) {
        int index = modules.indexOf(module);
        if (index < 0) {
            return UNKNOWN_OWNER;
        }
        double hue = index < HUES.length ? HUES[index] : (index * 137.508) % 360; // golden angle: far from its neighbours
        double lightness = switch (kind) {
            case STACK -> 0.40;
            case HEAP -> 0.72;
            default -> 0.56;
        };
        return hsl(hue, 0.58, lightness);
    }

    static String patternId(RegionKind kind) {
        return "wl-" + kind.jsonName();
    }

    /** The pattern definitions {@link #fill} refers to: stripes for shared, hatching for reserved, checks for guards. */
    static String patterns() {
        return pattern(RegionKind.SHARED, "#f5c451", "#e3a21a", 45, 10, 4)
                + pattern(RegionKind.RESERVED, "#c9ced6", "#9aa3ae", -45, 8, 2)
                + "<pattern id=\"" + patternId(RegionKind.GUARD) + "\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\">"
                + "<rect width=\"8\" height=\"8\" fill=\"#57606a\"/><rect width=\"4\" height=\"4\" fill=\"#3d444d\"/>"
                + "<rect x=\"4\" y=\"4\" width=\"4\" height=\"4\" fill=\"#3d444d\"/></pattern>\n";
    }

    private static String pattern(RegionKind kind, String base, String stripe, int angle, int size, int width) {
        return "<pattern id=\"" + patternId(kind) + "\" width=\"" + size + "\" height=\"" + size
                + "\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(" + angle + ")\">"
                + "<rect width=\"" + size + "\" height=\"" + size + "\" fill=\"" + base + "\"/>"
                + "<rect width=\"" + width + "\" height=\"" + size + "\" fill=\"" + stripe + "\"/></pattern>\n";
    }

    /** The CSS background matching a pattern, for legend and table swatches outside the SVG. */
    static String cssBackground(RegionKind kind) {
        return switch (kind) {
            case SHARED -> "repeating-linear-gradient(-45deg,#e3a21a 0 3px,#f5c451 3px 8px)";
            case RESERVED -> "repeating-linear-gradient(45deg,#9aa3ae 0 1.5px,#c9ced6 1.5px 6px)";
            case GUARD -> "repeating-conic-gradient(#3d444d 0 25%,#57606a 0 50%) 0 0/8px 8px";
            default -> FREE;
        };
    }

    static String hsl(double hue, double saturation, double lightness) {
        double chroma = (1 - Math.abs(2 * lightness - 1)) * saturation;
        double h = hue / 60;
        double x = chroma * (1 - Math.abs(h % 2 - 1));
        double[] rgb = switch ((int) h) {
            case 0 -> new double[] {chroma, x, 0};
            case 1 -> new double[] {x, chroma, 0};
            case 2 -> new double[] {0, chroma, x};
            case 3 -> new double[] {0, x, chroma};
            case 4 -> new double[] {x, 0, chroma};
            default -> new double[] {chroma, 0, x};
        };
        double m = lightness - chroma / 2;
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round((rgb[0] + m) * 255),
                Math.round((rgb[1] + m) * 255), Math.round((rgb[2] + m) * 255));
    }
}
