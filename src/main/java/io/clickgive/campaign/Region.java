package io.clickgive.campaign;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** One of Morocco's 12 regions (seed data); the code is ISO 3166-2:MA. */
@Entity
public class Region extends PanacheEntityBase {

    @Id
    public String code;

    public String nameAr;

    public String nameFr;

    public String nameEn;
}
