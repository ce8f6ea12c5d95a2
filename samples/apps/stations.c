/*
 * stations: queries over a built-in database of weather stations (climate normals), the way a
 * small offline tool ships its data inside the binary. At start it decodes every record of the
 * embedded stations.db (see gen_stations.c) into its own malloc'd struct, then indexes them in a
 * chained hash table by name, a B-tree by annual mean temperature and a grid of 10-degree cells.
 * Each argument is one query:
 *
 *   hottest:N  coldest:N  find:NAME  near:LAT,LON,K  band:LO,HI  countries:N
 *
 * (temperatures in degrees C). Every query prints its answer; the last line has a checksum over
 * all answers and what was allocated and freed.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const unsigned char db[] = {
#embed "stations.db"
};

typedef struct {
    uint32_t id;
    int32_t lat, lon; /* degrees * 10^4 */
    int16_t elev;
    uint16_t country;
    int16_t monthly[12]; /* 0.1 degC */
    int16_t mean, min, max;
    const char *name;
} Station;

static uint32_t u32(size_t at) { return (uint32_t)db[at] | (uint32_t)db[at + 1] << 8 | (uint32_t)db[at + 2] << 16 | (uint32_t)db[at + 3] << 24; }
static uint16_t u16(size_t at) { return (uint16_t)(db[at] | db[at + 1] << 8); }

static unsigned long allocations, frees;
static void *xmalloc(size_t n) {
    void *p = malloc(n);
    if (!p) { fprintf(stderr, "stations: out of memory\n"); exit(3); }
    allocations++;
    return p;
}
static void xfree(void *p) {
    if (p) frees++;
    free(p);
}

/* ---------- hash table by name ---------- */
typedef struct Entry { struct Entry *next; Station *s; } Entry;
static Entry **buckets;
static size_t nbuckets;

static uint32_t name_hash(const char *s) {
    uint32_t h = 2166136261u;
    while (*s) h = (h ^ (uint8_t)*s++) * 16777619u;
    return h;
}

static void hash_put(Station *s) {
    Entry *e = xmalloc(sizeof *e);
    size_t b = name_hash(s->name) & (nbuckets - 1);
    e->s = s;
    e->next = buckets[b];
    buckets[b] = e;
}

static Station *hash_get(const char *name) {
    for (Entry *e = buckets[name_hash(name) & (nbuckets - 1)]; e; e = e->next)
        if (strcmp(e->s->name, name) == 0) return e->s;
    return NULL;
}

/* ---------- B-tree keyed by (annual mean, id) ---------- */
#define ORDER 16 /* at most 2*ORDER-1 keys per node */
typedef struct Node {
    int n, leaf;
    Station *keys[2 * ORDER - 1];
    struct Node *child[2 * ORDER];
} Node;
static Node *root;
static unsigned long btree_nodes;

static int key_less(const Station *a, const Station *b) {
    return a->mean != b->mean ? a->mean < b->mean : a->id < b->id;
}

static Node *new_node(int leaf) {
    Node *x = xmalloc(sizeof *x);
    x->n = 0;
    x->leaf = leaf;
    btree_nodes++;
    return x;
}

static void split_child(Node *x, int i) {
    Node *y = x->child[i], *z = new_node(y->leaf);
    z->n = ORDER - 1;
    memcpy(z->keys, y->keys + ORDER, sizeof(Station *) * (ORDER - 1));
    if (!y->leaf) memcpy(z->child, y->child + ORDER, sizeof(Node *) * ORDER);
    y->n = ORDER - 1;
    memmove(x->child + i + 2, x->child + i + 1, sizeof(Node *) * (size_t)(x->n - i));
    x->child[i + 1] = z;
    memmove(x->keys + i + 1, x->keys + i, sizeof(Station *) * (size_t)(x->n - i));
    x->keys[i] = y->keys[ORDER - 1];
    x->n++;
}

