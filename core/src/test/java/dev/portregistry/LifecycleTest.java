package dev.portregistry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Set;

import static dev.portregistry.FixtureRegistry.FIXTURE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A lifecycle's own values, and how an overlay applies it: a new status replaces every lifecycle
 * fact of the assignment, the same status fills in only the facts it gives. On the fixture table.
 */
class LifecycleTest {
    private static final int PORT = 7443; // free in the fixture

    @ParameterizedTest
    @EnumSource(value = LifecycleStatus.class, names = {"ACTIVE", "ABANDONED", "HISTORIC", "DEREGISTERED"})
    void anAssignmentStatusStartsWithoutFacts(LifecycleStatus status) {
        Lifecycle l = Lifecycle.of(status);
        assertThat(l.status()).isEqualTo(status);
        assertThat(l.product()).isEmpty();
        assertThat(l.vendor()).isEmpty();
        assertThat(l.discontinuedYear()).isZero();
        assertThat(l.reason()).isEmpty();
        assertThat(l.basis()).isEmpty();
        assertThat(l).hasToString(status.name());
    }

    @ParameterizedTest
    @EnumSource(value = LifecycleStatus.class, names = {"RESERVED", "UNASSIGNED"})
    void aStatusThatIsNoAssignmentIsRefused(LifecycleStatus status) {
        assertThatThrownBy(() -> Lifecycle.of(status)).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("status " + status + " is not an assignment status: expected ACTIVE, ABANDONED, HISTORIC or DEREGISTERED");
    }

    @Test
    void eachWithGivesANewValueWithThatFactAndKeepsTheOthers() {
        Lifecycle base = Lifecycle.of(LifecycleStatus.ABANDONED);
        Lifecycle full = base.withProduct("Network Magic").withVendor("Pure Networks").withDiscontinuedYear(2012)
                .withReason("The product was discontinued.").withBasis("the vendor's notice");
        assertThat(full.status()).isEqualTo(LifecycleStatus.ABANDONED);
        assertThat(full.product()).isEqualTo("Network Magic");
        assertThat(full.vendor()).isEqualTo("Pure Networks");
        assertThat(full.discontinuedYear()).isEqualTo(2012);
        assertThat(full.reason()).isEqualTo("The product was discontinued.");
        assertThat(full.basis()).isEqualTo("the vendor's notice");
        // the later with replaces only its own fact
        Lifecycle renamed = full.withProduct("Magic");
        assertThat(renamed.product()).isEqualTo("Magic");
        assertThat(renamed.vendor()).isEqualTo("Pure Networks");
        assertThat(renamed.discontinuedYear()).isEqualTo(2012);
        assertThat(renamed.reason()).isEqualTo("The product was discontinued.");
        assertThat(renamed.basis()).isEqualTo("the vendor's notice");
        // immutable: the values it was made from are unchanged
        assertThat(base).isEqualTo(Lifecycle.of(LifecycleStatus.ABANDONED));
        assertThat(full.product()).isEqualTo("Network Magic");
    }

