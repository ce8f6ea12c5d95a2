/* checksum: CRC-32 and Adler-32 of a built-in buffer, computed on a heap copy.
 * Static data: crc_table (.bss, filled at run time), adler_modulus and chunk_sizes (.data),
 * message (.rodata). Heap: one malloc'd copy of the message. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char message[] =
    "WebAssembly modules usually get one linear memory each. wasm-layout plans a single "
    "memory for several modules: every module gets its own static data, stack and heap, "
    "shared buffers sit between them, and pointers mean the same thing everywhere.";

static uint32_t crc_table[256];            /* .bss */
static unsigned table_ready;               /* .bss */
uint32_t adler_modulus = 65521;            /* .data */
unsigned chunk_sizes[4] = {1, 7, 64, 0};   /* .data, 0 = whole buffer at once */

static void crc_init(void) {
  for (uint32_t n = 0; n < 256; n++) {
    uint32_t c = n;
    for (int k = 0; k < 8; k++) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    crc_table[n] = c;
  }
  table_ready = 1;
}

static uint32_t crc32_update(uint32_t crc, const uint8_t *p, size_t n) {
  if (!table_ready) crc_init();
  crc = ~crc;
  while (n--) crc = crc_table[(crc ^ *p++) & 0xFF] ^ (crc >> 8);
  return ~crc;
}

static uint32_t crc32_chunked(const uint8_t *p, size_t n, size_t chunk) {
  uint32_t crc = 0;
  if (chunk == 0) chunk = n;
  for (size_t off = 0; off < n; off += chunk)
    crc = crc32_update(crc, p + off, n - off < chunk ? n - off : chunk);
  return crc;
}

static uint32_t adler32(const uint8_t *p, size_t n) {
  uint32_t a = 1, b = 0;
  for (size_t i = 0; i < n; i++) {
    a = (a + p[i]) % adler_modulus;
    b = (b + a) % adler_modulus;
  }
  return (b << 16) | a;
}

int main(void) {
  size_t n = strlen(message);
  uint8_t *copy = malloc(n);
  if (!copy) { printf("checksum: out of memory\n"); return 1; }
  memcpy(copy, message, n);

  printf("checksum: self-test crc32(\"123456789\") = %08x (expect cbf43926)\n",
         (unsigned)crc32_update(0, (const uint8_t *)"123456789", 9));
  printf("checksum: self-test adler32(\"Wikipedia\") = %08x (expect 11e60398)\n",
         (unsigned)adler32((const uint8_t *)"Wikipedia", 9));
  printf("checksum: message is %u bytes\n", (unsigned)n);
  for (int i = 0; i < 4; i++)
    printf("checksum: crc32 in chunks of %3u = %08x\n", chunk_sizes[i],
           (unsigned)crc32_chunked(copy, n, chunk_sizes[i]));
  printf("checksum: adler32 = %08x\n", (unsigned)adler32(copy, n));
  copy[n / 2] ^= 0x20;
  printf("checksum: after flipping one bit crc32 = %08x adler32 = %08x\n",
         (unsigned)crc32_chunked(copy, n, 0), (unsigned)adler32(copy, n));
  free(copy);
  return 0;
}
