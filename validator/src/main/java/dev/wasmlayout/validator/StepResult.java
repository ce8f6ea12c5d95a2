package dev.wasmlayout.validator;

/**
 * What one step did. {@code exitCode} is null when the module did not exit (an export that returned);
 * {@code failure} is null when the step succeeded and met its expectations. Host steps use module "host"
 * and export "load"/"dump"; a module that could not be instantiated is reported with export "(instantiate)".
 */
public record StepResult(String module, String export, Integer exitCode, String stdout, String stderr, long millis,
                         String failure) {
    public boolean ok() {
        return failure == null;
    }
}
