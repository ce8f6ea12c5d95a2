/*
 * lzpack: an LZ77 + Huffman compressor (deflate's symbol alphabet, its own block format) that
 * compresses its input, decompresses the result and checks the round trip.
 *
 *   lzpack [-l LEVEL] [-n BYTES] [-s SEED] [-b BLOCK_SYMBOLS] KIND...
 *
 * KIND names a built-in input generator: "text" (prose from a word list), "log" (repetitive
 * server log lines) or "table" (binary records). Each is compressed on its own and summed up.
 * As in zlib, a level picks a row of a configuration table, which also picks the match finder
 * through a function pointer.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define WSIZE 32768u
#define WMASK (WSIZE - 1)
#define HASH_BITS 15
#define HASH_SIZE (1u << HASH_BITS)
#define MIN_MATCH 3
#define MAX_MATCH 258
#define NIL 0xffffffffu
#define LITLEN_CODES 286
#define DIST_CODES 30
#define MAX_BITS 15

/* ---------- CRC-32 ---------- */
static uint32_t crc_table[256];

static void crc_init(void) {
    for (uint32_t n = 0; n < 256; n++) {
        uint32_t c = n;
        for (int k = 0; k < 8; k++) c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
        crc_table[n] = c;
    }
}

static uint32_t crc32(const uint8_t *p, size_t n) {
    uint32_t c = 0xffffffffu;
    while (n--) c = crc_table[(c ^ *p++) & 0xff] ^ (c >> 8);
    return c ^ 0xffffffffu;
}

