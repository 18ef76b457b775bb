package org.tic.membership.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** The signed statement of ambition: its text or a reference to the signed document, and who signed when. */
public record StatementOfAmbition(@Size(max = 20000) String text,
                                  @Size(max = 1000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String documentUrl,
                                  @Size(max = 50) List<@NotNull @Valid Signatory> signatories,
                                  LocalDate signedOn) {

    public record Signatory(@NotBlank @Size(max = 200) String name, @Size(max = 200) String title,
                            @Size(max = 200) String organization) {
    }
}
