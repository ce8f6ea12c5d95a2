package dev.wasmlayout.source;

/** A 1-based line and column in a text file, printed the way compilers do: {@code 12:5}. */
public record Location(int line, int column) implements Comparable<Location> {

    /** The start of a file: where problems without a better place are reported. */
    public static final Location START = new Location(1, 1);

    public Location {
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column start at 1, got " + line + ":" + column);
        }
    }

    @Override
    public int compareTo(Location other) {
        return line != other.line ? Integer.compare(line, other.line) : Integer.compare(column, other.column);
    }

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
