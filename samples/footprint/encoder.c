/* encoder: base64 encode/decode round trips.
 * Static data: alphabet (.data), reverse (.bss, built at run time), inputs (pointer table in
 * .rodata, so the data section itself carries relocations). Heap: encode/decode buffers. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char alphabet[65] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";  /* .data */
static signed char reverse[256];   /* .bss */

static const char *const inputs[] = {
    "", "f", "fo", "foo", "foob", "fooba", "foobar",
    "one memory, many modules",
    "pointers are valid everywhere",
};

static char *encode(const uint8_t *in, size_t n) {
  char *out = malloc(4 * ((n + 2) / 3) + 1), *o = out;
  if (!out) return NULL;
  for (size_t i = 0; i < n; i += 3) {
    uint32_t v = (uint32_t)in[i] << 16;
    if (i + 1 < n) v |= (uint32_t)in[i + 1] << 8;
    if (i + 2 < n) v |= in[i + 2];
    *o++ = alphabet[(v >> 18) & 63];
    *o++ = alphabet[(v >> 12) & 63];
    *o++ = i + 1 < n ? alphabet[(v >> 6) & 63] : '=';
    *o++ = i + 2 < n ? alphabet[v & 63] : '=';
  }
  *o = 0;
  return out;
}

static uint8_t *decode(const char *in, size_t *n) {
  size_t len = strlen(in);
  uint8_t *out = malloc(len / 4 * 3 + 1), *o = out;
  if (!out) return NULL;
  for (size_t i = 0; i + 3 < len; i += 4) {
    uint32_t v = 0;
    int pad = 0;
    for (int k = 0; k < 4; k++) {
      char c = in[i + k];
      if (c == '=') { pad++; v <<= 6; continue; }
      v = (v << 6) | (uint32_t)reverse[(uint8_t)c];
    }
    *o++ = (uint8_t)(v >> 16);
    if (pad < 2) *o++ = (uint8_t)(v >> 8);
    if (pad < 1) *o++ = (uint8_t)v;
  }
  *n = (size_t)(o - out);
  return out;
}

static int round_trip(const uint8_t *in, size_t n, char **encoded) {
  size_t m = 0;
  *encoded = encode(in, n);
  if (!*encoded) return 0;
  uint8_t *back = decode(*encoded, &m);
  int ok = back && m == n && memcmp(back, in, n) == 0;
  free(back);
  return ok;
}

int main(void) {
  memset(reverse, -1, sizeof reverse);
  for (int i = 0; i < 64; i++) reverse[(uint8_t)alphabet[i]] = (signed char)i;

  unsigned failures = 0;
  for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
    char *enc;
    int ok = round_trip((const uint8_t *)inputs[i], strlen(inputs[i]), &enc);
    failures += !ok;
    printf("encoder: %-31s -> %-40s %s\n", inputs[i], enc ? enc : "(oom)", ok ? "ok" : "MISMATCH");
    free(enc);
  }

  uint8_t *all = malloc(256);
  if (!all) { printf("encoder: out of memory\n"); return 1; }
  for (int i = 0; i < 256; i++) all[i] = (uint8_t)(255 - i);
  char *enc;
  int ok = round_trip(all, 256, &enc);
  failures += !ok;
  uint32_t h = 0;
  for (const char *p = enc; p && *p; p++) h = h * 31 + (uint8_t)*p;
  printf("encoder: 256 binary bytes -> %u characters, hash %08x, %s\n",
         enc ? (unsigned)strlen(enc) : 0, (unsigned)h, ok ? "ok" : "MISMATCH");
  free(enc);
  free(all);
  printf("encoder: %u failures\n", failures);
  return failures != 0;
}
