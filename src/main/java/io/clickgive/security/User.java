package io.clickgive.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.Roles;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;

/** Someone who signs in, with one role; a distributor user acts for one distributor organisation. */
@Entity
@Table(name = "app_user")
@UserDefinition
public class User extends PanacheEntityBase {

    public static final String ADMIN = "admin";
    public static final String MANAGER = "manager";
    public static final String DISTRIBUTOR = "distributor";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Username
    public String username;

    /** bcrypt, Modular Crypt Format. */
    @Password
    public String password;

    @Roles
    public String role;

    public Long distributorId;

    public Instant createdAt; // set by its service, from the clock

    public static Optional<User> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }
}
