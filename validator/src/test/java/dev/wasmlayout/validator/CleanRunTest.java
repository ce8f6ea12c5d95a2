package dev.wasmlayout.validator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CleanRunTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void modulesThatStayInTheirRegionsRunCleanTogether(Engine engine) {
        RunReport r = new Validator(Fixture.set(dir), Fixture.options(engine)).run(List.of(
                new RunStep("alpha", "_start", new long[0], Fixture.ALPHA_OUT, 0, null),
                new RunStep("beta", "_start", new long[0], Fixture.BETA_OUT, 0, null),
                new RunStep("faulty", "own_work", new long[] {64}, "faulty: own_work 55\n", null, null)));
        assertThat(r.violations()).isEmpty();
        assertThat(r.steps()).allSatisfy(s -> assertThat(s.failure()).isNull());
        assertThat(r.exitStatus()).isZero();
        assertThat(r.notes()).isEmpty();
    }
}
