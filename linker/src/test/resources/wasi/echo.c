/* echo: prints its arguments, one environment variable and the lines it reads from stdin, upper-cased.
 * The validator's WASI gives each module its own argv, env and stdin from the manifest. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
  for (int i = 0; i < argc; i++) printf("argv[%d] = %s\n", i, argv[i]);
  const char *greeting = getenv("GREETING");
  printf("GREETING = %s\n", greeting ? greeting : "(unset)");
  char line[128];
  int n = 0;
  while (fgets(line, sizeof line, stdin)) {
    for (char *p = line; *p; p++) *p = (char)toupper((unsigned char)*p);
    printf("stdin %d: %s", ++n, line);
  }
  return n;
}