/* ---------- deflate's length and distance codes ---------- */
static const uint16_t len_base[29] = {3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
                                      35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
static const uint8_t len_extra[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2,
                                      3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
static const uint16_t dist_base[30] = {1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129,
                                       193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097,
                                       6145, 8193, 12289, 16385, 24577};
static const uint8_t dist_extra[30] = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8,
                                       9, 9, 10, 10, 11, 11, 12, 12, 13, 13};

static int len_code(unsigned len) {
    int c = 28;
    while (len_base[c] > len) c--;
    return c;
}

static int dist_code(unsigned dist) {
    int c = 29;
    while (dist_base[c] > dist) c--;
    return c;
}

/* ---------- the symbol stream the match finders produce ---------- */
typedef struct {
    uint16_t len;  /* 0: literal */
    uint16_t dist; /* or the literal byte */
} Token;

typedef struct {
    Token *tok;
    size_t count, cap;
    unsigned long matches, matched_bytes;
} Tokens;

static void emit(Tokens *t, unsigned len, unsigned dist) {
    if (t->count == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 4096;
        t->tok = realloc(t->tok, t->cap * sizeof(Token));
        if (!t->tok) { fprintf(stderr, "lzpack: out of memory\n"); exit(2); }
    }
    t->tok[t->count].len = (uint16_t)len;
    t->tok[t->count].dist = (uint16_t)dist;
    t->count++;
    if (len) { t->matches++; t->matched_bytes += len; }
}

/* ---------- match finding (hash chains over a 32 KiB window) ---------- */
typedef struct {
    const uint8_t *in;
    size_t n;
    uint32_t *head; /* HASH_SIZE entries */
    uint32_t *prev; /* WSIZE entries */
    unsigned good, lazy, nice, chain;
} Finder;

static unsigned hash3(const uint8_t *p) {
    return ((p[0] << 10) ^ (p[1] << 5) ^ p[2]) & (HASH_SIZE - 1);
}

static void insert(Finder *f, size_t pos) {
    if (pos + MIN_MATCH > f->n) return;
    unsigned h = hash3(f->in + pos);
    f->prev[pos & WMASK] = f->head[h];
    f->head[h] = (uint32_t)pos;
}

/* Longest match for pos among earlier positions with the same hash; returns its length. */
static unsigned longest(Finder *f, size_t pos, unsigned prev_len, unsigned *dist) {
    unsigned chain = f->chain, best = prev_len;
    if (prev_len >= f->good) chain >>= 2;
    size_t limit = f->n - pos < MAX_MATCH ? f->n - pos : MAX_MATCH;
    if (limit < MIN_MATCH || prev_len >= limit) return 0;
    uint32_t cand = f->head[hash3(f->in + pos)];
    while (cand != NIL && chain--) {
        if (pos - cand > WSIZE - 1 || cand >= pos) break;
        const uint8_t *a = f->in + cand, *b = f->in + pos;
        if (a[best] == b[best] && a[0] == b[0]) {
            unsigned l = 0;
            while (l < limit && a[l] == b[l]) l++;
            if (l > best) {
                best = l;
                *dist = (unsigned)(pos - cand);
                if (l >= f->nice || l == limit) break;
            }
        }
        uint32_t next = f->prev[cand & WMASK];
        if (next != NIL && next >= cand) break;
        cand = next;
    }
    return best > prev_len && best >= MIN_MATCH ? best : 0;
}

/* Greedy: take the longest match at each position (zlib's deflate_fast). */
static void find_greedy(Finder *f, Tokens *t) {
    size_t pos = 0;
    while (pos < f->n) {
        unsigned dist = 0, len = longest(f, pos, MIN_MATCH - 1, &dist);
        if (len) {
            emit(t, len, dist);
            for (unsigned i = 0; i < len; i++) insert(f, pos + i);
            pos += len;
        } else {
            emit(t, 0, f->in[pos]);
            insert(f, pos);
            pos++;
        }
    }
}

/* Lazy: defer a match by one byte when the next position has a longer one (deflate_slow). */
static void find_lazy(Finder *f, Tokens *t) {
    size_t pos = 0;
    unsigned prev_len = 0, prev_dist = 0;
    int have_prev = 0;
    while (pos < f->n) {
        unsigned dist = 0, len = 0;
        if (!have_prev || prev_len < f->lazy) len = longest(f, pos, have_prev ? prev_len : MIN_MATCH - 1, &dist);
        if (have_prev && prev_len >= MIN_MATCH && len <= prev_len) {
            emit(t, prev_len, prev_dist);
            for (unsigned i = 1; i < prev_len; i++) insert(f, pos + i - 1);
            pos += prev_len - 1;
            have_prev = 0;
            prev_len = 0;
            continue;
        }
        if (have_prev) emit(t, 0, f->in[pos - 1]);
        insert(f, pos);
        prev_len = len;
        prev_dist = dist;
        have_prev = 1;
        pos++;
    }
    if (have_prev) {
        if (prev_len >= MIN_MATCH) emit(t, prev_len, prev_dist);
        else emit(t, 0, f->in[pos - 1]);
    }
}

/* Store: literals only (level 0). */
static void find_none(Finder *f, Tokens *t) {
    for (size_t pos = 0; pos < f->n; pos++) emit(t, 0, f->in[pos]);
}

typedef void (*FindFn)(Finder *, Tokens *);
typedef struct {
    unsigned short good, lazy, nice, chain;
    FindFn find;
    const char *name;
} Config;

static const Config config_table[10] = {
    {0, 0, 0, 0, find_none, "store"},
    {4, 4, 8, 4, find_greedy, "fast"},
    {4, 5, 16, 8, find_greedy, "fast"},
    {4, 6, 32, 32, find_greedy, "fast"},
    {4, 4, 16, 16, find_lazy, "lazy"},
    {8, 16, 32, 32, find_lazy, "lazy"},
    {8, 16, 128, 128, find_lazy, "lazy"},
    {8, 32, 128, 256, find_lazy, "lazy"},
    {32, 128, 258, 1024, find_lazy, "lazy"},
    {32, 258, 258, 4096, find_lazy, "lazy"},
};

/* ---------- bit I/O ---------- */
typedef struct {
    uint8_t *buf;
    size_t len, cap;
    uint32_t acc;
    int nbits;
} BitWriter;

static void put_byte(BitWriter *w, uint8_t b) {
    if (w->len == w->cap) {
        w->cap = w->cap ? w->cap * 2 : 8192;
        w->buf = realloc(w->buf, w->cap);
        if (!w->buf) { fprintf(stderr, "lzpack: out of memory\n"); exit(2); }
    }
    w->buf[w->len++] = b;
}

static void put_bits(BitWriter *w, uint32_t value, int n) {
    w->acc |= value << w->nbits;
    w->nbits += n;
    while (w->nbits >= 8) {
        put_byte(w, (uint8_t)w->acc);
        w->acc >>= 8;
        w->nbits -= 8;
    }
}

static void flush_bits(BitWriter *w) {
    if (w->nbits) put_byte(w, (uint8_t)w->acc);
    w->acc = 0;
    w->nbits = 0;
}

typedef struct {
    const uint8_t *buf;
    size_t len, pos;
    uint32_t acc;
    int nbits;
} BitReader;

static uint32_t get_bits(BitReader *r, int n) {
    while (r->nbits < n) {
        uint32_t b = r->pos < r->len ? r->buf[r->pos] : 0;
        r->pos++;
        r->acc |= b << r->nbits;
        r->nbits += 8;
    }
    uint32_t v = r->acc & ((1u << n) - 1);
    r->acc >>= n;
    r->nbits -= n;
    return v;
}

/* ---------- Huffman codes ---------- */
typedef struct { uint32_t freq; int sym, left, right; } Node;

static void sift_down(int *heap, int n, int i, const Node *nodes) {
    for (;;) {
        int l = 2 * i + 1, s = i;
        if (l < n && nodes[heap[l]].freq < nodes[heap[s]].freq) s = l;
        if (l + 1 < n && nodes[heap[l + 1]].freq < nodes[heap[s]].freq) s = l + 1;
        if (s == i) return;
        int tmp = heap[i]; heap[i] = heap[s]; heap[s] = tmp;
        i = s;
    }
}

static void depths(const Node *nodes, int i, int d, uint8_t *lens) {
    /* iterative walk: the tree is at most a few hundred nodes deep */
    int stack[2 * LITLEN_CODES], dstack[2 * LITLEN_CODES], sp = 0;
    stack[sp] = i; dstack[sp++] = d;
    while (sp) {
        sp--;
        int n = stack[sp], dd = dstack[sp];
        if (nodes[n].sym >= 0) { lens[nodes[n].sym] = (uint8_t)(dd ? dd : 1); continue; }
        stack[sp] = nodes[n].left; dstack[sp++] = dd + 1;
        stack[sp] = nodes[n].right; dstack[sp++] = dd + 1;
    }
}

/* Code lengths from frequencies, limited to MAX_BITS by flattening the counts and retrying. */
static void build_lengths(const uint32_t *freq, int n, uint8_t *lens) {
    Node *nodes = malloc(sizeof(Node) * 2 * (size_t)n);
    int *heap = malloc(sizeof(int) * (size_t)n);
    uint32_t *f = malloc(sizeof(uint32_t) * (size_t)n);
    memcpy(f, freq, sizeof(uint32_t) * (size_t)n);
    for (int shift = 0;; shift++) {
        int count = 0, hn = 0;
        memset(lens, 0, (size_t)n);
        for (int s = 0; s < n; s++) {
            if (!f[s]) continue;
            nodes[count] = (Node){f[s], s, -1, -1};
            heap[hn++] = count++;
        }
        if (count == 0) break;
        for (int i = hn / 2 - 1; i >= 0; i--) sift_down(heap, hn, i, nodes);
        while (hn > 1) {
            int a = heap[0];
            heap[0] = heap[--hn];
            sift_down(heap, hn, 0, nodes);
            int b = heap[0];
            nodes[count] = (Node){nodes[a].freq + nodes[b].freq, -1, a, b};
            heap[0] = count++;
            sift_down(heap, hn, 0, nodes);
        }
        depths(nodes, heap[0], 0, lens);
        int max = 0;
        for (int s = 0; s < n; s++) if (lens[s] > max) max = lens[s];
        if (max <= MAX_BITS) break;
        for (int s = 0; s < n; s++) if (f[s]) f[s] = (f[s] >> 1) | 1;
        (void)shift;
    }
    free(f);
    free(heap);
    free(nodes);
}

/* Canonical codes (bit-reversed for LSB-first output). */
static void assign_codes(const uint8_t *lens, int n, uint16_t *codes) {
    uint16_t count[MAX_BITS + 1] = {0}, next[MAX_BITS + 2];
    for (int s = 0; s < n; s++) count[lens[s]]++;
    count[0] = 0;
    uint16_t code = 0;
    for (int b = 1; b <= MAX_BITS; b++) {
        code = (uint16_t)((code + count[b - 1]) << 1);
        next[b] = code;
    }
    for (int s = 0; s < n; s++) {
        int l = lens[s];
        if (!l) continue;
        uint16_t c = next[l]++, r = 0;
        for (int i = 0; i < l; i++) r = (uint16_t)((r << 1) | ((c >> i) & 1));
        codes[s] = r;
    }
}

typedef struct {
    uint16_t count[MAX_BITS + 1];
    uint16_t symbol[LITLEN_CODES];
} Decoder;

static void make_decoder(Decoder *d, const uint8_t *lens, int n) {
    uint16_t offs[MAX_BITS + 1];
    memset(d->count, 0, sizeof d->count);
    for (int s = 0; s < n; s++) d->count[lens[s]]++;
    d->count[0] = 0;
    offs[1] = 0;
    for (int b = 1; b < MAX_BITS; b++) offs[b + 1] = (uint16_t)(offs[b] + d->count[b]);
    for (int s = 0; s < n; s++) if (lens[s]) d->symbol[offs[lens[s]]++] = (uint16_t)s;
}

/* Bit-at-a-time canonical decoding, as zlib's puff.c does. */
static int decode(BitReader *r, const Decoder *d) {
    int code = 0, first = 0, index = 0;
    for (int len = 1; len <= MAX_BITS; len++) {
        code |= (int)get_bits(r, 1);
        int count = d->count[len];
        if (code - count < first) return d->symbol[index + (code - first)];
        index += count;
        first = (first + count) << 1;
        code <<= 1;
    }
    return -1;
}

/* ---------- block format ----------
 * "LZH1", u32 original size, then blocks: 1 bit last, 286 + 30 code lengths of 4 bits,
 * the symbols, end-of-block (256). */
static void write_block(BitWriter *w, const Token *tok, size_t n, int last) {
    uint32_t lf[LITLEN_CODES] = {0}, df[DIST_CODES] = {0};
    for (size_t i = 0; i < n; i++) {
        if (tok[i].len) { lf[257 + len_code(tok[i].len)]++; df[dist_code(tok[i].dist)]++; }
        else lf[tok[i].dist]++;
    }
    lf[256] = 1;
    uint8_t ll[LITLEN_CODES], dl[DIST_CODES];
    uint16_t lc[LITLEN_CODES], dc[DIST_CODES];
    build_lengths(lf, LITLEN_CODES, ll);
    build_lengths(df, DIST_CODES, dl);
    assign_codes(ll, LITLEN_CODES, lc);
    assign_codes(dl, DIST_CODES, dc);
    put_bits(w, (uint32_t)last, 1);
    for (int s = 0; s < LITLEN_CODES; s++) put_bits(w, ll[s], 4);
    for (int s = 0; s < DIST_CODES; s++) put_bits(w, dl[s], 4);
    for (size_t i = 0; i < n; i++) {
        if (!tok[i].len) { put_bits(w, lc[tok[i].dist], ll[tok[i].dist]); continue; }
        int c = len_code(tok[i].len), d = dist_code(tok[i].dist);
        put_bits(w, lc[257 + c], ll[257 + c]);
        put_bits(w, tok[i].len - len_base[c], len_extra[c]);
        put_bits(w, dc[d], dl[d]);
        put_bits(w, tok[i].dist - dist_base[d], dist_extra[d]);
    }
    put_bits(w, lc[256], ll[256]);
}

typedef struct {
    size_t in, out, blocks;
    unsigned long matches, matched;
} Stats;

static uint8_t *compress(const uint8_t *in, size_t n, int level, size_t block_syms, size_t *out_len, Stats *st) {
    const Config *c = &config_table[level];
    Finder f = {in, n, malloc(HASH_SIZE * sizeof(uint32_t)), malloc(WSIZE * sizeof(uint32_t)),
                c->good, c->lazy, c->nice, c->chain};
    if (!f.head || !f.prev) { fprintf(stderr, "lzpack: out of memory\n"); exit(2); }
    memset(f.head, 0xff, HASH_SIZE * sizeof(uint32_t));
    memset(f.prev, 0xff, WSIZE * sizeof(uint32_t));
    Tokens t = {0};
    c->find(&f, &t);
    free(f.head);
    free(f.prev);

    BitWriter w = {0};
    const char magic[4] = {'L', 'Z', 'H', '1'};
    for (int i = 0; i < 4; i++) put_byte(&w, (uint8_t)magic[i]);
    for (int i = 0; i < 4; i++) put_byte(&w, (uint8_t)(n >> (8 * i)));
    size_t blocks = 0;
    for (size_t i = 0; i < t.count || blocks == 0; i += block_syms) {
        size_t m = t.count - i < block_syms ? t.count - i : block_syms;
        write_block(&w, t.tok + i, m, i + m >= t.count);
        blocks++;
    }
    flush_bits(&w);
    st->blocks = blocks;
    st->matches = t.matches;
    st->matched = t.matched_bytes;
    free(t.tok);
    *out_len = w.len;
    return w.buf;
}

static uint8_t *decompress(const uint8_t *in, size_t len, size_t *out_len) {
    if (len < 8 || memcmp(in, "LZH1", 4) != 0) return NULL;
    size_t n = (size_t)in[4] | (size_t)in[5] << 8 | (size_t)in[6] << 16 | (size_t)in[7] << 24;
    uint8_t *out = malloc(n ? n : 1);
    Decoder *lit = malloc(sizeof(Decoder)), *dist = malloc(sizeof(Decoder));
    BitReader r = {in, len, 8, 0, 0};
    size_t pos = 0;
    int last = 0;
    while (!last) {
        uint8_t ll[LITLEN_CODES], dl[DIST_CODES];
        last = (int)get_bits(&r, 1);
        for (int s = 0; s < LITLEN_CODES; s++) ll[s] = (uint8_t)get_bits(&r, 4);
        for (int s = 0; s < DIST_CODES; s++) dl[s] = (uint8_t)get_bits(&r, 4);
        make_decoder(lit, ll, LITLEN_CODES);
        make_decoder(dist, dl, DIST_CODES);
        for (;;) {
            int sym = decode(&r, lit);
            if (sym < 0 || r.pos > len + 4) goto corrupt;
            if (sym < 256) {
                if (pos >= n) goto corrupt;
                out[pos++] = (uint8_t)sym;
                continue;
            }
            if (sym == 256) break;
            int c = sym - 257;
            size_t l = len_base[c] + get_bits(&r, len_extra[c]);
            int d = decode(&r, dist);
            if (d < 0) goto corrupt;
            size_t back = dist_base[d] + get_bits(&r, dist_extra[d]);
            if (back > pos || pos + l > n) goto corrupt;
            for (size_t i = 0; i < l; i++, pos++) out[pos] = out[pos - back];
        }
    }
    free(lit);
    free(dist);
    *out_len = pos;
    return out;
corrupt:
    free(lit);
    free(dist);
    free(out);
    return NULL;
}

/* ---------- built-in inputs ---------- */
static uint32_t rng_state;
static uint32_t rnd(void) {
    rng_state = rng_state * 1103515245u + 12345u;
    return rng_state >> 8;
}

static const char *const words[] = {
    "memory", "module", "linear", "page", "stack", "heap", "region", "pointer", "table", "function",
    "import", "export", "segment", "data", "global", "the", "a", "of", "and", "to", "in", "is", "its",
    "every", "each", "runtime", "host", "instance", "grows", "bounded", "shared", "buffer", "writes",
    "reads", "address", "offset", "plan", "layout", "link", "patch", "relocation", "symbol", "code",
    "with", "without", "one", "many", "small", "large", "bytes", "WebAssembly", "compiler", "interpreter",
};

static size_t gen_text(uint8_t *out, size_t n) {
    size_t pos = 0, col = 0;
    int sentence = 0;
    while (pos < n) {
        const char *w = words[rnd() % (sizeof words / sizeof words[0])];
        size_t wl = strlen(w);
        for (size_t i = 0; i < wl && pos < n; i++) {
            char ch = w[i];
            if (i == 0 && sentence == 0 && ch >= 'a' && ch <= 'z') ch = (char)(ch - 32);
            out[pos++] = (uint8_t)ch;
        }
        col += wl + 1;
        sentence++;
        if (pos < n) {
            if (sentence > 6 && rnd() % 4 == 0) { out[pos++] = '.'; sentence = 0; if (pos >= n) break; }
            out[pos++] = col > 72 ? '\n' : ' ';
            if (col > 72) col = 0;
        }
    }
    return pos;
}

static size_t gen_log(uint8_t *out, size_t n) {
    static const char *const paths[] = {"/index.html", "/api/v1/items", "/static/app.js", "/login", "/api/v1/orders"};
    static const int codes[] = {200, 200, 200, 304, 404, 500};
    size_t pos = 0;
    unsigned t = 36000;
    char line[160];
    while (pos < n) {
        t += rnd() % 7;
        /* one rnd() per statement: C leaves the order of argument evaluation open */
        unsigned net = rnd() % 4, host = rnd() % 256, size = 200 + rnd() % 9000;
        const char *path = paths[rnd() % 5];
        int code = codes[rnd() % 6];
        int len = snprintf(line, sizeof line, "10.0.%u.%u - - [03/Dec/2026:%02u:%02u:%02u +0000] \"GET %s HTTP/1.1\" %d %u\n",
                           net, host, t / 3600 % 24, t / 60 % 60, t % 60, path, code, size);
        for (int i = 0; i < len && pos < n; i++) out[pos++] = (uint8_t)line[i];
    }
    return pos;
}

static size_t gen_table(uint8_t *out, size_t n) {
    size_t pos = 0;
    uint32_t id = 1000, price = 499;
    while (pos + 16 <= n) {
        uint32_t stock = rnd() % 100;
        uint32_t rec[4] = {id++, price, stock, 0x20261203u};
        price += rnd() % 50 - 20;
        memcpy(out + pos, rec, 16);
        pos += 16;
    }
    while (pos < n) out[pos++] = 0;
    return pos;
}

typedef size_t (*GenFn)(uint8_t *, size_t);
static const struct { const char *name; GenFn gen; } inputs[] = {
    {"text", gen_text}, {"log", gen_log}, {"table", gen_table},
};

static int usage(void) {
    fprintf(stderr, "usage: lzpack [-l LEVEL] [-n BYTES] [-s SEED] [-b BLOCK_SYMBOLS] text|log|table...\n");
    return 2;
}

int main(int argc, char **argv) {
    int level = 6;
    size_t n = 32768, block_syms = 16384;
    uint32_t seed = 1;
    int first = 1;
    for (; first < argc && argv[first][0] == '-'; first += 2) {
        if (first + 1 >= argc) return usage();
        long v = strtol(argv[first + 1], NULL, 0);
        switch (argv[first][1]) {
        case 'l': level = (int)v; break;
        case 'n': n = (size_t)v; break;
        case 's': seed = (uint32_t)v; break;
        case 'b': block_syms = (size_t)v; break;
        default: return usage();
        }
    }
    if (level < 0 || level > 9 || block_syms == 0 || first >= argc) return usage();
    crc_init();
    printf("lzpack: level %d (%s), %zu-byte inputs, blocks of %zu symbols\n", level, config_table[level].name, n, block_syms);
    size_t total_in = 0, total_out = 0;
    int failures = 0;
    for (int a = first; a < argc; a++) {
        GenFn gen = NULL;
        for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++)
            if (strcmp(argv[a], inputs[i].name) == 0) gen = inputs[i].gen;
        if (!gen) return usage();
        rng_state = seed;
        uint8_t *in = malloc(n ? n : 1);
        size_t len = gen(in, n), packed_len = 0, unpacked_len = 0;
        Stats st = {0};
        uint8_t *packed = compress(in, len, level, block_syms, &packed_len, &st);
        uint8_t *unpacked = decompress(packed, packed_len, &unpacked_len);
        int ok = unpacked && unpacked_len == len && memcmp(unpacked, in, len) == 0;
        failures += !ok;
        printf("lzpack: %-5s %6zu -> %6zu bytes (%2zu.%zu%%), %zu block%s, %lu matches cover %lu bytes, crc %08x/%08x %s\n",
               argv[a], len, packed_len, packed_len * 100 / (len ? len : 1), packed_len * 1000 / (len ? len : 1) % 10,
               st.blocks, st.blocks == 1 ? "" : "s", st.matches, st.matched, crc32(in, len),
               crc32(packed, packed_len), ok ? "round trip ok" : "ROUND TRIP FAILED");
        total_in += len;
        total_out += packed_len;
        free(unpacked);
        free(packed);
        free(in);
    }
    printf("lzpack: total %zu -> %zu bytes, %d failure%s\n", total_in, total_out, failures, failures == 1 ? "" : "s");
    return failures ? 1 : 0;
}
