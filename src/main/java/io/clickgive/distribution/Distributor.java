package io.clickgive.distribution;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** A partner organisation that receives tablets and hands them to beneficiaries in the regions it serves. */
@Entity
public class Distributor extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String code;
    public String name;
    public String contact;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "distributor_region", joinColumns = @JoinColumn(name = "distributor_id"))
    @Column(name = "region_code")
    public Set<String> regions = new TreeSet<>();

    public Instant createdAt; // set by its service, from the clock

    public static Optional<Distributor> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    public boolean serves(String region) {
        return regions.contains(region);
    }
}
