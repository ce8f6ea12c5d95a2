/* transform: a libc-free reactor that rewrites a host-provided buffer in place.
 *   transform(ptr, len)  rot-N (N = shift, 13 by default) on the letters, returns letters changed
 *   upper(ptr, len)      upper-cases the letters, returns letters changed
 *   set_shift(n)         changes N, returns the previous value
 *   report()             prints call count and the most frequent letter seen
 * Every call logs one line with WASI fd_write straight from the host's buffer (zero-copy: the
 * iovec points into the host region). No libc means there is a position-independent variant too.
 * Static data: shift and label (.data), calls and letters_seen (.bss), mode names (.rodata). */
#include <stddef.h>
#include <stdint.h>

struct ciovec { const void *buf; size_t len; };
__attribute__((import_module("wasi_snapshot_preview1"), import_name("fd_write")))
uint16_t fd_write(int fd, const struct ciovec *iovs, size_t n, size_t *written);

uint32_t shift = 13;                 /* .data */
char label[12] = "transform";        /* .data */
static uint32_t calls;               /* .bss */
static uint32_t letters_seen[26];    /* .bss */
static const char *const mode_names[2] = {"rot", "upper"};

static size_t put_str(char *out, const char *s) {
  size_t n = 0;
  while (s[n]) { out[n] = s[n]; n++; }
  return n;
}

static size_t put_uint(char *out, uint32_t v) {
  char tmp[10];
  size_t n = 0, k = 0;
  do { tmp[n++] = (char)('0' + v % 10); v /= 10; } while (v);
  while (n) out[k++] = tmp[--n];
  return k;
}

/* "<label> <mode><shift> <len>: " + the buffer itself + "\n", in one fd_write */
__attribute__((noinline)) static void log_line(int mode, const uint8_t *buf, uint32_t len) {
  char head[48];
  size_t n = put_str(head, label);
  head[n++] = ' ';
  n += put_str(head + n, mode_names[mode]);
  if (mode == 0) n += put_uint(head + n, shift);
  head[n++] = ' ';
  n += put_uint(head + n, len);
  head[n++] = ':';
  head[n++] = ' ';
  struct ciovec iov[3] = {{head, n}, {buf, len}, {"\n", 1}};
  size_t written;
  fd_write(1, iov, 3, &written);
}

static int is_lower(uint8_t c) { return c >= 'a' && c <= 'z'; }
static int is_upper(uint8_t c) { return c >= 'A' && c <= 'Z'; }

__attribute__((export_name("transform"))) int transform(uint8_t *buf, int len) {
  int changed = 0;
  calls++;
  for (int i = 0; i < len; i++) {
    uint8_t c = buf[i], base;
    if (is_lower(c)) base = 'a';
    else if (is_upper(c)) base = 'A';
    else continue;
    letters_seen[c - base]++;
    buf[i] = (uint8_t)(base + (c - base + shift) % 26);
    changed++;
  }
  log_line(0, buf, (uint32_t)len);
  return changed;
}

__attribute__((export_name("upper"))) int upper(uint8_t *buf, int len) {
  int changed = 0;
  calls++;
  for (int i = 0; i < len; i++)
    if (is_lower(buf[i])) {
      letters_seen[buf[i] - 'a']++;
      buf[i] = (uint8_t)(buf[i] - 'a' + 'A');
      changed++;
    }
  log_line(1, buf, (uint32_t)len);
  return changed;
}

__attribute__((export_name("set_shift"))) int set_shift(int n) {
  int old = (int)shift;
  shift = (uint32_t)(((n % 26) + 26) % 26);
  return old;
}

__attribute__((export_name("report"))) void report(void) {
  uint32_t best = 0;
  for (uint32_t i = 1; i < 26; i++)
    if (letters_seen[i] > letters_seen[best]) best = i;
  char line[64];
  size_t n = put_str(line, label);
  n += put_str(line + n, " calls=");
  n += put_uint(line + n, calls);
  n += put_str(line + n, " most frequent letter=");
  line[n++] = (char)('a' + best);
  line[n++] = ' ';
  n += put_uint(line + n, letters_seen[best]);
  line[n++] = '\n';
  struct ciovec iov = {line, n};
  size_t written;
  fd_write(1, &iov, 1, &written);
}
