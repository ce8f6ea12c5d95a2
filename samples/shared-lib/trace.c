/* trace: an optional WASI reactor that logs events for the apps.
 *   trace(event)  prints "[trace] #<n> app<event / 100> event <event % 100>"
 * Static data: sequence (.data), per_app (.bss). */
#include <stdio.h>

unsigned sequence = 1;            /* .data */
static unsigned per_app[8];       /* .bss */

__attribute__((export_name("trace"))) void trace(int event) {
  unsigned app = (unsigned)event / 100 % 8;
  per_app[app]++;
  printf("[trace] #%u app%u event %d (app total %u)\n", sequence++, app, event % 100, per_app[app]);
  fflush(stdout);
}
