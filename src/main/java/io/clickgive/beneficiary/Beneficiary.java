package io.clickgive.beneficiary;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** An association, a school or a connectivity site that receives tablets and data. */
@Entity
public class Beneficiary extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String code;

    @Enumerated(EnumType.STRING)
    public BeneficiaryKind kind;

    public String name;
    public String regionCode;
    public String province;
    public int peopleServed;
    public int tabletsRequested;
    public int gigabytesRequested;
    public String contactName;
    public String contactPhone;
    public String contactEmail;
    public Integer bandwidthMbps;
    public Long installationCost;
    public Integer phase;
    public Instant createdAt; // set by its service, from the clock

    /** Beneficiaries by code, of one region and/or kind when given. */
    public static List<Beneficiary> select(String region, BeneficiaryKind kind) {
        Parameters parameters = new Parameters();
        StringBuilder query = new StringBuilder("1 = 1");
        if (region != null) {
            query.append(" and regionCode = :region");
            parameters.and("region", region);
        }
        if (kind != null) {
            query.append(" and kind = :kind");
            parameters.and("kind", kind);
        }
        return list(query.toString(), Sort.by("code"), parameters);
    }

    public static Optional<Beneficiary> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }
}
