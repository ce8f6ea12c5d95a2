/* probe: prints what WASI tells a program about its standard streams and how the calls a C program
 * makes on them behave, so the validator's WASI can be compared with node:wasi on the same run
 * (stdin a file, stdout and stderr pipes, as `probe < input.txt | cat` makes them). Only values that
 * do not depend on the machine are printed: no inode numbers, no times. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <wasi/api.h>

static void fdstat(int fd) {
  __wasi_fdstat_t s;
  __wasi_errno_t e = __wasi_fd_fdstat_get(fd, &s);
  if (e) { printf("fd %d fdstat: errno %d\n", fd, e); return; }
  printf("fd %d fdstat: filetype %d flags 0x%x rights 0x%llx inheriting 0x%llx\n", fd, s.fs_filetype, s.fs_flags,
         (unsigned long long)s.fs_rights_base, (unsigned long long)s.fs_rights_inheriting);
}

static void filestat(int fd) {
  __wasi_filestat_t s;
  __wasi_errno_t e = __wasi_fd_filestat_get(fd, &s);
  if (e) { printf("fd %d filestat: errno %d\n", fd, e); return; }
  printf("fd %d filestat: filetype %d nlink %llu size %llu\n", fd, s.filetype, (unsigned long long)s.nlink,
         (unsigned long long)s.size);
}

static void seek(int fd, long long offset, int whence) {
  __wasi_filesize_t at = 0;
  __wasi_errno_t e = __wasi_fd_seek(fd, offset, whence, &at);
  printf("fd %d seek %lld/%d: errno %d at %llu\n", fd, offset, whence, e, e ? 0ULL : (unsigned long long)at);
}

static void tell(int fd) {
  __wasi_filesize_t at = 0;
  __wasi_errno_t e = __wasi_fd_tell(fd, &at);
  printf("fd %d tell: errno %d at %llu\n", fd, e, e ? 0ULL : (unsigned long long)at);
}

static void readsome(int fd, size_t n) {
  char buf[64] = {0};
  __wasi_iovec_t iov = {(uint8_t *)buf, n};
  __wasi_size_t got = 0;
  __wasi_errno_t e = __wasi_fd_read(fd, &iov, 1, &got);
  printf("fd %d read %zu: errno %d got %lu \"%.*s\"\n", fd, n, e, e ? 0UL : (unsigned long)got, e ? 0 : (int)got, buf);
}

static void preadsome(int fd, size_t n, long long offset) {
  char buf[64] = {0};
  __wasi_iovec_t iov = {(uint8_t *)buf, n};
  __wasi_size_t got = 0;
  __wasi_errno_t e = __wasi_fd_pread(fd, &iov, 1, offset, &got);
  printf("fd %d pread %zu@%lld: errno %d got %lu \"%.*s\"\n", fd, n, offset, e, e ? 0UL : (unsigned long)got, e ? 0 : (int)got, buf);
}

static void writesome(int fd, const char *text) {
  __wasi_ciovec_t iov = {(const uint8_t *)text, strlen(text)};
  __wasi_size_t put = 0;
  __wasi_errno_t e = __wasi_fd_write(fd, &iov, 1, &put);
  /* what went to fd 1 or 2 is in the stream itself; say only what the call returned */
  printf("fd %d write %zu: errno %d put %lu\n", fd, strlen(text), e, e ? 0UL : (unsigned long)put);
}

static void pwritesome(int fd, const char *text, long long offset) {
  __wasi_ciovec_t iov = {(const uint8_t *)text, strlen(text)};
  __wasi_size_t put = 0;
  __wasi_errno_t e = __wasi_fd_pwrite(fd, &iov, 1, offset, &put);
  printf("fd %d pwrite %zu@%lld: errno %d put %lu\n", fd, strlen(text), offset, e, e ? 0UL : (unsigned long)put);
}

int main(void) {
  for (int fd = 0; fd <= 3; fd++) {
    fdstat(fd);
    filestat(fd);
    printf("fd %d isatty %d\n", fd, isatty(fd));
  }
  __wasi_prestat_t pre;
  printf("fd 3 prestat: errno %d\n", __wasi_fd_prestat_get(3, &pre));
  /* stdin: a file can be read, told, sought and pread */
  readsome(0, 6);
  tell(0);
  seek(0, 0, __WASI_WHENCE_END);
  readsome(0, 6);
  seek(0, 2, __WASI_WHENCE_SET);
  readsome(0, 4);
  seek(0, -3, __WASI_WHENCE_CUR);
  readsome(0, 3);
  preadsome(0, 5, 1);
  tell(0);
  seek(0, -1, __WASI_WHENCE_SET);
  writesome(0, "x");
  pwritesome(0, "x", 0);
  /* stdout and stderr: pipes cannot seek; they cannot be read */
  fflush(stdout);
  seek(1, 0, __WASI_WHENCE_CUR);
  tell(2);
  readsome(1, 1);
  preadsome(1, 1, 0);
  pwritesome(2, "x", 0);
  writesome(2, "to stderr\n");
  writesome(1, "to stdout\n");
  writesome(1, "");
  printf("fd 1 set_flags append: errno %d\n", __wasi_fd_fdstat_set_flags(1, __WASI_FDFLAGS_APPEND));
  printf("fd 0 set_flags 0: errno %d\n", __wasi_fd_fdstat_set_flags(0, 0));
  printf("fd 9 close: errno %d\n", __wasi_fd_close(9));
  printf("fd 0 close: errno %d\n", __wasi_fd_close(0));
  readsome(0, 1);
  fdstat(0);
  return 0;
}
