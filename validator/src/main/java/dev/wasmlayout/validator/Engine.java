package dev.wasmlayout.validator;

/** How Chicory runs the modules. COMPILER turns each module into JVM bytecode at run time. */
public enum Engine {
    INTERPRETER, COMPILER
}
