/*
 * Writes stations.db, the weather-station database that stations.c embeds (#embed): synthetic
 * but shaped like real climate normals. Built and run on the build machine by build.sh; the output
 * depends only on this file (fixed-width integer arithmetic, explicit little-endian).
 *
 *   gen_stations OUT COUNT
 *
 * Layout (all little-endian):
 *   header   "WXST", u32 version (1), u32 station count, u32 country count,
 *            u32 offset of the name pool, u32 size of the name pool
 *   countries  count x 4 bytes: ISO-3166 alpha-3 code, NUL-padded
 *   stations   count x 44 bytes: u32 id, i32 latitude * 10^4, i32 longitude * 10^4,
 *              i16 elevation (m), u16 country, i16 x 12 monthly mean temperature (0.1 degC),
 *              u32 name offset in the pool
 *   name pool  NUL-terminated upper-case names, unique
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint32_t state = 20261203u;
static uint32_t rnd(void) { /* xorshift32 */
    state ^= state << 13;
    state ^= state >> 17;
    state ^= state << 5;
    return state;
}
static int32_t between(int32_t lo, int32_t hi) { return lo + (int32_t)(rnd() % (uint32_t)(hi - lo + 1)); }

static const char *const countries[] = {
    "ARG", "AUS", "AUT", "BEL", "BRA", "CAN", "CHE", "CHL", "CHN", "COL", "CZE", "DEU", "DNK", "EGY",
    "ESP", "FIN", "FRA", "GBR", "GRC", "IDN", "IND", "IRL", "ISL", "ITA", "JPN", "KEN", "KOR", "MAR",
    "MEX", "MNG", "NGA", "NLD", "NOR", "NZL", "PER", "POL", "PRT", "ROU", "RUS", "SWE", "THA", "TUR",
    "UKR", "USA", "VNM", "ZAF",
};
/* highest station (m) per country, in the order above */
static const int16_t highest[] = {
    4500, 2200, 3000, 650, 2800, 3500, 3500, 4500, 4800, 4000, 1500, 2900, 170, 2600,
    3400, 1300, 4000, 1300, 2900, 4000, 4500, 1000, 2100, 3500, 3700, 4500, 1900, 4100,
    4500, 4000, 2000, 320, 2400, 3700, 4800, 2400, 2300, 2500, 4500, 2100,
    2500, 4000, 2000, 4200, 3100, 3400,
};
_Static_assert(sizeof highest / sizeof highest[0] == sizeof countries / sizeof countries[0], "one per country");
/* rough latitude / longitude boxes (degrees) so stations land where their country is */
static const int16_t boxes[][4] = {
    {-55, -22, -73, -54}, {-43, -11, 113, 153}, {46, 49, 9, 17}, {49, 51, 2, 6}, {-33, 5, -73, -35},
    {42, 75, -141, -52}, {45, 47, 6, 10}, {-55, -18, -75, -67}, {18, 53, 73, 134}, {-4, 12, -79, -67},
    {48, 51, 12, 18}, {47, 55, 6, 15}, {54, 57, 8, 15}, {22, 31, 25, 35}, {36, 43, -9, 3},
    {60, 70, 20, 31}, {42, 51, -5, 8}, {50, 58, -7, 2}, {35, 41, 20, 28}, {-10, 5, 95, 141},
    {8, 35, 68, 97}, {51, 55, -10, -6}, {63, 66, -24, -13}, {37, 47, 7, 18}, {31, 45, 130, 145},
    {-4, 4, 34, 41}, {34, 38, 126, 129}, {28, 35, -13, -1}, {15, 32, -117, -87}, {42, 52, 88, 119},
    {4, 13, 3, 14}, {51, 53, 4, 7}, {58, 71, 5, 30}, {-47, -35, 167, 178}, {-18, -1, -81, -69},
    {49, 54, 14, 24}, {37, 42, -9, -6}, {44, 48, 21, 29}, {42, 72, 30, 170}, {55, 69, 11, 24},
    {6, 20, 98, 105}, {36, 42, 26, 44}, {45, 52, 22, 40}, {25, 49, -124, -67}, {9, 23, 102, 109},
    {-34, -23, 17, 32},
};
#define N_COUNTRIES (sizeof countries / sizeof countries[0])

static const char *const first[] = {
    "ALDER", "ASH", "BAY", "BEECH", "BIRCH", "BLACK", "BRIGHT", "BROOK", "CEDAR", "CLEAR", "COLD",
    "CROW", "DEER", "EAST", "ELM", "FAIR", "FERN", "FOX", "GLEN", "GRAND", "GREEN", "GREY", "HAWK",
    "HIGH", "HILL", "IRON", "KING", "LAKE", "LONG", "MAPLE", "MILL", "MOSS", "NEW", "NORTH", "OAK",
    "OLD", "PINE", "RED", "RIVER", "ROCK", "ROSE", "SALT", "SAND", "SHORE", "SILVER", "SOUTH",
    "SPRING", "STONE", "SUMMER", "SUN", "SWAN", "WEST", "WHITE", "WILLOW", "WIND", "WINTER", "WOLF",
};
static const char *const second[] = {
    "BRIDGE", "BURG", "BURY", "CLIFF", "COMBE", "CREEK", "DALE", "DEN", "FIELD", "FORD", "GATE",
    "HAM", "HAVEN", "HEAD", "HOLM", "HURST", "LAND", "LEY", "MEAD", "MOOR", "MOUTH", "PORT", "STEAD",
    "STOKE", "THORPE", "TON", "VALE", "VILLE", "WATER", "WELL", "WICK", "WOOD", "WORTH",
};
static const char *const kinds[] = {
    "", "", "", " AIRPORT", " HARBOUR", " OBSERVATORY", " RIDGE", " PASS", " POINT", " LIGHTHOUSE",
    " AGRICULTURAL STATION", " EXPERIMENTAL FARM", " RESERVOIR", " MOUNTAIN", " ISLAND", " CITY",
};

