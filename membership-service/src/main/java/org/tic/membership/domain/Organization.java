package org.tic.membership.domain;

import org.tic.commons.persistence.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A company, government body, port authority, financier, ... that can take part in clusters. */
@Entity
@Table(name = "organization")
public class Organization extends AuditedEntity {

    @Id
    public UUID id;

    @NotBlank
    @Size(max = 200)
    @Column(nullable = false)
    public String name;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrganizationKind kind;

    @Pattern(regexp = "[A-Z]{2}")
    @Column(length = 2)
    public String country;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> sectors = new ArrayList<>();

    @Size(max = 500)
    public String website;
}