static void btree_insert(Station *s) {
    if (root->n == 2 * ORDER - 1) {
        Node *r = new_node(0);
        r->child[0] = root;
        root = r;
        split_child(r, 0);
    }
    Node *x = root;
    for (;;) {
        int i = x->n - 1;
        if (x->leaf) {
            while (i >= 0 && key_less(s, x->keys[i])) { x->keys[i + 1] = x->keys[i]; i--; }
            x->keys[i + 1] = s;
            x->n++;
            return;
        }
        while (i >= 0 && key_less(s, x->keys[i])) i--;
        i++;
        if (x->child[i]->n == 2 * ORDER - 1) {
            split_child(x, i);
            if (key_less(x->keys[i], s)) i++;
        }
        x = x->child[i];
    }
}

/* In-order walk, ascending or descending; the visitor returns 0 to stop. */
typedef int (*Visit)(Station *s, void *ctx);
static int walk(Node *x, int descending, Visit visit, void *ctx) {
    for (int k = 0; k <= x->n; k++) {
        int i = descending ? x->n - k : k;
        if (!x->leaf && !walk(x->child[i], descending, visit, ctx)) return 0;
        if (k < x->n) {
            Station *s = x->keys[descending ? i - 1 : i];
            if (!visit(s, ctx)) return 0;
        }
    }
    return 1;
}

/* Count keys with lo <= mean <= hi, descending only into subtrees that can hold them. */
static long count_range(Node *x, int lo, int hi) {
    long c = 0;
    for (int i = 0; i <= x->n; i++) {
        int below = i < x->n && x->keys[i]->mean < lo;
        int above = i > 0 && x->keys[i - 1]->mean > hi;
        if (!x->leaf && !below && !above) c += count_range(x->child[i], lo, hi);
        if (i < x->n && x->keys[i]->mean >= lo && x->keys[i]->mean <= hi) c++;
    }
    return c;
}

static void free_tree(Node *x) {
    if (!x->leaf)
        for (int i = 0; i <= x->n; i++) free_tree(x->child[i]);
    xfree(x);
}

/* ---------- grid of 10-degree cells ---------- */
typedef struct { Station **items; size_t n, cap; } Cell;
static Cell grid[18][36];

static void grid_put(Station *s) {
    Cell *c = &grid[(s->lat / 10000 + 90) / 10 % 18][(s->lon / 10000 + 180) / 10 % 36];
    if (c->n == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 8;
        Station **bigger = xmalloc(c->cap * sizeof(Station *));
        if (c->n) memcpy(bigger, c->items, c->n * sizeof(Station *));
        xfree(c->items);
        c->items = bigger;
    }
    c->items[c->n++] = s;
}

/* ---------- queries ---------- */
static uint32_t checksum = 0x811c9dc5u;
static void mix(uint32_t v) { checksum = (checksum ^ v) * 16777619u; }

static const char *country_name(const Station *s) { return (const char *)db + 24 + 4 * s->country; }

static void show(const char *prefix, const Station *s) {
    printf("stations:   %s%-32s %s %8.4f %9.4f %5dm mean %5.1f C (%5.1f .. %5.1f)\n", prefix, s->name,
           country_name(s), s->lat / 1e4, s->lon / 1e4, s->elev, s->mean / 10.0, s->min / 10.0, s->max / 10.0);
    mix(s->id);
}

typedef struct { int left; } Limit;
static int show_visit(Station *s, void *ctx) {
    Limit *l = ctx;
    if (l->left-- <= 0) return 0;
    show("", s);
    return 1;
}

static void q_extreme(const char *arg, int hottest) {
    Limit l = {atoi(arg)};
    printf("stations: %s %d\n", hottest ? "hottest" : "coldest", l.left);
    walk(root, hottest, show_visit, &l);
}

static void q_find(const char *arg) {
    Station *s = hash_get(arg);
    printf("stations: find \"%s\"\n", arg);
    if (s) show("", s); else { printf("stations:   not found\n"); mix(0); }
}

