package dev.portregistry;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * One assignment of a port: a service name over one or more transports, with IANA's record of it
 * and what we know of its life. In the bundled registry every assignment is IANA's; a registry
 * with an {@link Overlay} also holds the user's own ({@link Origin#LOCAL}).
 *
 * <p>IANA's record gives the {@linkplain #registrationDate() registration} and
 * {@linkplain #modificationDate() modification} dates, the {@linkplain #references() references},
 * the {@linkplain #serviceCode() service code}, a report of
 * {@linkplain #unauthorizedUseReported() unauthorized use} and IANA's
 * {@linkplain #assignmentNotes() assignment notes}; the people (Assignee, Contact) are left out.
 * An ABANDONED or HISTORIC assignment carries what is known of it as fields: the
 * {@linkplain #product() product} and {@linkplain #vendor() vendor}, the
 * {@linkplain #discontinuedYear() year it was discontinued}, the {@linkplain #reason() reason} and
 * the {@linkplain #basis() basis}. {@linkplain #programs() Programs} are those known to serve it.
 *
 * <p>Immutable and thread-safe. Absent values are empty Optionals or empty lists, never null.
 * Instances are made with {@link #builder()} or {@link #of}; new fields in later releases come
 * with new builder methods and accessors.
 */
public final class ServiceAssignment {
    private final String name;
    private final String description;
    private final Set<Transport> transports;
    private final LifecycleStatus status;
    private final Origin origin;
    private final @Nullable RegistryDate registrationDate;
    private final @Nullable RegistryDate modificationDate;
    private final List<String> references;
    private final String serviceCode;
    private final String unauthorizedUse;
    private final String assignmentNotes;
    private final String product;
    private final String vendor;
    private final int discontinuedYear;
    private final String reason;
    private final String basis;
    private final List<Program> programs;

    private ServiceAssignment(Builder b) {
        name = Objects.requireNonNull(b.name, "name must not be null");
        description = Objects.requireNonNull(b.description, "description must not be null");
        status = Values.required(b.status, "status of assignment \"", name, "\" must be set");
        origin = Objects.requireNonNull(b.origin, "origin must not be null");
        transports = Transports.copyOf(b.transports, "assignment ", name);
        if (status == LifecycleStatus.UNASSIGNED) {
            throw new IllegalArgumentException(
                    "assignment \"" + name + "\" has status UNASSIGNED: expected an assignment or RESERVED status");
        }
        registrationDate = b.registrationDate;
        modificationDate = b.modificationDate;
        references = Values.copyOf(b.references, "references of assignment ", name);
        serviceCode = b.serviceCode;
        unauthorizedUse = b.unauthorizedUse;
        assignmentNotes = b.assignmentNotes;
        product = b.product;
        vendor = b.vendor;
        discontinuedYear = b.discontinuedYear;
        reason = b.reason;
        basis = b.basis;
        programs = Values.copyOf(b.programs, "programs of assignment ", name);
    }

    /**
     * Returns a new builder with no values set but {@link Origin#IANA}.
     *
     * @return the builder, never null
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Creates an IANA assignment with no other fields.
     *
     * @param name        the service name, possibly empty (Reserved), not null
     * @param description the description, not null
     * @param transports  the transports, not null or empty
     * @param status      the status, not null or UNASSIGNED
     * @return the assignment, never null
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if transports is empty or the status UNASSIGNED
     */
    public static ServiceAssignment of(String name, String description, Set<Transport> transports,
                                       LifecycleStatus status) {
        return builder().name(name).description(description).transports(transports).status(status).build();
    }

    /**
     * Returns a builder that starts from this assignment's values.
     *
     * @return a new builder, never null
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.name = name;
        b.description = description;
        b.transports = transports;
        b.status = status;
        b.origin = origin;
        b.registrationDate = registrationDate;
        b.modificationDate = modificationDate;
        b.references = references;
        b.serviceCode = serviceCode;
        b.unauthorizedUse = unauthorizedUse;
        b.assignmentNotes = assignmentNotes;
        b.product = product;
        b.vendor = vendor;
        b.discontinuedYear = discontinuedYear;
        b.reason = reason;
        b.basis = basis;
        b.programs = programs;
        return b;
    }

    /** Returns the service name, e.g. {@code netmagic}; empty for Reserved and some De-registered entries, never null. */
    public String name() {
        return name;
    }

    /** Returns IANA's description, e.g. {@code Network Magic}; may be empty, never null. */
    public String description() {
        return description;
    }

    /** Returns the transports covered; immutable, never empty, in declaration order (TCP, UDP, SCTP, DCCP). */
    public Set<Transport> transports() {
        return transports;
    }

    /** Returns ACTIVE, ABANDONED, HISTORIC, DEREGISTERED or RESERVED, never null. */
    public LifecycleStatus status() {
        return status;
    }

    /** Returns IANA for the official registry, LOCAL for an assignment layered on by the user; never null. */
    public Origin origin() {
        return origin;
    }

    /** Returns when IANA registered it, with IANA's precision, or empty where IANA gives no date. */
    public Optional<RegistryDate> registrationDate() {
        return Optional.ofNullable(registrationDate);
    }

    /** Returns when IANA last changed the record, with IANA's precision, or empty. */
    public Optional<RegistryDate> modificationDate() {
        return Optional.ofNullable(modificationDate);
    }

    /** Returns the documents IANA's record refers to, such as {@code RFC 1939}; possibly empty, never null. */
    public List<String> references() {
        return references;
    }

    /** Returns IANA's service code, or empty. */
    public Optional<String> serviceCode() {
        return Values.optional(serviceCode);
    }

    /** Returns IANA's "Unauthorized Use Reported" text, or empty where none is reported. */
    public Optional<String> unauthorizedUseReported() {
        return Values.optional(unauthorizedUse);
    }

    /** Returns IANA's "Assignment Notes", e.g. {@code Use of 585 is not recommended, use 993 instead}; or empty. */
    public Optional<String> assignmentNotes() {
        return Values.optional(assignmentNotes);
    }

    /** Returns the product behind an abandoned assignment, e.g. {@code Network Magic}; or empty. */
    public Optional<String> product() {
        return Values.optional(product);
    }

    /** Returns the product's vendor, or empty. */
    public Optional<String> vendor() {
        return Values.optional(vendor);
    }

    /** Returns the year the product or protocol was discontinued, only where known. */
    public OptionalInt discontinuedYear() {
        return discontinuedYear == 0 ? OptionalInt.empty() : OptionalInt.of(discontinuedYear);
    }

    /** Returns why the status is what it is (for HISTORIC, e.g. the RFC that obsoleted it); or empty. */
    public Optional<String> reason() {
        return Values.optional(reason);
    }

    /** Returns what the lifecycle facts rest on (an end-of-life notice, an RFC), or where a local assignment was declared; or empty. */
    public Optional<String> basis() {
        return Values.optional(basis);
    }

    /** Returns programs known to serve this assignment, e.g. {@code sshd} for ssh; possibly empty, never null. */
    public List<Program> programs() {
        return programs;
    }

    /**
     * Tells whether this assignment was layered on by the user rather than taken from IANA.
     *
     * @return true if {@link #origin()} is LOCAL
     */
    public boolean isLocal() {
        return origin == Origin.LOCAL;
    }

    /**
     * Tells whether this assignment covers a transport.
     *
     * @param transport the transport, not null
     * @return true if {@link #transports()} contains it
     * @throws NullPointerException if transport is null
     */
    public boolean covers(Transport transport) {
        return transports.contains(Objects.requireNonNull(transport, "transport must not be null"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServiceAssignment a && name.equals(a.name) && description.equals(a.description)
                && transports.equals(a.transports) && status == a.status && origin == a.origin
                && Objects.equals(registrationDate, a.registrationDate)
                && Objects.equals(modificationDate, a.modificationDate) && references.equals(a.references)
                && serviceCode.equals(a.serviceCode) && unauthorizedUse.equals(a.unauthorizedUse)
                && assignmentNotes.equals(a.assignmentNotes) && product.equals(a.product)
                && vendor.equals(a.vendor) && discontinuedYear == a.discontinuedYear && reason.equals(a.reason)
                && basis.equals(a.basis) && programs.equals(a.programs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, description, transports, status, origin, registrationDate, modificationDate,
                references, serviceCode, unauthorizedUse, assignmentNotes, product, vendor, discontinuedYear,
                reason, basis, programs);
    }

    /**
     * Returns a short form such as {@code netmagic (Network Magic) [TCP, UDP] ABANDONED}.
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return name + " (" + description + ") " + transports + " " + status + (isLocal() ? " LOCAL" : "");
    }

    /**
     * Builds a {@link ServiceAssignment}. Not thread-safe; each {@link #build()} gives a new value.
     * An empty text means absent.
     */
    public static final class Builder {
        private String name = "";
        private String description = "";
        private Set<Transport> transports = Set.of();
        private @Nullable LifecycleStatus status;
        private Origin origin = Origin.IANA;
        private @Nullable RegistryDate registrationDate;
        private @Nullable RegistryDate modificationDate;
        private List<String> references = List.of();
        private String serviceCode = "";
        private String unauthorizedUse = "";
        private String assignmentNotes = "";
        private String product = "";
        private String vendor = "";
        private int discontinuedYear;
        private String reason = "";
        private String basis = "";
        private List<Program> programs = List.of();

        private Builder() {
        }

        /**
         * Sets {@code name}.
         *
         * @param value the service name, possibly empty, not null
         * @return this builder
         */
        public Builder name(String value) {
            name = Values.text(value, "name");
            return this;
        }

        /**
         * Sets {@code description}.
         *
         * @param value the description, possibly empty, not null
         * @return this builder
         */
        public Builder description(String value) {
            description = Values.text(value, "description");
            return this;
        }

        /**
         * Sets {@code transports}.
         *
         * @param value the transports, not null; must not be empty when built
         * @return this builder
         */
        public Builder transports(Set<Transport> value) {
            transports = Objects.requireNonNull(value, "transports must not be null");
            return this;
        }

        /**
         * Sets {@code status}.
         *
         * @param value the status, not null or UNASSIGNED when built
         * @return this builder
         */
        public Builder status(LifecycleStatus value) {
            status = Objects.requireNonNull(value, "status must not be null");
            return this;
        }

        /**
         * Sets {@code origin}.
         *
         * @param value IANA or LOCAL, not null
         * @return this builder
         */
        public Builder origin(Origin value) {
            origin = Objects.requireNonNull(value, "origin must not be null");
            return this;
        }

        /**
         * Sets {@code registrationDate}.
         *
         * @param value the registration date, or null for none
         * @return this builder
         */
        @SuppressWarnings("exports") // @Nullable is JSpecify's, which the module requires static on purpose
        public Builder registrationDate(@Nullable RegistryDate value) {
            registrationDate = value;
            return this;
        }

        /**
         * Sets {@code modificationDate}.
         *
         * @param value the modification date, or null for none
         * @return this builder
         */
        @SuppressWarnings("exports") // @Nullable is JSpecify's, which the module requires static on purpose
        public Builder modificationDate(@Nullable RegistryDate value) {
            modificationDate = value;
            return this;
        }

        /**
         * Sets {@code references}.
         *
         * @param value the references, not null and without null or blank elements
         * @return this builder
         */
        public Builder references(List<String> value) {
            references = Values.texts(value, "references");
            return this;
        }

        /**
         * Sets {@code serviceCode}.
         *
         * @param value the service code, empty for none, not null
         * @return this builder
         */
        public Builder serviceCode(String value) {
            serviceCode = Values.text(value, "serviceCode");
            return this;
        }

        /**
         * Sets {@code unauthorizedUseReported}.
         *
         * @param value IANA's unauthorized-use text, empty for none, not null
         * @return this builder
         */
        public Builder unauthorizedUseReported(String value) {
            unauthorizedUse = Values.text(value, "unauthorizedUseReported");
            return this;
        }

        /**
         * Sets {@code assignmentNotes}.
         *
         * @param value IANA's assignment notes, empty for none, not null
         * @return this builder
         */
        public Builder assignmentNotes(String value) {
            assignmentNotes = Values.text(value, "assignmentNotes");
            return this;
        }

        /**
         * Sets {@code product}.
         *
         * @param value the discontinued product, empty for none, not null
         * @return this builder
         */
        public Builder product(String value) {
            product = Values.text(value, "product");
            return this;
        }

        /**
         * Sets {@code vendor}.
         *
         * @param value the product's vendor, empty for none, not null
         * @return this builder
         */
        public Builder vendor(String value) {
            vendor = Values.text(value, "vendor");
            return this;
        }

        /**
         * Sets {@code discontinuedYear}.
         *
         * @param value the year discontinued, 1 to 9999, or 0 for unknown
         * @return this builder
         * @throws IllegalArgumentException naming the value if out of range
         */
        public Builder discontinuedYear(int value) {
            discontinuedYear = Values.year(value, "discontinuedYear");
            return this;
        }

        /**
         * Sets {@code reason}.
         *
         * @param value why the status is what it is, empty for none, not null
         * @return this builder
         */
        public Builder reason(String value) {
            reason = Values.text(value, "reason");
            return this;
        }

        /**
         * Sets {@code basis}.
         *
         * @param value what the facts rest on, empty for none, not null
         * @return this builder
         */
        public Builder basis(String value) {
            basis = Values.text(value, "basis");
            return this;
        }

        /**
         * Sets {@code programs}.
         *
         * @param value programs known to serve it, not null, without null elements
         * @return this builder
         */
        public Builder programs(List<Program> value) {
            programs = Objects.requireNonNull(value, "programs must not be null");
            return this;
        }

        /**
         * Builds the assignment.
         *
         * @return a new assignment, never null
         * @throws NullPointerException     if the status was not set or a list holds null
         * @throws IllegalArgumentException if transports is empty or the status UNASSIGNED
         */
        public ServiceAssignment build() {
            return new ServiceAssignment(this);
        }
    }
}
