package dev.wasmlayout.layout;

/**
 * What sharing one memory saves: the shared memory's size against the modules' own memories as they
 * were linked, each rounded up to whole pages (that is what a runtime allocates for each).
 *
 * @param usedBytes     the highest end of any region: bytes the plan really needs
 * @param pages         pages the shared memory starts with (usedBytes rounded up)
 * @param separatePages the sum over modules of their linked initial memory, each rounded up to pages
 */
public record Footprint(long usedBytes, long pages, long separatePages) {

    /** Bytes the shared memory allocates: whole pages. */
    public long bytes() {
        return pages * Layout.PAGE_SIZE;
    }

    public long separateBytes() {
        return separatePages * Layout.PAGE_SIZE;
    }

    /** Pages saved; negative when the plan is bigger (say, larger stacks than linked). */
    public long savedPages() {
        return separatePages - pages;
    }

    public long savedBytes() {
        return savedPages() * Layout.PAGE_SIZE;
    }
}