typedef struct { Station *s; double km; } Hit;
static int by_distance(const void *a, const void *b) {
    const Hit *x = a, *y = b;
    if (x->km != y->km) return x->km < y->km ? -1 : 1;
    return x->s->id < y->s->id ? -1 : x->s->id > y->s->id;
}

static double distance_km(double lat1, double lon1, double lat2, double lon2) {
    const double r = 6371.0, rad = 3.14159265358979323846 / 180.0;
    double dlat = (lat2 - lat1) * rad, dlon = (lon2 - lon1) * rad;
    double a = sin(dlat / 2) * sin(dlat / 2) + cos(lat1 * rad) * cos(lat2 * rad) * sin(dlon / 2) * sin(dlon / 2);
    return 2 * r * atan2(sqrt(a), sqrt(1 - a));
}

static void q_near(const char *arg) {
    double lat, lon;
    int k;
    if (sscanf(arg, "%lf,%lf,%d", &lat, &lon, &k) != 3 || k <= 0) { printf("stations: bad near:%s\n", arg); return; }
    printf("stations: %d nearest to %.2f,%.2f\n", k, lat, lon);
    int row = (int)((lat + 90) / 10), col = (int)((lon + 180) / 10);
    size_t n = 0, cap = 64;
    Hit *hits = xmalloc(cap * sizeof *hits);
    for (int r = row - 1; r <= row + 1; r++) {
        if (r < 0 || r >= 18) continue;
        for (int c = col - 1; c <= col + 1; c++) {
            Cell *cell = &grid[r][(c + 36) % 36];
            for (size_t i = 0; i < cell->n; i++) {
                if (n == cap) {
                    cap *= 2;
                    Hit *bigger = xmalloc(cap * sizeof *bigger);
                    memcpy(bigger, hits, n * sizeof *hits);
                    xfree(hits);
                    hits = bigger;
                }
                Station *s = cell->items[i];
                hits[n].s = s;
                hits[n++].km = distance_km(lat, lon, s->lat / 1e4, s->lon / 1e4);
            }
        }
    }
    qsort(hits, n, sizeof *hits, by_distance);
    for (size_t i = 0; i < n && i < (size_t)k; i++) {
        char prefix[16];
        snprintf(prefix, sizeof prefix, "%6.1f km ", hits[i].km);
        show(prefix, hits[i].s);
    }
    xfree(hits);
}

static void q_band(const char *arg) {
    double lo, hi;
    if (sscanf(arg, "%lf,%lf", &lo, &hi) != 2) { printf("stations: bad band:%s\n", arg); return; }
    long c = count_range(root, (int)lrint(lo * 10), (int)lrint(hi * 10));
    printf("stations: %ld stations with an annual mean from %.1f to %.1f C\n", c, lo, hi);
    mix((uint32_t)c);
}

typedef struct { const char *code; long count, mean_sum; int lowest, highest; } CountryStats;
static int by_count(const void *a, const void *b) {
    const CountryStats *x = a, *y = b;
    if (x->count != y->count) return x->count > y->count ? -1 : 1;
    return strcmp(x->code, y->code);
}

static Station **all;
static size_t station_count, country_count;

static void q_countries(const char *arg) {
    int top = atoi(arg);
    CountryStats *cs = xmalloc(country_count * sizeof *cs);
    for (size_t c = 0; c < country_count; c++)
        cs[c] = (CountryStats){(const char *)db + 24 + 4 * c, 0, 0, 32767, -32768};
    for (size_t i = 0; i < station_count; i++) {
        CountryStats *c = &cs[all[i]->country];
        c->count++;
        c->mean_sum += all[i]->mean;
        if (all[i]->elev < c->lowest) c->lowest = all[i]->elev;
        if (all[i]->elev > c->highest) c->highest = all[i]->elev;
    }
    qsort(cs, country_count, sizeof *cs, by_count);
    printf("stations: %d countries with the most stations\n", top);
    for (int i = 0; i < top && (size_t)i < country_count; i++) {
        printf("stations:   %s %5ld stations, mean %5.1f C, elevation %d..%d m\n", cs[i].code, cs[i].count,
               cs[i].mean_sum / 10.0 / (double)cs[i].count, cs[i].lowest, cs[i].highest);
        mix((uint32_t)cs[i].count);
    }
    xfree(cs);
}

