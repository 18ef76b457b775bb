package org.tic.project.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class CategoryVocabularyTest {

    @Test
    void everyCategoryHasALabelAndTermsAndOnlyOtherHasNone() {
        for (ProjectCategory c : ProjectCategory.values()) {
            CategoryVocabulary.Terms t = CategoryVocabulary.of(c);
            assertNotNull(t, c.name());
            assertFalse(t.label().isBlank(), c.name());
            if (c != ProjectCategory.OTHER) {
                assertNotNull(t.iea() != null ? t.iea() : t.gem() != null ? t.gem() : t.mpp(),
                        c + " is in at least one tracker's vocabulary");
            }
        }
        assertNull(CategoryVocabulary.of(ProjectCategory.OTHER).iea());
        assertEquals("Global Nuclear Power Tracker", CategoryVocabulary.of(ProjectCategory.NUCLEAR).gem());
        assertEquals("Bioenergy", CategoryVocabulary.of(ProjectCategory.BIOENERGY_BIOMETHANE).iea());
    }
}
