package dev.portregistry.data;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.AnnotationBasedArgumentsProvider;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsSource;
import org.junit.jupiter.params.support.ParameterDeclarations;
import org.opentest4j.TestAbortedException;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Method;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * A property test: a JUnit parameterized test that runs {@link #tries()} times, each time with a
 * {@link Gen} of its own seed, as its one parameter. The seeds are fixed per property (derived
 * from its class and method name), so every build tries the same inputs and never fails by
 * chance; {@code -Dportregistry.seeds=random} draws new seeds to explore other inputs. Each
 * invocation is named after its seed.
 *
 * <p>When a try fails, the failure names the seed, how to re-run it, and the inputs the test
 * passed to {@link Gen#input(String, Object)}; the original failure is its cause. The remaining
 * tries of that property are skipped, so one bug gives one report. To re-run one input, set the
 * system property {@value #SEED_PROPERTY}: every property then runs once, with that seed, e.g.
 * {@code mvn -B -o -pl registry-data -am test -Dsurefire.failIfNoSpecifiedTests=false
 * -Dtest=NpmIndexPropertiesTest#aDamagedFileIsReadOrReportedWithFileAndLine -Dportregistry.seed=42}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "{0}")
@ArgumentsSource(SeededProperty.Seeds.class)
@ExtendWith(SeededProperty.ReportSeed.class)
@interface SeededProperty {
    /** The system property that, when set, runs every property once with the seed it holds. */
    String SEED_PROPERTY = "portregistry.seed";

    /** How many inputs to try. */
    int tries();

    /** Gives each invocation a {@link Gen}: {@code tries} random seeds, or the one seed asked for. */
    final class Seeds extends AnnotationBasedArgumentsProvider<SeededProperty> {
        @Override
        protected Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters,
                                                               ExtensionContext context, SeededProperty property) {
            String fixed = System.getProperty(SEED_PROPERTY);
            if (fixed != null && !fixed.isBlank()) {
                long seed;
                try {
                    seed = Long.parseLong(fixed.strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("system property " + SEED_PROPERTY + " is \"" + fixed
                            + "\": expected a seed as reported by a failure, a long such as -6885981863992385765", e);
                }
                return Stream.of(Arguments.of(new Gen(seed)));
            }
            if (property.tries() < 1) {
                throw new IllegalArgumentException("tries is " + property.tries() + ": expected 1 or more");
            }
            // fixed seeds per property unless -Dportregistry.seeds=random: CI runs the same inputs
            // every time (a build never fails by chance), and a random run explores new ones
            boolean random = "random".equals(System.getProperty("portregistry.seeds"));
            String id = context.getRequiredTestClass().getName() + "#" + context.getRequiredTestMethod().getName();
            SplittableRandom seeds = random ? new SplittableRandom() : new SplittableRandom(id.hashCode());
            return LongStream.generate(seeds::nextLong).limit(property.tries()).mapToObj(s -> Arguments.of(new Gen(s)));
        }
    }

    /** Turns a failed try into a report of its seed and inputs, and skips the tries after it. */
    final class ReportSeed implements InvocationInterceptor {
        private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ReportSeed.class);

        @Override
        public void interceptTestTemplateMethod(Invocation<Void> invocation,
                                                ReflectiveInvocationContext<Method> invocationContext,
                                                ExtensionContext extensionContext) throws Throwable {
            ExtensionContext.Store property = extensionContext.getParent().orElseThrow().getStore(NAMESPACE);
            Object failed = property.get("failed");
            if (failed != null) {
                invocation.skip();
                throw new TestAbortedException("not tried: " + failed + " failed already");
            }
            Gen gen = (Gen) invocationContext.getArguments().get(0);
            try {
                invocation.proceed();
            } catch (TestAbortedException | VirtualMachineError e) {
                throw e;
            } catch (Throwable t) {
                property.put("failed", gen.toString());
                String test = extensionContext.getRequiredTestClass().getSimpleName() + "#"
                        + extensionContext.getRequiredTestMethod().getName();
                throw new AssertionError(test + " failed for " + gen + ": " + t
                        + "\nre-run this input with -D" + SEED_PROPERTY + "=" + gen.seed() + " -Dtest=" + test
                        + "\ninput:" + gen.describeInputs(), t);
            }
        }
    }
}
