package dev.wasmlayout.layout;

/**
 * What sharing one memory saves, like with like: the shared memory's size against each module alone given
 * the same stack and heap, each memory rounded up to whole pages (that is what a runtime allocates for each).
 *
 * @param usedBytes     the highest end of any region: bytes the plan really needs
 * @param pages         pages the shared memory starts with (usedBytes rounded up)
 * @param separatePages the sum over modules of the memory each needs alone (1 KiB below its data as wasm-ld
 *                      leaves it, its planned stack, data and heap), each rounded up to pages
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