static void put16(FILE *f, uint16_t v) { fputc(v & 0xff, f); fputc(v >> 8, f); }
static void put32(FILE *f, uint32_t v) { put16(f, (uint16_t)v); put16(f, (uint16_t)(v >> 16)); }

/* open-addressing set of name hashes + pool offsets, to keep names unique */
static char *pool;
static uint32_t pool_len, pool_cap, *slots, nslots;

static uint32_t hash(const char *s) {
    uint32_t h = 2166136261u;
    while (*s) h = (h ^ (uint8_t)*s++) * 16777619u;
    return h;
}

static int add_name(const char *name, uint32_t *offset) {
    uint32_t h = hash(name) & (nslots - 1);
    while (slots[h] != UINT32_MAX) {
        if (strcmp(pool + slots[h], name) == 0) return 0;
        h = (h + 1) & (nslots - 1);
    }
    size_t n = strlen(name) + 1;
    if (pool_len + n > pool_cap) {
        pool_cap = pool_cap * 2 + (uint32_t)n;
        pool = realloc(pool, pool_cap);
    }
    memcpy(pool + pool_len, name, n);
    slots[h] = *offset = pool_len;
    pool_len += (uint32_t)n;
    return 1;
}

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: gen_stations OUT COUNT\n"); return 2; }
    uint32_t count = (uint32_t)strtoul(argv[2], NULL, 10);
    for (nslots = 1; nslots < count * 2; nslots <<= 1) {}
    slots = malloc(nslots * sizeof *slots);
    memset(slots, 0xff, nslots * sizeof *slots);
    uint32_t *name_off = malloc(count * sizeof *name_off);
    for (uint32_t i = 0; i < count; i++) {
        char name[96];
        do {
            /* one rnd() per statement: C leaves the order of argument evaluation open */
            const char *a = first[rnd() % (sizeof first / sizeof first[0])];
            const char *b = second[rnd() % (sizeof second / sizeof second[0])];
            const char *k = kinds[rnd() % (sizeof kinds / sizeof kinds[0])];
            int n = snprintf(name, sizeof name, "%s%s%s", a, b, k);
            if (rnd() % 5 == 0) snprintf(name + n, sizeof name - (size_t)n, " %u", 2 + rnd() % 9);
        } while (!add_name(name, &name_off[i]));
    }

    FILE *f = fopen(argv[1], "wb");
    if (!f) { perror(argv[1]); return 1; }
    uint32_t header = 24, table = 4 * (uint32_t)N_COUNTRIES, rec = 44;
    fwrite("WXST", 1, 4, f);
    put32(f, 1);
    put32(f, count);
    put32(f, (uint32_t)N_COUNTRIES);
    put32(f, header + table + count * rec);
    put32(f, pool_len);
    for (size_t c = 0; c < N_COUNTRIES; c++) { fwrite(countries[c], 1, 3, f); fputc(0, f); }
    uint32_t id = 10000;
    for (uint32_t i = 0; i < count; i++) {
        uint16_t c = (uint16_t)(rnd() % N_COUNTRIES);
        int32_t lat = between(boxes[c][0] * 10000, boxes[c][1] * 10000);
        int32_t lon = between(boxes[c][2] * 10000, boxes[c][3] * 10000);
        int32_t alat = lat < 0 ? -lat : lat;
        /* a third of the stations near sea level, the rest up to the country's highest; NLD has a
           few below it */
        int32_t top = highest[c];
        int32_t elev = rnd() % 3 == 0 ? between(top < 400 ? -5 : 0, 60) : between(0, (int32_t)(rnd() % (uint32_t)top) + 1);
        /* annual mean falls with latitude and height (6.5 K/km); the seasonal swing grows with
           latitude and is mirrored south of the equator */
        int32_t mean = 270 - alat * 45 / 100000 - elev * 65 / 1000 + between(-15, 15);
        int32_t swing = 10 + alat * 30 / 100000 + between(0, 25);
        put32(f, id);
        id += 1 + rnd() % 40;
        put32(f, (uint32_t)lat);
        put32(f, (uint32_t)lon);
        put16(f, (uint16_t)(int16_t)elev);
        put16(f, c);
        for (int m = 0; m < 12; m++) {
            /* a triangle wave peaking in July (north) or January (south) */
            static const int8_t shape[12] = {-10, -8, -4, 0, 4, 8, 10, 8, 4, 0, -4, -8};
            int32_t s = lat >= 0 ? shape[m] : -shape[m];
            put16(f, (uint16_t)(int16_t)(mean + swing * s / 10 + between(-8, 8)));
        }
        put32(f, name_off[i]);
    }
    fwrite(pool, 1, pool_len, f);
    if (fclose(f) != 0) { perror(argv[1]); return 1; }
    return 0;
}
