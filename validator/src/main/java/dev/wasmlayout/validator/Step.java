package dev.wasmlayout.validator;

/** One thing the validator does, in order. */
public sealed interface Step permits RunStep, LoadStep, DumpStep {
}
