package io.clickgive.call;

import io.clickgive.beneficiary.BeneficiaryKind;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;

/**
 * An organisation's application to a call: what it is, where, for how many people, what it asks, its answers. Where it
 * stands changes only through Calls and ApplicationReview, each change an ApplicationEvent.
 */
@Entity
public class Application extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String reference;
    public long callId;
    public String organisation;
    /** The organisation and region as compared for duplicates (OrganisationKeys). */
    public String organisationKey;
    public String phoneKey;

    @Enumerated(EnumType.STRING)
    public BeneficiaryKind kind;

    public String regionCode;
    public String province;
    public int peopleServed;
    public String purpose;
    public int tablets;
    public int gigabytes;
    public String contactName;
    public String contactPhone;
    public String contactEmail;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<String> answers;

    public Boolean gridPower;
    public String siteFacts;

    @Enumerated(EnumType.STRING)
    public ApplicationStatus status;

    public Long beneficiaryId;
    public Long requestId;
    public Instant submittedAt; // set by its service, from the clock
    public Instant updatedAt;
}
