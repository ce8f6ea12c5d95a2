/* tokenizer: splits a built-in text into words, counts them and prints the most frequent.
 * Static data: words (.bss hash table), delimiters (.data), text (.rodata).
 * Heap: a malloc'd working copy of the text and a malloc'd array for sorting. */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char text[] =
    "The stack grows down, the heap grows up, and the static data sits still.\n"
    "One memory, many modules: each module keeps its data, its stack and its heap,\n"
    "and the host keeps the rest. The planner writes the plan; the rewriter patches\n"
    "the modules; the validator runs the modules and checks that every store lands\n"
    "in a region the module owns. If a store lands elsewhere, the validator says so.";

char delimiters[16] = " \t\n,.;:!?()\"-";   /* .data */

struct word { const char *text; unsigned count; };
#define TABLE_SIZE 128
static struct word words[TABLE_SIZE];       /* .bss */
static unsigned distinct;                   /* .bss */

static uint32_t hash(const char *s) {
  uint32_t h = 2166136261u;
  while (*s) h = (h ^ (uint8_t)*s++) * 16777619u;
  return h;
}

static void add(const char *w) {
  for (uint32_t i = hash(w) % TABLE_SIZE;; i = (i + 1) % TABLE_SIZE) {
    if (!words[i].text) { words[i].text = w; words[i].count = 1; distinct++; return; }
    if (strcmp(words[i].text, w) == 0) { words[i].count++; return; }
  }
}

static int by_count_then_text(const void *a, const void *b) {
  const struct word *x = *(const struct word *const *)a, *y = *(const struct word *const *)b;
  if (x->count != y->count) return x->count < y->count ? 1 : -1;
  return strcmp(x->text, y->text);
}

int main(void) {
  char *buf = malloc(sizeof text);
  if (!buf) { printf("tokenizer: out of memory\n"); return 1; }
  memcpy(buf, text, sizeof text);
  for (char *p = buf; *p; p++) *p = (char)tolower((unsigned char)*p);

  unsigned tokens = 0, longest = 0;
  const char *longest_word = "";
  for (char *t = strtok(buf, delimiters); t; t = strtok(NULL, delimiters)) {
    tokens++;
    if (strlen(t) > longest) { longest = strlen(t); longest_word = t; }
    add(t);
  }

  struct word **sorted = malloc(distinct * sizeof *sorted);
  if (!sorted) { printf("tokenizer: out of memory\n"); return 1; }
  unsigned k = 0;
  for (unsigned i = 0; i < TABLE_SIZE; i++)
    if (words[i].text) sorted[k++] = &words[i];
  qsort(sorted, k, sizeof *sorted, by_count_then_text);

  printf("tokenizer: %u characters, %u tokens, %u distinct words\n",
         (unsigned)strlen(text), tokens, distinct);
  printf("tokenizer: longest word \"%s\" (%u letters)\n", longest_word, longest);
  for (unsigned i = 0; i < 8 && i < k; i++)
    printf("tokenizer: #%u %-10s %u\n", i + 1, sorted[i]->text, sorted[i]->count);
  free(sorted);
  free(buf);
  return 0;
}
