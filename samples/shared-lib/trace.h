/* trace.h: the optional tracing module. When the manifest leaves `trace` out, wasm-layout
 * binds this import to a stub that does nothing. */
#ifndef TRACE_H
#define TRACE_H
__attribute__((import_module("trace"), import_name("trace"))) void trace(int event);
#endif
