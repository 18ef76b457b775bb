package org.tic.project.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Read model: the latest snapshot of a membership-service organization, or its tombstone once deleted. */
@Entity
@Table(name = "organization_snapshot")
public class OrganizationSnapshot extends ReplicatedSnapshot {

    @Id
    public UUID id;

    public String name;

    public String kind;

    public String country;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> sectors = new ArrayList<>();

    public String website;

    @Column(nullable = false)
    public boolean deleted;
}