    @Test
    void theShortFormIsTheStatusWithTheProductAndYearWhereKnown() {
        Lifecycle abandoned = Lifecycle.of(LifecycleStatus.ABANDONED);
        assertThat(abandoned.withProduct("Network Magic").withDiscontinuedYear(2012))
                .hasToString("ABANDONED Network Magic 2012");
        assertThat(abandoned.withProduct("Network Magic")).hasToString("ABANDONED Network Magic");
        assertThat(abandoned.withDiscontinuedYear(2012)).hasToString("ABANDONED 2012");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 1999, 9999})
    void aYearFrom1To9999Or0ForUnknownIsKept(int year) {
        assertThat(Lifecycle.of(LifecycleStatus.ABANDONED).withDiscontinuedYear(year).discontinuedYear()).isEqualTo(year);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 10000, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void aYearOutOfRangeIsRefusedByValue(int year) {
        assertThatThrownBy(() -> Lifecycle.of(LifecycleStatus.ABANDONED).withDiscontinuedYear(year))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("discontinuedYear " + year + " is out of range: expected 1..9999, or 0 for unknown");
    }

    @Test
    void nullTextIsRefusedByTheFactsName() {
        Lifecycle l = Lifecycle.of(LifecycleStatus.HISTORIC);
        assertThatThrownBy(() -> l.withProduct(null)).isExactlyInstanceOf(NullPointerException.class).hasMessageStartingWith("product ");
        assertThatThrownBy(() -> l.withVendor(null)).isExactlyInstanceOf(NullPointerException.class).hasMessageStartingWith("vendor ");
        assertThatThrownBy(() -> l.withReason(null)).isExactlyInstanceOf(NullPointerException.class).hasMessageStartingWith("reason ");
        assertThatThrownBy(() -> l.withBasis(null)).isExactlyInstanceOf(NullPointerException.class).hasMessageStartingWith("basis ");
    }

    // ------------------------------------------------------------------ applied by an overlay

    /** The fixture with a local ABANDONED assignment at 7443 that has every lifecycle fact. */
    private static PortRegistry withBilling() {
        return FIXTURE.withAssignment(PORT, ServiceAssignment.builder().name("billing").description("our billing")
                .transports(Set.of(Transport.TCP)).status(LifecycleStatus.ABANDONED).product("Billing Suite")
                .vendor("Acme").discontinuedYear(2020).reason("Billing moved to the cloud.").basis("ticket OPS-1").build());
    }

    private static ServiceAssignment billingAfter(PortRegistry registry, Lifecycle lifecycle) {
        PortRegistry after = registry.with(Overlay.builder("ops").lifecycle(PORT, "billing", lifecycle).build());
        return after.get(PORT).assignments().stream().filter(a -> a.name().equals("billing")).findFirst().orElseThrow();
    }

    @Test
    void theSameStatusWithoutFactsKeepsEveryFactTheAssignmentHad() {
        ServiceAssignment a = billingAfter(withBilling(), Lifecycle.of(LifecycleStatus.ABANDONED));
        assertThat(a.status()).isEqualTo(LifecycleStatus.ABANDONED);
        assertThat(a.product()).hasValue("Billing Suite");
        assertThat(a.vendor()).hasValue("Acme");
        assertThat(a.discontinuedYear()).hasValue(2020);
        assertThat(a.reason()).hasValue("Billing moved to the cloud.");
        assertThat(a.basis()).hasValue("ticket OPS-1");
    }

    @Test
    void theSameStatusReplacesTheFactsItGives() {
        ServiceAssignment a = billingAfter(withBilling(), Lifecycle.of(LifecycleStatus.ABANDONED).withProduct("Billing 2")
                .withVendor("Acme Corp").withDiscontinuedYear(2021).withReason("Replaced by SaaS.").withBasis("ticket OPS-2"));
        assertThat(a.product()).hasValue("Billing 2");
        assertThat(a.vendor()).hasValue("Acme Corp");
        assertThat(a.discontinuedYear()).hasValue(2021);
        assertThat(a.reason()).hasValue("Replaced by SaaS.");
        assertThat(a.basis()).hasValue("ticket OPS-2");
        assertThat(a.isLocal()).isTrue();
    }

    @Test
    void aNewStatusReplacesEveryFactLeavingEmptyWhatItDoesNotGive() {
        ServiceAssignment historic = billingAfter(withBilling(),
                Lifecycle.of(LifecycleStatus.HISTORIC).withReason("RFC 9999 obsoletes it."));
        assertThat(historic.status()).isEqualTo(LifecycleStatus.HISTORIC);
        assertThat(historic.reason()).hasValue("RFC 9999 obsoletes it.");
        assertThat(historic.product()).isEmpty();
        assertThat(historic.vendor()).isEmpty();
        assertThat(historic.discontinuedYear()).isEmpty();
        assertThat(historic.basis()).isEmpty();

        ServiceAssignment active = billingAfter(withBilling(), Lifecycle.of(LifecycleStatus.ACTIVE).withVendor("Acme")
                .withBasis("we run it again"));
        assertThat(active.status()).isEqualTo(LifecycleStatus.ACTIVE);
        assertThat(active.vendor()).hasValue("Acme");
        assertThat(active.basis()).hasValue("we run it again");
        assertThat(active.product()).isEmpty();
        assertThat(active.discontinuedYear()).isEmpty();
        assertThat(active.reason()).isEmpty();
    }
}