typedef void (*Query)(const char *arg);
static void q_hottest(const char *arg) { q_extreme(arg, 1); }
static void q_coldest(const char *arg) { q_extreme(arg, 0); }
static const struct { const char *name; Query run; } queries[] = {
    {"hottest", q_hottest}, {"coldest", q_coldest}, {"find", q_find},
    {"near", q_near}, {"band", q_band}, {"countries", q_countries},
};

int main(int argc, char **argv) {
    if (sizeof db < 24 || memcmp(db, "WXST", 4) != 0 || u32(4) != 1) {
        fprintf(stderr, "stations: embedded database is damaged\n");
        return 2;
    }
    station_count = u32(8);
    country_count = u32(12);
    size_t names = u32(16), records = 24 + 4 * country_count;
    all = xmalloc(station_count * sizeof *all);
    for (nbuckets = 1; nbuckets < station_count; nbuckets <<= 1) {}
    buckets = xmalloc(nbuckets * sizeof *buckets);
    memset(buckets, 0, nbuckets * sizeof *buckets);
    root = new_node(1);
    for (size_t i = 0; i < station_count; i++) {
        size_t at = records + 44 * i;
        Station *s = xmalloc(sizeof *s);
        s->id = u32(at);
        s->lat = (int32_t)u32(at + 4);
        s->lon = (int32_t)u32(at + 8);
        s->elev = (int16_t)u16(at + 12);
        s->country = u16(at + 14);
        int sum = 0;
        s->min = 32767;
        s->max = -32768;
        for (int m = 0; m < 12; m++) {
            int16_t t = (int16_t)u16(at + 16 + 2 * m);
            s->monthly[m] = t;
            sum += t;
            if (t < s->min) s->min = t;
            if (t > s->max) s->max = t;
        }
        s->mean = (int16_t)(sum >= 0 ? (sum + 6) / 12 : -((-sum + 6) / 12));
        s->name = (const char *)db + names + u32(at + 40);
        all[i] = s;
        hash_put(s);
        btree_insert(s);
        grid_put(s);
    }
    printf("stations: %zu stations in %zu countries (%zu-byte database), %lu B-tree nodes\n", station_count,
           country_count, sizeof db, btree_nodes);
    int bad = 0;
    for (int a = 1; a < argc; a++) {
        const char *colon = strchr(argv[a], ':');
        size_t len = colon ? (size_t)(colon - argv[a]) : strlen(argv[a]);
        Query run = NULL;
        for (size_t q = 0; q < sizeof queries / sizeof queries[0]; q++)
            if (strlen(queries[q].name) == len && strncmp(queries[q].name, argv[a], len) == 0) run = queries[q].run;
        if (!run || !colon) { printf("stations: unknown query %s\n", argv[a]); bad++; continue; }
        run(colon + 1);
    }
    /* tear everything down, as a long-running host would between requests */
    for (size_t b = 0; b < nbuckets; b++)
        for (Entry *e = buckets[b], *next; e; e = next) { next = e->next; xfree(e); }
    xfree(buckets);
    free_tree(root);
    for (int r = 0; r < 18; r++)
        for (int c = 0; c < 36; c++) xfree(grid[r][c].items);
    for (size_t i = 0; i < station_count; i++) xfree(all[i]);
    xfree(all);
    printf("stations: checksum %08x, %lu allocations, %lu frees\n", checksum, allocations, frees);
    return bad ? 1 : 0;
}
