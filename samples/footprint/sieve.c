/* sieve: primes below LIMIT with the sieve of Eratosthenes.
 * Static data: composite (.bss, 30000 bytes), report_step (.data).
 * Heap: the list of primes, malloc'd once their number is known. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define LIMIT 30000
static unsigned char composite[LIMIT];   /* .bss */
unsigned report_step = 5000;             /* .data */

int main(void) {
  composite[0] = composite[1] = 1;
  for (unsigned i = 2; i * i < LIMIT; i++)
    if (!composite[i])
      for (unsigned j = i * i; j < LIMIT; j += i) composite[j] = 1;

  unsigned count = 0;
  for (unsigned i = 0; i < LIMIT; i++) {
    if (!composite[i]) count++;
    if ((i + 1) % report_step == 0)
      printf("sieve: %5u primes below %u\n", count, i + 1);
  }

  unsigned *primes = malloc(count * sizeof *primes);
  if (!primes) { printf("sieve: out of memory\n"); return 1; }
  unsigned k = 0, twins = 0;
  uint32_t sum = 0;
  for (unsigned i = 2; i < LIMIT; i++)
    if (!composite[i]) {
      primes[k++] = i;
      sum += i;
      if (k > 1 && primes[k - 1] - primes[k - 2] == 2) twins++;
    }
  unsigned widest = 0, after = 0;
  for (unsigned i = 1; i < k; i++)
    if (primes[i] - primes[i - 1] > widest) { widest = primes[i] - primes[i - 1]; after = primes[i - 1]; }

  printf("sieve: last primes %u %u %u %u %u\n", primes[k - 5], primes[k - 4], primes[k - 3],
         primes[k - 2], primes[k - 1]);
  printf("sieve: sum %u, twin pairs %u, widest gap %u after %u\n", (unsigned)sum, twins, widest, after);
  free(primes);
  return 0;
}
