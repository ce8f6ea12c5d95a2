package dev.wasmlayout.validator;

import com.dylibso.chicory.runtime.Instance;

/** A module of the set once instantiated: its instance and its WASI host. */
record LinkedModule(String name, Instance instance, WasiHost wasi) {
}
