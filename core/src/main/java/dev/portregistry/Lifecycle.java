package dev.portregistry;

import java.util.Objects;

/**
 * What an overlay says about the life of an assignment: its new status and, as fields, the product
 * and vendor behind it, the year it was discontinued, the reason and the basis. Applied with
 * {@link Overlay.Builder#lifecycle(int, String, Lifecycle)}, the values become the assignment's
 * {@link ServiceAssignment#status()}, {@link ServiceAssignment#product()} and so on. A lifecycle
 * that changes an assignment's status replaces all of its lifecycle facts, an empty text or a year
 * of 0 leaving that fact empty; one with the status the assignment already has fills in the facts
 * it gives and keeps the others (an empty text or a year of 0 keeps what the assignment had).
 *
 * <p>Immutable and thread-safe; each {@code with} method returns a new value, so later releases
 * can add fields without breaking callers.
 */
public final class Lifecycle {
    private final LifecycleStatus status;
    private final String product;
    private final String vendor;
    private final int discontinuedYear;
    private final String reason;
    private final String basis;

    private Lifecycle(LifecycleStatus status, String product, String vendor, int discontinuedYear, String reason,
                      String basis) {
        this.status = status;
        this.product = product;
        this.vendor = vendor;
        this.discontinuedYear = discontinuedYear;
        this.reason = reason;
        this.basis = basis;
    }

    /**
     * Returns a lifecycle with a status and no other facts.
     *
     * @param status ACTIVE, ABANDONED, HISTORIC or DEREGISTERED; not null
     * @return the lifecycle, never null
     * @throws NullPointerException     if status is null
     * @throws IllegalArgumentException naming the status if it is not an assignment status
     */
    public static Lifecycle of(LifecycleStatus status) {
        Objects.requireNonNull(status, "status must not be null");
        if (!status.isAssignment()) {
            throw new IllegalArgumentException("status " + status
                    + " is not an assignment status: expected ACTIVE, ABANDONED, HISTORIC or DEREGISTERED");
        }
        return new Lifecycle(status, "", "", 0, "", "");
    }

    /**
     * Returns a copy with the given {@code product}.
     *
     * @param value the product, e.g. {@code Network Magic}; not null
     * @return a copy with it
     */
    public Lifecycle withProduct(String value) {
        return new Lifecycle(status, Values.text(value, "product"), vendor, discontinuedYear, reason, basis);
    }

    /**
     * Returns a copy with the given {@code vendor}.
     *
     * @param value the vendor; not null
     * @return a copy with it
     */
    public Lifecycle withVendor(String value) {
        return new Lifecycle(status, product, Values.text(value, "vendor"), discontinuedYear, reason, basis);
    }

    /**
     * Returns a copy with the given {@code discontinuedYear}.
     *
     * @param value the year discontinued, 1 to 9999, or 0 for unknown
     * @return a copy with it
     * @throws IllegalArgumentException naming the value if out of range
     */
    public Lifecycle withDiscontinuedYear(int value) {
        return new Lifecycle(status, product, vendor, Values.year(value, "discontinuedYear"), reason, basis);
    }

    /**
     * Returns a copy with the given {@code reason}.
     *
     * @param value why the status is what it is; not null
     * @return a copy with it
     */
    public Lifecycle withReason(String value) {
        return new Lifecycle(status, product, vendor, discontinuedYear, Values.text(value, "reason"), basis);
    }

    /**
     * Returns a copy with the given {@code basis}.
     *
     * @param value what the facts rest on; not null
     * @return a copy with it
     */
    public Lifecycle withBasis(String value) {
        return new Lifecycle(status, product, vendor, discontinuedYear, reason, Values.text(value, "basis"));
    }

    /** Returns the status, never null. */
    public LifecycleStatus status() {
        return status;
    }

    /** Returns the product, possibly empty, never null. */
    public String product() {
        return product;
    }

    /** Returns the vendor, possibly empty, never null. */
    public String vendor() {
        return vendor;
    }

    /** Returns the year discontinued, or 0 for unknown. */
    public int discontinuedYear() {
        return discontinuedYear;
    }

    /** Returns the reason, possibly empty, never null. */
    public String reason() {
        return reason;
    }

    /** Returns the basis, possibly empty, never null. */
    public String basis() {
        return basis;
    }

    /**
     * Applies these facts to an assignment: all of them when the status changes (the old status's
     * facts do not describe the new one), else only those given, keeping the assignment's own.
     */
    ServiceAssignment applyTo(ServiceAssignment a) {
        if (a.status() != status) {
            return a.toBuilder().status(status).product(product).vendor(vendor).discontinuedYear(discontinuedYear)
                    .reason(reason).basis(basis).build();
        }
        ServiceAssignment.Builder b = a.toBuilder();
        if (!product.isEmpty()) {
            b.product(product);
        }
        if (!vendor.isEmpty()) {
            b.vendor(vendor);
        }
        if (discontinuedYear != 0) {
            b.discontinuedYear(discontinuedYear);
        }
        if (!reason.isEmpty()) {
            b.reason(reason);
        }
        if (!basis.isEmpty()) {
            b.basis(basis);
        }
        return b.build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Lifecycle l && l.status == status && l.product.equals(product) && l.vendor.equals(vendor)
                && l.discontinuedYear == discontinuedYear && l.reason.equals(reason) && l.basis.equals(basis);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, product, vendor, discontinuedYear, reason, basis);
    }

    /**
     * Returns a short form such as {@code ABANDONED Network Magic 2012}: the status, then the
     * product and the year discontinued where known.
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return status + (product.isEmpty() ? "" : " " + product) + (discontinuedYear == 0 ? "" : " " + discontinuedYear);
    }
}
